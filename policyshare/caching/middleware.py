"""Anonymous visitors' pages served from the shared cache (the `default` cache: the disk cache of
the embedded mode, Redis behind several app servers).

What is cached: GET responses with status 200 for the public pages (below /ko/ and /en/: Wagtail
pages, listings, feeds, search) and the sitemap, for requests without a session, keyed by the
full address (scheme, host, path and query string) and the language of the response. A response
is kept for SERVER_SECONDS unless a purge (purge.py) comes first.

What is never cached (each rule guards a way a page could carry one person's data to another,
or stale content to an editor):

* requests with a session or a pending message (logged-in editors, password-protected pages,
  and anyone the site has started a session for), with credentials, and Wagtail's preview;
* responses that set a cookie: a page with a form sets the CSRF cookie, and its token must not
  be handed to the next visitor; the inquiry form is such a page;
* responses a view marked private or not to be stored (never_cache, view restrictions,
  Wagtail's preview). `Vary: Cookie` alone does not count: every response has it, because the
  session middleware looks for a signed-in user on every request; for a request without a
  session cookie that finds nobody, and a response that wrote to the session or used the CSRF
  token sets a cookie;
* anything but 200 (a 404 turns into a 200 the moment a page is published at that address,
  and redirects of "/" depend on the visitor's language), streamed files, POST;
* query strings longer than MAX_QUERY_STRING: search queries are cut at 200 characters, so longer
  addresses are one-offs that would only fill the cache.

Search results are cached for SEARCH_SECONDS only: they also depend on the semantic index, which
a background task brings up to date some time after publishing, without a purge of its own. The
search page's rate limit still counts every query that is not cached, which bounds how fast one
client can fill the cache with distinct queries.

Cached pages are sent with `Cache-Control: public` and a short max-age (browsers and CDNs cannot
be purged), an ETag (a matching If-None-Match gets 304 from the cached entry) and, to clients
that accept it, the gzip-compressed copy made once when the page was stored. Everything else
that passes here goes out `private, no-cache` when the visitor has a session or the response
sets a cookie, so that no shared cache keeps it.

``X-Cache: hit`` or ``miss`` says whether a cacheable page came from the cache.
"""

import gzip
import hashlib
import re
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.translation import get_language_from_path, get_language_from_request

from .generation import GENERATION_KEY, cache, current_generation, generation_from
from .recent import recent_pages

# How long the app servers keep a page: the bound on staleness for what no purge covers (view
# counts, "upcoming" events as days pass, a purge lost while Redis was unreachable).
SERVER_SECONDS = 300
# How long browsers and CDNs may keep a page: short, because they cannot be purged.
BROWSER_SECONDS = 60
SEARCH_SECONDS = 60
SEARCH_NAMESPACE = "search"
MAX_QUERY_STRING = 200
# Addresses outside the language prefixes that are pages too: the sitemap lists every page.
UNPREFIXED_PATHS = {"/sitemap.xml"}
# Cookies that mean the response may be someone's own: the session (editors, passwords of
# protected pages) and messages waiting to be shown.
PERSONAL_COOKIES = ("messages",)
# Headers of the stored response that are not replayed: they are set anew or per request.
NOT_REPLAYED = {"set-cookie", "x-cache", "content-length", "content-encoding", "etag"}
GZIP_MIN_LENGTH = 200
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
KEY_PREFIX = "page-cache:page:"


def page_key(language, address):
    digest = hashlib.sha256(f"{language}\n{address}".encode()).hexdigest()
    return KEY_PREFIX + digest


def has_personal_state(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or any(name in cookies for name in PERSONAL_COOKIES)
        or "HTTP_AUTHORIZATION" in request.META
        # Wagtail's preview renders a draft through the middleware as a request for the page.
        or getattr(request, "is_dummy", False)
    )


def cacheable_language(request):
    """The language the response will be in, when the address is one the cache serves."""
    path = request.path_info
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return None
    language = get_language_from_path(path)
    if language:
        return language
    if path in UNPREFIXED_PATHS:
        # LocaleMiddleware negotiates these from the cookie and Accept-Language.
        return get_language_from_request(request)
    return None


def cache_control_forbids_storing(response):
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return bool(directives & {"private", "no-store", "no-cache"})


def storable(request, response, language):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control_forbids_storing(response)
        and response.get("Content-Language") == language
    )


def server_seconds(request):
    match = getattr(request, "resolver_match", None)
    if match is not None and match.namespace == SEARCH_NAMESPACE:
        return SEARCH_SECONDS
    return SERVER_SECONDS


def entry_for(response, generation, seconds):
    """What is stored: the body, its gzip copy, its ETag, the headers to replay and until when
    (for the copies server processes keep, recent.py)."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
        patch_cache_control(response, s_maxage=BROWSER_SECONDS)
    content = response.content
    compressed = None
    if len(content) >= GZIP_MIN_LENGTH:
        # mtime=0: the same page compresses to the same bytes on every app server.
        compressed = gzip.compress(content, compresslevel=6, mtime=0)
        if len(compressed) >= len(content):
            compressed = None
        else:
            patch_vary_headers(response, ["Accept-Encoding"])
    patch_vary_headers(response, ["Cookie"])
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in NOT_REPLAYED
    ]
    return {
        "generation": generation,
        "headers": headers,
        "content": content,
        "gzip": compressed,
        "etag": hashlib.sha256(content).hexdigest()[:32],
        "expires": time.time() + seconds,
    }


def response_from(entry, request, outcome):
    """The cached page as this request should get it: compressed if the client accepts it,
    304 if it already has it."""
    compressed = entry["gzip"]
    if compressed is not None and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(compressed)
        response["Content-Encoding"] = "gzip"
        # Weak: the same page as the uncompressed copy, in other bytes (as Django's GZip does).
        response["ETag"] = f'W/"{entry["etag"]}"'
    else:
        response = HttpResponse(entry["content"])
        response["ETag"] = f'"{entry["etag"]}"'
    for name, value in entry["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(response.content))
    response["X-Cache"] = outcome
    return get_conditional_response(request, etag=response["ETag"], response=response)


def mark_private(request, response):
    """Personal or form responses: no shared cache (CDN, proxy) may keep them."""
    if (has_personal_state(request) or response.cookies) and not response.has_header(
        "Cache-Control"
    ):
        patch_cache_control(response, private=True, no_cache=True)
    if has_vary_header(response, "Accept-Language"):
        # The language was negotiated (the redirect of "/"): Django reads its cookie first.
        patch_vary_headers(response, ["Cookie"])
    return response


def servable_language(request):
    """The language of the cached page this request may be answered with, or None when the
    cache must not answer it (nor store what Django answers)."""
    if (
        settings.POLICYSHARE_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not has_personal_state(request)
    ):
        return cacheable_language(request)
    return None


def lookup(request, language):
    """The key of the request's page, the current generation and the cached entry (None when
    there is none of this generation): the one way both the middleware and the pages answered
    before Django's handler (caching/wsgi.py) find a page.

    One round trip to the shared cache either way: the generation alone when this process keeps
    the page (recent.py), the generation and the page together when it does not. Only a page
    this process keeps from an older generation or past its time costs a second read."""
    key = page_key(language, request.build_absolute_uri())
    if recent_pages.holds(key):
        generation = current_generation()
        entry = recent_pages.get(key, generation)
        if entry is not None:
            return key, generation, entry
        entry = cache().get(key)
    else:
        found = cache().get_many([GENERATION_KEY, key])
        generation = generation_from(found.get(GENERATION_KEY))
        entry = found.get(key)
    if entry is None or entry["generation"] != generation:
        return key, generation, None
    recent_pages.put(key, entry)
    return key, generation, entry


class PageCacheMiddleware:
    """Placed after WhiteNoise (static files never come here) and before the session, locale
    and CSRF middleware, so that a hit skips them all and a miss is seen as it leaves them,
    with its cookies and Vary headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = servable_language(request)
        if language is None:
            return mark_private(request, self.get_response(request))

        key, generation, entry = lookup(request, language)
        if entry is not None:
            return response_from(entry, request, "hit")

        response = self.get_response(request)
        if not storable(request, response, language):
            return mark_private(request, response)
        seconds = server_seconds(request)
        entry = entry_for(response, generation, seconds)
        cache().set(key, entry, timeout=seconds)
        return response_from(entry, request, "miss")
