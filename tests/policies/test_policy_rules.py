import datetime

import pytest
from django.core.exceptions import ValidationError

from policyshare.policies.models import PolicyPage
from tests.factories import make_policy

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_next_review_defaults_to_the_review_interval_after_the_last_review(settings):
    settings.POLICYSHARE_REVIEW_INTERVAL_DAYS = 180

    policy = make_policy(last_reviewed=datetime.date(2026, 1, 1))

    assert policy.next_review == datetime.date(2026, 6, 30)


def test_policies_past_their_review_date_are_due():
    overdue = make_policy(
        last_reviewed=datetime.date(2024, 1, 1), next_review=datetime.date(2025, 1, 1)
    )
    make_policy(last_reviewed=datetime.date(2026, 1, 1), next_review=datetime.date(2027, 1, 1))

    due = PolicyPage.objects.due_for_review(today=datetime.date(2026, 11, 25))

    assert list(due) == [overdue]


def test_a_policy_cannot_end_before_it_starts():
    with pytest.raises(ValidationError) as error:
        make_policy(start_year=2020, end_year=2019)

    assert "end_year" in error.value.message_dict
