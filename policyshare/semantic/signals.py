"""Keep the vectors in step with publishing: embedding is queued as a background task once the
publish has committed; removal needs no model, so it happens at once. On a large site the
approximate index file (``approximate.py``) catches up in the worker afterwards."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import store
from .models import Passage, RemovedPassage
from .tasks import embed_page, refresh_vector_index


@receiver(page_published)
def embed_published_page(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: embed_page.enqueue(page_id))


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    store.remove_page(instance.pk)
    transaction.on_commit(refresh_vector_index.enqueue)


@receiver(post_delete)
def forget_deleted_page(sender, instance, **kwargs):
    # The passages went with the page (cascade); the loaded matrices must drop them too.
    if isinstance(instance, Page):
        store.bump_version()
        transaction.on_commit(refresh_vector_index.enqueue)


@receiver(post_delete, sender=Passage)
def record_removed_passage(sender, instance, **kwargs):
    # Every way a passage goes (an edit, an unpublish, its page's cascade) passes here.
    RemovedPassage.objects.bulk_create(
        [RemovedPassage(passage_id=instance.pk)], ignore_conflicts=True
    )
