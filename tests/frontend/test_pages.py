"""What a visitor sees on each page type: its heading, its key content, working filters."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from policyshare.network.models import EventSession, EventSpeaker, TrainingCentre
from policyshare.policies.models import PolicyExchange, SustainableDevelopmentGoal
from tests.factories import (
    home,
    locale,
    make_city,
    make_event,
    make_image,
    make_news,
    make_partner,
    make_partner_index,
    make_policy,
    make_publication,
    make_sector,
    make_standard_page,
    make_training_institute,
    make_video,
    translate,
)

pytestmark = pytest.mark.django_db


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def h1s(page_html):
    return re.findall(r"<h1[^>]*>(.*?)</h1>", page_html, re.S)


def structured_data(page_html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page_html, re.S)
    return json.loads(match.group(1))


def test_home_page_shows_intro_and_sections(client):
    page = home("en")
    page.intro_title = "Seoul shares its policies"
    page.intro = "Tested policies and their results."
    page.save_revision().publish()
    make_news("en", title="Summit passes ten million views")
    make_policy("en", title="Green Transport Zone", featured=True)

    body = html(client.get("/en/"))

    assert h1s(body) == ["Seoul shares its policies"]
    assert "Tested policies and their results." in body
    assert "Summit passes ten million views" in body
    assert "Green Transport Zone" in body
    assert structured_data(body)["@type"] == "WebSite"


def test_policy_page_is_a_structured_case(client):
    city = make_city("en", title="Nairobi", country="KE")
    policy = make_policy(
        "en",
        title="Green Transport Zone",
        slug="green-zone",
        summary="Old diesel vehicles kept out of the centre.",
        department="Air Quality Policy Division",
        contact_email="air@example.org",
        last_reviewed=datetime.date(2024, 3, 1),
        start_year=2017,
        challenges=[("challenge", {"difficulty": "Owners objected", "response": "Subsidies."})],
        key_results=[
            {
                "indicator": "NOx emissions reduced",
                "unit": "kg/day",
                "baseline": None,
                "target": Decimal("700.00"),
                "actual": Decimal("782.00"),
                "year": 2020,
                "source": "Seoul Institute",
            },
            {
                "indicator": "Share of clean buses",
                "unit": "%",
                "actual": Decimal("97.50"),
                "year": 2021,
            },
        ],
    )
    policy.goals.add(SustainableDevelopmentGoal.objects.get_or_create(number=11)[0])
    policy.exchanges.add(PolicyExchange(city=city, kind="adopted", year=2019, locale=locale("en")))
    policy.save_revision().publish()

    body = html(client.get("/en/policies/green-zone/"))

    assert h1s(body) == ["Green Transport Zone"]
    assert "Old diesel vehicles kept out of the centre." in body
    assert "Air Quality Policy Division" in body
    assert 'href="mailto:air@example.org"' in body
    assert '<time datetime="2024-03-01">2024-03-01</time>' in body
    assert "Since 2017" in body
    assert "Sustainable cities and communities" in body
    table = re.search(r"<table>.*?</table>", body, re.S).group(0)
    assert "<caption" in table
    assert '<th scope="row">NOx emissions reduced</th>' in table
    assert '<th scope="col"' in table
    assert "<strong>782</strong>" in table  # no trailing .00
    assert "782.00" not in table
    assert "97.5<" in table
    assert ">700<" in table
    assert "Not available" in table  # the missing baseline
    assert "Owners objected" in body
    assert "Nairobi" in body and "Adopted" in body
    data = structured_data(body)
    assert data["@type"] == "Article"
    assert data["author"]["name"] == "Air Quality Policy Division"


def test_policy_page_lists_news_publications_and_videos_about_it_in_either_language(client):
    policy = make_policy("ko", title="녹색교통지역", slug="green-zone")
    translate(policy, title="Green Transport Zone")
    make_news("en", title="Zone extended", related_policies=[policy])
    make_publication("en", title="Clean air brochure", related_policies=[policy])
    make_video("en", title="How the zone works", related_policies=[policy])
    make_news("ko", title="한국어 소식", related_policies=[policy])

    body = html(client.get("/en/policies/green-zone/"))

    assert "Related content" in body
    assert "Zone extended" in body
    assert "Clean air brochure" in body
    assert "How the zone works" in body
    assert "한국어 소식" not in body  # the visitor's language only


def test_policy_list_filters_by_sector_and_goal(client):
    transport = make_sector("Transport", "transport", code="en")
    water = make_sector("Water", "water", code="en")
    make_policy("en", title="Bus reform", sector=transport)
    flood = make_policy("en", title="Flood tunnels", sector=water)
    flood.goals.add(SustainableDevelopmentGoal.objects.get_or_create(number=6)[0])
    flood.save_revision().publish()

    everything = html(client.get("/en/policies/"))
    by_sector = html(client.get("/en/policies/", {"sector": "transport"}))
    by_goal = html(client.get("/en/policies/", {"sdg": "6"}))
    nothing = html(client.get("/en/policies/", {"sector": "transport", "sdg": "6"}))

    assert "Bus reform" in everything and "Flood tunnels" in everything
    assert "Bus reform" in by_sector and "Flood tunnels" not in by_sector
    assert '<option value="transport" selected>' in by_sector
    assert "Flood tunnels" in by_goal and "Bus reform" not in by_goal
    assert "No policies match these filters." in nothing
    assert '<label for="filter-sector">' in everything


def test_pagination_keeps_the_filters(client):
    transport = make_sector("Transport", "transport", code="en")
    for n in range(14):
        make_policy("en", title=f"Transport policy {n:02}", sector=transport)

    first = html(client.get("/en/policies/", {"sector": "transport"}))
    second = html(client.get("/en/policies/", {"sector": "transport", "page": "2"}))

    assert 'href="?sector=transport&amp;page=2"' in first
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>1</span>' in first
    assert "Transport policy 13" in second and "Transport policy 00" not in second
    assert 'href="?sector=transport&amp;page=1"' in second


def test_news_list_shows_registration_date_and_author_and_filters(client):
    transport = make_sector("Transport", "transport", code="en")
    make_news("en", title="Summit views", date=datetime.date(2020, 6, 11), author="seoulsolution")
    make_news("en", title="Bus news", date=datetime.date(2019, 3, 2), sector=transport)

    body = html(client.get("/en/news/"))
    assert "Registration date" in body and "Author" in body
    assert '<time datetime="2020-06-11">2020-06-11</time>' in body
    assert "seoulsolution" in body
    assert body.index("Summit views") < body.index("Bus news")  # newest first

    by_year = html(client.get("/en/news/", {"year": "2019"}))
    assert "Bus news" in by_year and "Summit views" not in by_year
    by_sector = html(client.get("/en/news/", {"sector": "transport"}))
    assert "Bus news" in by_sector and "Summit views" not in by_sector


def test_the_year_filter_offers_a_year_published_after_the_list_was_shown(
    client, django_capture_on_commit_callbacks
):
    make_news("en", title="Summit views", date=datetime.date(2020, 6, 11))
    assert '<option value="2018">' not in html(client.get("/en/news/"))

    with django_capture_on_commit_callbacks(execute=True):  # the purge runs after the commit
        make_news("en", title="Older news", date=datetime.date(2018, 1, 5))

    assert '<option value="2018">' in html(client.get("/en/news/"))


def test_a_long_list_links_the_first_and_last_pages_and_those_near_the_current_one(rf):
    from django.core.paginator import Paginator

    def links(number):
        items = Paginator(range(500), 10).page(number)
        body = render_to_string("includes/pagination.html", {"items": items}, rf.get("/en/news/"))
        shown = re.findall(r"</span>(\d+)</(?:a|span)>", body)
        return [int(n) for n in shown], body.count('class="gap"')

    assert links(1) == ([1, 2, 3, 50], 1)
    assert links(25) == ([1, 23, 24, 25, 26, 27, 50], 2)
    assert links(50) == ([1, 48, 49, 50], 1)
    assert links(4) == ([1, 2, 3, 4, 5, 6, 50], 1)


def test_news_page(client):
    make_news("en", title="Summit views", slug="summit", author="seoulsolution")

    body = html(client.get("/en/news/summit/"))

    assert h1s(body) == ["Summit views"]
    assert '<time datetime="2020-06-11">2020-06-11</time>' in body
    assert "seoulsolution" in body
    data = structured_data(body)
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2020-06-11"


def test_publication_page_offers_the_pdf_with_its_size(client):
    publication = make_publication("en", title="Transport brochure", slug="brochure")
    size = publication.document.file.size

    body = html(client.get("/en/publications/brochure/"))

    assert h1s(body) == ["Transport brochure"]
    link = re.search(r"<a [^>]*download[^>]*>.*?</a>", body, re.S).group(0)
    assert f'href="{publication.document.url}"' in link
    assert "Download PDF" in link
    assert f"{size} bytes" in link or "KB" in link
    data = structured_data(body)
    assert data["encoding"]["encodingFormat"] == "application/pdf"


def test_publication_list_filters_by_kind(client):
    make_publication("en", title="A brochure", kind="brochure")
    make_publication("en", title="A report", kind="report")

    body = html(client.get("/en/publications/", {"kind": "report"}))

    assert "A report" in body and "A brochure" not in body
    assert 'href="/en/publications/?kind=report" aria-current="page"' in body


def test_video_page_embeds_the_player_and_links_out(client):
    video = make_video(
        "en",
        title="Mayors' meeting",
        slug="mayors",
        video_url="https://youtu.be/dQw4w9WgXcQ",
        duration_minutes=90,
    )
    event = make_event("en", title="CAC Global Summit")
    event.sessions.add(
        EventSession(
            title="Opening",
            starts_at=datetime.datetime(2020, 6, 1, 1, tzinfo=datetime.UTC),
            video=video,
            locale=locale("en"),
        )
    )
    event.save_revision().publish()

    body = html(client.get("/en/videos/mayors/"))

    iframe = re.search(r"<iframe[^>]*>", body, re.S).group(0)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in iframe
    assert 'title="Mayors&#x27; meeting"' in iframe
    assert 'loading="lazy"' in iframe and "allowfullscreen" in iframe
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in body
    assert "Watch on YouTube" in body
    assert "90 minutes" in body
    assert "CAC Global Summit" in body
    data = structured_data(body)
    assert data["@type"] == "VideoObject"
    assert data["duration"] == "PT1H30M"
    assert data["embedUrl"].endswith("/embed/dQw4w9WgXcQ")


def test_vimeo_video_links_to_vimeo(client):
    make_video("en", slug="talk", video_url="https://vimeo.com/76979871")

    body = html(client.get("/en/videos/talk/"))

    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in body
    assert "Watch on Vimeo" in body


def test_event_page_shows_sessions_recordings_and_speakers(client):
    video = make_video("en", title="Recording", slug="recording")
    event = make_event(
        "en", title="CAC Global Summit", slug="cac", facts="<p>156 speakers, 42 mayors.</p>"
    )
    event.sessions.add(
        EventSession(
            title="Mayors' meeting",
            starts_at=datetime.datetime(2020, 6, 1, 1, tzinfo=datetime.UTC),
            video=video,
            locale=locale("en"),
        )
    )
    event.speakers.add(EventSpeaker(name="Jared Diamond", organisation="UCLA", locale=locale("en")))
    event.save_revision().publish()

    body = html(client.get("/en/events/cac/"))

    assert h1s(body) == ["CAC Global Summit"]
    assert '<time datetime="2020-06-01">2020-06-01</time>' in body
    assert "156 speakers, 42 mayors." in body
    assert "Mayors&#x27; meeting" in body
    assert 'href="/en/videos/recording/"' in body
    assert "Jared Diamond" in body
    data = structured_data(body)
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_city_page_shows_country_and_exchanges(client):
    city = make_city("en", title="Nairobi", slug="nairobi", country="KE")
    policy = make_policy("en", title="Green Transport Zone")
    policy.exchanges.add(PolicyExchange(city=city, kind="studied", year=2018, locale=locale("en")))
    policy.save_revision().publish()

    body = html(client.get("/en/cities/nairobi/"))

    assert h1s(body) == ["Nairobi"]
    assert "Kenya" in body
    assert "Green Transport Zone" in body and "Studied" in body
    assert "Nairobi" in html(client.get("/en/cities/"))


def test_training_institute_lists_its_centres(client):
    institute = make_training_institute("en", title="CIFAL Seoul", slug="cifal")
    institute.centres.add(
        TrainingCentre(
            name="Headquarters",
            city="Seoul",
            country="KR",
            role="headquarters",
            locale=locale("en"),
        )
    )
    institute.centres.add(
        TrainingCentre(name="Cairo centre", city="Cairo", country="EG", locale=locale("en"))
    )
    institute.save_revision().publish()

    body = html(client.get("/en/training/cifal/"))

    assert h1s(body) == ["CIFAL Seoul"]
    assert "Strengthening the capacities of local authorities." in body
    assert "Cairo, Egypt" in body and "Regional centre" in body
    assert "CIFAL Seoul" in html(client.get("/en/training/"))


def test_partner_logos_are_named(client):
    make_partner_index("en")
    make_partner("en", name="UN-Habitat", logo=make_image("logo"))
    make_partner("en", name="World Bank", kind="finance")

    body = html(client.get("/en/partners/"))

    assert 'alt="UN-Habitat"' in body
    assert "World Bank" in body
    assert "International organisation" in body and "Development finance" in body
    assert 'alt="UN-Habitat"' in html(client.get("/en/"))


def test_standard_page(client):
    make_standard_page("en", title="What is the Sharing City?", slug="sharing-city")

    body = html(client.get("/en/sharing-city/"))

    assert h1s(body) == ["What is the Sharing City?"]
    assert "Free text." in body


def test_not_found_page(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    body = response.content.decode()
    assert h1s(body) == ["Page not found"]
    assert 'href="/en/"' in body


def test_server_error_page_renders_without_context():
    body = render_to_string("500.html")

    assert "<h1>" in body and 'lang="en"' in body


def test_news_page_links_related_policies_in_the_readers_language(client):
    policy = make_policy("ko", title="녹색교통지역", slug="green-zone")
    translate(policy, title="Green Transport Zone", slug="green-transport-zone")
    untranslated = make_policy("ko", title="태양광 도로", slug="solar-road")
    make_news(
        "en", title="Zone extended", slug="zone-extended", related_policies=[policy, untranslated]
    )

    body = html(client.get("/en/news/zone-extended/"))

    assert 'href="/en/policies/green-transport-zone/"' in body
    assert 'href="/ko/policies/solar-road/"' in body  # no English yet: the Korean page
