"""The seventeen UN Sustainable Development Goals, with names in the visitor's language."""

from django.utils.translation import gettext_lazy as _

GOAL_NAMES = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}
