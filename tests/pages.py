"""Every public page type, for the whole-site checks (one h1, axe-core).

Each issue adds its pages here. URLs that need content assume `load_demo` ran.
"""

SERVICE_PAGES = [
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/netiquette/",
    "/kontakt/",
]

PUBLIC_PAGES = [
    "/",
    *SERVICE_PAGES,
    "/suche/",
    "/suche/?q=Barriere",
    # Hits of several kinds and versions: facets, marked words, pages.
    "/suche/?q=Schule",
    # No hit: "Meinten Sie …?"
    "/suche/?q=Digitalisirung",
    "/downloads/",
    "/blog/",
    "/blog/digitalstrategie-2-0/",
    "/blog/kategorie/erfolgsgeschichten/",
    # A goal page that lists blog posts about it.
    "/strategie/2019/ziele/1/",
    "/diese-seite-gibt-es-nicht/",
    "/strategie/",
    "/strategie/2019/",
    # The demo's comment thread with the official answer, and other sources' verdicts.
    "/strategie/2-0/ziele/22/",
    # Indicators: charts with tables.
    "/strategie/2-0/ziele/31/",
    # A goal that was dropped, with its reason.
    "/strategie/2019/ziele/15/",
    "/veranstaltungen/reihen/digital-vor-ort-mit/",
    "/umsetzung/",
    "/umsetzung/?status=verzoegert&horizont=kurzfristig",
    # The dashboard as it stood on a past day.
    "/umsetzung/?stand=2022-12-31",
    "/daten/",
    # The goal page above shows demo comments; these are the comment engine's own pages.
    "/kommentare/gesendet/",
    "/dialog/",
    "/dialog/phasen/online-phase-2021/",
    # Prioritäten setzen: the ballot with its results.
    "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/prioritaeten/",
    # Stellungnahmen: the form and a phase's list (one statement's page: its browser test).
    "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/stellungnahmen/einreichen/",
    "/dialog/phasen/online-phase-2021/stellungnahmen/",
    # Ideen: the list (filtered, sorted) and the form; one idea's page: its browser test.
    "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/ideen/",
    "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/ideen/?sortierung=zufall&status=aufgenommen",
    "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/ideen/einreichen/",
    # Results of a phase: decisions, charts and tables; and one with figures of its time.
    "/dialog/phasen/online-phase-2021/ergebnisse/",
    "/dialog/phasen/online-beteiligung-2018/ergebnisse/",
    "/dialog/themen/kuenstliche-intelligenz/",
    "/veranstaltungen/",
    "/veranstaltungen/digitalkonferenz-2020-disrupted/",
    # The strategy text: contents, a chapter, a commented paragraph, a 2.0 paragraph with diff.
    "/strategie/2019/text/",
    "/strategie/2019/text/4-2/",
    "/strategie/2019/text/4-2/a4-2-1/",
    "/strategie/2-0/text/2/a2-1/",
    # Wording suggestions: a 2019 paragraph with its suggestions and their differences, the
    # form on a 2.0 paragraph (open in the running phase), a chapter's and a phase's list.
    "/strategie/2019/text/5-1/a5-1-1/",
    "/strategie/2-0/text/1/a1-2/vorschlagen/",
    "/strategie/2019/text/5-1/vorschlaege/",
    "/dialog/phasen/online-phase-2021/vorschlaege/",
    # Mail alerts: the subscribe page (also shown with errors) and the manage request.
    "/benachrichtigungen/?thema=news",
    "/benachrichtigungen/?thema=dialog",
    "/benachrichtigungen/verwalten/",
    "/newsletter/",
]
