"""Scaling uploaded post images to the sizes the pages use.

Every upload is decoded and written anew: a phone photo of 6000 px and 8 MB
becomes a large version for the post page and a small one for lists, and the
re-encoding drops EXIF data (camera, GPS position) that must not be published.
"""

import io
import warnings
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.db import models
from PIL import Image, ImageOps

# A 12,000 x 12,000 PNG of 0.4 MB took a worker from 108 MB to 1.9 GB when decoded.
# 40 megapixels covers every camera photo; anything larger is refused from its header,
# before a single pixel is decoded. Pillow itself refuses twice this in any decode.
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

LARGE = 1600  # longest side in px: sharp across the text column on a HiDPI screen
SMALL = 640  # lists and teasers


def limit_pixels(upload) -> None:
    """Validator: read the size from the file header only and refuse huge images."""
    allowed = (
        f"Erlaubt sind höchstens {MAX_PIXELS // 1_000_000} Megapixel, z. B. 8.000 × 5.000. "
        "Bitte verkleinern Sie es vor dem Hochladen."
    )
    try:
        with warnings.catch_warnings():
            # Between the limit and twice it Pillow only warns; the check below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            width, height = get_image_dimensions(upload)
    except Image.DecompressionBombError:
        # Pillow refuses to even open twice the limit; the header said it is that large.
        raise ValidationError(f"Das Bild ist viel zu groß. {allowed}") from None
    if width and height and width * height > MAX_PIXELS:
        size = f"{width:,} × {height:,}".replace(",", ".")
        raise ValidationError(f"Das Bild ist mit {size} Pixeln zu groß. {allowed}")


class BoundedImageFormField(forms.ImageField):
    """Checks the size from the header first: Pillow's own bomb check would only say
    "not a valid image" and no one would know why."""

    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            limit_pixels(data)
            data.seek(0)
        return super().to_python(data)


class BoundedImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BoundedImageFormField, **kwargs})


@dataclass(frozen=True)
class ScaledImage:
    large: ContentFile
    small: ContentFile
    extension: str


def scale(upload) -> ScaledImage:
    upload.seek(0)
    with Image.open(upload) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    transparent = image.mode in ("RGBA", "LA") or (
        image.mode == "P" and "transparency" in image.info
    )
    # Keep transparency (PNG) where there is some; photos become JPEG.
    if transparent:
        image, fmt, extension, options = image.convert("RGBA"), "PNG", "png", {"optimize": True}
    else:
        image, fmt, extension = image.convert("RGB"), "JPEG", "jpg"
        options = {"quality": 85, "optimize": True, "progressive": True}
    return ScaledImage(
        large=_encode(image, LARGE, fmt, options),
        small=_encode(image, SMALL, fmt, options),
        extension=extension,
    )


def _encode(image, longest_side, fmt, options) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)  # never enlarges
    out = io.BytesIO()
    copy.save(out, fmt, **options)
    return ContentFile(out.getvalue())
