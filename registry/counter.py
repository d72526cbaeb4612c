"""The counter's page, a small Flet app served by the registry: agent sign-in, then the check.

A scanner that types the QR code's reference and presses Enter submits the reference field.
"""

from collections.abc import Callable

import fastapi
import flet as ft
import flet_web.fastapi as flet_fastapi

from registry.context import Registry
from registry.counter_state import CounterState
from shared import strings

VALID_COLOUR, NONE_COLOUR = "#1B5E20", "#B71C1C"


def _field(state: CounterState, name: str, label: str, **options: object) -> ft.TextField:
    return ft.TextField(
        label=label,
        value=state.kept.get(name, ""),
        error=state.problem(name),
        error_max_lines=3,
        **options,  # type: ignore[arg-type]
    )


def _sign_in(state: CounterState, redraw: Callable[[], None]) -> list[ft.Control]:
    identifiant = _field(state, "identifiant", strings.AGENT_ID_LABEL, autofocus=True)
    password = _field(state, "mot_de_passe", strings.AGENT_PASSWORD_LABEL, password=True)

    def submit(_: object = None) -> None:
        state.sign_in(identifiant.value or "", password.value or "")
        redraw()

    identifiant.on_submit = password.on_submit = submit
    return [
        ft.Text(strings.COUNTER_SIGN_IN_TITLE, theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
        identifiant,
        password,
        ft.FilledButton(strings.AGENT_SIGN_IN, icon=ft.Icons.LOGIN, on_click=submit),
    ]


def _answer(state: CounterState) -> list[ft.Control]:
    verdict = state.verdict
    if verdict is None:
        return []
    big = ft.Text(
        verdict.message,
        size=34,
        weight=ft.FontWeight.BOLD,
        color=VALID_COLOUR if verdict.valid else NONE_COLOUR,
    )
    lines = [ft.Text(line, size=20) for line in state.answer_lines()]
    return [ft.Semantics(content=ft.Column([big, *lines]), live_region=True, container=True)]


def _check(state: CounterState, redraw: Callable[[], None]) -> list[ft.Control]:
    reference = _field(
        state,
        "reference",
        strings.COUNTER_REFERENCE_LABEL,
        hint_text=strings.COUNTER_REFERENCE_HINT,
        autofocus=True,
        capitalization=ft.TextCapitalization.CHARACTERS,
    )
    nir = _field(state, "nir", strings.COUNTER_NIR_LABEL)
    nom = _field(state, "nom", strings.COUNTER_NOM_LABEL)
    prenom = _field(state, "prenom", strings.COUNTER_PRENOM_LABEL)
    born = _field(
        state, "date_naissance", strings.COUNTER_BIRTH_LABEL, hint_text=strings.BIRTH_HINT
    )

    def by_reference(_: object = None) -> None:
        state.check_reference(reference.value or "")
        redraw()

    def by_identity(_: object = None) -> None:
        state.check_identity(nir.value or "", nom.value or "", prenom.value or "", born.value or "")
        redraw()

    def sign_out(_: object) -> None:
        state.sign_out()
        redraw()

    reference.on_submit = by_reference
    for control in (nir, nom, prenom, born):
        control.on_submit = by_identity
    return [
        ft.Row(
            [ft.OutlinedButton(strings.AGENT_SIGN_OUT, icon=ft.Icons.LOGOUT, on_click=sign_out)],
            alignment=ft.MainAxisAlignment.END,
        ),
        *_answer(state),
        ft.Text(strings.COUNTER_BY_REFERENCE, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        reference,
        ft.FilledButton(
            strings.COUNTER_CHECK_REFERENCE, icon=ft.Icons.SEARCH, on_click=by_reference
        ),
        ft.Divider(),
        ft.Text(strings.COUNTER_BY_IDENTITY, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        nir,
        nom,
        prenom,
        born,
        ft.FilledButton(
            strings.COUNTER_CHECK_IDENTITY, icon=ft.Icons.PERSON_SEARCH, on_click=by_identity
        ),
    ]


def counter_main(registry: Registry) -> Callable[[ft.Page], None]:
    """The per-session entry point: each browser tab is one agent's own CounterState."""

    def main(page: ft.Page) -> None:
        page.title = strings.COUNTER_TITLE
        page.locale_configuration = ft.LocaleConfiguration(
            supported_locales=[ft.Locale("fr", "FR")], current_locale=ft.Locale("fr", "FR")
        )
        page.scroll = ft.ScrollMode.AUTO
        # Standard density: a desktop browser would otherwise shrink the 48 px touch targets.
        page.theme = ft.Theme(use_material3=True, visual_density=ft.VisualDensity.STANDARD)
        state = CounterState(registry)
        body = ft.Column(spacing=16, width=560)

        def redraw() -> None:
            body.controls = [
                ft.Text(strings.COUNTER_TITLE, theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM),
                ft.Text(state.message, color=NONE_COLOUR) if state.message else ft.Container(),
                *(_check(state, redraw) if state.token else _sign_in(state, redraw)),
            ]
            page.update()

        page.add(ft.Container(body, padding=24, alignment=ft.Alignment.TOP_CENTER))
        redraw()

    return main


def mount_counter(app: fastapi.FastAPI, registry: Registry) -> None:
    """Serve the counter page at / of the registry's app (after the /v1 routes)."""
    page_app = flet_fastapi.app(counter_main(registry), no_cdn=True)
    # The page's own app brings API documents of its own: only the registry's are served.
    page_app.router.routes = [
        r
        for r in page_app.router.routes
        if getattr(r, "path", "")
        not in ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")
    ]
    app.mount("/", page_app)
