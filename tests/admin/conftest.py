import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="not-secret"
    )


@pytest.fixture
def admin(client, superuser):
    """The test client logged into the Wagtail admin as a superuser."""
    client.force_login(superuser)
    return client
