from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks

from .routing import locale_for


@hooks.register("before_serve_page")
def redirect_to_existing_translation(page, request, serve_args, serve_kwargs):
    """A page reached through the other language's tree (see ``language.py``) is shown as it
    is only while it has no translation; once one is published, the visitor is sent there."""
    language_code = get_language()
    if page.locale.language_code == language_code:
        return None
    locale = locale_for(language_code)
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is not None and translation.live:
        return redirect(translation.url)
    return None


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    from .translation_status import TranslationStatusPanel

    panels.append(TranslationStatusPanel())
