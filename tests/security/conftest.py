import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.security.fuzzing import report_fuzz_cases  # noqa: F401  (a fixture for every module)

PASSWORD = "a long passphrase for tests"  # noqa: S105


@pytest.fixture
def client(client):
    """Messages are checked in English: the Korean catalogue is compiled separately."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def make_user(username="editor", superuser=False, **kwargs):
    users = get_user_model().objects
    if superuser:
        return users.create_superuser(username=username, password=PASSWORD, **kwargs)
    user = users.create_user(username=username, password=PASSWORD, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor")


@pytest.fixture
def administrator(db):
    return make_user("chief", superuser=True)


@pytest.fixture
def editors_group(db):
    return Group.objects.get_or_create(name="Editors")[0]


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)
