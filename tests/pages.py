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
    "/downloads/",
    "/diese-seite-gibt-es-nicht/",
]
