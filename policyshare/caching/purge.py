"""When the page cache is purged: whenever something a visitor can see on a page changes.

Pages: publishing (which is also how wagtail-localize brings a translation up to date, and how
scheduled publishing and imports publish), unpublishing (also on expiry), moves and deletion.
Other content shown on pages: every snippet (sectors, partners, …), images and documents (titles,
files), published answers of inquiries, the Sustainable Development Goals, the promoted search
results, and what decides who may see a page or where the site lives (view restrictions, sites,
locales). Saving a draft purges nothing: visitors do not see drafts.

The purge waits for the transaction to commit: a visitor's request that read the new generation
before the change was committed would otherwise store the old content under it.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import new_generation

# Models other than pages and snippets whose rows appear on public pages (app_label.model_name).
SHOWN_ON_PAGES = {
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailsearchpromotions.searchpromotion",
    "policies.sustainabledevelopmentgoal",
    "inquiries.publishedanswer",
}


def purge_after_commit():
    transaction.on_commit(new_generation)


def purge_after_upgrade(**kwargs):
    """``policyshare migrate`` runs on every upgrade: pages and kept parts rendered by the old
    code (its templates, its static files' hashed names) go with it, not a day later."""
    new_generation()


def shown_on_pages(model):
    """Whether saving or deleting a row of ``model`` can change a public page. Snippets count
    whatever app registers them (Wagtail sets ``snippet_viewset`` on a registered model). Not
    memoised: some apps register their snippets when the admin's hooks load, after start-up."""
    return model._meta.label_lower in SHOWN_ON_PAGES or hasattr(model, "snippet_viewset")


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_on_page_change(sender, **kwargs):
    purge_after_commit()


@receiver(post_save)
def purge_on_save(sender, **kwargs):
    if shown_on_pages(sender):
        purge_after_commit()


@receiver(post_delete)
def purge_on_delete(sender, **kwargs):
    if issubclass(sender, Page) or shown_on_pages(sender):
        purge_after_commit()
