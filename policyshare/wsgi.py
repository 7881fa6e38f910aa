import gc
import os

from django.core.wsgi import get_wsgi_application

from policyshare.analytics.wsgi import beacons
from policyshare.caching.wsgi import cached_pages
from policyshare.early_answers import answer_before_django
from policyshare.semantic.wsgi import preload

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.embedded")

application = answer_before_django(get_wsgi_application(), beacons(), cached_pages())
preload()
# What is loaded by now (Django, Wagtail, the apps: about 245,000 objects) lives as long as the
# process. Frozen, it is left out of the garbage collector's full collections, which otherwise
# walk it inside whichever request triggers one: 150-200 ms CPU, 1-4 ms frozen
# (bench/gc_pause.py).
gc.freeze()
