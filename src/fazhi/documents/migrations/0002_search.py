"""Chinese substring search: FTS5 over character unigrams on SQLite, pg_trgm GIN on PostgreSQL.

SQLite's FTS5 trigram tokenizer silently finds nothing for 2-character queries (3.40), so the
SQLite index holds every character as a token and is queried as a phrase (exact substring).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(body, tokenize='unicode61')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS documents_search_trgm ON documents_normativedocument "
            "USING gin (search_text gin_trgm_ops)"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS documents_title_trgm ON documents_normativedocument "
            "USING gin (title gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS documents_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS documents_search_trgm")
        schema_editor.execute("DROP INDEX IF EXISTS documents_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
