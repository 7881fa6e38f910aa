"""Every content type can be created by an editor: its add form opens below the parent it is
allowed under, with the fields the editor fills in."""

import pytest
from django.urls import reverse
from wagtail.models import get_page_models

from policyshare.core.models import HomePage
from policyshare.library.models import PublicationIndexPage, VideoIndexPage
from policyshare.network.models import CityIndexPage, EventIndexPage, TrainingIndexPage
from policyshare.news.models import NewsIndexPage
from policyshare.policies.models import PolicyIndexPage
from tests.factories import home, index_page

pytestmark = pytest.mark.django_db

PARENT_INDEX = {
    "policies.PolicyPage": PolicyIndexPage,
    "news.NewsPage": NewsIndexPage,
    "library.PublicationPage": PublicationIndexPage,
    "library.VideoPage": VideoIndexPage,
    "network.CityPage": CityIndexPage,
    "network.EventPage": EventIndexPage,
    "network.TrainingInstitutePage": TrainingIndexPage,
}
PROJECT_PAGE_MODELS = [
    model
    for model in get_page_models()
    if model.__module__.startswith("policyshare.") and model is not HomePage
]


@pytest.mark.parametrize("model", PROJECT_PAGE_MODELS, ids=lambda m: m.__name__)
def test_add_form_opens_below_the_allowed_parent(admin, model):
    label = model._meta.label
    parent = index_page(PARENT_INDEX[label]) if label in PARENT_INDEX else home()
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )

    response = admin.get(url)

    assert response.status_code == 200
    assert b'name="title"' in response.content


def test_a_second_home_page_cannot_be_added(admin):
    root = home().get_parent()
    url = reverse("wagtailadmin_pages:add", args=["core", "homepage", root.pk])

    response = admin.get(url)

    assert response.status_code in (302, 403)  # not the form: the portal has its home page


@pytest.mark.parametrize("label", ["policies.Sector", "network.Partner"])
def test_snippet_add_form_opens(admin, label):
    app_label, model_name = label.lower().split(".")
    response = admin.get(reverse(f"wagtailsnippets_{app_label}_{model_name}:add"))

    assert response.status_code == 200
    assert b'name="name"' in response.content
