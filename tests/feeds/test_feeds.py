"""RSS 2.0 and Atom feeds per section, sector and language."""

import datetime
import email.utils
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from policyshare.news.models import NewsPage
from tests.factories import (
    make_news,
    make_policy,
    make_publication,
    make_sector,
    make_video,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

SECTIONS = ["news", "policies", "publications", "videos", "all"]
ATOM = "http://www.w3.org/2005/Atom"
ATOM_SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"


def get_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == content_type
    parsed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


def check_atom(content):
    """RFC 4287's RELAX NG grammar, plus its Schematron rules as XPath."""
    document = etree.fromstring(content)
    assert ATOM_SCHEMA.validate(document), ATOM_SCHEMA.error_log
    ns = {"atom": ATOM}
    has_feed_author = bool(document.xpath("atom:author", namespaces=ns))
    for entry in document.xpath("atom:entry", namespaces=ns):
        assert entry.xpath(
            "atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content", namespaces=ns
        )
        assert has_feed_author or entry.xpath("atom:author", namespaces=ns)
    ids = document.xpath("atom:entry/atom:id/text()", namespaces=ns)
    assert len(ids) == len(set(ids))
    return document


RFC_822_DATE = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def check_rss(content):
    """What RSS 2.0 requires of a channel and its items, checked strictly."""
    document = etree.fromstring(content)  # raises on anything not well-formed
    assert document.tag == "rss"
    assert document.get("version") == "2.0"
    channels = document.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    assert channel.findtext("link").startswith("http")
    assert RFC_822_DATE.match(channel.findtext("lastBuildDate"))
    guids = []
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description")
        assert item.findtext("link").startswith("http")
        assert RFC_822_DATE.match(item.findtext("pubDate")), item.findtext("pubDate")
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
        guid = item.find("guid")
        assert guid is not None and guid.text
        guids.append(guid.text)
    assert len(guids) == len(set(guids))
    return document


@pytest.fixture
def content():
    """Some of everything in both languages, in two sectors."""
    transport = make_sector("교통", "transport")
    water = make_sector("물", "water")
    english_transport = make_sector("Transport", "transport", code="en")
    return {
        "news": [
            make_news(
                title="녹색교통지역 운행 제한", date=datetime.date(2020, 6, 11), sector=transport
            ),
            make_news(title="수돗물 아리수 품질", date=datetime.date(2020, 5, 2), sector=water),
        ],
        "policies": [
            make_policy(title="친환경 교통", sector=transport),
            make_policy(title="깨끗한 물", sector=water),
        ],
        "publications": [make_publication(title="서울 정책 브로슈어")],
        "videos": [make_video(title="도시 정상회의 영상")],
        "english": [
            make_news(code="en", title="Green zone", sector=english_transport),
            make_policy(code="en", title="Clean air", sector=english_transport),
            make_publication(code="en", title="Brochure"),
            make_video(code="en", title="Summit session"),
        ],
    }


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_feed_parses_and_validates(client, content, section, language):
    response, parsed = get_feed(client, f"/{language}/feeds/{section}/rss.xml", RSS_CONTENT_TYPE)
    check_rss(response.content)
    assert parsed.version == "rss20"
    assert parsed.feed.language == language
    assert parsed.entries

    response, parsed = get_feed(client, f"/{language}/feeds/{section}/atom.xml", ATOM_CONTENT_TYPE)
    document = check_atom(response.content)
    assert parsed.version == "atom10"
    assert document.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert parsed.entries
    self_link = next(link for link in parsed.feed.links if link.rel == "self")
    assert self_link.href == f"http://127.0.0.1:8000/{language}/feeds/{section}/atom.xml"
    assert "public" in response["Cache-Control"]


def test_news_entries_newest_first_with_dates_authors_and_sectors(client, content):
    _, rss = get_feed(client, "/ko/feeds/news/rss.xml", RSS_CONTENT_TYPE)
    _, atom = get_feed(client, "/ko/feeds/news/atom.xml", ATOM_CONTENT_TYPE)
    first, second = content["news"]

    for feed in (rss, atom):
        assert [e.title for e in feed.entries] == [first.title, second.title]
        entry = feed.entries[0]
        assert entry.link == f"http://127.0.0.1:8000/ko/news/{first.slug}/"
        assert entry.author == "seoulsolution"
        assert [t.term for t in entry.tags] == ["교통"]
        # The registration date, at midnight in Seoul.
        assert entry.published_parsed[:6] == (2020, 6, 10, 15, 0, 0)
        assert entry.id.startswith("tag:127.0.0.1,")
        assert entry.id.endswith(f":page/{first.pk}")
    assert rss.feed.title == atom.feed.title == "새소식 · policyshare"
    assert atom.entries[0].updated_parsed >= atom.entries[0].published_parsed


def test_entry_id_survives_a_new_title_and_slug(client, content):
    article = content["news"][0]
    _, before = get_feed(client, "/ko/feeds/news/atom.xml", ATOM_CONTENT_TYPE)
    article.title = "제목을 바꾼 소식"
    article.slug = "renamed"
    article.save_revision().publish()

    _, after = get_feed(client, "/ko/feeds/news/atom.xml", ATOM_CONTENT_TYPE)

    assert after.entries[0].title == "제목을 바꾼 소식"
    assert after.entries[0].link.endswith("/ko/news/renamed/")
    assert after.entries[0].id == before.entries[0].id


def test_korean_text_survives_intact(client):
    title = "서울시, ‘녹색교통지역’ 5등급 차량 운행 제한 & 과태료 <안내>"
    summary = "미세먼지 저감을 위해 한양도성 안 16.7㎢에서 시행합니다."
    make_news(title=title, summary=summary)

    for url, content_type in (
        ("/ko/feeds/news/rss.xml", RSS_CONTENT_TYPE),
        ("/ko/feeds/news/atom.xml", ATOM_CONTENT_TYPE),
    ):
        response, parsed = get_feed(client, url, content_type)
        assert title.encode() in response.content.replace(b"&amp;", b"&").replace(
            b"&lt;", b"<"
        ).replace(b"&gt;", b">")
        assert parsed.entries[0].title == title
        assert parsed.entries[0].summary == summary


def test_sector_narrows_news_and_policies(client, content):
    for section, kept in (("news", content["news"][1]), ("policies", content["policies"][1])):
        for fmt, content_type in (("rss", RSS_CONTENT_TYPE), ("atom", ATOM_CONTENT_TYPE)):
            response, parsed = get_feed(
                client, f"/ko/feeds/{section}/{fmt}.xml?sector=water", content_type
            )
            assert [e.title for e in parsed.entries] == [kept.title]
            assert "물" in parsed.feed.title
            assert parsed.feed.link.endswith("?sector=water")
            if fmt == "atom":
                check_atom(response.content)
            else:
                check_rss(response.content)


def test_english_sector_feed_uses_the_english_sector(client, content):
    _, parsed = get_feed(client, "/en/feeds/news/atom.xml?sector=transport", ATOM_CONTENT_TYPE)

    assert [e.title for e in parsed.entries] == ["Green zone"]
    assert [t.term for t in parsed.entries[0].tags] == ["Transport"]


@pytest.mark.parametrize(
    "url",
    [
        "/ko/feeds/news/rss.xml?sector=no-such-sector",
        "/ko/feeds/policies/atom.xml?sector=no-such-sector",
        "/en/feeds/news/atom.xml?sector=water",  # only exists in Korean
        "/ko/feeds/publications/atom.xml?sector=water",  # publications have no sectors
        "/ko/feeds/all/rss.xml?sector=water",
        "/ko/feeds/events/rss.xml",
        "/ko/feeds/news/feed.json",
    ],
)
def test_unknown_sector_or_feed_is_404(client, content, url):
    assert client.get(url).status_code == 404


def test_drafts_private_and_other_language_pages_are_absent(client, content):
    news_index = content["news"][0].get_parent()
    draft = news_index.add_child(
        instance=NewsPage(
            title="초안 소식", slug="draft", author="x", date=datetime.date(2030, 1, 1), live=False
        )
    )
    draft.save_revision()
    private = make_news(title="비공개 소식", date=datetime.date(2030, 1, 2))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    unpublished = content["policies"][0]
    unpublished.unpublish()

    _, korean = get_feed(client, "/ko/feeds/all/atom.xml", ATOM_CONTENT_TYPE)
    _, news = get_feed(client, "/ko/feeds/news/rss.xml", RSS_CONTENT_TYPE)
    _, english = get_feed(client, "/en/feeds/all/atom.xml", ATOM_CONTENT_TYPE)

    for feed in (korean, news):
        titles = {e.title for e in feed.entries}
        assert not titles & {"초안 소식", "비공개 소식", unpublished.title}
        assert not titles & {p.title for p in content["english"]}
    assert {e.title for e in english.entries} == {p.title for p in content["english"]}
    assert all("/en/" in e.link for e in english.entries)


def test_everything_feed_mixes_sections_newest_first(client, content):
    now = datetime.datetime(2024, 3, 1, 9, 0, tzinfo=datetime.UTC)
    for age, page in enumerate(
        [content["videos"][0], content["policies"][0], content["publications"][0]]
    ):
        Page.objects.filter(pk=page.pk).update(
            first_published_at=now - datetime.timedelta(days=age)
        )
    Page.objects.filter(pk=content["policies"][1].pk).update(
        first_published_at=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)
    )

    _, parsed = get_feed(client, "/ko/feeds/all/rss.xml", RSS_CONTENT_TYPE)

    assert [e.title for e in parsed.entries] == [
        "도시 정상회의 영상",
        "친환경 교통",
        "서울 정책 브로슈어",
        "녹색교통지역 운행 제한",  # news count from their registration date
        "수돗물 아리수 품질",
        "깨끗한 물",
    ]


def test_policies_name_their_department_and_publications_enclose_their_pdf(client, content):
    _, policies = get_feed(client, "/ko/feeds/policies/atom.xml", ATOM_CONTENT_TYPE)
    _, publications = get_feed(client, "/ko/feeds/publications/rss.xml", RSS_CONTENT_TYPE)

    assert policies.entries[0].author == "Air Quality Policy Division"
    enclosure = publications.entries[0].enclosures[0]
    assert enclosure.type == "application/pdf"
    assert enclosure.href.startswith("http://127.0.0.1:8000/documents/")
    assert int(enclosure.length) > 0


def test_at_most_the_twenty_newest(client):
    for day in range(1, 23):
        make_news(title=f"소식 {day}", date=datetime.date(2021, 1, day))

    _, parsed = get_feed(client, "/ko/feeds/news/atom.xml", ATOM_CONTENT_TYPE)

    assert [e.title for e in parsed.entries] == [f"소식 {day}" for day in range(22, 2, -1)]


def test_empty_feed_is_still_valid(client):
    response, parsed = get_feed(client, "/en/feeds/videos/atom.xml", ATOM_CONTENT_TYPE)
    check_atom(response.content)
    assert parsed.entries == []
    response, _ = get_feed(client, "/en/feeds/videos/rss.xml", RSS_CONTENT_TYPE)
    check_rss(response.content)


def alternate_links(html):
    tree = etree.HTML(html)
    return {
        (link.get("type"), link.get("href")): link.get("title")
        for link in tree.xpath("//head/link[@rel='alternate'][@type]")
    }


def test_pages_link_to_their_feeds(client, content):
    home = alternate_links(client.get("/ko/").content)
    assert ("application/atom+xml", "/ko/feeds/all/atom.xml") in home
    assert ("application/rss+xml", "/ko/feeds/all/rss.xml") in home

    for section in ("news", "policies", "publications", "videos"):
        response = client.get(f"/ko/{section}/")
        assert response.status_code == 200
        links = alternate_links(response.content)
        assert ("application/atom+xml", f"/ko/feeds/{section}/atom.xml") in links
        assert ("application/rss+xml", f"/ko/feeds/{section}/rss.xml") in links
        assert ("application/atom+xml", "/ko/feeds/all/atom.xml") in links
        assert all(title for title in links.values())
        assert (
            f'href="/ko/feeds/{section}/rss.xml"'.encode() in response.content.split(b"</head>")[1]
        )

    english = alternate_links(client.get("/en/news/").content)
    assert ("application/atom+xml", "/en/feeds/news/atom.xml") in english


def test_a_sector_page_links_to_the_sector_feed(client, content):
    response = client.get("/ko/news/?sector=water")

    links = alternate_links(response.content)
    assert ("application/atom+xml", "/ko/feeds/news/atom.xml?sector=water") in links
    assert ("application/atom+xml", "/ko/feeds/news/atom.xml") in links
    assert "물" in links[("application/atom+xml", "/ko/feeds/news/atom.xml?sector=water")]
    body = response.content.split(b"</head>")[1]
    assert b'href="/ko/feeds/news/rss.xml?sector=water"' in body
    for href in ("/ko/feeds/news/atom.xml?sector=water", "/ko/feeds/news/rss.xml?sector=water"):
        assert client.get(href).status_code == 200
