import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.listing import paginate, with_renditions
from policyshare.core.mixins import ListingMixin
from policyshare.core.models import IndexPage
from policyshare.policies.models import RelatedPoliciesMixin

from .video_embed import parse_video_url


class ContentLanguage(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    BOTH = "ko+en", _("Korean and English")
    OTHER = "other", _("Other")


class PublicationIndexPage(IndexPage):
    subpage_types = ["library.PublicationPage"]
    per_page = 12

    class Meta:
        verbose_name = _("publication index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = with_renditions(
            self.live_children(PublicationPage)
            .select_related("cover", "document")
            .order_by("-year", "title"),
            "cover",
        )
        kind = request.GET.get("kind")
        if kind in PublicationPage.Kind.values:
            publications = publications.filter(kind=kind)
        context.update(
            publications=paginate(request, publications, self.per_page),
            kinds=PublicationPage.Kind.choices,
            current_kind=kind,
        )
        return context


class PublicationPage(RelatedPoliciesMixin, ListingMixin, Page):
    """A brochure or report, downloadable as a PDF."""

    class Kind(models.TextChoices):
        BROCHURE = "brochure", _("Brochure")
        REPORT = "report", _("Report")
        CASE_STUDY = "case-study", _("Case study")
        GUIDE = "guide", _("Guide")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BROCHURE)
    year = models.PositiveSmallIntegerField(_("year of publication"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    document_language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=ContentLanguage.choices,
        default=ContentLanguage.BOTH,
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    serve_select_related = (*ListingMixin.serve_select_related, "document", "cover")
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
                FieldPanel("document"),
                FieldPanel("document_language"),
                FieldPanel("cover"),
            ],
            heading=_("Publication"),
        ),
        *ListingMixin.listing_panels,
        FieldPanel("description"),
        *RelatedPoliciesMixin.related_policies_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    parent_page_types = ["library.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def preview_image(self):
        return self.listing_image or self.cover

    def structured_data(self, request):
        is_report = self.kind in {self.Kind.REPORT, self.Kind.CASE_STUDY}
        encoding = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(self.document.url),
            "encodingFormat": "application/pdf",
        }
        size = self.document.get_file_size()
        if size:
            encoding["contentSize"] = (
                f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{-(-size // 1024)} KB"
            )
        data = {
            "@type": "Report" if is_report else "Book",
            "datePublished": str(self.year),
            "genre": str(self.get_kind_display()),
            "encoding": encoding,
        }
        if not is_report:
            data["bookFormat"] = "https://schema.org/EBook"
        languages = {"ko": "ko", "en": "en", "ko+en": ["ko", "en"]}.get(self.document_language)
        if languages:
            data["inLanguage"] = languages
        return data


class VideoIndexPage(IndexPage):
    subpage_types = ["library.VideoPage"]
    per_page = 12

    class Meta:
        verbose_name = _("video index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = with_renditions(
            self.live_children(VideoPage)
            .select_related("listing_image")
            .order_by("-recorded_on", "-pk"),
            "listing_image",
        )
        context["videos"] = paginate(request, videos, self.per_page)
        return context


class VideoPage(RelatedPoliciesMixin, ListingMixin, Page):
    """A video on a video site, embedded with a link out."""

    video_url = models.URLField(
        _("video address"), help_text=_("The address of the video on YouTube or Vimeo.")
    )
    spoken_language = models.CharField(
        _("spoken language"),
        max_length=10,
        choices=ContentLanguage.choices,
        default=ContentLanguage.KOREAN,
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    recorded_on = models.DateField(_("recorded on"), default=datetime.date.today)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldRowPanel(
                    [
                        FieldPanel("spoken_language"),
                        FieldPanel("duration_minutes"),
                        FieldPanel("recorded_on"),
                    ]
                ),
            ],
            heading=_("Video"),
        ),
        *ListingMixin.listing_panels,
        FieldPanel("description"),
        *RelatedPoliciesMixin.related_policies_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    parent_page_types = ["library.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        if parse_video_url(self.video_url) is None:
            raise ValidationError(
                {"video_url": _("Enter the address of a YouTube or Vimeo video.")}
            )

    @property
    def source(self):
        return parse_video_url(self.video_url)

    def structured_data(self, request):
        data = {"@type": "VideoObject", "uploadDate": self.recorded_on.isoformat()}
        source = self.source
        if source is not None:
            data["embedUrl"] = source.embed_url
        if self.preview_image is not None:
            rendition = self.preview_image.get_rendition("fill-1280x720")
            data["thumbnailUrl"] = request.build_absolute_uri(rendition.url)
        elif source is not None and source.provider == "youtube":
            data["thumbnailUrl"] = f"https://i.ytimg.com/vi/{source.video_id}/hqdefault.jpg"
        if self.duration_minutes:
            hours, minutes = divmod(self.duration_minutes, 60)
            data["duration"] = f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M"
        languages = {"ko": "ko", "en": "en", "ko+en": ["ko", "en"]}.get(self.spoken_language)
        if languages:
            data["inLanguage"] = languages
        return data
