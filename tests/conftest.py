import pytest


@pytest.fixture(autouse=True)
def _media_and_db(settings, tmp_path):
    """Each test writes uploads into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client(client):
    """Django's test client speaking to the host the site is configured for."""
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    return client
