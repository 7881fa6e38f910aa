"""Small builders for test content: ``make_<thing>(**overrides)`` returns a saved, published
object in the Korean tree unless told otherwise. Tests say only what matters to them."""

import datetime
import io
import itertools

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from policyshare.core.models import HomePage, StandardPage
from policyshare.library.models import (
    PublicationIndexPage,
    PublicationPage,
    VideoIndexPage,
    VideoPage,
)
from policyshare.network.models import (
    CityIndexPage,
    CityPage,
    EventIndexPage,
    EventPage,
    Partner,
    PartnerIndexPage,
    TrainingIndexPage,
    TrainingInstitutePage,
)
from policyshare.news.models import NewsIndexPage, NewsPage
from policyshare.policies.models import KeyResult, PolicyIndexPage, PolicyPage, Sector

_counter = itertools.count(1)


def locale(code="ko"):
    return Locale.objects.get(language_code=code)


def home(code="ko"):
    return HomePage.objects.get(locale__language_code=code)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, code="en", **fields):
    """The page's translation into ``code``, with ``fields`` set, published."""
    translation = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


INDEX_SLUGS = {
    PolicyIndexPage: "policies",
    NewsIndexPage: "news",
    PublicationIndexPage: "publications",
    VideoIndexPage: "videos",
    CityIndexPage: "cities",
    EventIndexPage: "events",
    TrainingIndexPage: "training",
    PartnerIndexPage: "partners",
}


def index_page(model, code="ko", **fields):
    """The section's index page below the home page of ``code``, created on first use."""
    parent = home(code)
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing
    fields.setdefault("title", model._meta.verbose_name.title())
    fields.setdefault("slug", INDEX_SLUGS[model])
    return publish(parent, model(**fields))


def make_image(title="Test image", size=(64, 48), colour="#2458a6"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"image-{next(_counter)}.png")
    )


def make_pdf_document(title="Test brochure", filename="brochure.pdf"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return Document.objects.create(title=title, file=ContentFile(buffer.getvalue(), name=filename))


def make_sector(name="Transport", slug="transport", code="ko"):
    existing = Sector.objects.filter(slug=slug, locale__language_code=code).first()
    return existing or Sector.objects.create(name=name, slug=slug, locale=locale(code))


def make_policy(code="ko", key_results=(), **fields):
    n = next(_counter)
    fields.setdefault("title", f"Policy {n}")
    fields.setdefault("slug", f"policy-{n}")
    fields.setdefault("sector", make_sector(code=code))
    fields.setdefault("background", "<p>Air pollution from old diesel vehicles.</p>")
    fields.setdefault("approach", [("paragraph", "<p>Restricted grade-5 vehicles.</p>")])
    fields.setdefault("department", "Air Quality Policy Division")
    policy = PolicyPage(**fields)
    for result in key_results:
        policy.key_results.add(KeyResult(locale=locale(code), **result))
    return publish(index_page(PolicyIndexPage, code), policy)


def make_news(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"News {n}")
    fields.setdefault("slug", f"news-{n}")
    fields.setdefault("date", datetime.date(2020, 6, 11))
    fields.setdefault("author", "seoulsolution")
    fields.setdefault("body", [("paragraph", "<p>Body text.</p>")])
    return publish(index_page(NewsIndexPage, code), NewsPage(**fields))


def make_publication(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"Publication {n}")
    fields.setdefault("slug", f"publication-{n}")
    fields.setdefault("year", 2019)
    fields.setdefault("document", make_pdf_document(filename=f"publication-{n}.pdf"))
    return publish(index_page(PublicationIndexPage, code), PublicationPage(**fields))


def make_video(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"Video {n}")
    fields.setdefault("slug", f"video-{n}")
    fields.setdefault("video_url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return publish(index_page(VideoIndexPage, code), VideoPage(**fields))


def make_city(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"City {n}")
    fields.setdefault("slug", f"city-{n}")
    fields.setdefault("country", "KE")
    return publish(index_page(CityIndexPage, code), CityPage(**fields))


def make_event(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"Event {n}")
    fields.setdefault("slug", f"event-{n}")
    fields.setdefault("start_date", datetime.date(2020, 6, 1))
    fields.setdefault("end_date", datetime.date(2020, 6, 5))
    fields.setdefault("attendance", EventPage.Attendance.ONLINE)
    fields.setdefault("location", "Online")
    fields.setdefault("description", "<p>An online summit.</p>")
    return publish(index_page(EventIndexPage, code), EventPage(**fields))


def make_training_institute(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"Institute {n}")
    fields.setdefault("slug", f"institute-{n}")
    fields.setdefault("mission", "Strengthening the capacities of local authorities.")
    fields.setdefault("description", "<p>Training and learning centre.</p>")
    return publish(index_page(TrainingIndexPage, code), TrainingInstitutePage(**fields))


def make_partner(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("name", f"Partner {n}")
    fields.setdefault("kind", Partner.Kind.INTERNATIONAL)
    fields.setdefault("locale", locale(code))
    return Partner.objects.create(**fields)


def make_partner_index(code="ko"):
    return index_page(PartnerIndexPage, code)


def make_standard_page(code="ko", **fields):
    n = next(_counter)
    fields.setdefault("title", f"Page {n}")
    fields.setdefault("slug", f"page-{n}")
    fields.setdefault("body", [("paragraph", "<p>Free text.</p>")])
    return publish(home(code), StandardPage(**fields))
