"""Hits wait in the buffer and reach the database only through the flush, in whole batches that
are written once: a flush that dies half-way and runs again neither loses nor doubles a count."""

import threading

import pytest

from policyshare.analytics import flush
from policyshare.analytics.buffers import get_buffer
from policyshare.analytics.models import DailyCount, FlushedBatch
from tests.factories import make_news

pytestmark = pytest.mark.django_db


def total_views():
    return sum(DailyCount.objects.values_list("views", flat=True))


def test_the_request_does_not_write_to_the_database_the_flush_does(beacon, spool):
    article = make_news()
    beacon(article)
    beacon(article, address="198.51.100.2")
    assert not DailyCount.objects.exists()
    assert (spool / "current.spool").exists()

    assert flush.flush_views() == 2
    assert total_views() == 2
    assert not list(spool.glob("*.spool"))


def test_flushing_again_writes_nothing_more(beacon):
    article = make_news()
    beacon(article)
    flush.flush_views()
    assert flush.flush_views() == 0
    assert total_views() == 1


def test_a_flush_that_died_after_its_commit_does_not_count_twice(beacon, spool):
    article = make_news()
    beacon(article)
    beacon(article, address="198.51.100.2")
    # The flush commits the batch, then dies before deleting it from the buffer.
    batch, _finish = next(get_buffer().batches())
    assert flush._apply(batch)
    assert list(spool.glob("batch-*.spool"))

    beacon(article, address="198.51.100.3")
    flush.flush_views()
    assert total_views() == 3
    assert not list(spool.glob("*.spool"))


def test_a_flush_that_died_before_its_commit_loses_nothing(beacon, spool, monkeypatch):
    article = make_news()
    beacon(article)

    def crash(batch):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(flush, "_write_referrers", crash)
    with pytest.raises(RuntimeError):
        flush.flush_views()
    monkeypatch.undo()
    assert not DailyCount.objects.exists()
    assert not FlushedBatch.objects.exists()

    flush.flush_views()
    assert total_views() == 1


def test_hits_arriving_during_a_flush_go_into_the_next_one(beacon):
    article = make_news()
    beacon(article)
    batches = get_buffer().batches()
    batch, finish = next(batches)
    beacon(article, address="198.51.100.2")  # while the first batch is being written
    flush._apply(batch)
    finish()
    list(batches)
    assert total_views() == 1
    flush.flush_views()
    assert total_views() == 2


def test_no_hit_is_lost_while_writers_and_the_flush_run_at_once(client, spool, settings):
    """Threads append as the processes of several gunicorn workers would, each opening the
    spool for itself, while the flush keeps renaming it away (the per-visitor cap off: every
    hit written must be counted)."""
    settings.RATELIMIT_ENABLE = False
    from django.test import RequestFactory

    from policyshare.analytics.hits import PAGE, record_hit
    from tests.analytics.conftest import BROWSER

    article = make_news()
    writers, per_writer = 4, 300

    def write(n):
        request = RequestFactory().post(
            "/", REMOTE_ADDR=f"198.51.100.{n}", HTTP_USER_AGENT=BROWSER, HTTP_HOST="127.0.0.1"
        )
        for _hit in range(per_writer):
            record_hit(request, kind="view", item_type=PAGE, item_id=article.pk)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    flushed = 0
    while any(thread.is_alive() for thread in threads):
        flushed += flush.flush_views()
    flushed += flush.flush_views()

    assert flushed == writers * per_writer
    assert total_views() == writers * per_writer
    assert DailyCount.objects.get().uniques == writers


def test_the_flush_views_command_writes_the_counts(beacon):
    from django.core.management import call_command

    article = make_news()
    beacon(article)
    call_command("flush_views", verbosity=0)
    assert total_views() == 1
