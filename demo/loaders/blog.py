"""Demo posts: success stories around the known facts of the strategy (seed/FACTS.md).

Where a story adds detail that is not known from public sources, it says so
with a "Beispielinhalt" note, so nobody takes it for an official statement.
"""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from blog.models import Category, Post
from dialog.models import Theme
from goals.models import Goal

BERLIN = ZoneInfo("Europe/Berlin")
EXAMPLE_NOTE = (
    "<p><strong>Beispielinhalt:</strong> Dieser Beitrag der Demo-Website ergänzt bekannte "
    "Fakten um erfundene Einzelheiten ({}). Er ist keine Aussage der Landesregierung.</p>"
)

CATEGORIES = [
    ("erfolgsgeschichten", "Erfolgsgeschichten", "Was aus den Zielen der Strategie geworden ist."),
    ("veranstaltungen", "Veranstaltungen", "Berichte von Konferenzen und Dialogveranstaltungen."),
    ("verwaltung", "Digitale Verwaltung", "Behördengänge, die online erledigt werden können."),
    ("mobilitaet", "Mobilität", "Intelligente Mobilität in Nordrhein-Westfalen."),
    ("gesundheit", "Gesundheit", "Digitale Angebote in Medizin und Pflege."),
    ("strategie", "Strategie", "Neues zur Digitalstrategie selbst."),
]


def _at(year, month, day, hour=10):
    return datetime(year, month, day, hour, 0, tzinfo=BERLIN)


POSTS = [
    {
        "slug": "digitalkonferenz-2018",
        "title": "Digitalkonferenz.NRW 2018: mehr als 500 Gäste beraten den Entwurf",
        "teaser": "Nach sechs Wochen Online-Beteiligung kamen am 26. Oktober 2018 in Düsseldorf "
        "mehr als 500 Menschen zusammen, um in elf Fachforen über den Entwurf der "
        "Digitalstrategie zu sprechen.",
        "published_at": _at(2018, 10, 29),
        "categories": ["veranstaltungen", "strategie"],
        "body": """
<p>Vom 27. August bis zum 7. Oktober 2018 stand der Entwurf der Digitalstrategie online zur
Diskussion. Bürgerinnen und Bürger konnten Schwerpunkte setzen, Themen weiterdenken, den Text
kommentieren und eigene Stellungnahmen hochladen. Knapp 400 Kommentare kamen online zusammen;
zählt man die Veranstaltungen mit, waren es mehr als 2.000 Rückmeldungen.</p>
<h2>Elf Fachforen an einem Tag</h2>
<p>Auf der Digitalkonferenz.NRW am 26. Oktober 2018 in Düsseldorf wurden diese Ergebnisse mit
mehr als 500 Teilnehmenden in elf Fachforen diskutiert. Die Anregungen flossen in die
Strategie ein, die die Landesregierung im April 2019 vorgestellt hat.</p>
""",
    },
    {
        "slug": "44-ziele-im-landtag",
        "goals": [("2019", "Gewerbe-Service-Portal"), ("2019", "Alle Schulen an das Gigabit-Netz")],
        "title": "Die Digitalstrategie.NRW ist da: 44 Ziele für ein digitales Land",
        "teaser": "Am 10. April 2019 hat die Landesregierung die Digitalstrategie im Landtag "
        "vorgestellt. Sie macht die Digitalisierung an 44 konkreten, überprüfbaren Zielen fest.",
        "published_at": _at(2019, 4, 10, 16),
        "categories": ["strategie"],
        "body": """
<p>„Teilhabe ermöglichen – Chancen eröffnen“: Unter diesem Leitgedanken steht die
Digitalstrategie, die am 10. April 2019 im Landtag vorgestellt wurde. Sie beschreibt neun
Handlungsfelder, von Wirtschaft und Arbeit über Bildung, Mobilität und Gesundheit bis zu
digitaler Verwaltung, schnellem Internet und Datenschutz.</p>
<p>Das Besondere: 44 Ziele sind so konkret formuliert, dass sich jederzeit prüfen lässt, ob sie
erreicht wurden. Zum Beispiel sollen alle Schulen bis 2022 einen Gigabit-Anschluss haben und
alle Verfahren rund um das Gewerbe ab 2020 vollständig digital möglich sein.</p>
<p>Die Strategie können Sie unter <a href="/downloads/">Downloads</a> herunterladen.</p>
""",
    },
    {
        "slug": "fortschrittsbericht-2020",
        # The report evaluated the 2019 dialog on all three themes.
        "themes": ["kuenstliche-intelligenz", "bildung", "demografischer-wandel"],
        "goals": [
            ("2019", "Nahverkehrstarifen"),
            ("2019", "virtuelles Krankenhaus"),
            ("2019", "Telematik-Netz"),
            ("2019", "E-Government-Gesetz"),
        ],
        "title": "Fortschrittsbericht 2020: wo die Umsetzung steht",
        "teaser": "Gut ein Jahr nach dem Start legt die Landesregierung Rechenschaft ab: Der "
        "Fortschrittsbericht zeigt den Stand der 44 Ziele und wertet den Dialog von 2019 aus.",
        "published_at": _at(2020, 7, 17),
        "categories": ["erfolgsgeschichten", "strategie"],
        "body": """
<p>Am 17. Juli 2020 ist der Fortschrittsbericht zur Digitalstrategie erschienen. Er zeigt für
die Ziele der Strategie, was bereits erreicht ist, und wertet den Dialog aus dem Jahr 2019 zu
Künstlicher Intelligenz, Bildung und demografischem Wandel aus.</p>
<h2>Beispiele aus dem Bericht</h2>
<ul>
<li>die App mobil.nrw mit allen Tarifen des Landes,</li>
<li>das Virtuelle Krankenhaus, das Fachwissen zu Patientinnen und Patienten bringt,</li>
<li>das Telematik-Netz im Gesundheitswesen,</li>
<li>das geänderte E-Government-Gesetz.</li>
</ul>
<p>Den ganzen Bericht finden Sie als <a href="/downloads/fortschrittsbericht-2020/">PDF zum
Herunterladen</a>.</p>
""",
    },
    {
        "slug": "mobil-nrw-app",
        "goals": [("2019", "Nahverkehrstarifen")],
        "title": "Eine App für alle Tarife: mobil.nrw",
        "teaser": "Von Aachen bis Minden mit einer App: mobil.nrw zeigt Verbindungen und Tarife "
        "des Nahverkehrs im ganzen Land.",
        "published_at": _at(2020, 9, 14),
        "categories": ["erfolgsgeschichten", "mobilitaet"],
        "example": "die Pendlerin und ihr Arbeitsweg",
        "body": """
<p>Wer in Nordrhein-Westfalen Bus und Bahn fährt, überquert schnell die Grenzen von
Verkehrsverbünden. Die App mobil.nrw bündelt die Tarife des Landes, sodass man für eine Fahrt
über Verbundgrenzen hinweg nicht mehr mehrere Angebote vergleichen muss. Der
Fortschrittsbericht 2020 nennt sie als Beispiel für intelligente Mobilität.</p>
<h2>Unterwegs zwischen zwei Verbünden</h2>
<p>Eine Pendlerin, die täglich von Hamm nach Dortmund fährt, plant ihre Fahrt morgens in der
App, sieht Verspätungen und kauft das passende Ticket, ohne sich mit Tarifzonen befassen zu
müssen.</p>
""",
    },
    {
        "slug": "gewerbe-service-portal",
        "goals": [("2019", "Gewerbe-Service-Portal"), ("2-0", "digitale Gewerbeamt")],
        "title": "Gewerbe anmelden ohne Behördengang",
        "teaser": "Über das Gewerbe-Service-Portal.NRW lassen sich Gewerbe online anmelden, "
        "ummelden und abmelden. Ein Ziel der Strategie, das Gründerinnen und Gründern Zeit spart.",
        "published_at": _at(2020, 11, 3),
        "categories": ["erfolgsgeschichten", "verwaltung"],
        "example": "der Gründer und sein Café",
        "body": """
<p>Die Digitalstrategie von 2019 hat sich vorgenommen, dass alle Verfahren rund um das Gewerbe
ab 2020 vollständig digital möglich sind. Das Gewerbe-Service-Portal.NRW ist dafür der Zugang:
Anmeldung, Ummeldung und Abmeldung eines Gewerbes lassen sich online erledigen. Die
Digitalstrategie 2.0 führt das Ziel fort: Bis Ende 2022 soll es ein digitales Gewerbeamt
geben.</p>
<h2>Ein Café in Bielefeld</h2>
<p>Ein Gründer meldet sein Café an einem Sonntagabend an, statt sich einen Vormittag
freizunehmen. Die Bestätigung kommt per E-Mail.</p>
""",
    },
    {
        "slug": "virtuelles-krankenhaus",
        "themes": ["demografischer-wandel"],
        "goals": [("2019", "virtuelles Krankenhaus")],
        "title": "Das Virtuelle Krankenhaus: Fachwissen per Video ans Krankenbett",
        "teaser": "Wenn im Kreiskrankenhaus Spezialwissen fehlt, hilft eine Videosprechstunde "
        "mit einer Universitätsklinik. Der Fortschrittsbericht nennt das Virtuelle Krankenhaus "
        "als Erfolg.",
        "published_at": _at(2020, 12, 8),
        "categories": ["erfolgsgeschichten", "gesundheit"],
        "example": "der Ablauf im Kreiskrankenhaus",
        "body": """
<p>Das Virtuelle Krankenhaus gehört zu den Beispielen, die der Fortschrittsbericht 2020 für
das Handlungsfeld Gesundheit nennt. Die Idee: Spezialistinnen und Spezialisten beraten
behandelnde Ärztinnen und Ärzte per Video, ohne dass Patientinnen und Patienten verlegt werden
müssen.</p>
<h2>Eine Konsultation am Nachmittag</h2>
<p>Eine Ärztin in einem Kreiskrankenhaus bespricht den Fall eines Patienten mit einer
Infektiologin der Universitätsklinik. Gemeinsam passen sie die Behandlung an; der Patient
bleibt in der Nähe seiner Familie.</p>
""",
    },
    {
        "slug": "digitalstrategie-2-0",
        "goals": [
            ("2-0", "digitale Gewerbeamt"),
            ("2-0", "digitale Bürgeramt"),
            ("2-0", "Leitmarkt für 5G"),
            ("2-0", "Quantencomputing"),
        ],
        "title": "Digitalstrategie 2.0 beschlossen: 78 Ziele",
        "teaser": "Das Landeskabinett hat am 16. November 2021 die weiterentwickelte Strategie "
        "beschlossen. Sie setzt sich 78 Ziele; eingeflossen sind auch die Kommentare aus der "
        "Online-Phase im Frühjahr.",
        "published_at": _at(2021, 11, 16, 14),
        "categories": ["strategie", "erfolgsgeschichten"],
        "image": "bilanz",
        "image_alt": "Grafik: 18 Kästchen für die 18 kurzfristigen Ziele der Strategie von "
        "2019, 14 davon grün ausgefüllt für „umgesetzt“.",
        "body": """
<p>Am 16. November 2021 hat das Landeskabinett die Digitalstrategie 2.0 beschlossen, drei Tage
später wurde sie auf der Digitalkonferenz 2021 vorgestellt. Sie umfasst 78 Ziele, jedes mit
Zeithorizont: kurzfristig innerhalb von zwei Jahren, mittelfristig innerhalb von fünf Jahren,
langfristig darüber hinaus.</p>
<h2>Die Bilanz der ersten Strategie</h2>
<p>Nach Angaben der Landesregierung waren 2021 14 der 18 kurzfristigen Ziele umgesetzt. Eine
Zählung der Opposition zu 43 Zielen kam zu einem anderen Bild: 8 erreicht, 20 teilweise
erreicht, 15 verfehlt. Auf dieser Website können Sie jedes Ziel mit seinen datierten
Statusberichten selbst nachprüfen.</p>
<h2>Was neu ist</h2>
<p>Zu den Zielen gehören ein digitales Gewerbeamt und ein digitales Bürgeramt bis Ende 2022,
ein weitgehend flächendeckendes 5G-Netz bis Ende 2024 und ein Kompetenzzentrum für
Quantencomputing.</p>
""",
    },
]

DRAFT = {
    "slug": "rueckblick-online-phase-2021",
    "title": "Rückblick auf die Online-Phase im Frühjahr 2021",
    "teaser": "Sechs Wochen lang stand die ganze Strategie zur Diskussion. Was die Kommentare "
    "bewirkt haben.",
    "categories": ["strategie"],
    "example": "der ganze Text ist ein unfertiger Entwurf",
    "body": """
<p>Die sechswöchige Online-Phase endete am 28. März 2021. (Entwurf: Zahlen und Beispiele aus
der Auswertung ergänzen.)</p>
""",
}

SCHEDULED = {
    "slug": "digitales-buergeramt",
    "goals": [("2-0", "digitale Bürgeramt")],
    "title": "Digitales Bürgeramt: was heute schon online geht",
    "teaser": "Ein Ziel der Digitalstrategie 2.0 ist das digitale Bürgeramt. Ein Überblick "
    "über Anträge, die sich schon von zu Hause stellen lassen.",
    "categories": ["verwaltung", "erfolgsgeschichten"],
    "example": "die Liste der Anträge",
    "body": """
<p>Die Digitalstrategie 2.0 setzt sich das digitale Bürgeramt zum Ziel. Viele Anträge lassen
sich bereits online stellen, etwa die Anmeldung eines Wohnsitzes oder ein Antrag auf einen
Anwohnerparkausweis.</p>
""",
}


def bilanz_image() -> bytes:
    """18 squares, 14 filled: the short-term goals reported as done (no text in the image)."""
    image = Image.new("RGB", (1200, 600), "#ffffff")
    draw = ImageDraw.Draw(image)
    size, gap, left, top = 150, 30, 75, 45
    for index in range(18):
        row, column = divmod(index, 6)
        x, y = left + column * (size + gap), top + row * (size + gap)
        if index < 14:
            draw.rectangle([x, y, x + size, y + size], fill="#0d6b3a")
        else:
            draw.rectangle([x, y, x + size, y + size], outline="#0d6b3a", width=8)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def load(report) -> None:
    categories = {}
    for slug, name, description in CATEGORIES:
        categories[slug], created = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        report.record(f"Blog-Kategorie {slug}", created)

    now = timezone.now()
    entries = [(post, Post.Status.PUBLISHED, post["published_at"]) for post in POSTS]
    entries += [
        (DRAFT, Post.Status.DRAFT, now),
        (SCHEDULED, Post.Status.PUBLISHED, now + timedelta(days=14)),
    ]
    for data, status, published_at in entries:
        post = Post.objects.filter(slug=data["slug"]).first()
        if post is None:
            post = _create_post(data, status, published_at, categories)
            report.record(f"Blog-Beitrag {data['slug']}", True)
        else:
            report.record(f"Blog-Beitrag {data['slug']}", False)
        _link_goals(report, post, data.get("goals", []))
        _link_themes(report, post, data.get("themes", []))


def _create_post(data, status, published_at, categories) -> Post:
    body = data["body"].strip()
    if "example" in data:
        body += "\n" + EXAMPLE_NOTE.format(data["example"])
    post = Post(
        slug=data["slug"],
        title=data["title"],
        teaser=data["teaser"],
        body=body,
        status=status,
        published_at=published_at,
    )
    if data.get("image") == "bilanz":
        post.image = ContentFile(bilanz_image(), name="bilanz.png")
        post.image_alt = data["image_alt"]
    post.full_clean()
    post.save()
    post.categories.set([categories[slug] for slug in data["categories"]])
    return post


def _link_themes(report, post, slugs) -> None:
    linked = set(post.related_themes.values_list("slug", flat=True))
    for theme in Theme.objects.filter(slug__in=slugs):
        created = theme.slug not in linked
        if created:
            post.related_themes.add(theme)
        report.record(f"Blog-Beitrag {post.slug} → Thema {theme.slug}", created)


def _link_goals(report, post, wanted) -> None:
    """Link the goals a story is about, found by version and a phrase of their title.

    Runs for existing posts too, so a database loaded before the goals existed
    gets its links; a goal the strategy demo does not have is skipped.
    """
    linked = set(post.related_goals.values_list("pk", flat=True))
    for version, phrase in wanted:
        goal = Goal.objects.filter(version__slug=version, title__icontains=phrase).first()
        if goal is None:
            continue
        created = goal.pk not in linked
        if created:
            post.related_goals.add(goal)
            linked.add(goal.pk)
        report.record(f"Blog-Beitrag {post.slug} → Ziel {version}/{goal.number}", created)
