from django.db import migrations


def create_goals(apps, schema_editor):
    goal_model = apps.get_model("policies", "SustainableDevelopmentGoal")
    goal_model.objects.bulk_create(
        [goal_model(number=n) for n in range(1, 18)], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [migrations.RunPython(create_goals, migrations.RunPython.noop)]
