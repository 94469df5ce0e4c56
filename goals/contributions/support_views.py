"""The pages of supporting a contribution, the same for ideas and wording suggestions: the
form under it mails a link; the link's button counts the support; the same link withdraws
it while the phase runs. Each kind describes its words and pages once (`SupportPages`)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common import confirmation, mail, posting_guard
from common.csrf import csrf_protect_public_form

from .support import Supports


@dataclass(frozen=True)
class SupportPages:
    supports: Supports
    # The published contribution of a page address (404 otherwise).
    published: Callable[[int], object]
    # Its page, with the support form (bound, when it has errors) and a status.
    detail: Callable[..., object]
    # Whether supports may change now (the phase takes them).
    is_open: Callable[[object], bool]
    url_name: str  # "goals:idea-support": also "…-confirm" and "…-withdraw"
    noun: str  # "Idee", "Vorschlag": in headings ("Sie unterstützen diese Idee")
    this: str  # "diese Idee", "diesen Vorschlag"
    while_open: str  # "solange die Phase Ideen sammelt"

    def _link(self, request, suffix: str, token: str) -> str:
        return request.build_absolute_uri(reverse(f"{self.url_name}-{suffix}", args=[token]))

    def views(self, form_class):
        """(ask, confirm, withdraw) view functions for the kind's URLs."""

        @csrf_protect_public_form
        @require_POST
        def ask(request, pk):
            target = self.published(pk)
            form = form_class(request.POST)
            if not self.is_open(target):
                form.add_error(
                    None, "Die Phase ist beendet; Unterstützungen sind nicht mehr möglich."
                )
                return self.detail(request, target, form, status=409)
            if not form.is_valid():
                return self.detail(request, target, form, status=400)
            email = form.cleaned_data["email"]
            refused = posting_guard.check(request, "support", recipient=email)
            if refused:
                form.add_error(refused.field, refused.message)
                return self.detail(request, target, form, status=refused.status)
            token = self.supports.request(target, email, form.cleaned_data["wants_answer"])
            mail.send(
                f"Bitte bestätigen Sie Ihre Unterstützung: {target}",
                email,
                "mail/support.txt",
                {
                    "target": target,
                    "pages": self,
                    "link": self._link(request, "confirm", token),
                    "valid_days": confirmation.valid_for().days,
                },
            )
            return redirect(target.get_absolute_url() + "?unterstuetzt=1#unterstuetzen")

        def preview(request, token):
            found = self.supports.lookup(token)
            if found is None:
                return self._broken(request)
            target = getattr(found, self.supports.owner)
            if found.confirmed_at is not None:
                return self._page(request, target, token)
            if not self.is_open(target):
                return self._over(request, target)
            return confirmation.Preview(
                title="Unterstützung bestätigen",
                intro=f"Sie möchten {self.this} in der Phase „{target.phase.title}“ unterstützen:",
                details=[str(target)],
                button="Unterstützung bestätigen",
                after="Jede E-Mail-Adresse zählt einmal. Mit demselben Link können Sie die "
                f"Unterstützung zurückziehen, {self.while_open}.",
            )

        @confirmation.confirm_by_button(preview)
        def confirm(request, token):
            found = self.supports.lookup(token)
            if found is None:
                return self._broken(request)
            if not self.is_open(getattr(found, self.supports.owner)):
                return self._over(request, getattr(found, self.supports.owner))
            confirmed = self.supports.confirm(token)
            if confirmed is None:  # withdrawn (or hidden) in the meantime
                return self._broken(request)
            target = getattr(confirmed, self.supports.owner)
            return self._page(request, target, token, just_confirmed=True)

        @never_cache
        @csrf_protect_public_form
        @require_POST
        def withdraw(request, token):
            found = self.supports.lookup(token)
            if found is None:
                return self._broken(request)
            if not self.is_open(getattr(found, self.supports.owner)):
                return self._over(request, getattr(found, self.supports.owner))
            target = self.supports.withdraw(token)
            return render(
                request, "goals/contributions/withdrawn.html", {"target": target, "pages": self}
            )

        return ask, confirm, withdraw

    def _page(self, request, target, token, just_confirmed=False):
        return render(
            request,
            "goals/contributions/supported.html",
            {
                "target": target,
                "pages": self,
                "count": self.supports.count(target),
                "withdraw_url": reverse(f"{self.url_name}-withdraw", args=[token]),
                "just_confirmed": just_confirmed,
                "open": self.is_open(target),
            },
        )

    def _broken(self, request):
        return confirmation.problem(
            request,
            "Dieser Link ist nicht mehr gültig",
            f"Er ist unvollständig, älter als {confirmation.valid_for().days} Tage oder die "
            f"Unterstützung wurde zurückgezogen. Sie können {self.this} auf der Seite neu "
            "unterstützen.",
            status=404,
            back=("Zum Dialog", reverse("dialog:phases")),
        )

    def _over(self, request, target):
        return confirmation.problem(
            request,
            "Die Phase ist beendet",
            f"Unterstützungen lassen sich nur ändern, {self.while_open}. Der Beitrag bleibt "
            "sichtbar und wird beantwortet.",
            back=(f"Zurück zu „{target}“", target.get_absolute_url()),
        )
