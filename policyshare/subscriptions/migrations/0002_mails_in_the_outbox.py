import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Links from subscriptions to the outbox, beside the old mail table until its rows move."""

    dependencies = [
        ("subscriptions", "0001_initial"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        # The old table's reverse name is wanted for the new link.
        migrations.AlterField(
            model_name="subscriptionmail",
            name="subscription",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="subscriptions.subscription",
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="mails",
            field=models.ManyToManyField(editable=False, related_name="+", to="outbox.mail"),
        ),
    ]
