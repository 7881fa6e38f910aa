"""What search engines and link previews read: sitemap, robots.txt, alternates, metadata."""

import json
import re
from xml.etree import ElementTree

import pytest

from tests.factories import make_image, make_news, make_policy, translate

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_sitemap_lists_both_languages_with_alternates(client):
    policy = make_policy(title="녹색교통지역", slug="green-zone")
    translate(policy, title="Green Transport Zone")
    make_news(title="한국어 소식만", slug="korean-only")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    urls = {
        u.findtext("s:loc", namespaces=SITEMAP_NS): u for u in root.findall("s:url", SITEMAP_NS)
    }
    assert any(loc.endswith("/ko/policies/green-zone/") for loc in urls)
    assert any(loc.endswith("/en/policies/green-zone/") for loc in urls)
    english = next(u for loc, u in urls.items() if loc.endswith("/en/policies/green-zone/"))
    alternates = {
        link.get("hreflang"): link.get("href") for link in english.findall("x:link", SITEMAP_NS)
    }
    assert set(alternates) == {"ko", "en"}
    assert alternates["ko"].endswith("/ko/policies/green-zone/")
    korean_only = next(u for loc, u in urls.items() if loc.endswith("/ko/news/korean-only/"))
    assert korean_only.findall("x:link", SITEMAP_NS) == []


def test_sitemap_leaves_out_drafts(client):
    policy = make_policy(slug="draft-policy")
    policy.unpublish()

    assert b"draft-policy" not in client.get("/sitemap.xml").content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert re.search(r"^Sitemap: http://\S+/sitemap\.xml$", body, re.MULTILINE)


def test_page_carries_hreflang_alternates_and_open_graph(client):
    policy = make_policy(
        title="녹색교통지역",
        slug="green-zone",
        summary="5등급 차량 운행제한",
        listing_image=make_image(size=(1600, 900)),
    )
    translate(policy, title="Green Transport Zone", summary="Grade-5 vehicle restriction")

    html = client.get("/en/policies/green-zone/").content.decode()

    assert re.search(
        r'<link rel="alternate" hreflang="ko" href="http://[^"]+/ko/policies/green-zone/">', html
    )
    assert re.search(
        r'<link rel="alternate" hreflang="en" href="http://[^"]+/en/policies/green-zone/">', html
    )
    assert '<meta property="og:title" content="Green Transport Zone">' in html
    assert '<meta property="og:description" content="Grade-5 vehicle restriction">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)
    assert '<meta property="og:locale" content="en_GB">' in html


def test_page_describes_itself_in_schema_org_json_ld(client):
    make_news(title="태양광 광장 개장", slug="solar-square", summary="월드컵공원")

    html = client.get("/ko/news/solar-square/").content.decode()

    json_ld = r'<script type="application/ld\+json"[^>]*>(.*?)</script>'
    payload = re.search(json_ld, html, re.S).group(1)
    data = json.loads(payload)
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "태양광 광장 개장"
    assert data["inLanguage"] == "ko"
    assert data["url"].endswith("/ko/news/solar-square/")
