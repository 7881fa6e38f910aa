"""The home page shows what each content app contributes, without core importing those apps.

A content app registers a function under the ``policyshare_home_sections`` hook; it receives the
request and the home page and returns a :class:`HomeSection`, or ``None`` when it has nothing to
show.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import Page

HOOK_NAME = "policyshare_home_sections"


@dataclass(frozen=True)
class HomeSection:
    order: int
    template: str
    context: dict = field(default_factory=dict)


def collect_home_sections(request, home_page):
    sections = (build(request, home_page) for build in hooks.get_hooks(HOOK_NAME))
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)


def section_index(request, home_page, model):
    """The live index page of type ``model`` below the home page, or ``None``.

    The sections share one query for all of the home page's children (kept on the request):
    their templates only link to the index, which a plain ``Page`` does."""
    children = getattr(request, "_policyshare_home_children", None)
    if children is None:
        children = {}
        for child in Page.objects.child_of(home_page).live().order_by("path"):
            children.setdefault(child.content_type_id, child)
        request._policyshare_home_children = children
    return children.get(ContentType.objects.get_for_model(model).pk)
