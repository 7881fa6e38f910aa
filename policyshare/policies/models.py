import datetime
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from policyshare.core.blocks import RICH_TEXT_FEATURES, BodyBlock
from policyshare.core.fragments import cached_page_fragment
from policyshare.core.listing import paginate, with_renditions
from policyshare.core.mixins import ListingMixin
from policyshare.core.models import IndexPage
from policyshare.core.numbers import whole_number
from policyshare.core.restrictions import public
from policyshare.core.routing import active_locale

from .blocks import ChallengeBlock
from .related_content import collect_related_content
from .sdgs import GOAL_NAMES


class RelatedSections(NamedTuple):
    """The end of a policy page, rendered, with what its table of contents needs to know."""

    has_exchanges: bool
    has_related: bool
    html: str


@register_snippet
class Sector(TranslatableMixin, models.Model):
    """The field a policy belongs to, such as transport or water."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in addresses; keep it the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    # The slug keeps ?sector= links valid when a visitor switches language.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_sector_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def chosen(cls, locale, slug):
        """The sector of ``locale`` that a ``?sector=<slug>`` link names, or ``None``."""
        return cls.objects.filter(locale=locale, slug=slug).first() if slug else None

    def narrow(self, pages):
        """``pages`` filed under this sector. Matched by translation key: a translated page may
        still point at the source language's sector."""
        return pages.filter(sector__translation_key=self.translation_key)


class SustainableDevelopmentGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self):
        return GOAL_NAMES[self.number]


class PolicyPageQuerySet(PageQuerySet):
    def due_for_review(self, today=None):
        return self.filter(next_review__lt=today or timezone.localdate())


class PolicyIndexPage(IndexPage):
    """All policies of one language, filterable by sector and by Sustainable Development Goal."""

    subpage_types = ["policies.PolicyPage"]
    per_page = 12

    class Meta:
        verbose_name = _("policy index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        policies = with_renditions(
            self.live_children(PolicyPage)
            .select_related("sector", "listing_image")
            .order_by("title"),
            "listing_image",
        )
        sector = Sector.chosen(self.locale, request.GET.get("sector"))
        if sector is not None:
            policies = sector.narrow(policies)
        goal = SustainableDevelopmentGoal.objects.filter(
            number=whole_number(request.GET.get("sdg"), minimum=1, maximum=17)
        ).first()
        if goal is not None:
            policies = policies.filter(goals=goal)
        context.update(
            policies=paginate(request, policies, self.per_page),
            sectors=Sector.objects.filter(locale=self.locale),
            goals=SustainableDevelopmentGoal.objects.all(),
            current_sector=sector,
            current_goal=goal,
        )
        return context


class PolicyPage(ListingMixin, Page):
    """A model policy as a structured case: what was wrong, what was done, what it achieved."""

    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="policies"
    )
    serve_select_related = (*ListingMixin.serve_select_related, "sector")
    goals = ParentalManyToManyField(
        SustainableDevelopmentGoal, verbose_name=_("Sustainable Development Goals"), blank=True
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Leave empty while it is running.")
    )
    background = RichTextField(
        _("problem and background"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What problem the city faced and why it mattered."),
    )
    approach = StreamField(
        BodyBlock(),
        verbose_name=_("what was done and how"),
        help_text=_("The measures, the process and its stages."),
    )
    know_how = RichTextField(
        _("know-how"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What another city should know before trying the same."),
    )
    challenges = StreamField(
        [("challenge", ChallengeBlock())],
        blank=True,
        verbose_name=_("difficulties and how they were overcome"),
    )
    cost_and_financing = RichTextField(
        _("cost and financing"), blank=True, features=RICH_TEXT_FEATURES
    )
    staffing = RichTextField(_("staffing"), blank=True, features=RICH_TEXT_FEATURES)
    department = models.CharField(_("responsible department"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), default=datetime.date.today)
    next_review = models.DateField(
        _("next review due"),
        blank=True,
        null=True,
        help_text=_("Leave empty to set it to the last review date plus the review interval."),
    )

    objects = PageManager.from_queryset(PolicyPageQuerySet)()

    # wagtail-localize leaves many-to-many fields out of its sync and would offer the phone
    # number for translation: keep them following the source.
    override_translatable_fields = [
        SynchronizedField("goals", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        MultiFieldPanel(
            [
                FieldPanel("sector"),
                FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("featured"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("background"),
        FieldPanel("approach"),
        FieldPanel("know_how"),
        FieldPanel("challenges"),
        InlinePanel("key_results", heading=_("Key results"), label=_("Key result")),
        FieldPanel("cost_and_financing"),
        FieldPanel("staffing"),
        MultiFieldPanel(
            [
                FieldPanel("department"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Responsible department"),
        ),
        InlinePanel("exchanges", heading=_("Cities that studied or adopted it"), label=_("City")),
        FieldRowPanel(
            [FieldPanel("last_reviewed"), FieldPanel("next_review")], heading=_("Review")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("background"),
        index.SearchField("approach"),
        index.SearchField("know_how"),
        index.FilterField("sector"),
    ]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})
        if self.next_review is None and self.last_reviewed:
            self.next_review = self.last_reviewed + datetime.timedelta(
                days=settings.POLICYSHARE_REVIEW_INTERVAL_DAYS
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_sections"] = cached_page_fragment(
            request, self, "policy-related-sections", build=lambda: self.related_sections(request)
        )
        return context

    def related_sections(self, request):
        """The exchanges, the content that names the policy and the answers about it, rendered:
        seven queries or more, the same for every visitor, so kept per generation (publishing,
        unpublishing or translating any of them starts a new one)."""
        exchanges = self.localized_exchanges()
        related = collect_related_content(self)
        html = render_to_string(
            "policies/includes/related_sections.html",
            {"page": self, "exchanges": exchanges, **related},
            request,
        )
        return RelatedSections(
            has_exchanges=bool(exchanges),
            has_related=any(
                related.get(name)
                for name in ("related_news", "related_publications", "related_videos")
            ),
            html=mark_safe(html),  # noqa: S308 -- rendered by our own template, which escapes
        )

    @cached_property
    def goal_list(self):
        """The policy's goals, read once for the page and its structured data."""
        return list(self.goals.all())

    def localized_exchanges(self):
        """The exchanges, each with ``localized_city``: the city page in the visitor's language
        where translated. Three queries, not four per city as ``city.localized.specific``
        would make."""
        exchanges = list(self.exchanges.all())
        city_model = PolicyExchange._meta.get_field("city").related_model
        cities = city_model.objects.in_bulk([exchange.city_id for exchange in exchanges])
        language = get_supported_content_language_variant(translation.get_language())
        translated = {
            city.translation_key: city
            for city in city_model.objects.live().filter(
                translation_key__in=[city.translation_key for city in cities.values()],
                locale__language_code=language,
            )
        }
        for exchange in exchanges:
            city = cities[exchange.city_id]
            exchange.localized_city = translated.get(city.translation_key, city)
        return exchanges

    def related_pages(self, model):
        """Live pages of ``model`` in the visitor's language that name this policy (in either
        language) among their related policies. The visitor's locale is matched by its code,
        as ``Locale.get_active()`` finds it, in the same query rather than one query per list."""
        language = get_supported_content_language_variant(translation.get_language())
        return (
            public(model.objects.live())
            .filter(
                related_policies__translation_key=self.translation_key,
                locale__language_code=language,
            )
            .distinct()
        )

    def structured_data(self, request):
        data = {
            "@type": "Article",
            "headline": self.title[:110],
            "articleSection": self.sector.name,
            "author": {"@type": "GovernmentOrganization", "name": self.department},
            "about": [str(goal) for goal in self.goal_list],
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if not data["about"]:
            del data["about"]
        return data


class KeyResult(TranslatableMixin, Orderable):
    """One measured result, e.g. NOx emissions down by 782 kg a day in 2020."""

    policy = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="key_results")
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(_("actual"), max_digits=16, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel(
            [FieldPanel("baseline"), FieldPanel("target"), FieldPanel("actual"), FieldPanel("unit")]
        ),
        FieldRowPanel([FieldPanel("year"), FieldPanel("source")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("key result")
        ordering = ["sort_order"]


class PolicyExchange(TranslatableMixin, Orderable):
    """A city abroad that studied or adopted the policy."""

    class Kind(models.TextChoices):
        STUDIED = "studied", _("Studied")
        ADOPTED = "adopted", _("Adopted")

    policy = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="exchanges")
    city = models.ForeignKey(
        "network.CityPage",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="policy_exchanges",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STUDIED)
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("city"), FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("exchange with a city")
        ordering = ["sort_order"]


class RelatedPoliciesMixin(models.Model):
    """For content that reports on or documents policies: news, publications, videos."""

    related_policies = ParentalManyToManyField(
        PolicyPage,
        verbose_name=_("related policies"),
        blank=True,
        related_name="related_%(app_label)s_%(class)s",
    )

    related_policies_panels = [FieldPanel("related_policies")]

    # wagtail-localize leaves many-to-many fields out of its sync unless told.
    override_translatable_fields = [SynchronizedField("related_policies", overridable=False)]

    class Meta:
        abstract = True

    def localized_related_policies(self):
        """The related policies in the visitor's language where translated (two queries, not
        one per policy as ``Page.localized`` would make)."""
        # Through the ids: in a preview or a draft the relation is a revision's in-memory list,
        # which has no .live().
        related = list(
            public(PolicyPage.objects.live()).filter(
                pk__in=[policy.pk for policy in self.related_policies.all()]
            )
        )
        translated = {
            p.translation_key: p
            for p in public(PolicyPage.objects.live()).filter(
                translation_key__in=[p.translation_key for p in related],
                locale=active_locale(),
            )
        }
        return [translated.get(p.translation_key, p) for p in related]
