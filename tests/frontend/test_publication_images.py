"""A publication's images are made when it is published (policyshare/library/renditions.py), so
that its first visitor is not the one who waits for them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_image, make_publication

pytestmark = pytest.mark.django_db


def renditions_made_by_visiting(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries if 'INSERT INTO "wagtailimages_rendition"' in q["sql"]]


def test_the_first_visit_of_a_published_publication_makes_no_image(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued after the commit
        publication = make_publication("en", cover=make_image())

    assert renditions_made_by_visiting(client, publication.url) == []
    assert renditions_made_by_visiting(client, publication.get_parent().url) == []
    assert renditions_made_by_visiting(client, "/en/") == []
