"""Signs of an automated submission. None of them rejects an inquiry: it is kept with the spam
status and the reason, so that a real one taken for spam can still be answered."""

import re
import time

from django.conf import settings
from django.core import signing

FORM_TOKEN_SALT = "policyshare.inquiries.form-rendered"
LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)


def min_fill_seconds():
    return settings.POLICYSHARE_INQUIRY_MIN_FILL_SECONDS


def max_links():
    return settings.POLICYSHARE_INQUIRY_MAX_LINKS


def form_token():
    """When the form was shown, signed so a script cannot claim it waited."""
    return signing.dumps(time.time(), salt=FORM_TOKEN_SALT)


def spam_reason(honeypot, token, message):
    """Why the submission looks automated, or an empty string."""
    if honeypot:
        return "honeypot field filled in"
    try:
        shown_at = float(signing.loads(token or "", salt=FORM_TOKEN_SALT, max_age=86400))
    except (signing.BadSignature, TypeError, ValueError):
        return "form token missing, altered or older than a day"
    elapsed = time.time() - shown_at
    if elapsed < min_fill_seconds():
        return f"form filled in {elapsed:.1f} s"
    links = len(LINK_PATTERN.findall(message or ""))
    if links > max_links():
        return f"{links} links in the message"
    return ""
