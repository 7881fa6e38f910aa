"""Anonymous visitors get pages from the shared cache; whatever an editor changes shows at once,
on the page and wherever it is listed; editors and forms never get a shared copy."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageViewRestriction

from policyshare.search.models import IndexEntry
from tests.admin.localize import localize
from tests.factories import make_news, make_policy, make_standard_page
from tests.inquiries.conftest import form_data

pytestmark = pytest.mark.django_db


def visit(client, path, **headers):
    response = client.get(path, headers=headers)
    return response, response.content.decode() if response.status_code == 200 else ""


@pytest.fixture
def news(committed):
    with committed():
        return make_news(title="서울 정상회의 개막", slug="summit-opens")


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="not-secret"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def test_a_second_visit_is_served_from_the_cache_without_the_database(
    client, news, django_assert_num_queries
):
    first, body = visit(client, news.url)
    assert first["X-Cache"] == "miss"
    assert "서울 정상회의 개막" in body

    with django_assert_num_queries(0):
        second, cached_body = visit(client, news.url)

    assert second["X-Cache"] == "hit"
    assert cached_body == body


def test_an_upgrade_renders_cached_pages_again(client, news):
    """``policyshare migrate`` runs on every upgrade: a page cached by the old code is rendered
    again by the new one."""
    assert visit(client, news.url)[0]["X-Cache"] == "miss"
    assert visit(client, news.url)[0]["X-Cache"] == "hit"

    call_command("migrate", verbosity=0)

    assert visit(client, news.url)[0]["X-Cache"] == "miss"


def test_a_reindex_shows_in_cached_search_pages(client):
    make_policy(code="en", title="Bicycle Lanes", summary="Cycling in the city.")
    IndexEntry.objects.all().delete()
    assert "<mark>Bicycle</mark> Lanes" not in visit(client, "/en/search/?q=bicycle")[1]
    call_command("reindex", verbosity=0)
    assert "<mark>Bicycle</mark> Lanes" in visit(client, "/en/search/?q=bicycle")[1]


def test_the_cache_keys_on_the_whole_address(client, news):
    visit(client, "/ko/search/?q=정상회의")

    assert visit(client, "/ko/search/?q=정상회의")[0]["X-Cache"] == "hit"
    assert visit(client, "/ko/search/?q=교통")[0]["X-Cache"] == "miss"
    assert visit(client, "/ko/search/?q=정상회의", HOST="localhost")[0]["X-Cache"] == "miss"


def test_a_published_change_shows_at_once_on_the_page_and_its_listings(client, news, committed):
    news_index = news.get_parent().url
    for path in (news.url, news_index, "/ko/"):
        assert "서울 정상회의 개막" in visit(client, path)[1]

    with committed():
        news.title = "서울 정상회의 폐막"
        news.save_revision().publish()

    for path in (news.url, news_index, "/ko/"):
        response, body = visit(client, path)
        assert response["X-Cache"] == "miss", path
        assert "서울 정상회의 폐막" in body, path
        assert "서울 정상회의 개막" not in body, path


def test_a_saved_draft_keeps_the_published_page_cached(client, news, committed):
    visit(client, news.url)

    with committed():
        news.title = "아직 공개되지 않은 제목"
        news.save_revision()

    response, body = visit(client, news.url)
    assert response["X-Cache"] == "hit"
    assert "아직 공개되지 않은 제목" not in body


def test_an_unpublished_page_is_gone_from_the_cache(client, news, committed):
    news_index = news.get_parent().url
    visit(client, news.url)
    visit(client, news_index)

    with committed():
        news.unpublish()

    assert client.get(news.url).status_code == 404
    assert "서울 정상회의 개막" not in visit(client, news_index)[1]


def test_a_deleted_page_is_gone_from_the_cache(client, news, committed):
    visit(client, news.url)

    with committed():
        news.delete()

    assert client.get(news.url).status_code == 404


def test_a_moved_page_is_no_longer_served_at_its_old_address(client, committed):
    with committed():
        page = make_standard_page(title="공유도시란", slug="sharing-city")
        about = make_standard_page(title="소개", slug="about")
    visit(client, page.url)
    assert visit(client, page.url)[0]["X-Cache"] == "hit"

    with committed():
        page.move(about, pos="last-child")

    # Wagtail leaves a redirect behind, which the cached page would have hidden.
    old_address = client.get("/ko/sharing-city/")
    assert old_address.status_code == 301
    assert old_address["Location"] == "/ko/about/sharing-city/"
    assert "공유도시란" in visit(client, "/ko/about/sharing-city/")[1]


def test_a_translation_published_through_wagtail_localize_purges(
    client, committed, django_capture_on_commit_callbacks
):
    with committed():
        news = make_news(title="녹색교통지역 시행", slug="green-zone")
    assert "EN 녹색교통지역 시행" not in visit(client, "/en/")[1]
    assert visit(client, "/en/")[0]["X-Cache"] == "hit"

    translation = localize(news, on_commit=django_capture_on_commit_callbacks)

    response, body = visit(client, "/en/")
    assert response["X-Cache"] == "miss"
    assert "EN 녹색교통지역 시행" in body
    assert "EN 녹색교통지역 시행" in visit(client, translation.url)[1]


def test_a_renamed_sector_shows_on_the_policy_pages(client, committed):
    with committed():
        policy = make_policy(title="녹색교통지역")
    sector = policy.sector
    assert sector.name in visit(client, policy.url)[1]

    with committed():
        sector.name = "교통·이동"
        sector.save()

    assert "교통·이동" in visit(client, policy.url)[1]


def test_a_page_made_private_is_no_longer_served_to_visitors(client, news, committed):
    visit(client, news.url)

    with committed():
        PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(news.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_logged_in_editor_never_gets_the_shared_copy(client, editor, news):
    visit(client, news.url)
    # A change made around Wagtail (no publishing, so no purge): visitors keep the cached page.
    type(news).objects.filter(pk=news.pk).update(title="편집자만 보는 제목")

    anonymous, anonymous_body = visit(client, news.url)
    response, body = visit(editor, news.url)

    assert anonymous["X-Cache"] == "hit"
    assert "편집자만 보는 제목" not in anonymous_body
    assert "편집자만 보는 제목" in body
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"
    # Nor does an editor's visit leave a copy behind for visitors.
    assert "편집자만 보는 제목" not in visit(client, news.url)[1]


def test_the_draft_an_editor_views_neither_reads_nor_fills_the_cache(client, editor, committed):
    with committed():
        page = make_standard_page(title="공유도시란")
    visit(client, page.url)
    page.title = "미리보기 초안"
    page.save_revision()

    draft = editor.get(f"/admin/pages/{page.pk}/view_draft/")

    assert "미리보기 초안" in draft.content.decode()
    assert "미리보기 초안" not in visit(client, page.url)[1]


def test_the_inquiry_form_is_never_cached_and_still_submits(client, settings):
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")

    form = browser.get("/en/inquiries/new/")
    again = Client(HTTP_HOST="127.0.0.1").get("/en/inquiries/new/")

    assert "X-Cache" not in form and "X-Cache" not in again
    assert "private" in form["Cache-Control"]
    assert "csrftoken" in form.cookies and "csrftoken" in again.cookies
    token = form.context["csrf_token"]
    sent = browser.post("/en/inquiries/new/", {**form_data(), "csrfmiddlewaretoken": str(token)})
    assert sent.status_code == 302
    assert "/en/inquiries/sent/" in sent["Location"]


def test_cached_pages_say_how_long_others_may_keep_them(client, news):
    miss = client.get(news.url)
    hit = client.get(news.url)

    for response in (miss, hit):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=60", "s-maxage=60"}
        vary = {part.strip() for part in response["Vary"].split(",")}
        assert {"Cookie", "Accept-Encoding"} <= vary
        assert response["Content-Language"] == "ko"
        assert response["ETag"] == miss["ETag"]


def test_a_visitor_who_has_the_page_gets_304(client, news):
    etag = client.get(news.url)["ETag"]

    response = client.get(news.url, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(news.url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_clients_that_accept_gzip_get_the_compressed_copy(client, news):
    plain = client.get(news.url)

    compressed = client.get(news.url, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    assert int(compressed["Content-Length"]) == len(compressed.content)
    # The same page: a browser holding either copy gets 304.
    assert client.get(news.url, headers={"If-None-Match": plain["ETag"]}).status_code == 304


def test_the_language_redirect_varies_on_what_chooses_the_language(client):
    response = client.get("/", headers={"Accept-Language": "en"})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert "X-Cache" not in response


def test_not_found_and_long_query_strings_are_not_cached(client):
    assert "X-Cache" not in client.get("/ko/no-such-page/")
    long_query = "교통" * 120
    assert "X-Cache" not in client.get(f"/ko/search/?q={long_query}")
    assert "X-Cache" not in client.get("/admin/login/")


def test_pages_are_served_uncached_when_the_cache_is_turned_off(client, news, settings):
    settings.POLICYSHARE_PAGE_CACHE = False
    client.get(news.url)

    response = client.get(news.url)

    assert response.status_code == 200
    assert "X-Cache" not in response
