from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DictionaryWord


class DictionaryWordViewSet(SnippetViewSet):
    """Editors keep the Korean names search must not split (a change applies to text indexed
    afterwards; ``policyshare reindex`` applies it to everything)."""

    model = DictionaryWord
    icon = "search"
    menu_label = _("Search dictionary")
    list_display = ["form", "parts"]


register_snippet(DictionaryWordViewSet)
