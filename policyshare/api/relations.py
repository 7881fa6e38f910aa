"""What an item links to, found for a whole page of results at once (a few queries per page of
results rather than a few per item): its sectors, in the item's language where translated, and
its versions in the other languages."""

from collections import defaultdict

from wagtail.models import Locale

from policyshare.policies.models import Sector

from .content_types import TYPE_OF_MODEL


def language_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


def sectors_by_page(pages):
    """{page id: [Sector, …]}, each sector in the page's own language where there is one."""
    keys_by_page = defaultdict(set)
    pages_by_type = defaultdict(list)
    for page in pages:
        pages_by_type[TYPE_OF_MODEL[type(page)]].append(page.pk)
    for content_type, ids in pages_by_type.items():
        rows = content_type.model.objects.filter(pk__in=ids).values_list(
            "pk", content_type.sector_lookup
        )
        for page_id, key in rows:
            if key is not None:
                keys_by_page[page_id].add(key)
    all_keys = set().union(*keys_by_page.values()) if keys_by_page else set()
    versions = defaultdict(dict)
    for sector in Sector.objects.filter(translation_key__in=all_keys):
        versions[sector.translation_key][sector.locale_id] = sector
    result = {}
    for page in pages:
        sectors = []
        for key in keys_by_page.get(page.pk, ()):
            by_locale = versions[key]
            sectors.append(by_locale.get(page.locale_id) or next(iter(by_locale.values())))
        result[page.pk] = sorted(sectors, key=lambda s: (s.sort_order, s.slug))
    return result


def translations_by_key(items, queryset):
    """{translation key: [(id, language code), …]} of the versions of ``items`` in
    ``queryset`` (the public ones)."""
    keys = {item.translation_key for item in items}
    versions = defaultdict(list)
    rows = queryset.filter(translation_key__in=keys).values_list(
        "pk", "translation_key", "locale__language_code"
    )
    for pk, key, code in rows.order_by("locale__language_code"):
        versions[key].append((pk, code))
    return versions
