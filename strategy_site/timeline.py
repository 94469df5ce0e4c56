"""The strategy's history for the home page timeline (facts from the seed text)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Milestone:
    datetime: str  # ISO date or year-month, for <time datetime>
    label: str  # as a reader sees it
    title: str
    text: str


MILESTONES = [
    Milestone(
        "2018",
        "2018",
        "Metastudie und erste Online-Beteiligung",
        "Eine Metastudie zur Digitalisierung in Nordrhein-Westfalen erscheint. Vom 27. August bis 7. Oktober 2018 "
        "kommentieren Bürgerinnen und Bürger den Entwurf der Strategie online: knapp 400 "
        "Kommentare, mit den Veranstaltungen mehr als 2.000 Rückmeldungen.",
    ),
    Milestone(
        "2018-10-26",
        "26. Oktober 2018",
        "Digitalkonferenz.NRW 2018",
        "Mehr als 500 Teilnehmende diskutieren in Düsseldorf die Ergebnisse der Beteiligung.",
    ),
    Milestone(
        "2019-04-10",
        "10. April 2019",
        "Die Digitalstrategie.NRW wird im Landtag vorgestellt",
        "Wirtschafts- und Digitalminister Prof. Dr. Andreas Pinkwart stellt die Strategie vor, "
        "die alle Ressorts gemeinsam entwickelt haben: 44 konkrete Ziele der Landesregierung.",
    ),
    Milestone(
        "2019",
        "2019",
        "Dialog zu drei Zukunftsthemen",
        "Vor Ort und online geht es um Künstliche Intelligenz, Bildung und den demografischen "
        "Wandel. Im Blog berichten wir laufend über die Umsetzung der 44 Ziele.",
    ),
    Milestone(
        "2019-11-22",
        "22. November 2019",
        "Digitalkonferenz 2019",
        "Rund 300 Teilnehmende kommen im Congress Center Düsseldorf zusammen.",
    ),
    Milestone(
        "2020-07-17",
        "17. Juli 2020",
        "Fortschrittsbericht",
        "Der Bericht zeigt den Stand der Umsetzung und wertet den Dialog des Jahres 2019 aus.",
    ),
    Milestone(
        "2020-11-20",
        "20. November 2020",
        "Digitalkonferenz „Digitalstrategie.DISRUPTED“",
        "Über 700 Teilnehmende diskutieren virtuell über die Zukunft der Digitalisierung.",
    ),
    Milestone(
        "2021-03",
        "Frühjahr 2021",
        "Sechswöchige Online-Phase",
        "Die gesamte Strategie steht zur Diskussion; die Phase endet am 28. März 2021. "
        "Alle Kommentare fließen in die Weiterentwicklung ein.",
    ),
    Milestone(
        "2021-11-16",
        "16. November 2021",
        "Digitalstrategie 2.0 beschlossen",
        "Das Landeskabinett beschließt die Strategie 2.0 mit 78 Zielen.",
    ),
    Milestone(
        "2021-11-19",
        "19. November 2021",
        "Vorstellung auf der Digitalkonferenz 2021",
        "Die Digitalstrategie 2.0 wird der Öffentlichkeit vorgestellt.",
    ),
]
