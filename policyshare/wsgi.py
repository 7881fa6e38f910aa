import os

from django.core.wsgi import get_wsgi_application

from policyshare.analytics.wsgi import beacons
from policyshare.caching.wsgi import cached_pages
from policyshare.early_answers import answer_before_django
from policyshare.semantic.wsgi import preload

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.embedded")

application = answer_before_django(get_wsgi_application(), beacons(), cached_pages())
preload()
