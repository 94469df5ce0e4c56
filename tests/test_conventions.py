"""Public-sector conventions: licence, publiccode.yml, package metadata, pre-commit.

No publiccode.yml validator could be installed here (the Go parser needs the Go module
proxy, which this machine cannot reach), so the rules of the standard (version 0.4, as
the reference parser italia/publiccode-parser-go checks them) that a catalogue would
reject the file for are checked here: required keys, allowed values, text lengths. And
what the file says must agree with the repository: the licence, the version, the
Python versions.
"""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]


def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text())


def test_the_licence_is_the_full_eupl_1_2_text_and_everything_says_so():
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    # The whole licence, with its appendix of compatible licences, not an excerpt.
    assert "Appendix" in text and "Compatible Licences" in text
    assert len(text) > 13000
    assert PROJECT["license"] == publiccode()["legal"]["license"] == "EUPL-1.2"
    assert "LICENSE" in PROJECT["license-files"]


def test_publiccode_yml_has_every_key_the_standard_requires():
    data = publiccode()
    assert data["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "categories", "description", "legal"):
        assert data[key], key
    assert re.fullmatch(r"https://\S+", data["url"])
    assert re.fullmatch(r"https://\S+", data["landingURL"])
    assert data["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert data["softwareType"] in {
        "standalone/mobile",
        "standalone/iot",
        "standalone/desktop",
        "standalone/web",
        "standalone/backend",
        "standalone/other",
        "addon",
        "library",
        "configurationFiles",
    }
    maintenance = data["maintenance"]
    assert maintenance["type"] in {"internal", "contract", "community", "none"}
    if maintenance["type"] in {"internal", "community"}:
        for contact in maintenance["contacts"]:
            assert contact["name"]
            assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", contact["email"])
    localisation = data["localisation"]
    assert localisation["localisationReady"] in {True, False}
    assert localisation["availableLanguages"]
    for language in localisation["availableLanguages"]:
        assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", language)
    assert set(data["intendedAudience"]["countries"]) == {"de"}


def test_publiccode_descriptions_fit_the_standards_lengths():
    descriptions = publiccode()["description"]
    assert {"de", "en"} <= set(descriptions)
    for language, description in descriptions.items():
        assert len(description["shortDescription"]) <= 150, language
        assert 150 <= len(description["longDescription"]) <= 10000, language
        assert description["features"], language
        assert all(len(feature) <= 100 for feature in description["features"]), language


def test_publiccode_agrees_with_the_project():
    data = publiccode()
    assert data["softwareVersion"] == PROJECT["version"]
    python = next(dep for dep in data["dependsOn"]["open"] if dep["name"] == "Python")
    low, high = re.fullmatch(r">=(3\.\d+),<3\.(\d+)", PROJECT["requires-python"]).groups()
    assert python["versionMin"] == low
    assert python["versionMax"] == f"3.{int(high) - 1}"
    # The contact is the one the site itself names (README, SECURITY.md, CONTACT_EMAIL).
    contact = data["maintenance"]["contacts"][0]["email"]
    assert contact in (ROOT / "SECURITY.md").read_text()


def test_pyproject_describes_the_project_for_a_catalogue():
    assert PROJECT["readme"] == "README.md"
    assert len(PROJECT["description"]) > 30
    assert PROJECT["authors"]
    assert {"Homepage", "Source", "Documentation"} <= set(PROJECT["urls"])
    assert PROJECT["urls"]["Source"] == publiccode()["url"].removesuffix(".git")
    classifiers = PROJECT["classifiers"]
    # The licence is the SPDX expression (PEP 639); setuptools refuses a classifier beside it.
    assert not [classifier for classifier in classifiers if classifier.startswith("License ::")]
    assert "Framework :: Django :: 5.2" in classifiers
    assert "Natural Language :: German" in classifiers
    # Every Python the range allows is named, and no other.
    low, high = re.fullmatch(r">=3\.(\d+),<3\.(\d+)", PROJECT["requires-python"]).groups()
    named = {
        int(match)
        for classifier in classifiers
        for match in re.findall(r"^Programming Language :: Python :: 3\.(\d+)$", classifier)
    }
    assert named == set(range(int(low), int(high)))
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py3{low}"


def test_pre_commit_runs_ruff_check_and_format_at_the_pinned_version():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    pinned = next(
        dep for dep in PROJECT["optional-dependencies"]["dev"] if dep.startswith("ruff==")
    )
    assert hooks["ruff-check"]["entry"] == "ruff check"
    assert hooks["ruff-format"]["entry"] == "ruff format"
    for hook in (hooks["ruff-check"], hooks["ruff-format"]):
        # The same ruff as `make lint` and CI: the pin from pyproject (kept equal here).
        assert hook["additional_dependencies"] == [pinned]
        assert hook["language"] == "python"
