from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from policyshare.security.form_guards import GuardedForm

from .attachments import check_attachment
from .models import INQUIRER_FIELDS, Inquiry, Status

MESSAGE_MAX_LENGTH = 5000
# What browsers may fill in for the visitor (WCAG 1.3.5).
AUTOCOMPLETE = {
    "organisation": "organization",
    "city": "address-level2",
    "name": "name",
    "role": "organization-title",
    "email": "email",
}


class InquiryForm(GuardedForm, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that my personal data is processed to answer this inquiry."),
        error_messages={
            "required": _(
                "Please agree to the processing of your data: without it we cannot answer."
            )
        },
    )

    class Meta:
        model = Inquiry
        fields = [*INQUIRER_FIELDS, "attachment"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": MESSAGE_MAX_LENGTH}),
            "attachment": forms.ClearableFileInput(attrs={"accept": "application/pdf,image/*"}),
        }
        help_texts = {
            "attachment": _("Optional: a PDF or an image, at most 5 MB."),
            "language": _("We answer in this language."),
        }

    def __init__(self, *args, policy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]
        self.fields["message"].validators.append(MaxLengthValidator(MESSAGE_MAX_LENGTH))
        for name, hint in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = hint

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "content_type"):
            extension = check_attachment(upload)
            upload.name = f"attachment.{extension}"
        return upload

    def save(self, commit=True):
        inquiry = super().save(commit=False)
        inquiry.policy = self.policy
        inquiry.sector = self.policy.sector if self.policy else None
        inquiry.consented_at = timezone.now()
        inquiry.spam_reason = self.automated_reason(self.cleaned_data.get("message"))
        if inquiry.spam_reason:
            inquiry.status = Status.SPAM
        if commit:
            inquiry.save()
        return inquiry
