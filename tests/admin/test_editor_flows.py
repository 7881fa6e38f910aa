"""What an editor does in the Wagtail admin, through the admin's own views."""

import datetime
import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policyshare.network.models import Partner
from policyshare.policies.models import PolicyIndexPage, PolicyPage, Sector
from tests.factories import index_page, make_news, make_policy, make_sector

pytestmark = pytest.mark.django_db


def policy_form_data(sector, **overrides):
    data = {
        "title": "기후동행카드",
        "slug": "climate-card",
        "summary": "대중교통 무제한 정기권.",
        "sector": sector.pk,
        "start_year": "2024",
        "end_year": "",
        "background": rich_text("<p>교통비 부담과 온실가스.</p>"),
        "approach": streamfield(
            [
                ("heading", "추진 내용"),
                ("paragraph", rich_text("<p>월 6만원대 무제한 이용.</p>")),
            ]
        ),
        "know_how": rich_text(""),
        "challenges": streamfield(
            [("challenge", {"difficulty": "운송기관 간 정산", "response": "손실 분담 합의"})]
        ),
        "key_results": inline_formset(
            [
                {"indicator": "가입자", "unit": "명", "actual": "1000000", "year": "2024"},
                {"indicator": "감축 온실가스", "unit": "t", "actual": "32000", "year": "2024"},
            ]
        ),
        "exchanges": inline_formset([]),
        "cost_and_financing": rich_text(""),
        "staffing": rich_text(""),
        "department": "교통정책과",
        "contact_email": "",
        "last_reviewed": "2024-01-27",
        "next_review": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    # A multiple choice is a repeated key, which nested_form_data would number instead.
    return {**nested_form_data(data), "goals": ["11", "13"]}


def add_policy(admin, parent, **post):
    url = reverse("wagtailadmin_pages:add", args=["policies", "policypage", parent.pk])
    return admin.post(url, {**policy_form_data(make_sector()), **post})


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_editor_creates_a_policy_with_key_results_and_body_as_a_draft_then_publishes(admin):
    parent = index_page(PolicyIndexPage)

    response = add_policy(admin, parent)

    assert response.status_code == 302, response.context["form"].errors
    policy = PolicyPage.objects.get(slug="climate-card")
    assert not policy.live
    assert policy.has_unpublished_changes
    draft = policy.get_latest_revision_as_object()
    assert [r.indicator for r in draft.key_results.all()] == ["가입자", "감축 온실가스"]
    assert [b.block_type for b in draft.approach] == ["heading", "paragraph"]
    assert draft.challenges[0].value["response"] == "손실 분담 합의"

    # Publishing from the edit view sends the existing key results back with their ids.
    existing = [
        {
            "id": str(r.pk),
            "indicator": r.indicator,
            "unit": r.unit,
            "actual": "1000000",
            "year": "2024",
        }
        for r in draft.key_results.all()
    ]
    response = admin.post(
        edit_url(policy),
        {
            **policy_form_data(policy.sector, key_results=inline_formset(existing, initial=2)),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.live
    assert policy.key_results.count() == 2
    assert sorted(policy.goals.values_list("number", flat=True)) == [11, 13]
    # The site's review interval filled next_review in from last_reviewed.
    assert policy.next_review == datetime.date(2025, 1, 26)
    assert admin.get(policy.url).status_code == 200


def test_empty_optional_streamfield_and_blocks_are_accepted(admin):
    parent = index_page(PolicyIndexPage)

    response = add_policy(admin, parent, **nested_form_data({"challenges": streamfield([])}))

    assert response.status_code == 302
    assert (
        len(PolicyPage.objects.get(slug="climate-card").get_latest_revision_as_object().challenges)
        == 0
    )


def test_editor_previews_a_change_and_sees_the_revisions(admin):
    policy = make_policy(title="녹색교통지역")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk])
    data = policy_form_data(policy.sector, title="녹색교통지역 (개정)", slug=policy.slug)

    assert admin.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    response = admin.get(preview_url)
    assert response.status_code == 200
    assert "녹색교통지역 (개정)" in response.content.decode()

    admin.post(edit_url(policy), data)  # a second revision, as a draft
    history = admin.get(reverse("wagtailadmin_pages:history", args=[policy.pk]))
    assert history.status_code == 200
    revisions = policy.revisions.order_by("created_at")
    assert revisions.count() == 2
    first = revisions.first()
    view = admin.get(reverse("wagtailadmin_pages:revisions_view", args=[policy.pk, first.pk]))
    assert view.status_code == 200
    compare = admin.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[policy.pk, first.pk, revisions.last().pk],
        )
    )
    assert compare.status_code == 200


def test_editor_views_the_draft_of_news_that_names_a_related_policy(admin):
    policy = make_policy(title="녹색교통지역")
    news = make_news(title="녹색교통지역 1년")
    news.related_policies.add(policy)
    news.title = "녹색교통지역 1년 (초안)"
    news.save_revision()

    response = admin.get(reverse("wagtailadmin_pages:view_draft", args=[news.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "녹색교통지역 1년 (초안)" in content and "녹색교통지역" in content


def test_scheduled_publishing_goes_live_when_its_time_comes(admin):
    parent = index_page(PolicyIndexPage)
    go_live_at = timezone.localtime() + datetime.timedelta(days=2)

    response = add_policy(
        admin,
        parent,
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "action-publish"},
    )

    assert response.status_code == 302
    policy = PolicyPage.objects.get(slug="climate-card")
    assert not policy.live
    assert policy.scheduled_revision is not None

    call_command("publish_scheduled")
    policy.refresh_from_db()
    assert not policy.live

    later = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    policy.refresh_from_db()
    assert policy.live


def test_default_moderation_workflow_puts_a_submitted_page_in_moderation(admin):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.active
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()
    policy = make_policy(title="따릉이")

    response = admin.post(
        edit_url(policy),
        {**policy_form_data(policy.sector, slug=policy.slug), "action-submit": "action-submit"},
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.workflow_in_progress
    state = WorkflowState.objects.for_instance(policy).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Moderators approval"
    # The dashboard shows it among the pages awaiting moderation.
    assert "따릉이" in admin.get(reverse("wagtailadmin_home")).content.decode()


def _pdf_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def _png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2458a6").save(buffer, "PNG")
    return buffer.getvalue()


def test_editor_uploads_a_pdf_document(admin):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {
            "title": "2020 브로슈어",
            "file": SimpleUploadedFile("brochure.pdf", _pdf_bytes(), "application/pdf"),
            "collection": "1",
        },
    )

    assert response.status_code == 302
    document = Document.objects.get(title="2020 브로슈어")
    assert document.file_extension == "pdf"
    assert admin.get(document.url).status_code == 200


def test_editor_uploads_an_image(admin):
    response = admin.post(
        reverse("wagtailimages:add"),
        {
            "title": "녹색교통지역 지도",
            "file": SimpleUploadedFile("map.png", _png_bytes(), "image/png"),
            "collection": "1",
        },
    )

    assert response.status_code == 302
    image = Image.objects.get(title="녹색교통지역 지도")
    assert (image.width, image.height) == (40, 30)


def test_editor_creates_and_edits_a_sector(admin):
    add_url = reverse(Sector.snippet_viewset.get_url_name("add"))

    response = admin.post(
        add_url + "?locale=ko",
        {"name": "수자원", "slug": "water", "description": "", "sort_order": "3"},
    )

    assert response.status_code == 302
    sector = Sector.objects.get(slug="water")
    assert sector.locale.language_code == "ko"

    response = admin.post(
        reverse(Sector.snippet_viewset.get_url_name("edit"), args=[sector.pk]),
        {"name": "물 관리", "slug": "water", "description": "상수도", "sort_order": "3"},
    )

    assert response.status_code == 302
    sector.refresh_from_db()
    assert (sector.name, sector.description) == ("물 관리", "상수도")


def test_editor_creates_and_edits_a_partner_in_english(admin):
    add_url = reverse(Partner.snippet_viewset.get_url_name("add"))
    data = {
        "name": "UN-Habitat",
        "kind": "international",
        "sort_order": "0",
        "logo": "",
        "website": "https://unhabitat.org/",
        "description": "",
        "show_on_home": "on",
    }

    response = admin.post(add_url + "?locale=en", data)

    assert response.status_code == 302
    partner = Partner.objects.get(name="UN-Habitat")
    assert partner.locale.language_code == "en"

    response = admin.post(
        reverse(Partner.snippet_viewset.get_url_name("edit"), args=[partner.pk]),
        {**data, "kind": "city-network", "show_on_home": ""},
    )

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.kind == "city-network"
    assert not partner.show_on_home
