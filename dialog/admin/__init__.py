"""dialog's admin, one module per topic."""

from . import participation  # noqa: F401
