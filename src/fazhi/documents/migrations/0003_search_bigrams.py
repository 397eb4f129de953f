"""PostgreSQL: an index of each document's character bigrams for 2-character searches.

pg_trgm cannot use its index for a 2-character LIKE pattern (a full scan: about a second at
100,000 documents), and 2-character words (审核, 罚款, 补助) are common Chinese queries. A
GIN-indexed text[] of the distinct bigrams of title + 文号 + text answers them exactly. The
column is PostgreSQL-only and kept outside the Django model; `services.reindex` maintains it.
"""

from django.db import migrations

BATCH = 1000


def bigrams(text):
    return sorted({text[i : i + 2] for i in range(len(text) - 1)})


def backfill(connection, where="TRUE"):
    """Fill the column in batches, computing the pairs in Python (much faster than in SQL)."""
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, search_text FROM documents_normativedocument WHERE id > %s AND "  # noqa: S608
                + where + " ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                "UPDATE documents_normativedocument SET search_bigrams = %s WHERE id = %s",
                [(bigrams(text), pk) for pk, text in rows],
            )
            last = rows[-1][0]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE documents_normativedocument ADD COLUMN IF NOT EXISTS search_bigrams text[] NOT NULL DEFAULT '{}'"
    )
    backfill(schema_editor.connection)
    schema_editor.execute("SET LOCAL maintenance_work_mem = '256MB'")
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
