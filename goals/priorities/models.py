"""Priorities ("Prioritäten setzen"): a visitor picks up to three fields of action in a
phase that asks for it, confirmed by an e-mail link; one ballot per address and phase.

Only a keyed hash of the address is kept, enough to replace a person's earlier ballot,
not enough to write to them or to recognise them elsewhere.
"""

from django.db import models


class PriorityBallot(models.Model):
    phase = models.ForeignKey(
        "dialog.Phase", on_delete=models.CASCADE, related_name="+", verbose_name="Phase"
    )
    fields = models.ManyToManyField(
        "goals.FieldOfAction", related_name="+", verbose_name="Handlungsfelder"
    )
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("abgegeben am", auto_now_add=True)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)

    class Meta:
        verbose_name = "Stimme zu Prioritäten"
        verbose_name_plural = "Stimmen zu Prioritäten"

    def __str__(self):
        state = "bestätigt" if self.confirmed_at else "unbestätigt"
        return f"{self.phase}: {state}"
