"""What an archive holds: public pages, content snippets, and the images and documents they
use, each serialised with portable keys in place of database ids."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Page

from policyshare.network.models import Partner
from policyshare.policies.models import Sector

from .keys import page_key, snippet_key
from .references import translate_fields

FORMAT = "policyshare-archive"
VERSION = 1

# Snippets that are public content. Listed, not discovered, so that a snippet holding private
# data (say, an inquiry) never leaves the site by accident.
SNIPPET_MODELS = (Sector, Partner)
# Apps whose models are content: their child objects of a page (key results, exchanges,
# sessions, …) travel with the page; other apps' (comments) stay in the site.
CONTENT_APPS = {"core", "policies", "news", "library", "network"}
# A page's place in one site's tree, its editing state and history: not content.
PAGE_FIELDS_LEFT_OUT = {
    "pk",
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "alias_of",
    "expired",
}


def content_child_relations(model):
    return {
        relation.get_accessor_name(): relation
        for relation in get_all_child_relations(model)
        if relation.related_model._meta.app_label in CONTENT_APPS
    }


def exported_pages():
    """Live, public pages below the root, parents before children; a page whose parent is not
    exported (a draft or private section) is not exported either."""
    exported_paths = set()
    pages = []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        if page.depth == 2 or page.path[: -Page.steplen] in exported_paths:
            exported_paths.add(page.path)
            pages.append(page)
    return pages


def page_item(page, to_portable):
    model = type(page)
    data = page.serializable_data()
    relations = content_child_relations(model)
    for name in list(data):
        if name in PAGE_FIELDS_LEFT_OUT:
            del data[name]
    for name, relation in relations.items():
        for child in data.get(name, []):
            child.pop("pk", None)
            child.pop("id", None)
            child.pop(relation.field.name, None)
    translate_fields(model, data, to_portable, child_relations=set(relations))
    parent = page.get_parent() if page.depth > 2 else None
    return normalised(
        {
            "kind": "page",
            "model": model._meta.label_lower,
            "key": page_key(page),
            "parent": page_key(parent) if parent else None,
            "fields": data,
        }
    )


def snippet_item(obj, to_portable):
    model = type(obj)
    data = get_serializable_data_for_fields(obj)
    data.pop("pk", None)
    data.pop("id", None)
    translate_fields(model, data, to_portable)
    return normalised(
        {
            "kind": "snippet",
            "model": model._meta.label_lower,
            "key": snippet_key(obj),
            "fields": data,
        }
    )


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, except that times keep their microseconds: it cuts them to
    milliseconds (as JavaScript's dates hold them), and a page imported from the archive would
    then be published a fraction of a millisecond apart from the exported one."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def normalised(item):
    """The item as it reads back from JSON (dates and decimals as text), so that items made
    from a site and items read from an archive compare equal."""
    return json.loads(json.dumps(item, cls=ExactJSONEncoder))
