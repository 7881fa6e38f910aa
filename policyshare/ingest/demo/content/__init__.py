"""What the demo shows, in the order the loader writes it (an item's references come first)."""

from . import library, network, news, pages, partners, policies, sectors

PICTURES = [*partners.LOGOS, *library.COVERS]
PDFS = library.BROCHURES
SNIPPETS = [*sectors.SECTORS, *partners.PARTNERS]
PAGES = [
    *pages.INDEX_PAGES,
    *network.CITIES,
    *policies.POLICIES,
    *library.VIDEOS,
    *network.EVENTS,
    *news.NEWS,
    *library.PUBLICATIONS,
    *network.TRAINING,
    pages.SHARING_CITY,
]
HOME = pages.HOME
