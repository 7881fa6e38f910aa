from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from policyshare.network.models import CityPage
from policyshare.policies.models import PolicyExchange

from .models import Inquiry, PublishedAnswer


def staff_members():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_inquiry")
            | Q(user_permissions__codename="change_inquiry")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class HandlingForm(forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = ["status", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_members()


class ThreadEntryForm(forms.Form):
    text = forms.CharField(
        label=_("Reply or note"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("A reply is e-mailed to the inquirer; a note is seen only by staff."),
    )


class PublishedAnswerForm(forms.ModelForm):
    class Meta:
        model = PublishedAnswer
        fields = ["question_ko", "answer_ko", "question_en", "answer_en", "live"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields[:4]}

    def clean(self):
        cleaned = super().clean()
        complete = [
            code
            for code in ("ko", "en")
            if cleaned.get(f"question_{code}") and cleaned.get(f"answer_{code}")
        ]
        if not complete:
            raise forms.ValidationError(
                _("Write the question and the answer in at least one language.")
            )
        return cleaned


class ExchangeForm(forms.Form):
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=CityPage.objects.none(),
        required=False,
        empty_label=_("Create a city page from the inquiry"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PolicyExchange.Kind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = CityPage.objects.filter(locale=policy.locale).order_by(
            "title"
        )
