"""Scaling uploaded post images to the sizes the pages use.

Every upload is decoded and written anew: a phone photo of 6000 px and 8 MB
becomes a large version for the post page and a small one for lists, and the
re-encoding drops EXIF data (camera, GPS position) that must not be published.
"""

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

LARGE = 1600  # longest side in px: sharp across the text column on a HiDPI screen
SMALL = 640  # lists and teasers


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
