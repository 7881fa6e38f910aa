from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_outbox_admin():
    from .viewsets import MailViewSet

    return MailViewSet()
