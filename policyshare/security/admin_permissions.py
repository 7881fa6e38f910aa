"""Permission policies for the Wagtail admin's model views."""

from wagtail.permission_policies import ModelPermissionPolicy


class NotAddedByHand(ModelPermissionPolicy):
    """Rows that only the portal writes (mail it sends, subscriptions their owners confirmed):
    staff with the model's permissions may change or delete them, never add one."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])
