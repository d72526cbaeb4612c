"""What one counter session shows and does: plain Python, tested without flet."""

import contextlib
from dataclasses import dataclass, field

from registry import access, checks
from registry.context import Registry
from registry.errors import NotAuthenticated
from shared import strings
from shared.clock import paris_time
from shared.errors import DomainError, InvalidInput
from shared.models import Problem


@dataclass
class CounterState:
    """One agent's page: their token once signed in, the last answer, the problems typed."""

    registry: Registry
    token: str | None = None
    message: str | None = None
    problems: tuple[Problem, ...] = ()
    verdict: checks.Verdict | None = None
    # What was typed, shown again (next to the answer it got, or to its problems).
    kept: dict[str, str] = field(default_factory=dict)

    def problem(self, name: str) -> str | None:
        return next((p.message for p in self.problems if p.field == name), None)

    def sign_in(self, identifiant: str, password: str) -> bool:
        self.message, self.problems, self.kept = None, (), {"identifiant": identifiant}
        try:
            self.token = access.sign_in_agent(self.registry, identifiant, password).value
        except InvalidInput as error:
            self.problems = tuple(error.problems)
            return False
        except DomainError as error:
            self.message = error.message
            return False
        self.kept = {}
        return True

    def sign_out(self) -> None:
        if self.token:
            with contextlib.suppress(NotAuthenticated):
                access.sign_out(self.registry, self.token)
        self.token, self.verdict, self.problems, self.message, self.kept = None, None, (), None, {}

    def check_reference(self, reference: str) -> None:
        self._check(
            {"reference": reference},
            lambda token: checks.by_reference(self.registry, token, reference),
        )

    def check_identity(self, nir: str, nom: str, prenom: str, born: str) -> None:
        typed = {"nir": nir, "nom": nom, "prenom": prenom, "date_naissance": born}
        self._check(
            typed,
            lambda token: checks.by_identity(self.registry, token, nir, nom, prenom, born),
        )

    def _check(self, typed: dict[str, str], run: "checks.Check") -> None:
        self.verdict, self.message, self.problems, self.kept = None, None, (), typed
        try:
            self.verdict = run(self.token)
        except NotAuthenticated as error:
            self.token, self.kept, self.message = None, {}, error.message
        except InvalidInput as error:
            self.problems = tuple(error.problems)
        except DomainError as error:
            self.message = error.message

    def answer_lines(self) -> list[str]:
        """The mandataire's identity to compare with the ID, and when the check was recorded."""
        v = self.verdict
        if v is None or v.mandataire is None:
            return (
                []
                if v is None
                else [strings.COUNTER_RECORDED.format(heure=paris_time(v.checked_at))]
            )
        m = v.mandataire
        values = (
            m.civilite.value,
            m.nom,
            m.nom_usage or strings.NONE_GIVEN,
            m.prenom,
            m.date_naissance.strftime("%d/%m/%Y"),
        )
        rows = [
            f"{label} : {value}"
            for label, value in zip(strings.COUNTER_IDENTITY_LABELS, values, strict=True)
        ]
        return [
            strings.COUNTER_COMPARE,
            *rows,
            strings.COUNTER_RECORDED.format(heure=paris_time(v.checked_at)),
        ]
