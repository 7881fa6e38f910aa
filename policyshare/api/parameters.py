"""The query parameters of the API, checked before any query runs.

Every field carries its own messages, in the portal's catalogue: Django REST framework ships
Korean only as ``ko_KR``, which a request in ``ko`` never finds."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from rest_framework import serializers

from policyshare.library.models import PublicationPage
from policyshare.network.models import Partner
from policyshare.policies.models import Sector

from .content_types import CONTENT_TYPES

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def choice_field(choices, help_text):
    return serializers.ChoiceField(
        choices=choices,
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": _("“{input}” is not one of the allowed values.")},
    )


def date_field(help_text):
    return serializers.DateField(
        required=False,
        input_formats=["iso-8601"],
        help_text=help_text,
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )


class MessageLanguageParameters(serializers.Serializer):
    lang = choice_field(
        LANGUAGE_CODES,
        "The language of error messages (otherwise the Accept-Language header decides).",
    )


class TranslationKeyParameters(MessageLanguageParameters):
    language = choice_field(LANGUAGE_CODES, "Only items in this language.")
    translation_key = serializers.UUIDField(
        required=False,
        help_text="Only the versions (Korean, English) of one item.",
        error_messages={"invalid": _("Enter a translation key as a UUID.")},
    )


class PageParameters(TranslationKeyParameters):
    sector = serializers.SlugField(
        required=False,
        max_length=100,
        help_text="Only items filed under this sector (its slug, the same in every language).",
        error_messages={
            key: _("Enter a sector slug, e.g. transport.")
            for key in ["invalid", "blank", "max_length"]
        },
    )
    date_from = date_field("Only items dated on or after this day (YYYY-MM-DD).")
    date_to = date_field(
        "Only items dated on or before this day (YYYY-MM-DD); not before date_from."
    )

    def validate_sector(self, slug):
        """The translation key shared by the sector's Korean and English versions."""
        key = Sector.objects.filter(slug=slug).values_list("translation_key", flat=True).first()
        if key is None:
            raise serializers.ValidationError(_("There is no sector “%(slug)s”.") % {"slug": slug})
        return key

    def validate(self, attrs):
        if "date_from" in attrs and "date_to" in attrs and attrs["date_from"] > attrs["date_to"]:
            raise serializers.ValidationError(
                {"date_to": [_("The end date is before the start date.")]}
            )
        return attrs


class ItemParameters(PageParameters):
    type = choice_field(list(CONTENT_TYPES), "Only items of this type.")


class PublicationParameters(PageParameters):
    kind = choice_field(PublicationPage.Kind.values, "Only publications of this kind.")


class PartnerParameters(TranslationKeyParameters):
    kind = choice_field(Partner.Kind.values, "Only partners of this kind.")
    country = choice_field(
        [code for code, _name in countries],
        "Only partners with their seat in this country (ISO 3166-1 alpha-2 code, e.g. KR).",
    )
