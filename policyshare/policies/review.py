"""Policies whose review date has passed: the dashboard's review panel.

A policy page states figures and contacts that go out of date; ``next_review`` says when an
editor should check it again. The panel lists the overdue ones, longest overdue first.
"""

from wagtail.admin.ui.components import Component

from .models import PolicyPage

LIST_LIMIT = 10


def policies_due_for_review(today=None):
    # Aliases mirror their original, which is listed itself.
    return (
        PolicyPage.objects.due_for_review(today)
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("next_review", "last_reviewed", "pk")
    )


class PoliciesDueForReviewPanel(Component):
    name = "policies_due_for_review"
    template_name = "policies/admin/review_panel.html"
    order = 170
    limit = LIST_LIMIT

    def get_context_data(self, parent_context=None):
        due = policies_due_for_review()
        policies = list(due[: self.limit + 1])
        more = 0
        if len(policies) > self.limit:
            policies = policies[: self.limit]
            more = due.count() - self.limit
        return {"policies": policies, "more": more}
