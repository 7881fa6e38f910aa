from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0003_move_mail_to_the_outbox"),
    ]

    operations = [
        migrations.RemoveField(model_name="threadentry", name="mail"),
        migrations.RenameField(model_name="threadentry", old_name="outbox_mail", new_name="mail"),
        migrations.DeleteModel(name="OutgoingMail"),
    ]
