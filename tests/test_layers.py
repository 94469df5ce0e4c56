"""The layers of docs/architecture.md hold: imports point downwards only, the participation
formats sit above the comment engine, views above the domain, and no two sibling modules
anywhere import each other in a circle (import-linter contracts in pyproject.toml)."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_every_package_of_the_project_is_under_contract():
    # A new app outside the contracts would escape them silently.
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "scripts"}
    }
    assert packages == set(CONFIG["root_packages"])
    (apps_layers,) = [c for c in CONFIG["contracts"] if c["name"] == "Apps depend downwards only"]
    in_layers = {name.strip() for layer in apps_layers["layers"] for name in layer.split("|")}
    assert in_layers == packages


def test_the_import_contracts_are_kept():
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONFIG['contracts'])} kept, 0 broken." in result.stdout
