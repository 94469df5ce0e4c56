from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from simple_history import register

# The service pages are Django's flat pages: their revisions live in this app's tables.
register(FlatPage, app="strategy_site")


class AccessibilityFeedback(models.Model):
    """A message sent through the feedback form of the accessibility statement."""

    name = models.CharField("Name", max_length=200, blank=True)
    email = models.EmailField("E-Mail-Adresse")
    message = models.TextField("Nachricht", max_length=5000)
    page = models.CharField(
        "Betroffene Seite", max_length=500, blank=True, help_text="Adresse oder Titel der Seite"
    )
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    handled = models.BooleanField("Erledigt", default=False)
    note = models.TextField("Interne Notiz", blank=True)

    class Meta:
        verbose_name = "Rückmeldung zur Barrierefreiheit"
        verbose_name_plural = "Rückmeldungen zur Barrierefreiheit"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y} – {self.name or self.email}"


class SearchEntry(models.Model):
    """One public page in the site search: its text, where it lives, and what it is.

    Kept current on save (strategy_site.search.index); `manage.py rebuild_search_index`
    builds it anew. The database keeps its own index from these rows by triggers
    (migration 0004), however rows are written (save, loaddata, cascade):
    on PostgreSQL `vector`, the German search vector (title weighted above body,
    GIN-indexed); on SQLite the FTS5 table `search_fts` over the stemmed columns.
    A migration that rebuilds this table on SQLite must create those triggers again.
    """

    kind = models.CharField("Art", max_length=20, db_index=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField("Titel", max_length=400)
    body = models.TextField("Text", blank=True)
    url = models.CharField("Adresse", max_length=500)
    version = models.ForeignKey(
        "goals.StrategyVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Fassung",
    )
    status = models.CharField("Stand", max_length=40, blank=True)
    # Snowball stems of title and body (strategy_site.search.words), for SQLite's FTS5.
    stemmed_title = models.TextField(blank=True, editable=False)
    stemmed_body = models.TextField(blank=True, editable=False)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "Eintrag im Suchindex"
        verbose_name_plural = "Einträge im Suchindex"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_one_entry_per_object"
            )
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word that occurs in the index, for "Meinten Sie …?" when a query finds nothing."""

    word = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.word
