"""Tombstones for publications that leave the harvestable set, and their removal when one comes
back: harvesters are told of a deletion (status="deleted") instead of keeping a stale copy."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from policyshare.library.models import PublicationPage

from .models import DeletedRecord
from .records import set_specs_of


def _bury(page):
    if page.first_published_at is None:
        return  # never published: no harvester can have it
    specs = " ".join(set_specs_of(page))
    DeletedRecord.objects.update_or_create(
        page_id=page.pk, defaults={"deleted_at": timezone.now(), "set_specs": f" {specs} "}
    )


@receiver(page_unpublished, sender=PublicationPage)
def publication_unpublished(sender, instance, **kwargs):
    _bury(instance)


@receiver(pre_delete, sender=PublicationPage)
def publication_deleted(sender, instance, **kwargs):
    _bury(instance)


@receiver(page_published, sender=PublicationPage)
def publication_published(sender, instance, **kwargs):
    DeletedRecord.objects.filter(page_id=instance.pk).delete()
