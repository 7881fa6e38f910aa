"""Signed-in sessions end after ``POLICYSHARE_SESSION_IDLE_MINUTES`` without a request, and in
any case ``SESSION_COOKIE_AGE`` after signing in.

Django's session expiry alone slides forward whenever the session is saved, so the time of
signing in is kept in the session and checked on every request. The last activity is written
at most once a minute, not on every request.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT = "policyshare_signed_in_at"
LAST_SEEN = "policyshare_last_seen"
ACTIVITY_RESOLUTION = 60


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        now = int(time.time())
        session = request.session
        signed_in_at = session.get(SIGNED_IN_AT, now)
        last_seen = session.get(LAST_SEEN, now)
        idle_limit = settings.POLICYSHARE_SESSION_IDLE_MINUTES * 60
        if now - last_seen > idle_limit or now - signed_in_at > settings.SESSION_COOKIE_AGE:
            logout(request)
            return
        if now - last_seen >= ACTIVITY_RESOLUTION or LAST_SEEN not in session:
            session[LAST_SEEN] = now
            session.setdefault(SIGNED_IN_AT, now)
