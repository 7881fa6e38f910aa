"""OAI-PMH at /oai: every verb and error code, paging by resumption token, date and set
filters; every response valid against the OAI-PMH and oai_dc schemas; and a real harvest by
Sickle, a harvesting client, over HTTP."""

import datetime
from pathlib import Path

import pytest
from lxml import etree
from sickle import Sickle
from wagtail.models import PageViewRestriction

from policyshare.library.models import PublicationIndexPage, PublicationPage
from policyshare.oai import records, views
from tests.factories import index_page, make_pdf_document, make_publication

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "harvest.xsd")))
NS = {"oai": views.OAI_NS, "dc": views.DC_NS, "oai_dc": views.OAI_DC_NS}


@pytest.fixture(autouse=True)
def _admin_address(settings):
    # The protocol wants a real address (user@host.domain) in Identify.
    settings.DEFAULT_FROM_EMAIL = "policyshare@city.example.org"


@pytest.fixture(scope="module")
def server(content, django_db_blocker):
    """The portal on a loopback port for a harvester. Not pytest-django's ``live_server``: that
    one makes the test transactional and would empty the database the content is in. With
    SQLite in memory the server shares the test's connection and sees the content."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("127.0.0.1")
        yield server
        server.stop()


@pytest.fixture
def oai(client):
    """GET /oai with ``params``; returns the response document, checked against the schema."""

    def get(**params):
        response = client.get("/oai", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        document = etree.fromstring(response.content)
        SCHEMA.assertValid(document)
        return document

    return get


def error_code(document):
    return document.find("oai:error", NS).get("code")


def identifiers(document):
    return [element.text for element in document.iterfind(".//oai:header/oai:identifier", NS)]


def publication_ids(content):
    return {
        records.identifier(content.publication.pk),
        records.identifier(content.hidden_file_publication.pk),
    }


def test_identify(oai, content):
    document = oai(verb="Identify")
    identify = document.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://127.0.0.1/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert document.find("oai:request", NS).get("verb") == "Identify"


def test_list_metadata_formats(oai, content):
    document = oai(verb="ListMetadataFormats")
    prefixes = document.xpath("//oai:metadataPrefix/text()", namespaces=NS)
    assert prefixes == ["oai_dc"]
    document = oai(
        verb="ListMetadataFormats", identifier=records.identifier(content.publication.pk)
    )
    assert document.xpath("//oai:metadataPrefix/text()", namespaces=NS) == ["oai_dc"]
    assert error_code(oai(verb="ListMetadataFormats", identifier="oai:x:1")) == "idDoesNotExist"


def test_list_sets_by_language_and_sector(oai, content):
    specs = oai(verb="ListSets").xpath("//oai:setSpec/text()", namespaces=NS)
    assert {"language", "language:ko", "language:en", "sector", "sector:water"} <= set(specs)
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="sector:water")
    assert identifiers(document) == [records.identifier(content.publication.pk)]
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="language:ko")
    assert set(identifiers(document)) == publication_ids(content)
    assert error_code(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="language:en")) == (
        "noRecordsMatch"
    )


def test_records_in_dublin_core(oai, content):
    document = oai(verb="ListRecords", metadataPrefix="oai_dc")
    assert len(document.findall(".//oai:record", NS)) == 2
    record = oai(
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=records.identifier(content.publication.pk),
    ).find(".//oai_dc:dc", NS)
    title = record.find("dc:title", NS)
    assert title.text == "서울 정책 브로슈어"
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "ko"
    assert record.findtext("dc:date", namespaces=NS) == "2021"
    assert record.findtext("dc:language", namespaces=NS) == "ko"
    assert record.findtext("dc:format", namespaces=NS) == "application/pdf"
    assert record.findtext("dc:subject", namespaces=NS) == "물"
    urls = [element.text for element in record.findall("dc:identifier", NS)]
    assert urls[0].endswith(f"/{content.publication.slug}/")
    assert "/documents/" in urls[1]
    # A file in a private collection is never linked.
    hidden = oai(
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=records.identifier(content.hidden_file_publication.pk),
    )
    assert not [
        u for u in hidden.xpath("//dc:identifier/text()", namespaces=NS) if "/documents/" in u
    ]


def test_drafts_and_private_pages_have_no_record(oai, content):
    for page in [content.draft_policy, content.private_policy, content.policy]:
        document = oai(
            verb="GetRecord", metadataPrefix="oai_dc", identifier=records.identifier(page.pk)
        )
        assert error_code(document) == "idDoesNotExist"


def test_from_and_until(oai, content):
    today = datetime.datetime.now(datetime.UTC).date()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": yesterday})
    assert set(identifiers(document)) == publication_ids(content)
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until=yesterday)
    assert error_code(document) == "noRecordsMatch"
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": tomorrow})
    assert error_code(document) == "noRecordsMatch"
    document = oai(
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": f"{yesterday}T00:00:00Z", "until": f"{tomorrow}T00:00:00Z"},
    )
    assert set(identifiers(document)) == publication_ids(content)


def test_resumption_tokens_page_through_the_list(oai, content, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    first = oai(verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS)
    assert (token.get("completeListSize"), token.get("cursor")) == ("2", "0")
    second = oai(verb="ListRecords", resumptionToken=token.text)
    last = second.find(".//oai:resumptionToken", NS)
    # The last page of a list ends with an empty token.
    assert (last.text, last.get("cursor")) == (None, "1")
    assert set(identifiers(first) + identifiers(second)) == publication_ids(content)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "Identify", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-01"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2021-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:x:y"},
            "idDoesNotExist",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "sector:none"},
            "noRecordsMatch",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
        (
            {"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
            "badArgument",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "\x01\x02"},
            "idDoesNotExist",
        ),
    ],
)
def test_errors(oai, content, params, code):
    assert error_code(oai(**params)) == code


def test_a_repeated_verb_or_argument(client, content):
    for query in ["verb=Identify&verb=Identify", "verb=ListSets&set=a&set=b"]:
        document = etree.fromstring(client.get(f"/oai?{query}").content)
        SCHEMA.assertValid(document)
        assert error_code(document) in {"badVerb", "badArgument"}


@pytest.mark.servers
def test_sickle_harvests_every_record_over_http(server, content, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    harvester = Sickle(f"{server.url}/oai", max_retries=1)
    assert harvester.Identify().repositoryName
    harvested = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert {record.header.identifier for record in harvested} == publication_ids(content)
    titles = {record.metadata["title"][0] for record in harvested}
    assert titles == {"서울 정책 브로슈어", "내부 보고서"}
    by_post = Sickle(f"{server.url}/oai", http_method="POST")
    assert len(list(by_post.ListIdentifiers(metadataPrefix="oai_dc"))) == 2


def deleted_headers(document):
    return {
        header.findtext("oai:identifier", namespaces=NS): [
            spec.text for spec in header.findall("oai:setSpec", NS)
        ]
        for header in document.iterfind(".//oai:header[@status='deleted']", NS)
    }


def test_an_unpublished_publication_is_a_deleted_record_until_published_again(oai, content):
    publication = PublicationPage.objects.get(pk=content.publication.pk)
    gone = records.identifier(publication.pk)
    identify = oai(verb="Identify").find("oai:Identify", NS)
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"

    publication.unpublish()

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert deleted_headers(listed) == {gone: ["language:ko", "sector:water"]}
    assert set(identifiers(listed)) == publication_ids(content)
    record = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=gone)
    assert deleted_headers(record) == {gone: ["language:ko", "sector:water"]}
    assert record.find(".//oai:metadata", NS) is None
    in_records = oai(verb="ListRecords", metadataPrefix="oai_dc", set="sector:water")
    assert list(deleted_headers(in_records)) == [gone]
    in_english = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="language:en")
    assert error_code(in_english) == "noRecordsMatch"

    publication.save_revision().publish()

    record = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=gone)
    assert deleted_headers(record) == {}
    assert record.find(".//oai_dc:dc", NS) is not None


def test_a_deleted_publication_is_a_deleted_record_and_a_deleted_draft_is_not(oai, content):
    published = make_publication(title="폐기된 보고서")
    draft = PublicationPage(
        title="초안", slug="draft-report", year=2024, document=make_pdf_document(), live=False
    )
    index_page(PublicationIndexPage).add_child(instance=draft)
    PublicationPage.objects.get(pk=published.pk).delete()
    PublicationPage.objects.get(pk=draft.pk).delete()

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert list(deleted_headers(listed)) == [records.identifier(published.pk)]
    record = oai(
        verb="GetRecord", metadataPrefix="oai_dc", identifier=records.identifier(published.pk)
    )
    assert list(deleted_headers(record)) == [records.identifier(published.pk)]
    never_published = oai(
        verb="GetRecord", metadataPrefix="oai_dc", identifier=records.identifier(draft.pk)
    )
    assert error_code(never_published) == "idDoesNotExist"


@pytest.mark.servers
def test_sickle_sees_the_deletion(server, content, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    PublicationPage.objects.get(pk=content.hidden_file_publication.pk).unpublish()
    harvested = list(Sickle(f"{server.url}/oai").ListRecords(metadataPrefix="oai_dc"))
    deleted = {record.header.identifier for record in harvested if record.deleted}
    assert deleted == {records.identifier(content.hidden_file_publication.pk)}
    assert len(harvested) == 2


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "summit"},
    ],
    ids=["private", "password"],
)
def test_a_restricted_publication_is_a_deleted_record_until_the_restriction_goes(
    oai, content, restriction
):
    publication = PublicationPage.objects.get(pk=content.publication.pk)
    gone = records.identifier(publication.pk)

    made = PageViewRestriction.objects.create(page=publication, **restriction)

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert deleted_headers(listed) == {gone: ["language:ko", "sector:water"]}
    record = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=gone)
    assert record.find(".//oai:metadata", NS) is None
    # Published again while still restricted: still not for harvesters.
    publication.save_revision().publish()
    record = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=gone)
    assert list(deleted_headers(record)) == [gone]

    made.delete()

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert deleted_headers(listed) == {}
    assert set(identifiers(listed)) == publication_ids(content)
    record = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=gone)
    assert record.find(".//oai_dc:dc", NS) is not None


def test_a_group_restriction_above_publications_hides_them_all(oai, content):
    from django.contrib.auth.models import Group

    index = PublicationPage.objects.get(pk=content.publication.pk).get_parent()
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="summit staff")])

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert set(deleted_headers(listed)) == publication_ids(content)
    assert oai(verb="ListRecords", metadataPrefix="oai_dc").find(".//oai:metadata", NS) is None

    restriction.delete()

    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert deleted_headers(listed) == {}
    assert set(identifiers(listed)) == publication_ids(content)


def test_an_incremental_harvest_fetches_a_publication_again_when_its_restriction_goes(oai, content):
    """A harvester asks each time for what changed since its last harvest (from = that
    response's date): it must see the deletion, then the record again."""
    PublicationPage.objects.filter(pk=content.publication.pk).update(
        last_published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    publication = PublicationPage.objects.get(pk=content.publication.pk)
    record = records.identifier(publication.pk)

    def harvest(since):
        document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
        return document, document.findtext("oai:responseDate", namespaces=NS)

    first, since = harvest("2019-12-31T00:00:00Z")
    assert record in identifiers(first)

    restriction = PageViewRestriction.objects.create(
        page=publication, restriction_type=PageViewRestriction.LOGIN
    )
    saw_deletion, since = harvest(since)
    assert list(deleted_headers(saw_deletion)) == [record]

    restriction.delete()
    again, _ = harvest(since)
    assert deleted_headers(again) == {}
    assert record in identifiers(again)
    # Only this record's header: the other publications, published as the test began, are
    # listed again when that was within the second of the first response's date (from= is
    # inclusive, and dates have whole seconds).
    (datestamp,) = [
        header.findtext("oai:datestamp", namespaces=NS)
        for header in again.iterfind(".//oai:header", NS)
        if header.findtext("oai:identifier", namespaces=NS) == record
    ]
    assert datestamp >= since
