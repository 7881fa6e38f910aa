"""Entries in Wagtail's audit log ("Site history" report) for what Wagtail does not log itself.

Wagtail logs creating, editing and deleting pages, snippets, users and groups. It does not say
which groups a user joined or left, which permissions a user or group gained or lost, when
sign-in was locked after repeated failures, or when an editor turned two-factor authentication
on or off or an administrator reset it: those are logged here, under actions registered in
``wagtail_hooks``. Inside the admin the acting user comes from Wagtail's log context; elsewhere
(a shell, a command) it is empty.
"""

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupCollectionPermission, GroupPagePermission, ModelLogEntry

LOCKED_OUT = "policyshare.login_locked_out"
TWO_FACTOR_ENROLLED = "policyshare.two_factor_enrolled"
TWO_FACTOR_REMOVED = "policyshare.two_factor_removed"
TWO_FACTOR_RESET = "policyshare.two_factor_reset"
GROUPS_CHANGED = "policyshare.groups_changed"
PERMISSIONS_CHANGED = "policyshare.permissions_changed"

User = get_user_model()


def log_locked_out(username, ip_address):
    """One entry per lockout: attempts while locked out send the signal again."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = ModelLogEntry.objects.filter(action=LOCKED_OUT, timestamp__gte=since)
    data = {"username": username or "", "ip_address": ip_address or ""}
    if any(entry.data == data for entry in recent):
        return
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    if user is not None:
        log(user, LOCKED_OUT, data=data)
    else:
        # No such account (a guessed name): the entry hangs on the address's failure record.
        attempt = AccessAttempt.objects.filter(ip_address=ip_address).order_by("-pk").first()
        if attempt is not None:
            log(attempt, LOCKED_OUT, data=data, title=f"{username} ({ip_address})")


@receiver(user_locked_out)
def login_locked_out(sender, request, username, ip_address, **kwargs):
    log_locked_out(username, ip_address)


def _concrete(user):
    # request.user is a lazy wrapper, which Wagtail's log registry does not recognise as a model.
    return User.objects.get(pk=user.pk)


def log_two_factor_enrolled(user):
    user = _concrete(user)
    log(user, TWO_FACTOR_ENROLLED, user=user)


def log_two_factor_removed(user):
    user = _concrete(user)
    log(user, TWO_FACTOR_REMOVED, user=user)


def log_two_factor_reset(user, by):
    """On the account whose authenticator was removed, by the administrator who removed it."""
    log(_concrete(user), TWO_FACTOR_RESET, user=_concrete(by))


def _names(model, pks):
    return sorted(str(obj) for obj in model.objects.filter(pk__in=pks))


def _log_change(instance, action, field, added=(), removed=()):
    if added or removed:
        log(instance, action, data={"field": field, "added": added, "removed": removed})


def _on_m2m_changed(instance, action, reverse, model, pk_set, field, accessor, log_action):
    """Log a change of ``field`` (e.g. a user's ``groups``) on the object that owns it.

    ``accessor`` is the other side's name for the relation (``group.user_set``), used when the
    change is made from there: it is then logged on each object it touches.
    """
    if action == "pre_clear":
        # After the clear the old members are gone: remember them now.
        relation = getattr(instance, accessor if reverse else field)
        instance._policyshare_cleared = list(relation.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = instance.__dict__.pop("_policyshare_cleared", [])
    elif action not in {"post_add", "post_remove"}:
        return
    key = "added" if action == "post_add" else "removed"
    if reverse:
        for owner in model.objects.filter(pk__in=pk_set):
            _log_change(owner, log_action, field, **{key: [str(instance)]})
    else:
        _log_change(instance, log_action, field, **{key: _names(model, pk_set)})


@receiver(m2m_changed, sender=User.groups.through)
def user_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _on_m2m_changed(instance, action, reverse, model, pk_set, "groups", "user_set", GROUPS_CHANGED)


@receiver(m2m_changed, sender=User.user_permissions.through)
def user_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _on_m2m_changed(
        instance,
        action,
        reverse,
        model,
        pk_set,
        "user_permissions",
        "user_set",
        PERMISSIONS_CHANGED,
    )


@receiver(m2m_changed, sender=Group.permissions.through)
def group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _on_m2m_changed(
        instance, action, reverse, model, pk_set, "permissions", "group_set", PERMISSIONS_CHANGED
    )


def _object_permission_label(permission):
    """'Can edit page on "Home"' style text for Wagtail's page and collection permissions."""
    target = getattr(permission, "page", None) or getattr(permission, "collection", None)
    return f"{permission.permission.name} · {target}"


@receiver(post_save, sender=GroupPagePermission)
@receiver(post_save, sender=GroupCollectionPermission)
def object_permission_added(sender, instance, created, raw=False, **kwargs):
    # Raw saves load fixtures or restore a database: nobody granted anything then.
    if created and not raw:
        field = "page_permissions" if sender is GroupPagePermission else "collection_permissions"
        _log_change(
            instance.group, PERMISSIONS_CHANGED, field, added=[_object_permission_label(instance)]
        )


@receiver(pre_delete, sender=GroupPagePermission)
@receiver(pre_delete, sender=GroupCollectionPermission)
def object_permission_removing(sender, instance, **kwargs):
    # The label needs the page or collection, which may be going too: read it first.
    instance._policyshare_label = _object_permission_label(instance)


@receiver(post_delete, sender=GroupPagePermission)
@receiver(post_delete, sender=GroupCollectionPermission)
def object_permission_removed(sender, instance, **kwargs):
    field = "page_permissions" if sender is GroupPagePermission else "collection_permissions"
    group = Group.objects.filter(pk=instance.group_id).first()
    if group is not None:
        _log_change(
            group, PERMISSIONS_CHANGED, field, removed=[instance.__dict__.get("_policyshare_label")]
        )
