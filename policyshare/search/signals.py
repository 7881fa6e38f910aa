"""Index maintenance: every change that decides what a visitor can find updates the index.

Updates run inside the editor's request (analysing one page takes milliseconds). A failing
index never fails the editor's action: it is logged with the way to rebuild.
"""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import indexing
from .models import DictionaryWord
from .user_dictionary import dictionary_changed

logger = logging.getLogger(__name__)


def _safely(update, page):
    try:
        with transaction.atomic():
            update(page)
    except DatabaseError:
        logger.exception(
            "The search index could not be updated for page %s; run `policyshare reindex`.",
            page.pk,
        )


@receiver(page_published)
def index_published(sender, instance, **kwargs):
    _safely(indexing.index_page, instance)


@receiver(page_unpublished)
def remove_unpublished(sender, instance, **kwargs):
    _safely(indexing.index_subtree, instance)


@receiver(page_slug_changed)
def reindex_renamed(sender, instance, **kwargs):
    _safely(indexing.index_subtree, instance)


@receiver(post_page_move)
def reindex_moved(sender, instance, **kwargs):
    _safely(indexing.index_subtree, instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_privacy_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return  # a restore loads rows in any order, then rebuilds the index itself
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # the page itself is being deleted: its entries go with it
    _safely(indexing.index_subtree, page)


@receiver(post_save, sender=DictionaryWord)
@receiver(post_delete, sender=DictionaryWord)
def reload_dictionary(sender, raw=False, **kwargs):
    if not raw:
        dictionary_changed()
