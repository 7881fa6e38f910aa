"""Security headers that Django's own settings do not cover: a Content Security Policy per part of
the site, Permissions-Policy and Cross-Origin-Opener-Policy.

Three policies:

* public pages: strict. Scripts and styles only from the site's own files, never inline; only
  the video sites' players may be framed; the pages cannot be framed themselves. The policy is
  the same for every request, so a cached page and its header always agree (a per-request nonce
  would not; public pages run no script, and one added later belongs in a static file).
* the Wagtail admin (``/admin/``): its templates use inline scripts and styles, so they are
  allowed there; the preview is an iframe of the admin's own origin, so the admin may frame
  itself (``frame-ancestors 'self'`` and ``X-Frame-Options: SAMEORIGIN`` instead of ``DENY``).
* downloaded documents: nothing may load or run, and the file is sandboxed should a browser
  open it anyway.

A policy a view already set is kept on public pages; the admin and documents always get theirs.
"""

from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIX = "/admin/"
DOCUMENT_VIEW = "wagtaildocs_serve"
VIDEO_PLAYERS = "https://www.youtube-nocookie.com https://player.vimeo.com"
DOCUMENT_POLICY = "default-src 'none'; sandbox"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"


def _origins(*urls):
    """The origins of those URLs that point at another host (a CDN for static or media files)."""
    origins = []
    for url in urls:
        parts = urlsplit(str(url or ""))
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return "".join(f" {origin}" for origin in dict.fromkeys(origins))


def public_policy():
    files = _origins(settings.STATIC_URL, settings.MEDIA_URL)
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        f"style-src 'self'{files}",
        f"img-src 'self' data:{files}",
        f"font-src 'self'{files}",
        f"frame-src {VIDEO_PLAYERS}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return _finish(directives)


def admin_policy():
    files = _origins(settings.STATIC_URL, settings.MEDIA_URL)
    directives = [
        "default-src 'self'",
        f"script-src 'self' 'unsafe-inline' 'unsafe-eval'{files}",
        f"style-src 'self' 'unsafe-inline'{files}",
        # Gravatar is off (WAGTAIL_GRAVATAR_PROVIDER_URL = None): editors' pictures are local.
        f"img-src 'self' data: blob:{files}",
        f"font-src 'self' data:{files}",
        # The dashboard asks releases.wagtail.org for a newer version (WAGTAIL_ENABLE_UPDATE_CHECK).
        "connect-src 'self' https://releases.wagtail.org",
        f"frame-src 'self' {VIDEO_PLAYERS}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    return _finish(directives)


def _finish(directives):
    if getattr(settings, "POLICYSHARE_CSP_UPGRADE_INSECURE_REQUESTS", False):
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)

        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == DOCUMENT_VIEW:
            # Wagtail sets "default-src 'none'" on documents itself; sandbox them as well.
            response["Content-Security-Policy"] = DOCUMENT_POLICY
        elif request.path_info.startswith(ADMIN_PREFIX):
            # Not setdefault: the preview renders the page through the middleware once more, as a
            # request for its public URL, and the strict policy it gets there would forbid the
            # admin to frame it.
            response["Content-Security-Policy"] = admin_policy()
            if response.get("X-Frame-Options", "").upper() == "DENY":
                response["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.headers.setdefault("Content-Security-Policy", public_policy())
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
