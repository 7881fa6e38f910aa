from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0003_move_mail_to_the_outbox"),
    ]

    operations = [migrations.DeleteModel(name="SubscriptionMail")]
