"""After every migration, make sure the portal has its two languages and a home page in each,
so that a fresh installation serves pages with or without the demo content."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

DEFAULT_HOME_TITLES = {"ko": "도시 정책 공유", "en": "Sharing urban policies"}


@transaction.atomic
def ensure_site(**kwargs):
    from .models import HomePage

    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    default_locale = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        home = _create_home(default_locale)
    for code, locale in locales.items():
        if not home.has_translation(locale):
            translation = home.copy_for_translation(locale)
            translation.slug = code
            translation.title = DEFAULT_HOME_TITLES.get(code, translation.title)
            translation.intro_title = translation.title
            translation.save_revision().publish()


def _create_home(locale):
    from .models import HomePage

    root = Page.get_first_root_node()
    # Wagtail's own placeholder page is replaced (its Site goes with it and is made anew).
    for page in root.get_children():
        if type(page.specific) is Page:
            page.delete()
    title = DEFAULT_HOME_TITLES.get(locale.language_code, "policyshare")
    home = root.add_child(
        instance=HomePage(title=title, intro_title=title, slug=locale.language_code, locale=locale)
    )
    home.save_revision().publish()
    # The public address gives the site's host and port, so that canonical links, the sitemap
    # and link previews carry addresses that work.
    public_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": public_url.hostname or "localhost",
            "port": public_url.port or (443 if public_url.scheme == "https" else 80),
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return home
