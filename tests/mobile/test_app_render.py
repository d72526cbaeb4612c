"""The real app on a 412×915 Android page, driven through its controls in-process."""

from typing import Any

import flet as ft

from mobile.layout import BAR_INSET, SCREEN_MARGIN
from mobile.routes import TABS, Route
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.errors import SignInRefused
from tests.mobile.harness import BUTTONS, Harness, Invoked, run, text_of, text_of_title

SEED_TABS = [
    "Accueil",
    "Mes paiements",
    "Mes démarches",
    "Mon espace prévention",
    "Mes informations",
]
# Granted on 15/06/2024 (the fixtures' clock): valid until 15/07/2024.
INFO_ROW = "Accordée à M. DUPONT - jusqu'au 15/07/2024"
FLOW_STACK = [
    Route.DEMARCHES,
    Route.PROCURATION,
    Route.MANDATAIRE,
    Route.RECAP,
]


async def sign_in(h: Harness, nir: str = ALEXIS_NIR, code: str = ALEXIS_CODE) -> None:
    await h.set_value(h.field(strings.NIR_LABEL), nir)
    await h.set_value(h.field(strings.CODE_LABEL), code)
    await h.click(h.button(strings.SIGN_IN_BUTTON))
    await h.wait_for(lambda: h.top().navigation_bar, "the navigation bar")


async def open_procuration(h: Harness) -> None:
    await h.select_tab(strings.TAB_DEMARCHES)
    await h.click(h.tile("Faire ou révoquer une procuration en ligne"))


async def fill_form(h: Harness) -> None:
    """Principles → « Je démarre ma demande » → the form, typed field by field."""
    await h.click(h.button("Je démarre ma demande"))
    await h.wait_for(lambda: h.all(ft.RadioGroup), "the mandataire form")
    assert h.button(strings.NEXT).disabled is True
    await h.set_value(h.one(ft.RadioGroup), "Monsieur")
    for label, value in ((strings.NOM_LABEL, "Dupont"), (strings.PRENOM_LABEL, "Martin")):
        await h.set_value(h.field(label), value)
        assert h.button(strings.NEXT).disabled is True, label
    await h.set_value(h.field(strings.BIRTH_LABEL), "20/09/1970")
    assert h.button(strings.NEXT).disabled is False


async def reach_recap(h: Harness) -> None:
    await open_procuration(h)
    await fill_form(h)
    await h.click(h.button(strings.NEXT))
    await h.wait_text(strings.STEP_RECAP)


async def grant(h: Harness) -> None:
    await reach_recap(h)
    await h.set_value(h.one(ft.Checkbox), True)
    await h.click(h.button(strings.VALIDATE))
    await h.wait_text(strings.CONFIRM_TITLE)


def dialog(h: Harness) -> ft.AlertDialog:
    [shown] = h.open_dialogs(ft.AlertDialog)
    return shown


def title_of(shown: ft.AlertDialog) -> str:
    [title] = [c.content for c in shown.title.controls if isinstance(c, ft.Semantics)]
    return title.value


def action(shown: ft.AlertDialog, text: str) -> Any:
    [found] = [a for a in shown.actions if text_of(a) == text]
    return found


def close_button(shown: ft.AlertDialog) -> ft.IconButton:
    [found] = [c for c in shown.title.controls if isinstance(c, ft.IconButton)]
    return found


# --- sign-in ---------------------------------------------------------------------------------
def test_the_sign_in_screen_asks_for_the_nir_and_the_code(phone):
    async def body() -> None:
        async with phone() as h:
            assert (h.page.platform, h.page.width, h.page.height) == (
                ft.PagePlatform.ANDROID,
                412,
                915,
            )
            assert h.page.title == strings.APP_TITLE
            assert h.field(strings.NIR_LABEL).password is False
            assert h.field(strings.CODE_LABEL).password is True
            assert h.button("Me connecter").disabled is False
            assert h.button("S'identifier avec FranceConnect")
            assert h.top().navigation_bar is None
            assert h.stack() == [Route.SIGN_IN]

    run(body)


def test_the_desktop_preview_is_a_phone_sized_window(phone):
    async def body() -> None:
        async with phone() as h:
            assert (h.page.window.width, h.page.window.height) == (412, 915)
            assert h.page.title == "Procuration en ligne"

    run(body)


def test_signing_in_shows_the_five_tabs_and_deconnexion(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            nav = h.top().navigation_bar
            assert [d.label for d in nav.destinations] == SEED_TABS
            assert nav.selected_index == 0
            assert h.has_text("Bonjour Alexis")
            assert h.button("Déconnexion")
            assert h.stack() == [Route.HOME]
            assert h.address[-1] == Route.HOME, "Connexion was shown at the page's address"

    run(body)


def test_a_refused_code_shows_the_message_and_keeps_the_typed_nir(phone):
    async def body() -> None:
        async with phone() as h:
            await h.set_value(h.field(strings.NIR_LABEL), ALEXIS_NIR)
            await h.set_value(h.field(strings.CODE_LABEL), "00000000")
            await h.click(h.button(strings.SIGN_IN_BUTTON))
            await h.wait_text(SignInRefused(tries_left=4).message)
            assert h.top().navigation_bar is None
            assert h.field(strings.NIR_LABEL).value == ALEXIS_NIR

    run(body)


def test_deconnexion_leaves_an_empty_sign_in_screen(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.click(h.button("Déconnexion"))
            await h.wait_for(lambda: h.top().navigation_bar is None, "the sign-in screen")
            assert h.field(strings.NIR_LABEL).value in ("", None)
            assert h.top().appbar is None
            assert h.address[-1] == Route.SIGN_IN

    run(body)


def test_the_idle_watcher_signs_the_phone_out(phone, clock, monkeypatch):
    monkeypatch.setattr("mobile.app.IDLE_CHECK_SECONDS", 0.01)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            clock.advance(minutes=15, seconds=1)
            await h.wait_text(strings.SESSION_EXPIRED)
            assert h.top().navigation_bar is None
            assert h.field(strings.CODE_LABEL)

    run(body)


def test_an_idle_sign_out_closes_the_revoke_dialog(phone, clock, monkeypatch):
    monkeypatch.setattr("mobile.app.IDLE_CHECK_SECONDS", 0.01)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            await h.select_tab("Mes informations")
            await h.click(h.button("Révoquer"))
            assert dialog(h)
            clock.advance(minutes=15, seconds=1)
            await h.wait_text(strings.SESSION_EXPIRED)
            await h.settle()
            assert h.open_dialogs(ft.AlertDialog) == []

    run(body)


def test_franceconnect_explains_it_is_not_offered_and_signs_nobody_in(phone):
    async def body() -> None:
        async with phone() as h:
            await h.click(h.button("S'identifier avec FranceConnect"))
            shown = dialog(h)
            assert shown.content.value == strings.FRANCECONNECT_UNAVAILABLE
            await h.click(close_button(shown))
            assert h.open_dialogs(ft.AlertDialog) == []
            assert h.top().navigation_bar is None
            assert h.field(strings.NIR_LABEL)

    run(body)


# --- the view stack: every Back steps back one screen -------------------------------------------
def test_the_request_stacks_its_steps_above_mes_demarches(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            assert h.stack() == FLOW_STACK
            assert h.address[-1] == Route.RECAP

    run(body)


def test_a_view_pop_at_every_level_goes_back_one_screen_keeping_the_form(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            await h.set_value(h.one(ft.Checkbox), True)
            for expected in reversed(FLOW_STACK[:-1]):
                await h.back()
                assert h.stack()[-1] == expected, h.stack()
                assert h.address[-1] == expected
                if expected == Route.MANDATAIRE:
                    assert h.field(strings.NOM_LABEL).value == "Dupont"
            await h.back()
            assert h.stack() == [Route.HOME], "a tab's Back: Accueil"
            assert h.address[-1] == Route.HOME
            await open_procuration(h)
            await h.click(h.button("Je démarre ma demande"))
            assert h.field(strings.PRENOM_LABEL).value == "Martin", "the draft is kept"
            await h.click(h.button(strings.NEXT))
            assert h.one(ft.Checkbox).value is False, "the certification is asked again"

    run(body)


def test_the_system_back_on_a_tab_shows_accueil_in_its_place(phone):
    """A tab is the root of its stack: Flutter asks its View, which keeps its page (it would
    close the app) and shows Accueil there; from Accueil, the system back leaves the app."""

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            assert h.top().can_pop, "Accueil: the app closes, as on any Android home screen"
            page = keys(h)
            for route, label in TABS[1:]:
                await h.select_tab(label)
                assert not h.top().can_pop
                h.invoked.clear()
                await h.back()
                assert h.stack() == [Route.HOME] and h.address[-1] == Route.HOME, route
                assert keys(h) == page, "the same page, patched"
                assert h.invoked == [Invoked("View", "confirm_pop", {"should_pop": False})]

    run(body)


def test_the_app_bar_title_lines_up_with_the_screen_where_there_is_no_arrow(phone):
    """Accueil has no « Écran précédent »: its title starts where the content does, not at
    the bar's own inset beside where the arrow would be."""

    def title_inset(h: Harness) -> float:
        title = h.top().appbar.title
        assert isinstance(title, ft.ResponsiveRow)
        return title.controls[0].padding.left

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            assert title_inset(h) == SCREEN_MARGIN
            await h.select_tab(strings.TAB_PAYMENTS)
            assert title_inset(h) == BAR_INSET

    run(body)


def keys(h: Harness) -> list[str]:
    """The keys of the view stack's Views: Flutter's page keys."""
    return [view.route for view in h.views()]


def test_a_tab_replaces_a_tab_in_place_and_uncovers_no_page(phone):
    """A tab patches the tabs' one page; going down the stack by a tab, the app bar's arrow
    or the browser's Back gives the page a new key (Flutter would animate the one above out
    for 300 ms first); only a view pop (Flutter already took the page away) keeps it."""

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            tabs = keys(h)
            for tab in (strings.TAB_PAYMENTS, strings.TAB_DEMARCHES, strings.TAB_HOME):
                await h.select_tab(tab)
                assert keys(h) == tabs, "one page for the five tabs, patched"
            await open_procuration(h)
            await h.select_tab(strings.TAB_PREVENTION)
            [renewed] = keys(h)
            assert renewed != tabs[0], "down the stack by a tab: the tabs' page anew"
            await open_procuration(h)
            await h.click(h.button("Je démarre ma demande"))
            below = keys(h)[:-1]
            label = strings.PREVIOUS_SCREEN
            arrow = h.one(ft.IconButton, lambda b: b.icon.semantics_label == label)
            await h.click(arrow)
            assert h.stack()[-1] == Route.PROCURATION
            assert keys(h)[:-1] == below[:-1] and keys(h)[-1] != below[-1]
            await h.browser_back()
            assert h.stack()[-1] == Route.MANDATAIRE
            before_pop = keys(h)
            await h.back()
            assert keys(h) == before_pop[:-1], "a view pop keeps the page under it"

    run(body)


def test_only_the_top_page_and_the_one_a_back_uncovers_are_drawn(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            drawn = [bool(view.controls) for view in h.views()]
            assert drawn == [False, False, True, True], "recap, and the form under it"
            assert h.views()[-2].navigation_bar is not None
            await h.back()
            assert [bool(view.controls) for view in h.views()] == [False, True, True]
            assert h.field(strings.NOM_LABEL).value == "Dupont"

    run(body)


def test_in_a_browser_one_page_is_patched_from_screen_to_screen(services):
    """Every Back of a browser goes through the server: the stack is one page, its bars kept,
    and each move draws the new screen in it (no page pushed)."""
    from mobile.app import make_main

    def ids(h: Harness) -> list[tuple[int, int, int]]:
        return [(v._i, v.appbar._i, v.navigation_bar._i) for v in h.views()]

    async def body() -> None:
        async with Harness(make_main(services), web=True) as h:
            await sign_in(h)
            page = ids(h)
            assert len(page) == 1
            await reach_recap(h)
            assert ids(h) == page
            assert h.stack() == [Route.RECAP]
            await h.browser_back()
            assert ids(h) == page
            assert h.stack() == [Route.MANDATAIRE]
            assert h.field(strings.NOM_LABEL).value == "Dupont"
            await h.select_tab(strings.TAB_INFORMATIONS)
            assert ids(h) == page
            assert h.stack() == [Route.INFORMATIONS]

    run(body)


def test_back_from_the_confirmation_shows_the_procuration_not_a_recap(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            assert h.stack()[-1] == Route.CONFIRMATION
            procuration_page = keys(h)[1]
            await h.back()
            assert h.stack()[-1] == Route.PROCURATION
            # Flutter uncovered the recap: the procuration's page is drawn anew over it, not
            # popped to (which would show the recap for 300 ms).
            assert keys(h)[-1] != procuration_page
            assert h.buttons(strings.WANT_REVOKE)
            assert not h.buttons(strings.VALIDATE)
            await h.browser_back()
            assert not h.buttons(strings.VALIDATE)

    run(body)


def test_the_browser_back_with_a_dialog_open_closes_it_first(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            await h.click(h.tile("Commander une carte Vitale"))
            assert dialog(h)
            await h.browser_back()
            assert h.open_dialogs(ft.AlertDialog) == []
            assert h.stack()[-1] == Route.DEMARCHES
            assert h.address[-1] == Route.DEMARCHES

    run(body)


def test_an_account_address_opened_signed_out_shows_connexion_then_that_screen(services):
    from mobile.app import make_main

    async def body() -> None:
        async with Harness(make_main(services), route=Route.INFORMATIONS, web=True) as h:
            assert h.stack() == [Route.SIGN_IN]
            await sign_in(h)
            assert h.stack() == [Route.INFORMATIONS]
            assert h.has_text("ALEXIS")

    run(body)


def test_a_page_that_comes_back_after_a_server_restart_says_why_connexion(services):
    """After a restart the client registers again with the address it was showing."""
    from mobile.app import make_main

    async def body() -> None:
        async with Harness(make_main(services), route=Route.DEMARCHES, web=True) as h:
            assert h.stack() == [Route.SIGN_IN]
            assert h.has_text(strings.SESSION_LOST)

    run(body)


def test_an_unknown_address_shows_page_introuvable_with_a_way_home(services):
    from mobile.app import make_main

    async def body() -> None:
        async with Harness(make_main(services), route="/nulle-part", web=True) as h:
            assert h.has_text(strings.NOT_FOUND_TITLE)
            await h.click(h.button(strings.BACK_HOME))
            assert h.stack() == [Route.SIGN_IN]

    run(body)


def test_after_deconnexion_the_browser_back_shows_no_account_screen(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_INFORMATIONS)
            await h.click(h.button("Déconnexion"))
            await h.browser_back()
            assert h.stack() == [Route.SIGN_IN]
            assert h.field(strings.CODE_LABEL)

    run(body)


# --- Mes démarches and the flow ---------------------------------------------------------------
def test_mes_demarches_lists_the_procuration(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab("Mes démarches")
            assert h.top().navigation_bar.selected_index == 2
            assert h.tile("Faire ou révoquer une procuration en ligne").on_click is not None

    run(body)


def test_a_demarche_not_offered_opens_the_unavailable_dialog_closed_by_its_cross(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            await h.click(h.tile("Commander une carte Vitale"))
            shown = dialog(h)
            assert title_of(shown) == strings.UNAVAILABLE_TITLE
            assert shown.content.value == strings.UNAVAILABLE_TEXT.format(
                nom="Commander une carte Vitale"
            )
            await h.click(close_button(shown))
            assert h.open_dialogs(ft.AlertDialog) == []
            assert h.tile("Faire ou révoquer une procuration en ligne")

    run(body)


def test_the_whole_request_through_the_controls(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await open_procuration(h)
            await h.wait_text(strings.PRINCIPLES[0])
            await fill_form(h)
            await h.click(h.button(strings.NEXT))
            await h.wait_text(strings.STEP_RECAP)
            for value in ("Monsieur", "Dupont", strings.NONE_GIVEN, "Martin", "20/09/1970"):
                assert h.has_text(value), value
            assert h.button("Valider").disabled is True
            box = h.one(ft.Checkbox)
            assert box.label == strings.CERTIFY
            await h.set_value(box, True)
            assert h.button("Valider").disabled is False
            await h.click(h.button("Valider"))
            await h.wait_text(strings.CONFIRM_TITLE)
            for text in (
                strings.CONFIRM_BANNER,
                strings.CONFIRM_TITLE,
                *strings.CONFIRM_LINES,
                strings.RATE_TITLE,
            ):
                assert h.has_text(text), text
            assert h.button("Retour au tableau de bord")

    run(body)


def test_retour_from_the_recap_shows_the_form_filled_in(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            await h.click(h.button(strings.BACK))
            await h.wait_for(lambda: h.all(ft.RadioGroup), "the mandataire form")
            assert h.one(ft.RadioGroup).value == "Monsieur"
            assert h.field(strings.NOM_LABEL).value == "Dupont"
            assert h.field(strings.BIRTH_LABEL).value == "20/09/1970"
            assert h.button(strings.NEXT).disabled is False

    run(body)


def test_a_minor_is_shown_the_seed_message_under_the_birth_date(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await open_procuration(h)
            await fill_form(h)
            await h.set_value(h.field(strings.BIRTH_LABEL), "16/06/2006")
            await h.click(h.button(strings.NEXT))
            await h.wait_text(strings.FORM_SUMMARY)
            assert h.field(strings.BIRTH_LABEL).error == (
                "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"
            )

    run(body)


def test_the_rating_stars_save_the_mark(phone, services, alexis_id):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            four_stars = strings.RATE_STAR.format(n=4)
            [four] = h.all(ft.IconButton, lambda b: b.icon.semantics_label == four_stars)
            await h.click(four)
            await h.wait_text(strings.RATE_SAVED.format(n=4))
            granted = services.current_procuration(alexis_id)
            assert services.rating(granted.id) == 4

    run(body)


# --- revocation -----------------------------------------------------------------------------
def test_mes_informations_shows_the_procuration_and_revokes_it_behind_the_dialog(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            await h.select_tab("Mes informations")
            assert h.has_text(INFO_ROW)

            await h.click(h.button("Révoquer"))
            shown = dialog(h)
            assert title_of(shown) == "Révocation de procuration"
            assert strings.REVOKE_TEXT in shown.content.value
            assert [text_of(a) for a in shown.actions] == ["Retour", "Révoquer"]
            await h.click(action(shown, "Retour"))
            assert h.open_dialogs(ft.AlertDialog) == []
            assert h.has_text(INFO_ROW)

            await h.click(h.button("Révoquer"))
            await h.click(action(dialog(h), "Révoquer"))
            await h.wait_text("Aucune procuration en cours")
            assert not h.has_text(INFO_ROW)
            assert h.has_text(strings.REVOKED_DONE)
            assert h.open_dialogs(ft.AlertDialog) == []

    run(body)


def test_revoking_from_mes_demarches_shows_the_principles(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            await open_procuration(h)
            await h.wait_text(strings.GRANTED_TO.format(qui="Monsieur Dupont Martin"))
            await h.click(h.button(strings.WANT_REVOKE))
            await h.click(action(dialog(h), strings.REVOKE))
            await h.wait_for(lambda: h.buttons(strings.START_REQUEST), "the principles")
            assert h.has_text(strings.REVOKED_DONE)

    run(body)


def test_a_procuration_revoked_on_another_device_is_not_offered_for_revocation(
    phone, services, alexis_id
):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            await open_procuration(h)
            await h.wait_for(lambda: h.buttons(strings.WANT_REVOKE), "the active procuration")
            services.revoke(alexis_id)
            await h.click(h.button(strings.WANT_REVOKE))
            await h.wait_for(lambda: h.buttons(strings.START_REQUEST), "the principles")
            assert h.has_text(strings.ALREADY_ENDED)
            assert h.open_dialogs(ft.AlertDialog) == []

    run(body)


# --- every button can be named --------------------------------------------------------------
def accessible_name(button: Any) -> str:
    """The visible text of a button, its tooltip, else the semantics label of its icon."""
    if text := (text_of(button) or text_of_title(button)).strip():
        return text
    if tooltip := getattr(button, "tooltip", None):
        return str(tooltip)
    icon = getattr(button, "icon", None) or getattr(button, "content", None)
    return (getattr(icon, "semantics_label", None) or "").strip()


def unnamed(h: Harness, where: str) -> list[str]:
    return [
        f"{where}: {type(b).__name__} #{b._i}" for b in h.all(BUTTONS) if not accessible_name(b)
    ]


def test_every_button_of_every_screen_has_a_name(phone):
    async def body() -> None:
        async with phone() as h:
            offenders = unnamed(h, "sign-in")
            await h.click(h.button(strings.WHERE_NIR))
            offenders += unnamed(h, "help dialog")
            await h.click(close_button(dialog(h)))
            await sign_in(h)
            for tab in SEED_TABS:
                await h.select_tab(tab)
                offenders += unnamed(h, tab)
            await open_procuration(h)
            offenders += unnamed(h, "principles")
            await fill_form(h)
            offenders += unnamed(h, "mandataire")
            await h.click(h.button(strings.NEXT))
            await h.wait_text(strings.STEP_RECAP)
            offenders += unnamed(h, "recap")
            await h.set_value(h.one(ft.Checkbox), True)
            await h.click(h.button(strings.VALIDATE))
            await h.wait_text(strings.CONFIRM_TITLE)
            offenders += unnamed(h, "confirmation")
            await h.select_tab("Mes informations")
            offenders += unnamed(h, "informations with a procuration")
            await open_procuration(h)
            offenders += unnamed(h, "procuration active")
            await h.click(h.button(strings.WANT_REVOKE))
            offenders += unnamed(h, "revoke dialog")
            assert offenders == []
            assert all(d.label for d in h.top().navigation_bar.destinations)

    run(body)
