"""The staff's page for one inquiry: its details and thread, replies and notes, assignment and
status, publishing the answer, recording the exchange, and the inquirer's data on request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from policyshare.network.models import CityIndexPage, CityPage
from policyshare.outbox import sending
from policyshare.outbox.models import Mail

from . import knowledge, personal_data
from .admin_forms import ExchangeForm, HandlingForm, PublishedAnswerForm, ThreadEntryForm
from .mail import queue_reply
from .models import Inquiry, Status, ThreadEntry

CHANGE = "inquiries.change_inquiry"
PERSONAL_DATA = "inquiries.export_personal_data"


def _inquiry(request, pk, permission=CHANGE):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(Inquiry.objects.select_related("policy", "sector", "assignee"), pk=pk)


def handle(request, pk):
    inquiry = _inquiry(request, pk)
    handling_form = HandlingForm(instance=inquiry)
    thread_form = ThreadEntryForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "update":
            handling_form = HandlingForm(request.POST, instance=inquiry)
            if handling_form.is_valid():
                handling_form.save()
                messages.success(request, _("Inquiry %s updated.") % inquiry.reference)
                return redirect("inquiries_admin:handle", inquiry.pk)
        elif action in (ThreadEntry.Kind.REPLY, ThreadEntry.Kind.NOTE):
            thread_form = ThreadEntryForm(request.POST)
            if thread_form.is_valid():
                _add_to_thread(request, inquiry, action, thread_form.cleaned_data["text"])
                return redirect("inquiries_admin:handle", inquiry.pk)
        elif action == "send_again":
            for mail in inquiry.mails.filter(status=Mail.Status.FAILED).exclude(to=""):
                sending.send_again(mail)
            messages.success(request, _("The unsent e-mails are queued again."))
            return redirect("inquiries_admin:handle", inquiry.pk)
    return TemplateResponse(
        request,
        "inquiries/admin/handle.html",
        {
            "inquiry": inquiry,
            "thread": inquiry.thread.select_related("author", "mail"),
            "mails": inquiry.mails.order_by("created_at"),
            "handling_form": handling_form,
            "thread_form": thread_form,
            "can_handle_personal_data": request.user.has_perm(PERSONAL_DATA),
        },
    )


def _add_to_thread(request, inquiry, kind, text):
    with transaction.atomic():
        mail = queue_reply(inquiry, text) if kind == ThreadEntry.Kind.REPLY else None
        ThreadEntry.objects.create(
            inquiry=inquiry, kind=kind, author=request.user, text=text, mail=mail
        )
        if kind == ThreadEntry.Kind.REPLY:
            inquiry.first_answered_at = inquiry.first_answered_at or timezone.now()
            if inquiry.status in (Status.NEW, Status.ASSIGNED, Status.SPAM):
                inquiry.status = Status.ANSWERED
            inquiry.save()
    if mail:
        messages.success(request, _("The reply is being sent to %s.") % inquiry.email)
    else:
        messages.success(request, _("The note is saved."))


def publish_answer(request, pk):
    inquiry = _inquiry(request, pk)
    if inquiry.policy is None or inquiry.status not in (Status.ANSWERED, Status.CLOSED):
        messages.error(request, _("Only an answered inquiry about a policy can be published."))
        return redirect("inquiries_admin:handle", inquiry.pk)
    form = PublishedAnswerForm(request.POST or None, initial=knowledge.suggested_answer(inquiry))
    if request.method == "POST" and form.is_valid():
        knowledge.publish_answer(inquiry, **form.cleaned_data)
        messages.success(request, _("The question and answer are shown on the policy page."))
        return redirect("inquiries_admin:handle", inquiry.pk)
    return TemplateResponse(
        request,
        "inquiries/admin/publish_answer.html",
        {
            "inquiry": inquiry,
            "form": form,
            "title": _("Publish as question and answer"),
            "submit_label": _("Publish"),
        },
    )


def record_exchange(request, pk):
    inquiry = _inquiry(request, pk)
    if inquiry.policy is None:
        messages.error(request, _("Only an inquiry about a policy can be recorded as an exchange."))
        return redirect("inquiries_admin:handle", inquiry.pk)
    policy = inquiry.policy
    form = ExchangeForm(
        request.POST or None,
        policy=policy,
        initial={"year": knowledge.this_year(), "note": inquiry.get_kind_display()},
    )
    if request.method == "POST" and form.is_valid():
        city = form.cleaned_data["city"] or _new_city_page(inquiry, request.user)
        if city is None:
            form.add_error("city", _("There is no city index page in this language: pick a city."))
        else:
            data = form.cleaned_data
            knowledge.record_exchange(
                inquiry, city, data["kind"], data["year"], data["note"], request.user
            )
            messages.success(
                request, _("%(city)s is recorded on %(policy)s.") % {"city": city, "policy": policy}
            )
            return redirect("inquiries_admin:handle", inquiry.pk)
    return TemplateResponse(
        request,
        "inquiries/admin/record_exchange.html",
        {
            "inquiry": inquiry,
            "form": form,
            "title": _("Record as exchange with the city"),
            "submit_label": _("Record"),
        },
    )


def _new_city_page(inquiry, user):
    index = CityIndexPage.objects.filter(locale=inquiry.policy.locale).first()
    if index is None:
        return None
    slug = slugify(f"{inquiry.city}-{inquiry.country.code}") or f"city-{inquiry.pk}"
    existing = CityPage.objects.child_of(index).filter(slug=slug).first()
    if existing:
        return existing
    city = CityPage(title=inquiry.city, slug=slug, country=inquiry.country)
    index.add_child(instance=city)
    city.save_revision(user=user).publish(user=user)
    return city


def attachment(request, pk):
    inquiry = _inquiry(request, pk)
    if not inquiry.attachment:
        raise Http404
    return FileResponse(inquiry.attachment.open("rb"), as_attachment=True)


def export_inquirer_data(request, pk):
    inquiry = _inquiry(request, pk, PERSONAL_DATA)
    if not inquiry.email:
        raise Http404
    response = HttpResponse(
        personal_data.export_inquirer(inquiry.email), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{inquiry.reference}-data.json"'
    return response


def erase_inquirer_data(request, pk):
    inquiry = _inquiry(request, pk, PERSONAL_DATA)
    if request.method == "POST" and inquiry.email:
        count = personal_data.erase_inquirer(inquiry.email)
        messages.success(
            request, _("The inquirer's personal data is erased from %d inquiries.") % count
        )
        return redirect("inquiries_admin:handle", inquiry.pk)
    others = Inquiry.objects.of_inquirer(inquiry.email).count() if inquiry.email else 0
    return TemplateResponse(
        request, "inquiries/admin/erase.html", {"inquiry": inquiry, "count": others}
    )
