"""The home page shows what each content app contributes, without core importing those apps.

A content app registers a function under the ``policyshare_home_sections`` hook; it receives the
request and the home page and returns a :class:`HomeSection`, or ``None`` when it has nothing to
show.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK_NAME = "policyshare_home_sections"


@dataclass(frozen=True)
class HomeSection:
    order: int
    template: str
    context: dict = field(default_factory=dict)


def collect_home_sections(request, home_page):
    sections = (build(request, home_page) for build in hooks.get_hooks(HOOK_NAME))
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
