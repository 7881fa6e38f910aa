"""Signs that a public form was sent by a program: a hidden field people leave empty (the
honeypot), a signed token telling when the form was shown (a person takes some seconds to fill it
in), and a message full of links. What a form does with a submission that shows them is its own
choice: the inquiry form keeps it as spam, the subscription form drops it without a word.

Usage: a form inherits ``GuardedForm`` (before ``forms.ModelForm`` if it is one), its template
includes ``security/includes/form_guards.html`` and it asks ``automated_reason()`` once valid.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

# The value from when this lived in the inquiries app: forms shown before a deploy still submit.
FORM_TOKEN_SALT = "policyshare.inquiries.form-rendered"
FORM_TOKEN_MAX_AGE = 86400
LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)


def min_fill_seconds():
    return settings.POLICYSHARE_FORM_MIN_FILL_SECONDS


def max_links():
    return settings.POLICYSHARE_FORM_MAX_LINKS


def form_token():
    """When the form was shown, signed so a script cannot claim it waited."""
    return signing.dumps(time.time(), salt=FORM_TOKEN_SALT)


def automated_reason(honeypot, token, message=""):
    """Why the submission looks automated, or an empty string."""
    if honeypot:
        return "honeypot field filled in"
    try:
        shown_at = float(
            signing.loads(token or "", salt=FORM_TOKEN_SALT, max_age=FORM_TOKEN_MAX_AGE)
        )
    except (signing.BadSignature, TypeError, ValueError):
        return "form token missing, altered or older than a day"
    elapsed = time.time() - shown_at
    if elapsed < min_fill_seconds():
        return f"form filled in {elapsed:.1f} s"
    links = len(LINK_PATTERN.findall(message or ""))
    if links > max_links():
        return f"{links} links in the message"
    return ""


class GuardedForm(forms.Form):
    # Hidden from people (and from screen readers); programs that fill in every field fill it.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = form_token()
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def automated_reason(self, message=""):
        return automated_reason(
            self.cleaned_data.get("website"), self.cleaned_data.get("form_token"), message
        )
