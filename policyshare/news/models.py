import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from policyshare.core.blocks import BodyBlock
from policyshare.core.fragments import cached_fragment
from policyshare.core.listing import kept_ids, paginate_kept, rows_in_order, with_renditions
from policyshare.core.mixins import ListingMixin
from policyshare.core.models import IndexPage
from policyshare.core.numbers import whole_number
from policyshare.core.restrictions import public
from policyshare.policies.models import RelatedPoliciesMixin, Sector


class NewsIndexPage(IndexPage):
    """News of one language, newest first, filterable by year and sector."""

    subpage_types = ["news.NewsPage"]
    per_page = 10

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        everything = articles = articles_of(self)
        # Kept per generation: reading every article's date cost 25 ms at 5,000 articles.
        years = cached_fragment(
            "news-years",
            self.pk,
            build=lambda: [day.year for day in everything.dates("date", "year", order="DESC")],
        )
        year = whole_number(request.GET.get("year"), minimum=1, maximum=9999)
        if year is not None:
            articles = articles.filter(date__year=year)
        sector = Sector.chosen(self.locale, request.GET.get("sector"))
        if sector is not None:
            articles = sector.narrow(articles)
        articles = paginate_kept(
            request,
            with_renditions(articles, "listing_image"),
            self.per_page,
            key=listing_key(self, year, sector),
        )
        context.update(
            articles=articles,
            years=years,
            current_year=year,
            sectors=Sector.objects.filter(locale=self.locale),
            current_sector=sector,
        )
        return context


class NewsPage(RelatedPoliciesMixin, ListingMixin, Page):
    date = models.DateField(_("registration date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=100)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    serve_select_related = (*ListingMixin.serve_select_related, "sector")
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("author")]), FieldPanel("sector")],
            heading=_("Publication details"),
        ),
        *ListingMixin.listing_panels,
        FieldPanel("body"),
        *RelatedPoliciesMixin.related_policies_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def structured_data(self, request):
        data = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.date.isoformat(),
            "author": {"@type": "Organization", "name": self.author},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.sector:
            data["articleSection"] = self.sector.name
        return data


def articles_of(index):
    """The live public articles of the news index ``index`` (a plain ``Page`` will do), newest
    first."""
    return (
        public(NewsPage.objects.child_of(index).live())
        .select_related("sector", "listing_image")
        .order_by("-date", "-pk")
    )


def listing_key(index, year=None, sector=None):
    """What the order of ``index``'s articles, filtered by ``year`` and ``sector``, is kept under
    (``core/listing.py``)."""
    return (index.pk, year or "", sector.pk if sector else "")


def latest_articles(index, count):
    """The ``count`` newest articles of the news index ``index``, from the order its list keeps:
    the home page's latest news after a purge then cost no sort of every article's row."""
    return rows_in_order(
        articles_of(index), kept_ids(articles_of(index), listing_key(index))[:count]
    )
