"""The image renditions a publication's pages show, made in the background once it is published:
otherwise its first visitor waits while the cover is resized and encoded (about 15-35 ms of CPU
per rendition, two on the publication's page), and the worker has the time."""

from django.db import transaction
from django.dispatch import receiver
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.signals import page_published

from .models import PublicationPage

# The filters of the templates that show a publication's images: the cover on its page
# (publication_page.html) and on the cards of the lists and the home page (includes/card.html),
# and the link preview of its page (base.html).
COVER_FILTERS = ("max-320x440", "max-360x480")
PREVIEW_FILTERS = ("fill-1200x630|format-jpeg",)


@task()
def make_renditions(image_id: int, filters: list[str]) -> int:
    """Make the renditions of the image with ``filters`` that do not exist yet; how many it has."""
    image = get_image_model().objects.filter(pk=image_id).first()
    return len(image.get_renditions(*filters)) if image is not None else 0


@receiver(page_published, sender=PublicationPage)
def make_publication_renditions(sender, instance, **kwargs):
    wanted = {}
    if instance.cover_id:
        wanted.setdefault(instance.cover_id, []).extend(COVER_FILTERS)
    preview = instance.listing_image_id or instance.cover_id
    if preview:
        wanted.setdefault(preview, []).extend(PREVIEW_FILTERS)
    for image_id, filters in wanted.items():
        transaction.on_commit(
            lambda image_id=image_id, filters=filters: make_renditions.enqueue(image_id, filters)
        )
