"""Pages behind a view restriction (password, sign-in, groups) stay out of every listing a
visitor sees, also when the restrictions are read from the shared cache instead of the database
(``core/restrictions.py``), and a restriction added later hides its pages at once."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_city, make_news, make_policy, make_standard_page

pytestmark = pytest.mark.django_db


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_restricted_pages_are_left_out_of_the_menu_home_page_listings_and_related_items(client):
    policy = make_policy("en", featured=True, title="Open policy")
    make_news("en", title="Open article", related_policies=[policy])
    hidden_article = make_news("en", title="Hidden article", related_policies=[policy])
    make_standard_page("en", title="Open section", show_in_menus=True)
    hidden_section = make_standard_page("en", title="Hidden section", show_in_menus=True)
    make_city("en", title="Open city")
    hidden_city = make_city("en", title="Hidden city")
    for page in (hidden_article, hidden_section, hidden_city):
        restrict(page)

    home = client.get("/en/").content.decode()
    policy_page = client.get(policy.url).content.decode()
    cities = client.get(hidden_city.get_parent().url).content.decode()

    assert "Open article" in home and "Open section" in home
    assert "Hidden article" not in home and "Hidden section" not in home
    assert "Open article" in policy_page and "Hidden article" not in policy_page
    assert "Open city" in cities and "Hidden city" not in cities


def test_a_section_restricted_later_disappears_from_the_listings(
    client, django_capture_on_commit_callbacks
):
    policy = make_policy("en", featured=True, title="Soon private policy")
    assert "Soon private policy" in client.get("/en/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        restrict(policy.get_parent())

    assert "Soon private policy" not in client.get("/en/").content.decode()


def test_a_page_restricted_later_asks_for_the_password_instead_of_showing_itself(
    client, django_capture_on_commit_callbacks
):
    # While the site has no restriction the check is skipped (``ViewRestrictionsFromCache``);
    # the first restriction must end that at once.
    article = make_news("en", title="Board minutes", body=[("paragraph", "<p>Secret text</p>")])
    assert "Secret text" in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        restrict(article)

    response = client.get(article.url)
    assert "Secret text" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_right_password_opens_a_restricted_page(client):
    article = make_news("en", title="Board minutes", body=[("paragraph", "<p>Secret text</p>")])
    restrict(article)
    form = client.get(article.url).content.decode()
    action = form.split('action="')[1].split('"')[0]

    response = client.post(action, {"password": "secret", "return_url": article.url})

    assert response.status_code == 302
    assert "Secret text" in client.get(response["Location"]).content.decode()
