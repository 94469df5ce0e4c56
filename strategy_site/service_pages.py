"""First versions of the service pages. Editors change them in the admin
(Seiten); the data migration only creates pages that do not exist yet."""

CONTACT = "digitalstrategie@mwide.nrw.de"

# What the mail alerts (alerts/) store and for how long; also added to an unedited page by migration 0003.
ALERTS_SECTION = """<h2>Benachrichtigungen per E-Mail</h2>
<p>Wenn Sie Benachrichtigungen zu einem Ziel, einem Handlungsfeld, der Umsetzung, neuen
Beteiligungsphasen oder unseren Neuigkeiten bestellen, speichern wir Ihre E-Mail-Adresse, das gewählte
Thema, den Zeitpunkt der Bestellung und der Bestätigung sowie die Zahl fehlgeschlagener Zustellungen.
Ein Konto oder Passwort gibt es nicht. Bestätigen Sie die Bestellung nicht innerhalb von 7 Tagen, löschen
wir Ihre Adresse. Wenn Sie sich abmelden (ein Klick in jeder E-Mail), löschen wir Ihre Adresse sofort.
Schlägt die Zustellung dreimal nacheinander fehl, senden wir nichts mehr und löschen die Adresse nach
30 Tagen. Damit niemand eine Tageszusammenfassung doppelt erhält, merken wir uns 30 Tage lang eine
aus Ihrer Adresse berechnete Prüfsumme (Hash) statt der Adresse selbst und den Tag des Versands. Die Redaktion sieht
nur die Zahl der Abonnements je Thema, keine Adressen; die Adressen werden nicht weitergegeben
(Art. 6 Abs. 1 Buchst. a DSGVO, Einwilligung, jederzeit widerrufbar).</p>
"""

PAGES = {
    "/impressum/": (
        "Impressum",
        f"""
<p>Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG).</p>
<h2>Anbieter</h2>
<p>Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen<br>
Berger Allee 25<br>40213 Düsseldorf</p>
<p>Das Ministerium wird vertreten durch die Ministerin oder den Minister.</p>
<h2>Kontakt</h2>
<p>E-Mail: <a href="mailto:{CONTACT}">{CONTACT}</a></p>
<h2>Verantwortlich für den redaktionellen Inhalt</h2>
<p>Verantwortlich nach § 18 Absatz 2 Medienstaatsvertrag (MStV) ist die Leitung des Referats für die
Digitalstrategie im Ministerium, Anschrift wie oben.</p>
<p><strong>Hinweis:</strong> Diese Angaben sind Beispielinhalt dieser Demonstrationsseite. Die Redaktion
ersetzt sie vor dem Betrieb durch die geprüften Angaben des Ministeriums.</p>
<h2>Haftung für Links</h2>
<p>Wir prüfen verlinkte Seiten anderer Anbieter beim Setzen des Links. Für ihre Inhalte sind allein
deren Anbieter verantwortlich.</p>
""",
    ),
    "/datenschutz/": (
        "Datenschutzerklärung",
        f"""
<p>Wir erheben auf dieser Website nur die Daten, die für ihren Zweck nötig sind, und löschen sie, sobald
der Zweck erfüllt ist. Grundlage sind die Datenschutz-Grundverordnung (DSGVO) und das
Datenschutzgesetz Nordrhein-Westfalen (DSG NRW).</p>
<h2>Verantwortliche Stelle</h2>
<p>Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen,
Berger Allee 25, 40213 Düsseldorf, <a href="mailto:{CONTACT}">{CONTACT}</a>.</p>
<h2>Lesen der Website</h2>
<p>Wenn Sie Seiten nur lesen, setzen wir keine Cookies und laden nichts von anderen Anbietern: Schriften,
Bilder und Programme kommen ausschließlich von unserem eigenen Server. Der Server speichert technisch
notwendige Zugriffsdaten (Zeitpunkt, aufgerufene Seite ohne Suchbegriffe und ohne die Schlüssel aus E-Mail-Links,
gekürzte IP-Adresse) für höchstens sieben Tage, um
Angriffe abwehren zu können (Art. 6 Abs. 1 Buchst. e DSGVO).</p>
<h2>Cookies</h2>
<p>Auch Formulare (Kommentar, Meldung, Rückmeldung) setzen beim Lesen kein Cookie; sie sind durch eine
Prüfung der Herkunft der Anfrage vor Missbrauch geschützt. Nur nach dem Absenden eines Formulars
speichert die Website eine Bestätigungsnachricht für den nächsten Seitenaufruf in einem Cookie
(„messages“), das danach gelöscht wird. Mitarbeiterinnen und Mitarbeiter, die sich anmelden, erhalten
technisch notwendige Sitzungs- und Sicherheits-Cookies. Keines dieser Cookies erfordert nach § 25
Abs. 2 TDDDG eine Einwilligung.</p>
<h2>Kommentare</h2>
<p>Für einen Kommentar fragen wir einen Namen (ein Pseudonym ist erlaubt), Ihre E-Mail-Adresse und Ihren
Text ab. Die E-Mail-Adresse brauchen wir, um Ihren Kommentar per Bestätigungslink freizuschalten und Sie –
nur wenn Sie es wünschen – über Antworten zu informieren. Sie wird nie veröffentlicht. Nach dem Ende der
Beteiligungsphase löschen wir E-Mail- und IP-Adressen; Name und Text des Kommentars bleiben als Teil der
öffentlichen Diskussion sichtbar. Sie können die Löschung Ihres Kommentars jederzeit verlangen.</p>
<p>Bis Sie Ihren Kommentar bestätigen, liegen Name, E-Mail-Adresse, Text und IP-Adresse in unserer
Datenbank, höchstens sieben Tage; der Link in der E-Mail enthält nur eine Zufallszeichenfolge, keine
Angaben über Sie. Die E-Mails, die die Website verschickt, bewahren wir 30 Tage auf, damit eine
gescheiterte Zustellung wiederholt werden kann; danach löschen wir sie.</p>
<h2>Rückmeldungen zur Barrierefreiheit</h2>
<p>Nachrichten aus dem Formular der Erklärung zur Barrierefreiheit speichern wir, bis Ihr Anliegen
erledigt ist, und verwenden sie nur für dessen Bearbeitung.</p>
{ALERTS_SECTION}<h2>Videos</h2>
<p>Aufzeichnungen von Veranstaltungen liegen teils bei anderen Anbietern. Wir binden sie erst ein, wenn
Sie ausdrücklich auf „Video laden“ klicken; vorher wird keine Verbindung zu diesen Anbietern
aufgebaut.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch.
Sie können sich bei der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen
(LDI NRW) beschweren.</p>
""",
    ),
    "/barrierefreiheit/": (
        "Erklärung zur Barrierefreiheit",
        """
<p>Das Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie ist bemüht, diese Website im
Einklang mit dem Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der
Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei zugänglich zu
machen. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.</p>
<h2>Stand der Vereinbarkeit</h2>
<p>Die Website ist weitgehend mit den Anforderungen vereinbar. Jede Seitenart wird bei jeder Änderung
automatisch in einem echten Browser auf Barrieren geprüft; alle Funktionen lassen sich mit der Tastatur
und ohne JavaScript bedienen.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li>Ältere PDF-Dokumente im Bereich Downloads sind nicht vollständig barrierefrei. Die wesentlichen
Inhalte finden Sie als Text auf dieser Website; auf Wunsch senden wir Ihnen eine barrierefreie Fassung.</li>
<li>Nicht für alle Aufzeichnungen von Veranstaltungen gibt es bereits Untertitel. Zu jeder Aufzeichnung
steht ein Transkript auf der Seite der Veranstaltung.</li>
<li>Ein Video in Deutscher Gebärdensprache ist in Vorbereitung.</li>
</ul>
<h2>Erstellung dieser Erklärung</h2>
<p>Diese Erklärung beruht auf einer Selbstbewertung (Beispielinhalt: das Datum der Bewertung trägt die
Redaktion ein).</p>
<h2>Schlichtungsverfahren</h2>
<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die
<a href="https://www.lbbp.nrw.de/ombudsstelle">Ombudsstelle für barrierefreie Informationstechnik des
Landes Nordrhein-Westfalen</a> wenden, E-Mail:
<a href="mailto:ombudsstelle-barrierefreie-it@mags.nrw.de">ombudsstelle-barrierefreie-it@mags.nrw.de</a>.
Sie ist bei der Beauftragten für die Belange der Menschen mit Behinderung des Landes angesiedelt.</p>
""",
    ),
    "/leichte-sprache/": (
        "Leichte Sprache",
        """
<h2>Was ist die Digitalstrategie?</h2>
<p>Digital heißt: mit Computer und Internet.</p>
<p>Die Landes-Regierung von Nordrhein-Westfalen hat einen Plan gemacht.
Der Plan heißt: Digitalstrategie.NRW.</p>
<p>In dem Plan stehen Ziele.
Zum Beispiel: Alle Schulen sollen schnelles Internet bekommen.</p>
<h2>Was steht auf dieser Internet-Seite?</h2>
<ul>
<li>Sie können den Plan lesen.</li>
<li>Sie können sehen: Was hat die Landes-Regierung schon geschafft?</li>
<li>Sie können Ihre Meinung schreiben.
Dafür brauchen Sie einen Namen und eine E-Mail-Adresse.</li>
</ul>
<h2>So finden Sie sich zurecht</h2>
<p>Oben auf jeder Seite ist ein Menü. Dort stehen diese Wörter:</p>
<ul>
<li><strong>Strategie:</strong> Hier steht der Plan.</li>
<li><strong>Umsetzung:</strong> Hier steht, was schon geschafft ist.</li>
<li><strong>Dialog:</strong> Hier können Sie mit-reden.</li>
<li><strong>Blog:</strong> Hier stehen Berichte.</li>
<li><strong>Downloads:</strong> Hier können Sie Dateien herunter-laden.</li>
</ul>
<p>Oben gibt es auch ein Such-Feld.
Dort können Sie ein Wort eingeben und suchen.</p>
<h2>Ist die Seite barriere-frei?</h2>
<p>Barriere-frei heißt: Alle Menschen können die Seite gut benutzen.
Wir haben uns dafür viel Mühe gegeben.
Ein paar Sachen sind noch nicht barriere-frei.
Zum Beispiel: manche alte Dateien.</p>
<p>Haben Sie ein Problem mit der Seite?
Dann schreiben Sie uns.
Das geht auf der Seite <a href="/barrierefreiheit/">Barriere-Freiheit</a>.</p>
""",
    ),
    "/gebaerdensprache/": (
        "Gebärdensprache",
        """
<p>Hier erklären wir in Deutscher Gebärdensprache (DGS), was auf dieser Website steht, wie Sie sich
zurechtfinden und was in der Erklärung zur Barrierefreiheit steht.</p>
<h2>Video in Deutscher Gebärdensprache</h2>
<p><strong>Das Video ist in Vorbereitung.</strong> Sobald es fertig ist, steht es an dieser Stelle.</p>
<p>Wir stellen es direkt auf dieser Website bereit, ohne Dienste anderer Anbieter:</p>
<ul>
<li>zum Ansehen auf der Seite, mit Untertiteln und einem Text zum Nachlesen,</li>
<li>zum Herunterladen als MP4-Datei, mit Angabe von Dateigröße und Dauer, zum Beispiel
„Video in DGS herunterladen (MP4, 48 MB, 6 Minuten)“.</li>
</ul>
<p>Bis dahin finden Sie die Inhalte in <a href="/leichte-sprache/">Leichter Sprache</a>.</p>
""",
    ),
    "/netiquette/": (
        "Netiquette",
        """
<p>Wir freuen uns auf eine lebendige, sachliche Diskussion. Damit sich alle wohlfühlen, gelten diese
Regeln:</p>
<ul>
<li><strong>Respektvoll bleiben:</strong> keine Beleidigungen, Drohungen oder herabwürdigenden Aussagen.</li>
<li><strong>Niemanden ausgrenzen:</strong> keine Diskriminierung, etwa wegen Herkunft, Geschlecht,
Religion, Behinderung, Alter oder sexueller Identität.</li>
<li><strong>Beim Thema bleiben:</strong> Beiträge beziehen sich auf die Digitalstrategie und das
kommentierte Ziel oder Thema.</li>
<li><strong>Keine Werbung und kein Spam:</strong> auch keine massenhaft gleichen Beiträge.</li>
<li><strong>Keine persönlichen Daten anderer:</strong> etwa Adressen, Telefonnummern oder Fotos.</li>
<li><strong>Nichts Strafbares oder Verfassungsfeindliches.</strong></li>
</ul>
<h2>Moderation</h2>
<p>Die Moderation liest mit. Beiträge, die gegen diese Regeln verstoßen, blendet sie aus und nennt dabei
den Grund; Antworten darauf bleiben sichtbar. Wer wiederholt gegen die Regeln verstößt, kann von der
Diskussion ausgeschlossen werden. Strafbare Inhalte bringen wir zur Anzeige.</p>
<p>Fällt Ihnen ein Beitrag auf, der gegen die Regeln verstößt, nutzen Sie bitte „Melden“ unter dem
Beitrag. Ein Konto brauchen Sie dafür nicht.</p>
""",
    ),
    "/kontakt/": (
        "Kontakt",
        f"""
<p>Ideen, Fragen und Anregungen zur Digitalstrategie.NRW nimmt das Ministerium für Wirtschaft, Innovation,
Digitalisierung und Energie des Landes Nordrhein-Westfalen gern entgegen.</p>
<h2>E-Mail</h2>
<p><a href="mailto:{CONTACT}">{CONTACT}</a></p>
<h2>Post</h2>
<p>Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen<br>
Berger Allee 25<br>40213 Düsseldorf</p>
<h2>Barrieren melden</h2>
<p>Für Hinweise zur Barrierefreiheit nutzen Sie bitte das Formular in der
<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>.</p>
""",
    ),
}
