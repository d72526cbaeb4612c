"""Look: Material 3, a blue palette, French locale, light and dark, adaptive on iOS."""

import flet as ft

from shared import strings

SEED_BLUE = "#0C419A"


def apply_theme(page: ft.Page) -> None:
    page.title = strings.APP_TITLE
    page.locale_configuration = ft.LocaleConfiguration(
        supported_locales=[ft.Locale("fr", "FR")], current_locale=ft.Locale("fr", "FR")
    )
    # Standard density everywhere: web on a desktop would otherwise shrink touch targets.
    page.theme = ft.Theme(
        color_scheme_seed=SEED_BLUE, use_material3=True, visual_density=ft.VisualDensity.STANDARD
    )
    page.dark_theme = ft.Theme(
        color_scheme_seed=SEED_BLUE, use_material3=True, visual_density=ft.VisualDensity.STANDARD
    )
    page.theme_mode = ft.ThemeMode.SYSTEM
    page.adaptive = page.platform in (ft.PagePlatform.IOS, ft.PagePlatform.MACOS)
    page.padding = 0
