"""File sizes as a German reader expects them in link texts and upload messages."""

import pytest

from common.pdf import MB, format_megabytes


@pytest.mark.parametrize(
    "size,text",
    [
        (1, "1 KB"),
        (850 * 1024, "850 KB"),
        (1023 * 1024, "1023 KB"),
        # Just under one megabyte: not "1024 KB".
        (MB - 100, "1,0 MB"),
        (MB, "1,0 MB"),
        (int(2.44 * MB), "2,4 MB"),
        (50 * MB, "50,0 MB"),
    ],
)
def test_size_text(size, text):
    assert format_megabytes(size) == text
