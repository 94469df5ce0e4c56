"""Who a contribution speaks for: one vocabulary for every kind of contribution.

Comments ("Ich schreibe als"), mailed-in contributions and statements use the same
values, so results and exports count them alike. People write as themselves
(`BUERGER`); organisations pick one of `ORGANISATIONS` (statements only take those).
"""

from django.db import models


class SenderKind(models.TextChoices):
    BUERGER = "buerger", "Bürgerin oder Bürger"
    VERBAND = "verband", "Verband"
    WISSENSCHAFT = "wissenschaft", "Wissenschaft"
    UNTERNEHMEN = "unternehmen", "Unternehmen"
    VERWALTUNG = "verwaltung", "Verwaltung oder Kommune"
    ZIVILGESELLSCHAFT = "zivilgesellschaft", "Zivilgesellschaft"
    SONSTIGE = "sonstige", "sonstige Organisation"


ORGANISATIONS = [kind for kind in SenderKind if kind is not SenderKind.BUERGER]
ORGANISATION_CHOICES = [(kind.value, kind.label) for kind in ORGANISATIONS]
