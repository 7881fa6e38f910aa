import os

from django.core.wsgi import get_wsgi_application

from policyshare.analytics.wsgi import count_beacons
from policyshare.caching.wsgi import serve_cached_pages

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.embedded")

application = count_beacons(serve_cached_pages(get_wsgi_application()))
