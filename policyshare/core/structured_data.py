"""schema.org descriptions of pages, for search engines and link previews.

A page type describes itself with a ``structured_data(request)`` method returning the type-specific
properties; what every page shares is added here.
"""


def structured_data_for(page, request):
    describe = getattr(page, "structured_data", None)
    data = describe(request) if describe else {"@type": "WebPage"}
    summary = getattr(page, "summary", "") or page.search_description
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
    }
    if summary:
        common["description"] = summary
    image = getattr(page, "preview_image", None)
    if image is not None:
        common["image"] = request.build_absolute_uri(
            image.get_rendition("fill-1200x630|format-jpeg").url
        )
    return {**common, **data}
