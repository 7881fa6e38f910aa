from urllib.parse import urlencode

import pytest

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def spool(settings, tmp_path):
    """Each test buffers its hits in a spool of its own."""
    settings.POLICYSHARE_ANALYTICS_REDIS_URL = ""
    settings.POLICYSHARE_ANALYTICS_SPOOL_DIR = tmp_path / "analytics"
    return tmp_path / "analytics"


@pytest.fixture
def beacon(client):
    """Post the beacon as a browser on some address would, as the page's script does."""

    def send(page, kind="view", *, address="198.51.100.23", user_agent=BROWSER, **extra):
        data = {"page": str(page.pk), "kind": kind}
        if "ref" in extra:
            data["ref"] = extra.pop("ref")
        # In the query string, as the page's script sends them.
        return client.post(
            f"/analytics/hit?{urlencode(data)}",
            REMOTE_ADDR=address,
            HTTP_USER_AGENT=user_agent,
            **extra,
        )

    return send
