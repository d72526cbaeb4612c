"""Look: Material 3, a blue palette, French locale, light and dark, adaptive on iOS."""

import flet as ft

from shared import strings

SEED_BLUE = "#0C419A"
# A screen appears at once: no slide that keeps the next screen half-drawn for 300 ms (and out
# of the accessibility tree meanwhile). iOS keeps its own, which carries the swipe back.
NO_SLIDE = ft.PageTransitionTheme.NONE
TRANSITIONS = ft.PageTransitionsTheme(
    android=NO_SLIDE,
    linux=NO_SLIDE,
    macos=NO_SLIDE,
    windows=NO_SLIDE,
    ios=ft.PageTransitionTheme.CUPERTINO,
)
# The focus ring (WCAG 2.2: 2.4.7, and 3:1 against what surrounds it): 3 px of ON_SURFACE
# drawn just outside the control, where the surface was; ON_SURFACE on any surface tone is over
# 12:1, light and dark theme alike. Radios, checkboxes and tabs have no border to draw: their
# focus halo is ON_SURFACE at half opacity (over 3:1 on the surface, the control inside it
# still distinct).
FOCUS_RING = ft.BorderSide(3, ft.Colors.ON_SURFACE, stroke_align=ft.BorderSideStrokeAlign.OUTSIDE)
FOCUS_HALO = ft.Colors.with_opacity(0.5, ft.Colors.ON_SURFACE)
_RING = ft.ButtonStyle(side={ft.ControlState.FOCUSED: FOCUS_RING})
_HALO = {ft.ControlState.FOCUSED: FOCUS_HALO}


def _theme() -> ft.Theme:
    """One theme for light and dark (the seed colour makes both schemes)."""
    return ft.Theme(
        color_scheme_seed=SEED_BLUE,
        use_material3=True,
        visual_density=ft.VisualDensity.STANDARD,
        page_transitions=TRANSITIONS,
        button_theme=ft.ButtonTheme(style=_RING),
        filled_button_theme=ft.FilledButtonTheme(style=_RING),
        outlined_button_theme=ft.OutlinedButtonTheme(style=_RING),
        text_button_theme=ft.TextButtonTheme(style=_RING),
        icon_button_theme=ft.IconButtonTheme(style=_RING),
        radio_theme=ft.RadioTheme(overlay_color=_HALO),
        checkbox_theme=ft.CheckboxTheme(overlay_color=_HALO),
        navigation_bar_theme=ft.NavigationBarTheme(overlay_color=_HALO),
    )


def apply_theme(page: ft.Page) -> None:
    page.title = strings.APP_TITLE
    page.locale_configuration = ft.LocaleConfiguration(
        supported_locales=[ft.Locale("fr", "FR")], current_locale=ft.Locale("fr", "FR")
    )
    # Standard density everywhere: web on a desktop would otherwise shrink touch targets.
    page.theme = _theme()
    page.dark_theme = _theme()
    page.theme_mode = ft.ThemeMode.SYSTEM
    page.adaptive = page.platform in (ft.PagePlatform.IOS, ft.PagePlatform.MACOS)
    page.padding = 0
