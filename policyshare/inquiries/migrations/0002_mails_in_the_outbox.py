import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Links from inquiries to the outbox, beside the old mail table until its rows are moved."""

    dependencies = [
        ("inquiries", "0001_initial"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        # The old table's reverse name is wanted for the new link.
        migrations.AlterField(
            model_name="outgoingmail",
            name="inquiry",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="inquiries.inquiry",
            ),
        ),
        migrations.AddField(
            model_name="inquiry",
            name="mails",
            field=models.ManyToManyField(editable=False, related_name="+", to="outbox.mail"),
        ),
        migrations.AddField(
            model_name="threadentry",
            name="outbox_mail",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="outbox.mail",
            ),
        ),
    ]
