"""Move buffered counts into the database, one batch per transaction."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from wagtail.documents.models import Document
from wagtail.models import Page

from .buffers import get_buffer
from .hits import DOCUMENT, PAGE
from .models import DailyCount, FlushedBatch, ReferrerDailyCount


def flush_views():
    """Flush every waiting batch; return the number of hits written."""
    written = 0
    for batch, finish in get_buffer().batches():
        if _apply(batch):
            written += len(batch)
        finish()
    FlushedBatch.objects.filter(
        flushed_at__lt=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)
    ).delete()
    return written


def _apply(batch):
    """Write one batch with its id; False when it had been written before (a flush that
    crashed after its commit, run again)."""
    try:
        with transaction.atomic():
            FlushedBatch.objects.create(batch_id=batch.batch_id)
            _write_counts(batch)
            _write_referrers(batch)
    except IntegrityError:
        if FlushedBatch.objects.filter(batch_id=batch.batch_id).exists():
            return False
        raise
    return True


def _write_counts(batch):
    page_ids = {key.item_id for key in batch.views if key.item_type == PAGE}
    page_languages = dict(
        Page.objects.filter(id__in=page_ids).values_list("id", "locale__language_code")
    )
    document_ids = set(
        Document.objects.filter(
            id__in={key.item_id for key in batch.views if key.item_type == DOCUMENT}
        ).values_list("id", flat=True)
    )
    for key, views in batch.views.items():
        if key.item_type == DOCUMENT and key.item_id not in document_ids:
            continue  # deleted since
        if key.item_type == PAGE:
            if key.item_id not in page_languages:
                continue  # a deleted page, or an id no page ever had
            item = {"page_id": key.item_id, "language": page_languages[key.item_id]}
        else:
            item = {"document_id": key.item_id, "language": key.language}
        new_uniques = batch.new_uniques.get(key, 0)
        total_uniques = batch.total_uniques.get(key, 0)
        updated = DailyCount.objects.filter(kind=key.kind, date=key.date, **item).update(
            views=F("views") + views,
            uniques=Greatest(F("uniques") + new_uniques, total_uniques),
        )
        if not updated:
            DailyCount.objects.create(
                kind=key.kind,
                date=key.date,
                views=views,
                uniques=max(new_uniques, total_uniques),
                **item,
            )


def _write_referrers(batch):
    for (date, domain), count in batch.referrers.items():
        updated = ReferrerDailyCount.objects.filter(date=date, domain=domain).update(
            count=F("count") + count
        )
        if not updated:
            ReferrerDailyCount.objects.create(date=date, domain=domain, count=count)
