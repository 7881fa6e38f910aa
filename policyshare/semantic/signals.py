"""Keep the vectors in step with publishing: embedding is queued as a background task once the
publish has committed; removal needs no model, so it happens at once. On a large site the
approximate index file (``approximate.py``) catches up in the worker afterwards."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import store
from .models import Passage
from .tasks import embed_page, refresh_vector_index


@receiver(page_published)
def embed_published_page(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: embed_page.enqueue(page_id))


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    store.remove_page(instance.pk)
    transaction.on_commit(refresh_vector_index.enqueue)


# Deleting any page, specific or not, deletes its row in Page, so ``sender=Page`` hears each
# page once (a receiver for every sender heard the specific row too, and every other model).
@receiver(post_delete, sender=Page)
def forget_deleted_page(sender, instance, **kwargs):
    # The passages went with the page (cascade); the loaded matrices must drop them too.
    store.bump_version()
    transaction.on_commit(refresh_vector_index.enqueue)


@receiver(pre_delete, sender=Page)
def record_passages_of_deleted_page(sender, instance, **kwargs):
    # The cascade leaves no trace of the passages it deletes: their tombstones first, in one
    # INSERT. Edits and unpublishing go through ``store.delete_passages``.
    store.record_removed(Passage.objects.filter(page_id=instance.pk).values_list("id", flat=True))
