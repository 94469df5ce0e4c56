"""Lineage links get their own model on the table they already had; horizon,
ministry and links say whether they are official, assumed or example content."""

import django.db.models.deletion
from django.db import migrations, models

PROVENANCE = [
    ("amtlich", "amtlich"),
    ("annahme", "Annahme der Redaktion"),
    ("beispiel", "Beispielinhalt"),
]


def provenance(what, name):
    return models.CharField(
        name,
        max_length=10,
        choices=PROVENANCE,
        default="amtlich",
        help_text=(
            f"„amtlich“, wenn {what} aus einer amtlichen Quelle stammt; „Annahme der Redaktion“, "
            "wenn die Redaktion ergänzt hat, was keine Quelle nennt; „Beispielinhalt“ für ausgedachte Inhalte zur "
            "Vorführung. Die Website kennzeichnet alles, was nicht amtlich ist."
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("goals", "0005_provenance")]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The auto-created table goals_goal_continues (from_goal_id, to_goal_id)
            # becomes the through model's table unchanged.
            state_operations=[
                migrations.CreateModel(
                    name="Lineage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "later",
                            models.ForeignKey(
                                db_column="from_goal_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lineage_back",
                                to="goals.goal",
                                verbose_name="Späteres Ziel",
                            ),
                        ),
                        (
                            "earlier",
                            models.ForeignKey(
                                db_column="to_goal_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lineage_forward",
                                to="goals.goal",
                                verbose_name="Früheres Ziel",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Fortführung",
                        "verbose_name_plural": "Fortführungen",
                        "db_table": "goals_goal_continues",
                        "unique_together": {("later", "earlier")},
                    },
                ),
                migrations.AlterField(
                    model_name="goal",
                    name="continues",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text="Ziele einer früheren Fassung, die dieses Ziel weiterführt.",
                        related_name="continued_by",
                        through="goals.Lineage",
                        through_fields=("later", "earlier"),
                        to="goals.goal",
                        verbose_name="Führt fort",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="lineage",
            name="provenance",
            field=provenance("die Verbindung", "Herkunft der Verbindung"),
        ),
        migrations.AddField(
            model_name="lineage",
            name="note",
            field=models.CharField(
                blank=True,
                help_text="z. B. „zusammengeführt mit …“ oder „Zieltermin verschoben, weil …“",
                max_length=300,
                verbose_name="Wie es weitergeht",
            ),
        ),
        migrations.AddField(
            model_name="goal",
            name="horizon_provenance",
            field=provenance("der Zeithorizont", "Herkunft des Zeithorizonts"),
        ),
        migrations.AddField(
            model_name="goal",
            name="target_provenance",
            field=provenance("der Zieltermin", "Herkunft des Zieltermins"),
        ),
        migrations.AddField(
            model_name="goal",
            name="ministry_provenance",
            field=provenance("die Zuständigkeit", "Herkunft der Zuständigkeit"),
        ),
        migrations.AddField(
            model_name="goal",
            name="ending_reason",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Für entfallene oder in einer späteren Fassung fortgeführte Ziele: warum, und wohin "
                    "die Aufgabe gegangen ist. Steht auf der Seite des Ziels und bei seinen Nachfolgern."
                ),
                verbose_name="Warum das Ziel endete",
            ),
        ),
    ]
