from django.db import models


class DeletedRecord(models.Model):
    """A publication harvesters may hold that is no longer public (unpublished or deleted),
    answered as a deleted record until it is published again. Kept for good: the repository
    declares deletedRecord "persistent"."""

    # Not a foreign key: the page may be gone.
    page_id = models.PositiveIntegerField(unique=True)
    deleted_at = models.DateTimeField(db_index=True)
    # The record's sets when it went, each with a space either side, for "set" filters.
    set_specs = models.TextField(blank=True)

    def __str__(self):
        return f"publication {self.page_id}, deleted {self.deleted_at:%Y-%m-%d %H:%M}"


class RestoredRecord(models.Model):
    """A publication that became public again without being republished (its view restriction
    went): its datestamp is this moment rather than its last publication, which is older than
    the deletion an incremental harvester saw, so that a harvest ``from`` that deletion fetches
    it again."""

    page_id = models.PositiveIntegerField(unique=True)
    restored_at = models.DateTimeField()

    def __str__(self):
        return f"publication {self.page_id}, public again {self.restored_at:%Y-%m-%d %H:%M}"
