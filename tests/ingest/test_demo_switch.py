import io

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page

from policyshare.network.models import Partner

pytestmark = pytest.mark.django_db


def test_the_demo_can_be_skipped(monkeypatch):
    monkeypatch.setenv("POLICYSHARE_DEMO", "0")
    pages = Page.objects.count()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert output.getvalue().strip() == "Demo content skipped (POLICYSHARE_DEMO=0)."
    assert Page.objects.count() == pages
    assert not Partner.objects.exists()
    assert not Image.objects.exists()
