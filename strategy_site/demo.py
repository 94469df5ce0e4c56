"""Demo content: each app contributes a loader; `manage.py load_demo` runs them in order.

A loader is `load(report: DemoReport) -> None`. It uses get_or_create-style
lookups on stable keys (slugs, numbers) so a second run creates nothing, and
tells the report what it created or found.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

# Order matters: later loaders link to what earlier ones created.
LOADERS = [
    "strategy_site.demo_pages.load",
    "downloads.demo.load",
    "goals.demo.load",
    "goals.demo_comments.load",
    "goals.demo_text.load",
    "dialog.demo.load",
    "goals.demo_dialog.load",
    "blog.demo.load",
]


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    existing: int = 0

    def record(self, label: str, created: bool) -> None:
        if created:
            self.created.append(label)
        else:
            self.existing += 1


def loader_functions() -> list[Callable[[DemoReport], None]]:
    functions = []
    for dotted in LOADERS:
        module, name = dotted.rsplit(".", 1)
        functions.append(getattr(import_module(module), name))
    return functions
