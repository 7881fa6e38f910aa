"""Security headers: a strict Content Security Policy on public pages, a working one in the
admin (whose preview frames the admin itself), and downloads that can run nothing."""

import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.admin.test_editor_flows import policy_form_data
from tests.factories import (
    home,
    make_city,
    make_event,
    make_news,
    make_partner,
    make_partner_index,
    make_pdf_document,
    make_policy,
    make_publication,
    make_standard_page,
    make_training_institute,
    make_video,
)

pytestmark = pytest.mark.django_db


def directives(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def assert_public_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "upgrade-insecure-requests" not in policy  # production settings only
    if response.status_code != 302:  # LocaleMiddleware's redirect bypasses the clickjacking one
        assert response["X-Frame-Options"] == "DENY"
    assert_other_headers(response)


def assert_other_headers(response):
    assert response["Permissions-Policy"].startswith("camera=(), microphone=(), geolocation=()")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


PUBLIC_PAGES = {
    "home": lambda: home(),
    "policy": make_policy,
    "news": make_news,
    "publication": make_publication,
    "video": make_video,
    "event": make_event,
    "city": make_city,
    "partners": lambda: make_partner() and make_partner_index(),
    "training": make_training_institute,
    "standard": make_standard_page,
}


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
def test_every_public_page_type_has_the_strict_policy(client, kind):
    page = PUBLIC_PAGES[kind]()

    response = client.get(page.get_url())

    assert response.status_code == 200
    assert_public_policy(response)


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/sitemap.xml", "/robots.txt", "/"])
def test_not_found_sitemap_robots_and_the_language_redirect_have_the_strict_policy(client, path):
    make_policy()

    response = client.get(path)

    assert response.status_code in {200, 302, 404}
    assert_public_policy(response)


def test_public_pages_allow_only_the_sites_own_scripts(client):
    response = client.get(make_policy().get_url())

    assert directives(response)["script-src"] == ["'self'"]


def test_public_templates_have_no_inline_script_or_style(client):
    """Scripts come from our static files; beyond the JSON-LD, which is data and never run, an
    inline script would be blocked by the policy."""
    pages = [factory() for factory in PUBLIC_PAGES.values()]

    for page in pages:
        body = client.get(page.get_url()).content.decode()
        for attributes, content in re.findall(r"<script\b([^>]*)>(.*?)</script>", body, re.S):
            if attributes == ' type="application/ld+json"':
                continue
            assert re.search(r'\ssrc="/static/', attributes) and not content.strip(), attributes
        assert "<style" not in body and " style=" not in body, page.get_url()
        assert not re.search(r"\son[a-z]+=", body), page.get_url()


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="not-secret"
    )
    client.force_login(user)
    return client


def assert_admin_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert {"'self'", "'unsafe-inline'", "'unsafe-eval'"} <= set(policy["script-src"])
    assert not any("nonce-" in source for source in policy["script-src"])  # would void inline
    assert {"'self'", "'unsafe-inline'"} <= set(policy["style-src"])
    assert {"'self'", "data:", "blob:"} <= set(policy["img-src"])
    assert {"'self'", "https://www.youtube-nocookie.com"} <= set(policy["frame-src"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert_other_headers(response)


def test_admin_login_page_has_the_admin_policy(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    assert_admin_policy(response)


def test_page_editor_and_its_preview_have_the_admin_policy_and_the_preview_renders(admin):
    policy = make_policy(title="녹색교통지역")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk])
    data = policy_form_data(policy.sector, title="녹색교통지역 (개정)", slug=policy.slug)

    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[policy.pk]))
    assert admin.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    preview = admin.get(preview_url)

    assert edit.status_code == 200
    assert_admin_policy(edit)
    assert preview.status_code == 200
    assert "녹색교통지역 (개정)" in preview.content.decode()
    assert_admin_policy(preview)


def test_documents_can_load_and_run_nothing(client):
    document = make_pdf_document(filename="arisu.pdf")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"].startswith("attachment")
    assert_other_headers(response)


def test_production_settings_upgrade_insecure_requests(client, settings):
    settings.POLICYSHARE_CSP_UPGRADE_INSECURE_REQUESTS = True

    public = directives(client.get("/en/no-such-page/"))
    admin = directives(client.get(reverse("wagtailadmin_login")))

    assert "upgrade-insecure-requests" in public and "upgrade-insecure-requests" in admin


def test_production_settings_module_turns_the_upgrade_on():
    code = "from policyshare.settings import production; "
    code += "print(production.POLICYSHARE_CSP_UPGRADE_INSECURE_REQUESTS)"
    env = {**os.environ, "SECRET_KEY": "x" * 50}

    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "True"
