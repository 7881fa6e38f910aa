from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_subscriptions_admin():
    from .viewsets import SubscriptionViewSet

    return SubscriptionViewSet()
