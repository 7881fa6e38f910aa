"""The endpoints of /api/v1/: a listing and a detail view for each content type, a listing of
every type at once, and the partners.

Each request is counted against the per-address limit shared with the rest of the portal's
public endpoints (``policyshare.security.ratelimit``) before anything else happens."""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView
from wagtail.models import Page

from policyshare.core.numbers import object_id
from policyshare.network.models import Partner
from policyshare.security.ratelimit import check

from . import parameters
from .content_types import CONTENT_TYPES, item_date, public_pages, sector_lookup
from .errors import ErrorSerializer, NoSuchPath
from .pagination import StrictLimitOffsetPagination
from .relations import language_codes, sectors_by_page, translations_by_key
from .schema import SPECTACULAR_SETTINGS
from .serializers import SERIALIZERS, ItemSerializer, PartnerSerializer

RATE = "60/m"

ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="A query parameter is not valid."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests (see Retry-After)."),
}
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="No public item has this id.")}
# policyshare.security.request_limits refuses query strings longer than 2,048 characters.
URI_TOO_LONG = {
    (414, "text/plain"): OpenApiResponse(
        OpenApiTypes.STR, description="The query string is too long."
    )
}
ID_PARAMETER = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="Its id."
)


class AlwaysJson(BaseContentNegotiation):
    """JSON whatever the Accept header asks: there is nothing else to offer, and a 406 would
    only puzzle a browser or a harvester."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiView:
    """Language of messages, rate limit, and the per-page lookups every serializer needs."""

    content_negotiation_class = AlwaysJson
    pagination_class = StrictLimitOffsetPagination
    parameters_class = parameters.MessageLanguageParameters

    def initial(self, request, *args, **kwargs):
        # Before the parameters are checked, so that their messages come in this language.
        language = request.query_params.get("lang")
        if language in parameters.LANGUAGE_CODES:
            translation.activate(language)
        limited = check(request._request, "api", rate=RATE)
        if limited is not None:
            raise Throttled(wait=int(limited["Retry-After"]))
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        if response.status_code == 404:
            # LocaleMiddleware answers a 404 outside /ko/ and /en/ with a redirect to the same
            # path under the language prefix whenever that path resolves, which it always does
            # with Wagtail's catch-all page route: an API client would land on an HTML page.
            # Judged by the API's own URLs, which have no language prefix, it leaves it alone.
            request._request.urlconf = "policyshare.api.urls"
        return response

    def checked_parameters(self, parameters_class=None):
        # A plain dict, not the QueryDict: for a QueryDict, Django REST framework takes an
        # empty value ("?sector=") for a missing one, as HTML forms need; here it is an error.
        parameters_class = parameters_class or self.parameters_class
        params = parameters_class(data=self.request.query_params.dict())
        params.is_valid(raise_exception=True)
        return params.validated_data

    def get_object(self):
        # Any text in the id's place is answered here, in JSON: a path that Django's URL
        # patterns refused would get the HTML page of the site. Ids beyond the database's
        # integers name nothing (and would overflow SQLite).
        pk = object_id(self.kwargs["pk"])
        if pk is None:
            raise NotFound
        # A single item takes no filters, only the language of messages.
        self.checked_parameters(parameters.MessageLanguageParameters)
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise NotFound
        return item

    def get_serializer(self, item_or_items, many=False):
        items = list(item_or_items) if many else [item_or_items]
        context = {**self.get_serializer_context(), **self.related(items)}
        return self.serializer_class(item_or_items, many=many, context=context)

    def list(self, request, *args, **kwargs):
        items = self.paginate_queryset(self.filter(self.checked_parameters()))
        return self.get_paginated_response(self.get_serializer(items, many=True).data)


class PageView(ApiView):
    content_type = None  # None: pages of every type
    parameters_class = parameters.PageParameters

    def get_queryset(self):
        if self.content_type is None:
            models = [t.model for t in CONTENT_TYPES.values()]
            queryset = public_pages(Page).type(*models)
        else:
            queryset = (
                public_pages(self.content_type.model)
                .select_related(*self.content_type.select_related)
                .prefetch_related(*self.content_type.prefetch_related)
            )
        return queryset.annotate(item_date=item_date(self.content_type))

    def filter(self, params):
        queryset = self.get_queryset()
        if "type" in params:
            queryset = queryset.type(CONTENT_TYPES[params["type"]].model)
        if "language" in params:
            queryset = queryset.filter(locale__language_code=params["language"])
        if "translation_key" in params:
            queryset = queryset.filter(translation_key=params["translation_key"])
        if "sector" in params:
            queryset = queryset.filter(pk__in=self._in_sector(params["sector"]))
        if "kind" in params:
            queryset = queryset.filter(kind=params["kind"])
        if "date_from" in params:
            queryset = queryset.filter(item_date__gte=params["date_from"])
        if "date_to" in params:
            queryset = queryset.filter(item_date__lte=params["date_to"])
        queryset = queryset.order_by("-item_date", "-pk")
        return queryset.specific() if self.content_type is None else queryset

    def _in_sector(self, key):
        model = Page if self.content_type is None else self.content_type.model
        matches = model.objects.none()
        for lookup in sector_lookup(self.content_type):
            matches = matches | model.objects.filter(**{lookup: key})
        return matches.values("pk")

    def related(self, items):
        return {
            "language_codes": language_codes(),
            "translations": translations_by_key(items, public_pages(Page)),
            "sectors": sectors_by_page(items),
        }


class PartnerView(ApiView):
    serializer_class = PartnerSerializer
    parameters_class = parameters.PartnerParameters

    def get_queryset(self):
        return Partner.objects.select_related("logo")

    def filter(self, params):
        queryset = self.get_queryset()
        if "language" in params:
            queryset = queryset.filter(locale__language_code=params["language"])
        if "translation_key" in params:
            queryset = queryset.filter(translation_key=params["translation_key"])
        if "kind" in params:
            queryset = queryset.filter(kind=params["kind"])
        if "country" in params:
            queryset = queryset.filter(country=params["country"])
        return queryset.order_by("sort_order", "name", "pk")

    def related(self, items):
        return {
            "language_codes": language_codes(),
            "translations": translations_by_key(items, Partner.objects.all()),
        }


def _list_schema(tag, serializer, params, description):
    # An explicit description: otherwise the views' docstrings, written for maintainers, would
    # be published in the OpenAPI description.
    return extend_schema(
        tags=[tag],
        summary=description,
        description=description,
        parameters=[params],
        responses={200: serializer(many=True), **ERROR_RESPONSES, **URI_TOO_LONG},
    )


def _detail_schema(tag, serializer, description):
    return extend_schema(
        tags=[tag],
        summary=description,
        description=description,
        parameters=[ID_PARAMETER, parameters.MessageLanguageParameters],
        responses={200: serializer, **NOT_FOUND, **ERROR_RESPONSES, **URI_TOO_LONG},
    )


def _page_views(name, params, plural):
    """The listing and detail views of one content type."""
    content_type = CONTENT_TYPES[name]
    serializer = SERIALIZERS[name]
    attributes = {"content_type": content_type, "serializer_class": serializer}
    list_view = type(
        f"{name.title()}List",
        (PageView, ListAPIView),
        {**attributes, "parameters_class": params},
    )
    detail_view = type(f"{name.title()}Detail", (PageView, RetrieveAPIView), attributes)
    return (
        _list_schema(plural, serializer, params, f"List {plural}, newest first")(list_view),
        _detail_schema(plural, serializer, f"One {name} by page id")(detail_view),
    )


PolicyList, PolicyDetail = _page_views("policy", parameters.PageParameters, "policies")
NewsList, NewsDetail = _page_views("news", parameters.PageParameters, "news")
PublicationList, PublicationDetail = _page_views(
    "publication", parameters.PublicationParameters, "publications"
)
VideoList, VideoDetail = _page_views("video", parameters.PageParameters, "videos")

ItemList = _list_schema(
    "items",
    ItemSerializer,
    parameters.ItemParameters,
    "List items of every type, newest first (each links to its full record by api_url)",
)(
    type(
        "ItemList",
        (PageView, ListAPIView),
        {"serializer_class": ItemSerializer, "parameters_class": parameters.ItemParameters},
    )
)
PartnerList = _list_schema(
    "partners", PartnerSerializer, parameters.PartnerParameters, "List partner organisations"
)(type("PartnerList", (PartnerView, ListAPIView), {}))
PartnerDetail = _detail_schema("partners", PartnerSerializer, "One partner by id")(
    type("PartnerDetail", (PartnerView, RetrieveAPIView), {})
)


class OpenApiDescription(SpectacularJSONAPIView):
    """/api/openapi.json, generated from the views above (it does not describe itself)."""

    custom_settings = SPECTACULAR_SETTINGS

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(exclude=True)
class UnknownPath(ApiView, APIView):
    """Any other path under /api/: a JSON 404 in the reader's language, whatever the method,
    rather than the site's HTML page."""

    def get(self, request, *args, **kwargs):
        raise NoSuchPath

    post = put = patch = delete = options = get
