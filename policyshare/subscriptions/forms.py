from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from policyshare.policies.models import Sector
from policyshare.security.form_guards import GuardedForm

from .mail import queue_confirmation
from .models import Frequency, Section, Subscription


class PreferencesForm(forms.Form):
    """What to receive: content types, sectors, language, how often."""

    sections = forms.MultipleChoiceField(
        label=_("Content"),
        choices=Section.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one kind of content.")},
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Choose none to receive every sector. Publications and videos are not filed under "
            "sectors and always come with the content you chose."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("You receive the content published in this language, and mail in it."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        # Sectors are listed in the visitor's language; digests match them in either.
        self.fields["sectors"].queryset = Sector.objects.filter(
            locale=Locale.objects.filter(language_code=language).first()
        )
        self.fields["language"].initial = language
        self.fields["sections"].initial = list(Section.values)

    def preferences(self):
        data = self.cleaned_data
        return {
            "language": data["language"],
            "sections": list(data["sections"]),
            "sectors": [sector.pk for sector in data["sectors"]],
            "frequency": data["frequency"],
        }

    @staticmethod
    def initial_from(subscription):
        return {
            "sections": subscription.sections,
            "sectors": [
                # The visitor's language's version of each sector, so its box is ticked.
                sector.pk
                for sector in Sector.objects.filter(
                    translation_key__in=subscription.sectors.values("translation_key"),
                    locale__language_code=(get_language() or settings.LANGUAGE_CODE)[:2],
                )
            ],
            "language": subscription.language,
            "frequency": subscription.frequency,
        }


class SubscribeForm(GuardedForm, PreferencesForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my e-mail address is kept to send me what I chose, until I unsubscribe."
        ),
        error_messages={
            "required": _("Please agree to keeping your address: without it we cannot send mail.")
        },
    )

    field_order = ["email", "sections", "sectors", "language", "frequency", "consent"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def looks_automated(self):
        return bool(self.automated_reason())

    def save(self):
        """Record the request and mail the confirmation link. A new address gets a pending
        subscription; a pending one takes the new preferences; a confirmed one keeps its
        preferences until the link (which carries the new ones) is followed."""
        preferences = self.preferences()
        subscription, _created = Subscription.objects.select_for_update().get_or_create(
            email=self.cleaned_data["email"],
            defaults={"language": preferences["language"]},
        )
        if not subscription.is_confirmed:
            apply_preferences(subscription, preferences)
        subscription.confirmation_sent_at = timezone.now()
        subscription.save(update_fields=["confirmation_sent_at"])
        queue_confirmation(subscription, preferences)
        return subscription


def apply_preferences(subscription, preferences):
    subscription.language = preferences["language"]
    subscription.sections = [s for s in preferences["sections"] if s in Section.values]
    subscription.frequency = preferences["frequency"]
    subscription.save()
    subscription.sectors.set(Sector.objects.filter(pk__in=preferences["sectors"]))
