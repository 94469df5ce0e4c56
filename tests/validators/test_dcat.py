"""The open-data catalogue as a harvester reads it: /daten/katalog.jsonld taken apart into
statements (subject, property, object) with full IRIs, then checked for what the DCAT-AP 3
and DCAT-AP.de shapes demand and once failed here: media types as IANA IRIs, one GovData
contributor per dataset, a publisher that is an IRI rather than a blank node."""

import json
from itertools import count

import pytest

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
DCATDE = "http://dcat-ap.de/def/dcatde/"
FOAF = "http://xmlns.com/foaf/0.1/"
TYPE = "@type"
IANA = "https://www.iana.org/assignments/media-types/"


def statements(document: dict) -> list[tuple[str, str, object]]:
    """The statements of a compact JSON-LD document whose context holds only prefixes:
    objects are ("iri", …), ("blank", …) or ("literal", …); nodes without @id are blank."""
    prefixes = document["@context"]
    blanks = count()

    def full(name: str) -> str:
        prefix, _, local = name.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else name

    found = []

    def node(value: dict):
        subject = ("iri", value["@id"]) if "@id" in value else ("blank", f"_:b{next(blanks)}")
        for key, objects in value.items():
            if key in ("@id", "@context"):
                continue
            for obj in objects if isinstance(objects, list) else [objects]:
                if key == TYPE:
                    found.append((subject, TYPE, ("iri", full(obj))))
                elif isinstance(obj, dict) and "@value" in obj:
                    found.append((subject, full(key), ("literal", obj["@value"])))
                elif isinstance(obj, dict) and set(obj) == {"@id"}:
                    found.append((subject, full(key), ("iri", obj["@id"])))
                elif isinstance(obj, dict):
                    found.append((subject, full(key), node(obj)))
                else:
                    found.append((subject, full(key), ("literal", obj)))
        return subject

    node(document)
    return found


@pytest.mark.django_db
def test_catalogue_meets_the_dcat_ap_shapes_it_once_failed(client, demo):
    response = client.get("/daten/katalog.jsonld")
    graph = statements(json.loads(response.content))

    def of_type(iri):
        return [s for s, p, o in graph if p == TYPE and o == ("iri", iri)]

    def values(subject, prop):
        return [o for s, p, o in graph if s == subject and p == prop]

    datasets, distributions = of_type(DCAT + "Dataset"), of_type(DCAT + "Distribution")
    # Goals, reports, indicators, ideas, wording suggestions.
    assert len(datasets) == 5 and len(distributions) >= 10

    problems = []
    for distribution in distributions:
        media = values(distribution, DCAT + "mediaType")
        if len(media) != 1 or media[0][0] != "iri" or not media[0][1].startswith(IANA):
            problems.append(f"{distribution[1]}: dcat:mediaType {media} ist keine IANA-IRI")
            continue
        # The IRI names what the address really serves.
        (download,) = values(distribution, DCAT + "downloadURL")
        served = client.get(download[1].removeprefix("http://testserver"))["Content-Type"]
        if served.split(";")[0] != media[0][1].removeprefix(IANA):
            problems.append(f"{distribution[1]}: {media[0][1]}, geliefert wird {served}")
    for dataset in datasets:
        contributors = values(dataset, DCATDE + "contributorID")
        if [kind for kind, _ in contributors] != ["iri"] or not contributors[0][1].startswith(
            "http://dcat-ap.de/def/contributors/"
        ):
            problems.append(f"{dataset[1]}: dcatde:contributorID {contributors}")
    publishers = [(subject, obj) for subject, prop, obj in graph if prop == DCT + "publisher"]
    assert len(publishers) == 6  # the catalogue's and each dataset's
    for subject, publisher in publishers:
        if publisher[0] != "iri" or not publisher[1].startswith("http"):
            problems.append(f"{subject[1]}: dct:publisher ist ein leerer Knoten")
        elif values(publisher, FOAF + "name") == []:
            problems.append(f"{subject[1]}: dct:publisher ohne foaf:name")
    assert problems == []
    # One publisher for all, the provider the Impressum names.
    (publisher,) = {obj for _, obj in publishers}
    ((_, name),) = set(values(publisher, FOAF + "name"))
    impressum = client.get(publisher[1].removeprefix("http://testserver").split("#")[0])
    assert name.startswith("Ministerium für Wirtschaft") and name in impressum.content.decode()
