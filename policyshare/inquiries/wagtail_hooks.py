from wagtail import hooks

from policyshare.policies import related_content

from .models import PublishedAnswer


@hooks.register(related_content.HOOK_NAME)
def answers_about_policy(policy):
    """Answers published from inquiries about this policy, in whichever language version."""
    answers = PublishedAnswer.objects.filter(
        live=True, policy__translation_key=policy.translation_key
    ).order_by("-created_at")
    return "inquiry_answers", list(answers[:10])


@hooks.register("register_admin_viewset")
def register_inquiries_admin():
    from .viewsets import InquiriesGroup

    return InquiriesGroup()


@hooks.register("construct_homepage_panels")
def add_inquiries_panel(request, panels):
    from .dashboard import InquiriesReportPanel

    if request.user.has_perm("inquiries.change_inquiry"):
        panels.append(InquiriesReportPanel())
