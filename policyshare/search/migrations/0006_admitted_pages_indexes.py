"""The admitted pages of a filtered search read from indexes alone: (language, kind, page),
(language, year, page) and (language, sectors, page). PostgreSQL scans an index alone only
where its visibility map marks a table page all-visible: the table rewritten by search.0005 had
none marked (a sector's admitted pages read the whole table: 0.3 s a language at 100k pages),
and autovacuum's defaults (after a fifth of the rows change) would leave it so for months on a
site that publishes a few pages a day. So the table is vacuumed here (a few seconds per 100k
entries; not in a transaction, hence ``atomic = False``) and again after 2% of it changes."""

from django.conf import settings
from django.db import migrations, models


def keep_visibility_map(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE search_indexentry SET (autovacuum_vacuum_scale_factor = 0.02, "
            "autovacuum_vacuum_insert_scale_factor = 0.02)"
        )
        if not connection.in_atomic_block:  # VACUUM cannot run in a transaction
            cursor.execute("VACUUM search_indexentry")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0005_search_vector_in_row"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="indexentry", name="search_entry_language_kind"),
        migrations.RemoveIndex(model_name="indexentry", name="search_entry_language_year"),
        migrations.AddIndex(
            model_name="indexentry",
            index=models.Index(
                fields=["language", "kind", "page"], name="search_entry_kind_admitted"
            ),
        ),
        migrations.AddIndex(
            model_name="indexentry",
            index=models.Index(
                fields=["language", "year", "page"], name="search_entry_year_admitted"
            ),
        ),
        migrations.AddIndex(
            model_name="indexentry",
            index=models.Index(
                fields=["language", "sector_slugs", "page"], name="search_entry_sector_admitted"
            ),
        ),
        migrations.RunPython(keep_visibility_map, migrations.RunPython.noop),
    ]
