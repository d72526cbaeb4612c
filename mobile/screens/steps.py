"""The step indicator of the request, as in the seed: « 1 » le mandataire, « 2 » the recap."""

import flet as ft

from mobile.routes import FLOW_STEPS, Route
from shared import strings


def indicator(route: Route) -> ft.Control:
    current = FLOW_STEPS.index(route)
    dots: list[ft.Control] = [
        ft.Container(
            ft.Text(
                str(i + 1),
                color=ft.Colors.ON_PRIMARY if i <= current else None,
                weight=ft.FontWeight.BOLD,
            ),
            width=32,
            height=32,
            border_radius=16,
            alignment=ft.Alignment.CENTER,
            bgcolor=ft.Colors.PRIMARY if i <= current else ft.Colors.SURFACE_CONTAINER_HIGHEST,
        )
        for i in range(len(FLOW_STEPS))
    ]
    return ft.Semantics(
        label=strings.STEP_NAMES[current],
        container=True,
        exclude_semantics=True,
        content=ft.Row(dots, spacing=12),
    )
