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
    "demo.loaders.pages.load",
    "demo.loaders.downloads.load",
    "demo.loaders.goals.load",
    "demo.loaders.goal_comments.load",
    "demo.loaders.text.load",
    "demo.loaders.dialog.load",
    "demo.loaders.dialog_links.load",
    "demo.loaders.ideas.load",
    "demo.loaders.suggestions.load",
    "demo.loaders.blog.load",
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
