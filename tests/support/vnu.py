"""The Nu Html Checker (vnu.jar, the W3C's validator) over many pages in one run.

Java starts slowly (about 3 s), so the pages are written into one folder and checked by a
single call; the jar comes from scripts/ensure-vnu.sh (fetched once, then cached).
"""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def jar() -> str:
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "ensure-vnu.sh")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def errors(pages: dict[str, str], folder: Path) -> list[str]:
    """Every error the checker reports, as 'address line N: message', for pages given as
    {address: html}."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for n, (address, html) in enumerate(pages.items()):
        path = folder / f"page-{n:04d}.html"
        path.write_text(html, encoding="utf-8")
        names[path.resolve().as_uri()] = address
    result = subprocess.run(
        [
            "java",
            # A short-lived batch run: the small collector starts fastest.
            "-XX:+UseSerialGC",
            "-jar",
            jar(),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            "--skip-non-html",
            "--stdout",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stdout)
    found = []
    for message in report["messages"]:
        address = names.get(_as_uri(message.get("url", "")), message.get("url"))
        found.append(f"{address} line {message.get('lastLine')}: {message['message']}")
    checked = {_as_uri(m.get("url", "")) for m in report["messages"]}
    assert checked <= set(names) | {""}, checked - set(names)
    return found


def _as_uri(url: str) -> str:
    # vnu writes file:/tmp/... where Python writes file:///tmp/...
    return (
        "file://" + url[len("file:") :]
        if url.startswith("file:/") and not url.startswith("file:///")
        else url
    )
