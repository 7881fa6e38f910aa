"""What a policy page shows of the content that refers to it.

News and the library depend on policies, not the reverse, so they contribute their items through
the ``policyshare_policy_related_content`` hook: a function receiving the policy page and
returning ``(context_name, items)``.
"""

from wagtail import hooks

HOOK_NAME = "policyshare_policy_related_content"


def collect_related_content(policy):
    return dict(build(policy) for build in hooks.get_hooks(HOOK_NAME))
