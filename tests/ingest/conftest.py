import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module (rolled back afterwards); yields its media folder."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with (
        pytest.MonkeyPatch.context() as patch,
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        patch.delenv("POLICYSHARE_DEMO", raising=False)
        with override_settings(MEDIA_ROOT=media_root):
            call_command("load_demo", stdout=io.StringIO())
        yield media_root
        transaction.set_rollback(True)
