"""Editors write posts in the admin: images scaled and stripped, alt text required."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from blog.models import Post
from tests.support.admin_forms import switches

ADD_URL = "/admin/blog/post/add/"


def photo(width=3000, height=2000, orientation=None, fmt="JPEG", mode="RGB") -> bytes:
    """A camera-like photo with EXIF data (camera model, optionally an orientation)."""
    image = Image.new(mode, (width, height), (200, 30, 30, 128) if mode == "RGBA" else "#c81e1e")
    exif = Image.Exif()
    exif[0x0110] = "Testkamera X100"  # Model
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, fmt, exif=exif.tobytes())
    else:
        image.save(out, fmt)
    return out.getvalue()


def form_data(**fields):
    return {
        "title": "Schulen am Netz",
        "slug": "schulen-am-netz",
        "teaser": "Alle Schulen bekommen Gigabit.",
        "body": "<p>Text</p>",
        "image_alt": "",
        "author": "Redaktion Digitalstrategie.NRW",
        "status": "veroeffentlicht",
        "published_at_0": "2021-03-01",
        "published_at_1": "10:00:00",
        **switches(),
        **fields,
    }


def field_error(html, name):
    match = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def stored(media_root):
    folder = media_root / "blog"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_large_photo_is_scaled_turned_upright_and_stripped_of_exif(editor_client, settings):
    upload = SimpleUploadedFile("IMG_0042.JPG", photo(3000, 2000, orientation=6), "image/jpeg")
    response = editor_client.post(
        ADD_URL, form_data(image=upload, image_alt="Kinder an Tablets im Klassenzimmer.")
    )
    assert response.status_code == 302
    post = Post.objects.get()
    large, small = Image.open(post.image.path), Image.open(post.image_small.path)
    # Orientation 6: the camera was held upright, so the stored image is portrait.
    assert (large.format, large.size, small.size) == ("JPEG", (1067, 1600), (427, 640))
    assert (post.image_width, post.image_height) == (1067, 1600)
    assert dict(large.getexif()) == {} and dict(small.getexif()) == {}
    assert stored(settings.MEDIA_ROOT) == ["schulen-am-netz-klein.jpg", "schulen-am-netz.jpg"]


def test_small_transparent_png_keeps_its_size_and_transparency(editor_client):
    upload = SimpleUploadedFile("logo.png", photo(400, 300, fmt="PNG", mode="RGBA"), "image/png")
    editor_client.post(ADD_URL, form_data(image=upload, image_alt="Logo der Digitalstrategie."))
    post = Post.objects.get()
    large = Image.open(post.image.path)
    assert (large.format, large.mode, large.size) == ("PNG", "RGBA", (400, 300))


def test_image_without_alt_text_is_refused_beside_the_field(editor_client, settings):
    upload = SimpleUploadedFile("foto.jpg", photo(800, 600), "image/jpeg")
    response = editor_client.post(ADD_URL, form_data(image=upload, image_alt="   "))
    html = response.content.decode()
    assert field_error(html, "image_alt") == (
        "Bitte beschreiben Sie das Bild in einem Satz. Ohne Alternativtext erfahren Menschen, "
        "die das Bild nicht sehen, nicht, was es zeigt."
    )
    assert 'value="Schulen am Netz"' in html
    assert Post.objects.count() == 0
    assert stored(settings.MEDIA_ROOT) == []


def test_file_that_is_not_an_image_is_refused(editor_client, settings):
    upload = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 kein Bild", "image/jpeg")
    response = editor_client.post(ADD_URL, form_data(image=upload, image_alt="Ein Foto."))
    assert field_error(response.content.decode(), "image") == (
        "Bitte ein gültiges Bild hochladen. Die hochgeladene Datei ist kein Bild oder ist defekt."
    )
    assert Post.objects.count() == 0
    assert stored(settings.MEDIA_ROOT) == []


def test_post_without_image_needs_no_alt_text(editor_client):
    editor_client.post(ADD_URL, form_data())
    assert Post.objects.get().image.name == ""


@pytest.mark.parametrize("slug", ["feed", "atom", "kategorie"])
def test_slugs_of_blog_pages_are_refused(editor_client, slug):
    response = editor_client.post(ADD_URL, form_data(slug=slug))
    assert f"„{slug}“ ist für eine andere Seite des Blogs reserviert." in field_error(
        response.content.decode(), "slug"
    )
    assert Post.objects.count() == 0


def test_body_is_sanitised_when_saved_in_the_admin(editor_client):
    editor_client.post(ADD_URL, form_data(body='<h2>Titel</h2><img src=x onerror="alert(1)">'))
    assert Post.objects.get().body == "<h2>Titel</h2>"


def test_replacing_the_image_deletes_the_old_files_after_commit(
    editor_client, settings, django_capture_on_commit_callbacks
):
    first = SimpleUploadedFile("a.jpg", photo(800, 600), "image/jpeg")
    editor_client.post(ADD_URL, form_data(image=first, image_alt="Erstes Bild."))
    post = Post.objects.get()
    old = {post.image.name, post.image_small.name}

    second = SimpleUploadedFile("b.jpg", photo(900, 600), "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            f"/admin/blog/post/{post.pk}/change/",
            form_data(image=second, image_alt="Zweites Bild."),
        )
    post.refresh_from_db()
    assert old.isdisjoint({post.image.name, post.image_small.name})
    assert stored(settings.MEDIA_ROOT) == sorted(
        name.removeprefix("blog/") for name in (post.image.name, post.image_small.name)
    )
    assert post.image_width == 900


def test_clearing_the_image_deletes_both_files(
    editor_client, settings, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("a.jpg", photo(800, 600), "image/jpeg")
    editor_client.post(ADD_URL, form_data(image=upload, image_alt="Ein Bild."))
    post = Post.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            f"/admin/blog/post/{post.pk}/change/", form_data(**{"image-clear": "on"})
        )
    post.refresh_from_db()
    assert (post.image.name, post.image_small.name) == ("", "")
    assert stored(settings.MEDIA_ROOT) == []


def test_post_page_shows_the_image_with_its_alt_text_and_sizes(editor_client, client):
    upload = SimpleUploadedFile("a.jpg", photo(2400, 1200), "image/jpeg")
    editor_client.post(ADD_URL, form_data(image=upload, image_alt="Eine Grafik."))
    html = client.get("/blog/schulen-am-netz/").content.decode()
    assert (
        '<img src="/media/blog/schulen-am-netz.jpg" '
        'srcset="/media/blog/schulen-am-netz-klein.jpg 640w, /media/blog/schulen-am-netz.jpg 1600w"'
        ' sizes="(max-width: 50rem) 100vw, 48rem" width="1600" height="800" alt="Eine Grafik.">'
    ) in html
    listing = client.get("/blog/").content.decode()
    assert (
        '<img class="post-card__image" src="/media/blog/schulen-am-netz-klein.jpg" alt=""'
        in listing
    )


def test_editor_closes_comments_on_a_post_with_the_same_switches_as_goals(editor_client, client):
    page = editor_client.get(ADD_URL).content.decode()
    assert "Kommentare geschlossen" in page  # the switches came with the registration
    editor_client.post(
        ADD_URL, form_data(**switches(closed=True, note="Diskutieren Sie bitte beim Ziel mit."))
    )
    post = Post.objects.get(slug="schulen-am-netz")
    client.logout()
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Diskutieren Sie bitte beim Ziel mit." in html
    assert "Kommentar schreiben" not in html


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        (12000, 12000, "Das Bild ist viel zu groß."),
        (9000, 5000, "Das Bild ist mit 9.000 × 5.000 Pixeln zu groß."),
    ],
)
def test_a_huge_image_is_refused_from_its_header_before_decoding(
    client, editor, width, height, message
):
    """A 12,000 x 12,000 PNG is small on disk but would take gigabytes to decode."""
    import zlib

    from django.core.files.uploadedfile import SimpleUploadedFile

    from blog.models import Post

    def png(width, height):
        import struct

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
        rows = zlib.compress(
            b"\x00" * (width + 1) * 16
        )  # only the first rows: enough for the header
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", rows)
            + chunk(b"IEND", b"")
        )

    client.force_login(editor)
    data = form_data(
        slug="riesenbild",
        image_alt="Ein graues Feld",
        image=SimpleUploadedFile("riesig.png", png(width, height), "image/png"),
    )
    html = client.post(ADD_URL, data).content.decode()
    assert field_error(html, "image") == (
        f"{message} Erlaubt sind höchstens 40 Megapixel, z. B. 8.000 × 5.000. "
        "Bitte verkleinern Sie es vor dem Hochladen."
    )
    # The rest of the form is kept for the next try.
    assert 'value="Schulen am Netz"' in html
    assert not Post.objects.filter(slug="riesenbild").exists()
