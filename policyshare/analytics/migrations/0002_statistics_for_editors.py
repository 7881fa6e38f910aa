"""Editors and moderators (Wagtail's groups) may see the Statistics page; administrators can
give it to other groups under Settings → Groups."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="analytics", model="dailycount"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_dailycount",
        defaults={"name": "Can view daily count"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
