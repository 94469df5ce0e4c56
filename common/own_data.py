"""What the site keeps per mailbox, for "Meine Beiträge" (the selfservice app).

A visitor takes part with nothing but an e-mail address. Each kind of contribution that
keeps an address (comments, statements, ballots, subscriptions, ideas, supports,
suggestions, feedback) registers one `Kind` here from its app's ready(): how to list the
mailbox's items, withdraw or correct one, and erase them all. The selfservice app asks
every registered kind and never imports the apps, as common/confirmation.py's purges do.

Every method takes the address and works only on rows tied to that mailbox
(common/addresses.mailbox_filter or the kind's mailbox hashes), so an item's number
from another visitor's list finds nothing.
"""

import datetime
from dataclasses import dataclass, field


@dataclass
class Entry:
    """One item tied to a mailbox, as "Meine Beiträge" lists and exports it."""

    kind: str  # the registered Kind's slug, e.g. "kommentar"
    pk: int
    label: str  # "Kommentar", "Stimme", "Abonnement"
    created_at: datetime.datetime
    place: str  # where it belongs: "Ziel 3: …", "Beteiligungsphase …"
    state: str  # German: "veröffentlicht", "wartet auf Freigabe", …
    text: str = ""  # the visitor's own text, as stored
    url: str = ""  # where the public sees it ("" while nobody does)
    details: list[str] = field(default_factory=list)  # decision, reason, choices
    edited_at: datetime.datetime | None = None
    can_edit: bool = False
    # What withdrawing does, as the button says it ("Kommentar zurückziehen",
    # "Abonnement beenden"); "" when it cannot be withdrawn (any more).
    withdraw: str = ""
    data: dict = field(default_factory=dict)  # further stored fields, for the export

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.pk}"

    def stored_fields(self) -> list[tuple[str, str]]:
        """The further stored fields as the readable page shows them, in German."""
        return [(FIELD_LABELS.get(name, name), _shown(value)) for name, value in self.data.items()]

    def as_export(self) -> dict:
        return {
            "art": self.label,
            "nummer": self.pk,
            "erstellt": self.created_at.isoformat(),
            "ort": self.place,
            "status": self.state,
            "text": self.text,
            "oeffentlich_unter": self.url,
            "angaben": self.details,
            "bearbeitet": self.edited_at.isoformat() if self.edited_at else None,
            "gespeicherte_felder": self.data,
        }


# The export's field names (kept plain for programs) as the readable page says them.
FIELD_LABELS = {
    "name": "Name",
    "e_mail": "E-Mail-Adresse",
    "webseite": "Webseite",
    "ip_adresse": "IP-Adresse",
    "schreibt_als": "Schreibt als",
    "benachrichtigung_bei_antworten": "Benachrichtigung bei Antworten",
    "organisation": "Organisation",
    "art_der_organisation": "Art der Organisation",
    "kontaktadresse": "Kontaktadresse",
    "pdf": "PDF-Dokument",
    "bestaetigt": "Bestätigt am",
    "antwort_erbeten_an": "Antwort erbeten an",
    "thema": "Thema",
    "an": "An",
    "betreff": "Betreff",
}


def _shown(value) -> str:
    if value is True:
        return "ja"
    if value is False:
        return "nein"
    if value is None or value == "":
        return "–"
    return str(value)


class Kind:
    """How one kind of contribution answers for a mailbox. Subclasses set the texts and
    implement `entries` and `erase`; `withdraw` and `edit` where the kind allows them."""

    slug = ""  # in URLs and keys, e.g. "kommentar"
    plural = ""  # "Kommentare", for summaries
    # What "Daten löschen" does to this kind, for the privacy page and the erase page.
    erase_rule = ""
    # Whether items of this kind alone make a mailbox one that took part (the mails the
    # site sent do not: asking for a link would otherwise count as taking part).
    taking_part = True

    def entries(self, address: str) -> list[Entry]:
        raise NotImplementedError

    def withdraw(self, address: str, pk: int) -> bool:
        """Withdraw one item of this mailbox; False if there is none it may withdraw."""
        return False

    def correction_form(self, address: str, pk: int, data=None):
        """A bound or unbound Django form with the item's editable fields, filled with what
        is stored; None if it cannot be corrected (now)."""
        return None

    def edit(self, address: str, pk: int, cleaned: dict) -> bool:
        """Store a correction (the edit form's cleaned data); False if not allowed now."""
        return False

    def erase(self, address: str) -> int:
        """Remove or anonymise everything of this mailbox; returns how many items."""
        raise NotImplementedError


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.slug] = kind


def kinds() -> list[Kind]:
    return list(_kinds.values())


def kind(slug: str) -> Kind | None:
    return _kinds.get(slug)


def entries(address: str) -> list[Entry]:
    """Everything tied to the mailbox, newest first."""
    found = [entry for kind in _kinds.values() for entry in kind.entries(address)]
    return sorted(found, key=lambda entry: (entry.created_at, entry.kind, entry.pk), reverse=True)


def anything(address: str) -> bool:
    """Whether the mailbox took part at all (then it gets a link to its data)."""
    return any(kind.entries(address) for kind in _kinds.values() if kind.taking_part)


def erase(address: str) -> dict[str, int]:
    """Erase the mailbox from every kind; counts per kind (plural label)."""
    return {kind.plural: kind.erase(address) for kind in _kinds.values()}
