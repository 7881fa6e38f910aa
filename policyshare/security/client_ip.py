"""The visitor's IP address, the same for rate limits and for login lockouts.

Behind a reverse proxy every request comes from the proxy's address; the proxy appends the
client's address to ``X-Forwarded-For``. Only the entries added by proxies we run can be trusted
(a client can send any ``X-Forwarded-For`` it likes), so ``POLICYSHARE_TRUSTED_PROXIES`` says how
many there are and the address is read that many places from the right.
"""

from django.conf import settings


def client_ip(request):
    proxies = settings.POLICYSHARE_TRUSTED_PROXIES
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # Not through the whole proxy chain: the nearest hop is all we know for sure.
        return remote_addr
    return forwarded[-proxies]
