from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.listing import with_renditions
from policyshare.core.mixins import ListingMixin
from policyshare.core.models import IndexPage


@register_snippet
class Partner(TranslatableMixin, models.Model):
    """An organisation the city works with, shown with its logo."""

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International organisation")
        CITY_NETWORK = "city-network", _("City network")
        GOVERNMENT = "government", _("Government and agency")
        FINANCE = "finance", _("Development finance")
        ACADEMIA = "academia", _("Research and academia")
        BUSINESS = "business", _("Business association")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Where the organisation has its seat; blank for one that has none (an online platform).
    country = CountryField(_("country"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    show_on_home = models.BooleanField(_("show on the home page"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("sort_order")]),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("show_on_home"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PartnerIndexPage(IndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = with_renditions(
            Partner.objects.filter(locale=self.locale).select_related("logo"), "logo"
        )
        context["partner_groups"] = [
            (label, [p for p in partners if p.kind == kind])
            for kind, label in Partner.Kind.choices
            if any(p.kind == kind for p in partners)
        ]
        return context


class CityIndexPage(IndexPage):
    subpage_types = ["network.CityPage"]

    class Meta:
        verbose_name = _("city index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cities"] = with_renditions(
            self.live_children(CityPage).select_related("listing_image"), "listing_image"
        ).order_by("country", "title")
        return context


class CityPage(ListingMixin, Page):
    """A city abroad that the city exchanges know-how with."""

    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=100, blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        *ListingMixin.listing_panels,
        FieldPanel("description"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    parent_page_types = ["network.CityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def exchanges(self):
        """Exchanges recorded on policies of this page's language, whichever language's
        version of the city they point to (a translated policy keeps its source's city)."""
        exchange_model = self.policy_exchanges.model
        return (
            exchange_model.objects.filter(
                city__translation_key=self.translation_key,
                policy__locale=self.locale,
                policy__live=True,
            )
            .select_related("policy")
            .order_by("-year")
        )


class TrainingIndexPage(IndexPage):
    subpage_types = ["network.TrainingInstitutePage"]

    class Meta:
        verbose_name = _("training index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["institutes"] = with_renditions(
            self.live_children(TrainingInstitutePage).select_related("listing_image"),
            "listing_image",
        )
        return context


class TrainingInstitutePage(ListingMixin, Page):
    """A training institute, with its headquarters and regional centres, and its programmes."""

    mission = models.TextField(_("mission"))
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("mission"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("website")]),
        *ListingMixin.listing_panels,
        InlinePanel("centres", heading=_("Headquarters and regional centres"), label=_("Centre")),
        InlinePanel("programmes", heading=_("Programmes"), label=_("Programme")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("mission"),
        index.SearchField("description"),
    ]
    parent_page_types = ["network.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training institute")


class TrainingCentre(TranslatableMixin, Orderable):
    class Role(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters")
        REGIONAL = "regional", _("Regional centre")

    institute = ParentalKey(TrainingInstitutePage, on_delete=models.CASCADE, related_name="centres")
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REGIONAL)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country"), FieldPanel("role")]),
        FieldPanel("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("training centre")
        ordering = ["sort_order"]


class TrainingProgramme(TranslatableMixin, Orderable):
    institute = ParentalKey(
        TrainingInstitutePage, on_delete=models.CASCADE, related_name="programmes"
    )
    title = models.CharField(_("title"), max_length=200)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("audience"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("training programme")
        ordering = ["sort_order"]


class EventIndexPage(IndexPage):
    subpage_types = ["network.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = self.live_children(EventPage).order_by("-start_date")
        return context


class EventPage(ListingMixin, Page):
    """An event such as an online summit: its sessions, speakers and recordings."""

    class Attendance(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in-person", _("In person")
        MIXED = "mixed", _("In person and online")

        @property
        def schema_org_mode(self):
            return {
                "online": "OnlineEventAttendanceMode",
                "in-person": "OfflineEventAttendanceMode",
                "mixed": "MixedEventAttendanceMode",
            }[self.value]

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    location = models.CharField(
        _("location"), max_length=200, help_text=_("A place, or the platform of an online event.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    facts = RichTextField(
        _("facts and figures"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("For example the number of speakers, participating cities and viewers."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("attendance"), FieldPanel("location")]),
            ],
            heading=_("When and where"),
        ),
        *ListingMixin.listing_panels,
        FieldPanel("description"),
        FieldPanel("facts"),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    parent_page_types = ["network.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})

    def structured_data(self, request):
        online = {"@type": "VirtualLocation", "url": self.get_full_url(request)}
        place = {"@type": "Place", "name": self.location, "address": self.location}
        where = {
            self.Attendance.ONLINE: online,
            self.Attendance.IN_PERSON: place,
            self.Attendance.MIXED: [online, place],
        }[self.attendance]
        data = {
            "@type": "Event",
            "startDate": self.start_date.isoformat(),
            "endDate": self.end_date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{self.Attendance(self.attendance).schema_org_mode}",
            "location": where,
        }
        speakers = [{"@type": "Person", "name": s.name} for s in self.speakers.all()]
        if speakers:
            data["performer"] = speakers
        return data


class EventSession(TranslatableMixin, Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    video = models.ForeignKey(
        "library.VideoPage",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
        FieldPanel("description"),
        FieldPanel("video"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("session")
        ordering = ["sort_order"]


class EventSpeaker(TranslatableMixin, Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation"), FieldPanel("country")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        ordering = ["sort_order"]
