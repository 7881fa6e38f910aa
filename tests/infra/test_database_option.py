"""The --database option: the same tests, on the database the operator chose."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


def test_the_suite_runs_on_the_database_asked_for(request):
    expected = {"sqlite": "sqlite", "postgresql": "postgresql"}[
        request.config.getoption("database")
    ]
    assert connection.vendor == expected


def test_korean_text_round_trips_through_the_database(django_user_model):
    user = django_user_model.objects.create(username="편집자", first_name="서울시 국제협력과")
    assert django_user_model.objects.get(pk=user.pk).first_name == "서울시 국제협력과"
