"""Tombstones for publications that leave the harvestable set, and their removal when one comes
back: harvesters are told of a deletion (status="deleted") instead of keeping a stale copy.

A publication leaves the set when it is unpublished or deleted, and also when it, or a page
above it, is given a view restriction (private, password, groups); it comes back when it is
published again or the restriction goes; then its datestamp is that moment
(models.RestoredRecord), later than the deletion harvesters saw."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from policyshare.library.models import PublicationPage

from .models import DeletedRecord, RestoredRecord
from .records import set_specs_of


def _bury(page):
    if page.first_published_at is None:
        return  # never published: no harvester can have it
    specs = " ".join(set_specs_of(page))
    # The deletion's datestamp is now: when it was unpublished, deleted or restricted.
    DeletedRecord.objects.update_or_create(
        page_id=page.pk, defaults={"deleted_at": timezone.now(), "set_specs": f" {specs} "}
    )
    RestoredRecord.objects.filter(page_id=page.pk).delete()


@receiver(page_unpublished, sender=PublicationPage)
def publication_unpublished(sender, instance, **kwargs):
    _bury(instance)


@receiver(pre_delete, sender=PublicationPage)
def publication_deleted(sender, instance, **kwargs):
    _bury(instance)


def _is_public(page):
    return PublicationPage.objects.filter(pk=page.pk).live().public().exists()


@receiver(page_published, sender=PublicationPage)
def publication_published(sender, instance, **kwargs):
    if _is_public(instance):
        DeletedRecord.objects.filter(page_id=instance.pk).delete()
    else:
        _bury(instance)  # published below a view restriction: still not for harvesters


def _live_publications_under(restriction):
    # The restricted page itself may be going (a restriction is deleted with its page).
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:
        return PublicationPage.objects.none()
    return PublicationPage.objects.descendant_of(page, inclusive=True).live()


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    for page in _live_publications_under(instance):
        _bury(page)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_removed(sender, instance, **kwargs):
    # Another restriction further up may still hide some of them.
    public = _live_publications_under(instance).public().values_list("pk", flat=True)
    buried = DeletedRecord.objects.filter(page_id__in=list(public))
    now = timezone.now()
    RestoredRecord.objects.bulk_create(
        [
            RestoredRecord(page_id=page_id, restored_at=now)
            for page_id in buried.values_list("page_id", flat=True)
        ],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["restored_at"],
    )
    buried.delete()
