from django.urls import re_path
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .views import SECTIONS, ContentFeed

app_name = "feeds"

_section = "|".join(SECTIONS)

# /<lang>/feeds/<section>/rss.xml and /<lang>/feeds/<section>/atom.xml, narrowed by ?sector=<slug>
# where the section has sectors.
urlpatterns = [
    re_path(rf"^(?P<section>{_section})/rss\.xml$", ContentFeed(Rss201rev2Feed), name="rss"),
    re_path(rf"^(?P<section>{_section})/atom\.xml$", ContentFeed(Atom1Feed), name="atom"),
]
