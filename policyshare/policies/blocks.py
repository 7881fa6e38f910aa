from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ChallengeBlock(blocks.StructBlock):
    difficulty = blocks.CharBlock(label=_("Difficulty"))
    response = blocks.TextBlock(label=_("How it was overcome"))

    class Meta:
        icon = "warning"
        label = _("Difficulty")
        template = "policies/blocks/challenge.html"
