"""PostgreSQL: the search vector is rebuilt from the stored terms (no re-analysis), now kept
in the row and with finer statistics (see ``fulltext._POSTGRES_STRUCTURE``). The table is
rewritten and analysed: about 25 s per 100k entries."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from policyshare.search import fulltext

    fulltext.uninstall(schema_editor.connection)
    fulltext.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_filter_indexes")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
