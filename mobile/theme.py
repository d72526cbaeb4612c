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


def apply_theme(page: ft.Page) -> None:
    page.title = strings.APP_TITLE
    page.locale_configuration = ft.LocaleConfiguration(
        supported_locales=[ft.Locale("fr", "FR")], current_locale=ft.Locale("fr", "FR")
    )
    # Standard density everywhere: web on a desktop would otherwise shrink touch targets.
    page.theme = ft.Theme(
        color_scheme_seed=SEED_BLUE,
        use_material3=True,
        visual_density=ft.VisualDensity.STANDARD,
        page_transitions=TRANSITIONS,
    )
    page.dark_theme = ft.Theme(
        color_scheme_seed=SEED_BLUE,
        use_material3=True,
        visual_density=ft.VisualDensity.STANDARD,
        page_transitions=TRANSITIONS,
    )
    page.theme_mode = ft.ThemeMode.SYSTEM
    page.adaptive = page.platform in (ft.PagePlatform.IOS, ft.PagePlatform.MACOS)
    page.padding = 0
