"""What the API says about each item.

The view hands every serializer a context with what it found for the whole page of results:
``language_codes`` ({locale id: code}), ``sectors`` ({page id: [Sector]}) and ``translations``
({translation key: [(id, code)]})."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import Page

from policyshare.library.models import PublicationPage, VideoPage
from policyshare.network.models import Partner
from policyshare.news.models import NewsPage
from policyshare.policies.models import KeyResult, PolicyPage

from .content_types import CONTENT_TYPES, TYPE_OF_MODEL


class SectorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class TranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    language = serializers.CharField()


class TranslatedItemMixin(serializers.Serializer):
    """Fields shared by pages and partners: the language and the other languages' versions."""

    language = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField(
        help_text="The item's versions in the other languages (same translation_key)."
    )

    @extend_schema_field({"type": "string", "enum": ["ko", "en"]})
    def get_language(self, item):
        return self.context["language_codes"][item.locale_id]

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, item):
        return [
            {"id": pk, "language": code}
            for pk, code in self.context["translations"].get(item.translation_key, [])
            if pk != item.pk
        ]


class ItemSerializer(TranslatedItemMixin, serializers.ModelSerializer):
    """Every page type: what a listing of mixed types shows."""

    type = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="The page on the portal (absolute).")
    api_url = serializers.SerializerMethodField(help_text="This item in the API (absolute).")
    summary = serializers.SerializerMethodField()
    date = serializers.DateField(
        source="item_date",
        help_text="News: registration date; videos: recording date; "
        "policies and publications: the day first published.",
    )
    sectors = serializers.SerializerMethodField()

    class Meta:
        model = Page
        fields = [
            "id",
            "translation_key",
            "type",
            "language",
            "title",
            "url",
            "api_url",
            "summary",
            "date",
            "first_published_at",
            "last_published_at",
            "sectors",
            "translations",
        ]

    @extend_schema_field({"type": "string", "enum": list(CONTENT_TYPES)})
    def get_type(self, page):
        return TYPE_OF_MODEL[type(page)].name

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page.get_full_url(self.context["request"])

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, page):
        path = reverse(f"api:{TYPE_OF_MODEL[type(page)].name}-detail", args=[page.pk])
        return self.context["request"].build_absolute_uri(path)

    def get_summary(self, page) -> str:
        return page.summary

    @extend_schema_field(SectorSerializer(many=True))
    def get_sectors(self, page):
        return [
            {"slug": sector.slug, "name": sector.name}
            for sector in self.context["sectors"].get(page.pk, [])
        ]


class KeyResultSerializer(serializers.ModelSerializer):
    value = serializers.DecimalField(
        source="actual", max_digits=16, decimal_places=2, coerce_to_string=False
    )
    baseline = serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=False, allow_null=True
    )
    target = serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=False, allow_null=True
    )

    class Meta:
        model = KeyResult
        fields = ["indicator", "value", "unit", "year", "baseline", "target", "source"]


class PolicySerializer(ItemSerializer):
    key_results = KeyResultSerializer(many=True)
    goals = serializers.SerializerMethodField(
        help_text="Numbers of the Sustainable Development Goals it serves."
    )

    class Meta(ItemSerializer.Meta):
        model = PolicyPage
        fields = [
            *ItemSerializer.Meta.fields,
            "department",
            "start_year",
            "end_year",
            "goals",
            "key_results",
        ]

    def get_goals(self, page) -> list[int]:
        return [goal.number for goal in page.goals.all()]


class NewsSerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = NewsPage
        fields = [*ItemSerializer.Meta.fields, "author"]


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField(help_text="The PDF (absolute).")
    size = serializers.IntegerField(allow_null=True, help_text="In bytes.")
    content_type = serializers.CharField()


class PublicationSerializer(ItemSerializer):
    document = serializers.SerializerMethodField(
        help_text="The PDF; null while the file is kept in a private collection."
    )

    class Meta(ItemSerializer.Meta):
        model = PublicationPage
        fields = [*ItemSerializer.Meta.fields, "kind", "year", "document_language", "document"]

    @extend_schema_field(DocumentSerializer(allow_null=True))
    def get_document(self, page):
        document = page.document
        if document.collection.get_view_restrictions().exists():
            return None
        return {
            "title": document.title,
            "url": self.context["request"].build_absolute_uri(document.url),
            "size": document.get_file_size(),
            "content_type": "application/pdf",
        }


class VideoSerializer(ItemSerializer):
    provider = serializers.SerializerMethodField()
    embed_url = serializers.SerializerMethodField(help_text="The player's address.")

    class Meta(ItemSerializer.Meta):
        model = VideoPage
        fields = [
            *ItemSerializer.Meta.fields,
            "video_url",
            "provider",
            "embed_url",
            "spoken_language",
            "duration_minutes",
            "recorded_on",
        ]

    @extend_schema_field({"type": "string", "enum": ["youtube", "vimeo"], "nullable": True})
    def get_provider(self, page):
        source = page.source
        return source.provider if source else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_embed_url(self, page):
        source = page.source
        return source.embed_url if source else None


class PartnerSerializer(TranslatedItemMixin, serializers.ModelSerializer):
    type = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    logo_url = serializers.SerializerMethodField()

    class Meta:
        model = Partner
        fields = [
            "id",
            "translation_key",
            "type",
            "language",
            "name",
            "kind",
            "country",
            "website",
            "description",
            "logo_url",
            "translations",
        ]

    @extend_schema_field({"type": "string", "enum": ["partner"]})
    def get_type(self, partner):
        return "partner"

    @extend_schema_field(
        {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "nullable": True,
            "description": "Where it has its seat: an ISO 3166-1 alpha-2 code, or null.",
        }
    )
    def get_country(self, partner):
        return partner.country.code or None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_logo_url(self, partner):
        if partner.logo is None:
            return None
        return self.context["request"].build_absolute_uri(partner.logo.file.url)


SERIALIZERS = {
    "policy": PolicySerializer,
    "news": NewsSerializer,
    "publication": PublicationSerializer,
    "video": VideoSerializer,
}
