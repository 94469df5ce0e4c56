"""Loading the demo content in tests: one helper, so every test loads it the same way."""

from io import StringIO

from django.core.management import call_command


def load_demo() -> str:
    """Run `load_demo` as `make run` does; returns its output."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()
