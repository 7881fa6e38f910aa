"""Partners have the country of their seat: chosen in the admin, shown on the partners page in
the reader's language, and filled in for the demo partners."""

import pytest
from django_countries import countries

from policyshare.ingest.demo.content import partners as demo_partners
from tests.factories import make_partner, make_partner_index

pytestmark = pytest.mark.django_db


def test_the_partners_page_names_each_partners_country(client):
    make_partner_index("en")
    make_partner_index("ko")
    make_partner("en", name="UN-Habitat", country="KE")
    make_partner("en", name="UN SDG online platform")
    make_partner("ko", name="유엔 해비타트", country="KE")

    english = client.get("/en/partners/").content.decode()
    assert '<p class="logo-grid__country">Kenya</p>' in english
    assert english.count("logo-grid__country") == 1
    korean = client.get("/ko/partners/").content.decode()
    assert '<p class="logo-grid__country">케냐</p>' in korean


def test_editors_choose_the_country_in_the_admin(admin_client):
    partner = make_partner(name="ICLEI")
    edit = f"/admin/snippets/network/partner/edit/{partner.pk}/"
    assert 'name="country"' in admin_client.get(edit).content.decode()


def test_the_demo_partners_have_their_countries():
    seats = {partner.key: partner.fields["country"] for partner in demo_partners.PARTNERS}
    assert (seats["citynet"], seats["world-bank"], seats["adb"]) == ("KR", "US", "PH")
    assert seats["kosmic"] == ""  # the demo does not know where it is
    assert {code for code in seats.values() if code} <= {code for code, _name in countries}
