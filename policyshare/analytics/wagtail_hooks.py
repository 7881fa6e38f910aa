from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    urls = [path("", admin_views.dashboard, name="dashboard")]
    return [path("statistics/", include((urls, "analytics_admin")))]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("analytics_admin:dashboard"), icon_name="table", order=900
    )


@hooks.register("register_permissions")
def register_statistics_permission():
    # So that administrators can give the Statistics page to a group (Settings → Groups).
    return Permission.objects.filter(
        content_type__app_label="analytics", codename="view_dailycount"
    )
