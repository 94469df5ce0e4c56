"""The search index: entries and words, and each database's own full-text index over them.

SQLite: an FTS5 table over the stemmed columns, kept in step with the entries by
triggers. PostgreSQL: a trigger fills `vector` with the German search vector
(title weight A, body weight B), a GIN index serves it, and pg_trgm with a
trigram index serves "Meinten Sie …?".
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


TABLE = "strategy_site_searchentry"

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE search_fts USING fts5(stemmed_title, stemmed_body, "
    f"content='{TABLE}', content_rowid='id')",
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN "
    "INSERT INTO search_fts(rowid, stemmed_title, stemmed_body) "
    "VALUES (new.id, new.stemmed_title, new.stemmed_body); END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, stemmed_title, stemmed_body) "
    "VALUES ('delete', old.id, old.stemmed_title, old.stemmed_body); END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, stemmed_title, stemmed_body) "
    "VALUES ('delete', old.id, old.stemmed_title, old.stemmed_body); "
    "INSERT INTO search_fts(rowid, stemmed_title, stemmed_body) "
    "VALUES (new.id, new.stemmed_title, new.stemmed_body); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE FUNCTION search_entry_vector() RETURNS trigger AS $$ BEGIN "
    "NEW.vector := setweight(to_tsvector('german', coalesce(NEW.title, '')), 'A') || "
    "setweight(to_tsvector('german', coalesce(NEW.body, '')), 'B'); RETURN NEW; END "
    "$$ LANGUAGE plpgsql",
    f"CREATE TRIGGER search_entry_vector BEFORE INSERT OR UPDATE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION search_entry_vector()",
    f"CREATE INDEX search_entry_vector_gin ON {TABLE} USING gin (vector)",
    "CREATE INDEX search_word_trigram ON strategy_site_searchword USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_word_trigram",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    f"DROP TRIGGER IF EXISTS search_entry_vector ON {TABLE}",
    "DROP FUNCTION IF EXISTS search_entry_vector()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("goals", "0007_indicators_assessments"),
        ("strategy_site", "0003_privacy_mail_alerts"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=100, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(db_index=True, max_length=20, verbose_name="Art")),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=400, verbose_name="Titel")),
                ("body", models.TextField(blank=True, verbose_name="Text")),
                ("url", models.CharField(max_length=500, verbose_name="Adresse")),
                ("status", models.CharField(blank=True, max_length=40, verbose_name="Stand")),
                ("stemmed_title", models.TextField(blank=True, editable=False)),
                ("stemmed_body", models.TextField(blank=True, editable=False)),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="goals.strategyversion",
                        verbose_name="Fassung",
                    ),
                ),
            ],
            options={
                "verbose_name": "Eintrag im Suchindex",
                "verbose_name_plural": "Einträge im Suchindex",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id"), name="search_one_entry_per_object"
                    )
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
