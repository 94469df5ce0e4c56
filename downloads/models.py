from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse

from common import revisions
from common.pdf import PdfRejected, format_megabytes, inspect_pdf


def upload_to(document, filename):
    # The stored name comes from the slug, never from the editor's file name:
    # it is predictable, safe, and the storage adds a suffix if it is taken.
    return f"downloads/{document.slug}.pdf"


class DocumentQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-year", "title")


class Document(models.Model):
    """A PDF for download: a strategy, a progress report, a study."""

    class Kind(models.TextChoices):
        # The order here is the order of the groups on /downloads/.
        STRATEGIE = "strategie", "Strategie"
        FORTSCHRITTSBERICHT = "fortschrittsbericht", "Fortschrittsbericht"
        STUDIE = "studie", "Studie"
        SONSTIGES = "sonstiges", "Sonstiges"

    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField(
        "Kurzname für die Adresse",
        max_length=100,
        unique=True,
        help_text="Teil der Adresse /downloads/<kurzname>/ und des Dateinamens beim Herunterladen.",
    )
    kind = models.CharField("Art", max_length=30, choices=Kind.choices, default=Kind.SONSTIGES)
    year = models.PositiveSmallIntegerField(
        "Jahr", validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    description = models.TextField("Beschreibung", blank=True)
    file = models.FileField(
        "PDF-Datei",
        upload_to=upload_to,
        max_length=200,
        help_text="Nur PDF-Dateien ohne Kennwortschutz. Größe und Seitenzahl werden aus der "
        "Datei gelesen.",
    )
    stand_in = models.BooleanField(
        "Platzhalter statt des Originals",
        default=False,
        help_text="Anhaken, wenn die Datei nur das Original vertritt (z. B. in der "
        "Vorführung); die Website sagt es dann neben dem Link.",
    )
    file_size = models.PositiveBigIntegerField("Dateigröße in Byte", editable=False, default=0)
    page_count = models.PositiveIntegerField("Seitenzahl", editable=False, default=0)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    # Also the Last-Modified of the download: it changes whenever the file may have.
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    objects = DocumentQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def save(self, *args, **kwargs):
        if self._has_new_file():
            # Code paths without a form (demo loader, shell) get the same check.
            info = getattr(self, "_pdf_info", None) or inspect_pdf(self.file)
            self.file_size, self.page_count = info.size, info.pages
        super().save(*args, **kwargs)
        old = getattr(self, "_stored_file_name", None)
        if old and old != self.file.name:
            _delete_after_commit(self.file.storage, old)
        self._stored_file_name = self.file.name
        self._pdf_info = None

    def get_absolute_url(self):
        return reverse("downloads:file", args=[self.slug])

    def clean(self):
        super().clean()
        if self._has_new_file():
            try:
                self._pdf_info = inspect_pdf(self.file)
            except PdfRejected as rejected:
                raise ValidationError({"file": rejected.message}) from None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember the stored file, so that a replaced one can be removed.
        stored = instance.__dict__.get("file")  # deferred: absent, and no query for it
        instance._stored_file_name = getattr(stored, "name", stored)
        return instance

    @property
    def download_name(self) -> str:
        return f"{self.slug}.pdf"

    @property
    def format_label(self) -> str:
        """What a reader should know before clicking: "PDF, 2,4 MB, 64 Seiten"."""
        pages = "1 Seite" if self.page_count == 1 else f"{self.page_count} Seiten"
        return f"PDF, {format_megabytes(self.file_size)}, {pages}"

    def _has_new_file(self) -> bool:
        # A file assigned from an upload is not yet in storage ("committed");
        # only such a file needs checking, an unchanged one was checked before.
        return bool(self.file) and not self.file._committed


@receiver(post_delete, sender=Document)
def _delete_file_with_document(sender, instance, **kwargs):
    # A signal, not Document.delete(): the admin's bulk delete bypasses that.
    if instance.file.name:
        _delete_after_commit(instance.file.storage, instance.file.name)


def _delete_after_commit(storage, name):
    # Only once the row pointing to the new file (or to none) is committed: a
    # rolled-back save must still find its old file.
    transaction.on_commit(lambda: storage.delete(name))
