"""Translating content the way wagtail-localize does it for an editor: a TranslationSource is
extracted from the Korean object, a Translation into English is started, every string segment
gets a StringTranslation (what the editor types in the translation editor) and the target is
saved and published."""

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.factories import locale


def english(text, path):
    """The "translation" our editor types: recognisable, and still a valid slug for slugs."""
    return f"en-{text}" if path == "slug" else f"EN {text}"


def translate_strings(source, target_locale, translate=english, keep=()):
    """Adds a StringTranslation for every segment of ``source``; segments whose context path is
    in ``keep`` are "translated" as themselves, as a careful editor would do."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        data = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={
                "data": data
                if segment.context.path in keep
                else translate(data, segment.context.path)
            },
        )


def localize(instance, code="en", keep=(), on_commit=None):
    """Translates ``instance`` into ``code`` with wagtail-localize and returns the target.

    ``on_commit`` is pytest-django's ``django_capture_on_commit_callbacks``: wagtail-localize
    publishes a page on transaction commit, which a test transaction never reaches."""
    target_locale = locale(code)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target_locale)
    translate_strings(source, target_locale, keep=keep)
    return save_target(translation, on_commit)


def save_target(translation, on_commit):
    with on_commit(execute=True):
        translation.save_target(publish=True)
    target = translation.get_target_instance()
    if isinstance(target, Page):
        target = target.specific_class.objects.get(pk=target.pk)
    return target


def segment_paths(instance):
    source = TranslationSource.objects.get_for_instance(instance)
    return {segment.context.path for segment in StringSegment.objects.filter(source=source)}
