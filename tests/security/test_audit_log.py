"""Changes to who may do what are in Wagtail's audit log ("Site history"), with who made them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from policyshare.security import audit

from .conftest import make_user

pytestmark = pytest.mark.django_db


def entries(action, obj):
    return ModelLogEntry.objects.for_instance(obj).filter(action=action)


def test_creating_a_user_in_the_admin_logs_the_user_and_its_groups(
    client, administrator, editors_group
):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a long passphrase for tests",
            "password2": "a long passphrase for tests",
            "is_active": "on",
            "groups": [editors_group.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    newcomer = get_user_model().objects.get(username="newcomer")

    assert entries("wagtail.create", newcomer).get().user_id == administrator.pk
    change = entries(audit.GROUPS_CHANGED, newcomer).get()
    assert change.user_id == administrator.pk
    assert change.data["added"] == ["Editors"]


def test_taking_a_user_out_of_a_group_in_the_admin_is_logged(client, administrator, editors_group):
    editor = make_user("someone")
    editor.groups.add(editors_group)
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": "someone",
            "email": "someone@example.org",
            "first_name": "Some",
            "last_name": "One",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    removed = entries(audit.GROUPS_CHANGED, editor).filter(user=administrator).get()
    assert removed.data["removed"] == ["Editors"]


def test_permission_changes_of_groups_and_users_are_logged(administrator, editors_group):
    permission = Permission.objects.get(codename="change_user")
    editor = make_user("someone")
    with LogContext(user=administrator):
        editors_group.permissions.add(permission)
        editors_group.permissions.remove(permission)
        editor.user_permissions.clear()

    group_changes = entries(audit.PERMISSIONS_CHANGED, editors_group).order_by("pk")
    assert [entry.data["added"] for entry in group_changes] == [[str(permission)], []]
    assert [entry.data["removed"] for entry in group_changes] == [[], [str(permission)]]
    assert {entry.user_id for entry in group_changes} == {administrator.pk}
    cleared = entries(audit.PERMISSIONS_CHANGED, editor).get(user=administrator)
    assert cleared.data["removed"] == [str(Permission.objects.get(codename="access_admin"))]


def test_page_permissions_of_a_group_are_logged(administrator, editors_group):
    root = Page.get_first_root_node()
    with LogContext(user=administrator):
        grant = GroupPagePermission.objects.create(
            group=editors_group, page=root, permission_type="publish"
        )
        grant.delete()

    changes = entries(audit.PERMISSIONS_CHANGED, editors_group).order_by("pk")
    assert len(changes) == 2
    assert "publish" in changes[0].data["added"][0].lower()
    assert changes[1].data["removed"] == changes[0].data["added"]


def test_administrators_read_it_in_the_site_history_report(client, administrator, editors_group):
    editor = make_user("someone")
    with LogContext(user=administrator):
        editor.groups.add(editors_group)
    client.force_login(administrator)

    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Groups changed (added: Editors)" in page


def test_an_editor_does_not_see_changes_to_accounts(client, administrator, editor, editors_group):
    with LogContext(user=administrator):
        editor.groups.add(editors_group)
    client.force_login(editor)
    response = client.get("/admin/reports/site-history/")
    assert "Groups changed" not in response.content.decode()
