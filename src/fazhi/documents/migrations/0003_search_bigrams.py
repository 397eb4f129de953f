"""PostgreSQL: an index of each document's character bigrams for 2-character searches.

pg_trgm cannot use its index for a 2-character LIKE pattern (a full scan: about a second at
100,000 documents), and 2-character words (审核, 罚款, 补助) are common Chinese queries. A
GIN-indexed text[] of the distinct bigrams of title + 文号 + text answers them exactly. The
column is PostgreSQL-only and kept outside the Django model; `services.reindex` maintains it.
"""

from django.db import migrations

BIGRAMS = (
    "coalesce((SELECT array_agg(DISTINCT substr({text}, i, 2)) "
    "FROM generate_series(1, char_length({text}) - 1) AS i), '{{}}')"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE documents_normativedocument ADD COLUMN IF NOT EXISTS search_bigrams text[] NOT NULL DEFAULT '{}'"
    )
    schema_editor.execute(
        "UPDATE documents_normativedocument SET search_bigrams = " + BIGRAMS.format(text="search_text")  # noqa: S608
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS documents_search_bigrams ON documents_normativedocument USING gin (search_bigrams)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS documents_search_bigrams")
    schema_editor.execute("ALTER TABLE documents_normativedocument DROP COLUMN IF EXISTS search_bigrams")


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_search")]
    operations = [migrations.RunPython(forwards, backwards)]
