from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from common import revisions
from richtext.fields import RichTextField

from . import images

# Single path segments under /blog/ that are not posts.
RESERVED_SLUGS = {"feed", "atom", "kategorie"}


class Category(models.Model):
    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kurzname für die Adresse", max_length=100, unique=True)
    description = models.TextField("Beschreibung", blank=True)

    class Meta:
        verbose_name = "Kategorie"
        verbose_name_plural = "Kategorien"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", args=[self.slug])


def published_condition() -> Q:
    """The one definition of "published": released by an editor, and its time has come."""
    return Q(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())


def can_preview(user) -> bool:
    """Editors see drafts and scheduled posts at their real address."""
    return user.is_active and user.is_staff and user.has_perm("blog.view_post")


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def with_is_public(self):
        """Annotate `is_public`, for staff views that show drafts beside published posts."""
        return self.annotate(
            is_public=ExpressionWrapper(published_condition(), output_field=BooleanField())
        )

    def visible_to(self, user):
        if can_preview(user):
            return self.with_is_public()
        return self.published().with_is_public()

    def for_lists(self):
        return self.prefetch_related("categories")


class Post(models.Model):
    """A story about the strategy: a success, an event, a report."""

    class Status(models.TextChoices):
        DRAFT = "entwurf", "Entwurf"
        PUBLISHED = "veroeffentlicht", "Veröffentlicht"

    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField(
        "Kurzname für die Adresse",
        max_length=100,
        unique=True,
        help_text="Teil der Adresse /blog/<kurzname>/. Nach der Veröffentlichung nicht mehr "
        "ändern, sonst laufen Links ins Leere.",
    )
    teaser = models.TextField(
        "Anreißer",
        max_length=400,
        help_text="Ein bis zwei Sätze ohne Formatierung, für die Übersicht und die Feeds.",
    )
    body = RichTextField(
        "Text",
        help_text="HTML. Erlaubt sind Absätze, Zwischenüberschriften (h2, h3), Listen, Links, "
        "Tabellen und Zitate; alles andere wird beim Speichern entfernt.",
    )
    image = images.BoundedImageField(
        "Bild",
        upload_to="blog/",
        blank=True,
        max_length=200,
        width_field="image_width",
        height_field="image_height",
        validators=[images.limit_pixels],
        help_text="JPEG, PNG oder WebP. Große Bilder werden beim Speichern verkleinert; "
        "Kameradaten wie der Aufnahmeort werden entfernt.",
    )
    image_small = models.ImageField(upload_to="blog/", blank=True, editable=False, max_length=200)
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "Alternativtext zum Bild",
        max_length=300,
        blank=True,
        help_text="Pflicht, wenn es ein Bild gibt: Was zeigt das Bild? Für Menschen, die es "
        "nicht sehen können, in einem Satz.",
    )
    author = models.CharField(
        "Autorin oder Autor",
        max_length=200,
        default="Redaktion Digitalstrategie.NRW",
    )
    categories = models.ManyToManyField(
        Category, verbose_name="Kategorien", related_name="posts", blank=True
    )
    related_goals = models.ManyToManyField(
        "goals.Goal",
        verbose_name="Ziele, um die es geht",
        related_name="posts",
        blank=True,
        help_text="Der Beitrag wird auf den Seiten dieser Ziele verlinkt.",
    )
    related_themes = models.ManyToManyField(
        "dialog.Theme",
        verbose_name="Dialogthemen",
        related_name="posts",
        blank=True,
        help_text="Der Beitrag wird auf den Seiten dieser Dialogthemen verlinkt.",
    )
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "Veröffentlichen am",
        default=timezone.now,
        help_text="Liegt der Zeitpunkt in der Zukunft, erscheint ein veröffentlichter Beitrag "
        "erst dann (geplante Veröffentlichung).",
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    objects = PostQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        verbose_name = "Beitrag"
        verbose_name_plural = "Beiträge"
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"], name="blog_post_published")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            self._store_scaled_image()
        elif not self.image:
            self.image_small = ""
        super().save(*args, **kwargs)
        for old in self._replaced_files():
            _delete_after_commit(old)
        self._remember_stored_files()

    def get_absolute_url(self):
        return reverse("blog:post", args=[self.slug])

    def clean(self):
        super().clean()
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = (
                "Bitte beschreiben Sie das Bild in einem Satz. Ohne Alternativtext erfahren "
                "Menschen, die das Bild nicht sehen, nicht, was es zeigt."
            )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                f"„{self.slug}“ ist für eine andere Seite des Blogs reserviert. Bitte wählen "
                "Sie einen anderen Kurznamen."
            )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_stored_files()
        return instance

    def _store_scaled_image(self):
        # A real photo could be any size; the site stores what it shows.
        scaled = images.scale(self.image)
        name = f"{self.slug}.{scaled.extension}"
        self.image.save(name, scaled.large, save=False)
        self.image_small.save(f"{self.slug}-klein.{scaled.extension}", scaled.small, save=False)

    def _remember_stored_files(self):
        self._stored_files = {
            field: getattr(value, "name", value)
            for field in ("image", "image_small")
            if (value := self.__dict__.get(field))  # deferred or empty: nothing to remember
        }

    def _replaced_files(self):
        stored = getattr(self, "_stored_files", {})
        return [name for field, name in stored.items() if getattr(self, field).name != name]


@receiver(post_delete, sender=Post)
def _delete_images_with_post(sender, instance, **kwargs):
    for field in (instance.image, instance.image_small):
        if field.name:
            _delete_after_commit(field.name)


def _delete_after_commit(name):
    # After commit only: a rolled-back save must still find its old files.
    transaction.on_commit(lambda: default_storage.delete(name))
