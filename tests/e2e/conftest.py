"""End-to-end tests: Debian's Chromium, driven by Playwright, against a live server.

One Chromium and one live server per xdist worker. The demo content is loaded once per worker
and committed, and the browser tests run after the worker's other tests; when the worker is done
the database is emptied and the rows that the migrations made are put back. Each test runs inside
a transaction that is rolled back (``django_db``): what a request writes, such as a download
count, does not leak into the next test. With SQLite in memory the live server shares the test's
connection, so it sees the same data; with PostgreSQL or a SQLite file the content is committed
and seen as well.
"""

import contextlib
import fcntl
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, LANGUAGES, PHONE


@dataclass
class SiteContent:
    """Where the content under test lives, found by page type rather than by slug, so that
    the tests hold while editors of the demo content rename things."""

    urls: dict = field(default_factory=dict)  # (kind, language) -> path
    policies_with_results: dict = field(default_factory=dict)  # path -> indicator names
    publication_url: str = ""
    youtube_video_url: str = ""

    def url(self, kind, language):
        return self.urls[kind, language]


@contextlib.contextmanager
def _demo_enabled():
    """load_demo does nothing when the operator set POLICYSHARE_DEMO=0; the tests need it."""
    previous = os.environ.pop("POLICYSHARE_DEMO", None)
    try:
        yield
    finally:
        if previous is not None:
            os.environ["POLICYSHARE_DEMO"] = previous


def _find_content():
    from wagtail.models import Page

    from policyshare.core.models import HomePage, StandardPage
    from policyshare.library.models import PublicationPage, VideoPage
    from policyshare.network.models import (
        CityPage,
        EventPage,
        PartnerIndexPage,
        TrainingInstitutePage,
    )
    from policyshare.news.models import NewsIndexPage, NewsPage
    from policyshare.policies.models import PolicyIndexPage, PolicyPage

    models = {
        "home": HomePage,
        "policy_index": PolicyIndexPage,
        "policy": PolicyPage,
        "news_index": NewsIndexPage,
        "news": NewsPage,
        "publication": PublicationPage,
        "video": VideoPage,
        "event": EventPage,
        "partners": PartnerIndexPage,
        "training_institute": TrainingInstitutePage,
        "city": CityPage,
        "standard": StandardPage,
    }
    content = SiteContent()

    def live(model, code):
        return model.objects.live().public().filter(locale__language_code=code).order_by("path")

    for kind, model in models.items():
        for code in LANGUAGES:
            page = live(model, code).first()
            if page is not None:
                content.urls[kind, code] = page.get_url()
        if (kind, "en") not in content.urls and (kind, "ko") in content.urls:
            # An untranslated page is served in Korean below /en/ with a note: still a page.
            content.urls[kind, "en"] = "/en/" + content.urls[kind, "ko"].removeprefix("/ko/")
        missing = [code for code in LANGUAGES if (kind, code) not in content.urls]
        assert not missing, f"the demo content has no live {model.__name__} in {missing}"

    for policy in live(PolicyPage, "en"):
        indicators = [result.indicator for result in policy.key_results.all()]
        if indicators:
            content.policies_with_results[policy.get_url()] = indicators
    assert content.policies_with_results, "no English policy of the demo content has key results"

    publication = live(PublicationPage, "en").exclude(document=None).first()
    content.publication_url = publication.get_url()
    videos = [v for v in live(VideoPage, "en") if v.source and v.source.provider == "youtube"]
    assert videos, "no English video of the demo content is on YouTube"
    content.youtube_video_url = videos[0].get_url()
    assert Page.objects.live().count() > len(models)
    return content


@pytest.fixture(scope="session")
def e2e_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e-media")


@pytest.fixture(autouse=True)
def _media_and_db(settings, e2e_media_root):
    """Replaces the per-test media folder of tests/conftest.py: the live server must find the
    files that the module's content wrote."""
    settings.MEDIA_ROOT = e2e_media_root


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests run last in each worker, so that the content they share is loaded once
    and no other test runs while it is in the database. (pytest-django's own ordering, by kind of
    database access, runs before this and is kept for the other tests.)"""
    browsing = [item for item in items if "site_content" in getattr(item, "fixturenames", ())]
    if browsing:
        items[:] = [item for item in items if item not in browsing] + browsing


@contextlib.contextmanager
def _shared_embeddings(config):
    """The demo's passage vectors from a file shared by every worker and run (under pytest's
    cache folder), put into the product's embedding cache (``CachedEmbedding``, by content
    hash) before the demo is loaded, so only text never embedded before runs the model. The
    first worker to find no file holds a lock while it embeds; the others wait and read its
    file rather than embed the same passages on the same cores."""
    if getattr(config, "cache", None) is None:  # -p no:cacheprovider
        yield
        return
    import numpy as np

    from policyshare.semantic.embedder import from_bytes, store_vectors
    from policyshare.semantic.models import CachedEmbedding

    folder = config.cache.mkdir("policyshare-embeddings")
    path = folder / "vectors.npz"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        known = set()
        if path.exists():
            with np.load(path) as stored:
                vectors = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
            store_vectors({key: v.astype("<f4").tobytes() for key, v in vectors.items()})
            known = set(vectors)
            fcntl.flock(lock, fcntl.LOCK_UN)  # warm: the others need not wait for this load
        yield
        rows = dict(CachedEmbedding.objects.values_list("key", "vector"))
        if set(rows) - known:
            fcntl.flock(lock, fcntl.LOCK_EX)
            keys = sorted(rows)
            written = folder / f"vectors-{os.getpid()}.npz"
            np.savez(
                written,
                keys=np.array(keys),
                vectors=np.stack([from_bytes(rows[key]) for key in keys]),
            )
            written.replace(path)  # whole or not at all, for a worker reading it now
        fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def site_content(request, django_db_setup, django_db_blocker, e2e_media_root):
    """The content every browser test looks at: the demo content, loaded once per worker and
    removed when the worker is done."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=e2e_media_root), django_db_blocker.unblock():
        empty_portal = connection.creation.serialize_db_to_string()
        cache.clear()
        with _demo_enabled(), _shared_embeddings(request.config):
            call_command("load_demo", stdout=io.StringIO())
        _assert_page_tree_is_sound()
        content = _find_content()
    yield content
    with django_db_blocker.unblock():
        # As Django's serialized rollback does: empty every table, then put back the rows the
        # migrations made (the root page, locales, the site and its home pages).
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(empty_portal)
        cache.clear()


def _assert_page_tree_is_sound():
    """A page saved from a stale copy can undo the tree's bookkeeping (a parent's numchild): its
    children then answer 404 or redirect in circles, which a browser reports only vaguely."""
    from wagtail.models import Page

    problems = dict(
        zip(
            ["evil chars", "bad step length", "orphans", "wrong depth", "wrong numchild"],
            Page.find_problems(),
            strict=True,
        )
    )
    broken = {name: ids for name, ids in problems.items() if ids}
    assert not broken, f"the demo content leaves the page tree broken (page ids): {broken}"


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """A live server for the worker. Not pytest-django's ``live_server`` fixture: that one makes
    every test transactional, which would empty the database after each test and force the
    content to be loaded again for every test. Its server class is reused as it is."""
    from pytest_django.live_server_helper import LiveServer

    # pytest-django blocks database access between tests for every thread, the server's too;
    # a request still in flight when a test ends (an image, say) would then fail noisily. The
    # server runs while the browser tests run, and they run last, so nothing else is unblocked.
    with django_db_blocker.unblock():
        server = LiveServer("127.0.0.1")
        server._live_server_modified_settings.enable()
        yield server
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an asyncio loop running in the test's thread, and Django
    # then refuses database queries in that thread; the queries here are plain blocking ones.
    # Browser tests run last in each worker (see above), so the other tests keep Django's check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser, site_server, site_content):
    """Opens browser contexts that reach only the live server: every other address is refused
    at once, so no test waits on a network this machine does not have."""
    contexts = []
    local = re.escape(site_server.url)

    def open_context(**options):
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=site_server.url, **options)
        context.set_default_timeout(15_000)
        context.blocked = []

        def refuse(route):
            context.blocked.append(route.request.url)
            route.abort("internetdisconnected")

        context.route(re.compile(rf"^(?!{local}(/|$))"), refuse)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def phone_page(new_context):
    return new_context(**PHONE).new_page()
