"""The step indicator of the procuration flow."""

import flet as ft

from mobile.routes import FLOW_STEPS, Screen
from shared import strings


def indicator(screen: Screen) -> ft.Control:
    current = FLOW_STEPS.index(screen)
    total = len(FLOW_STEPS)
    label = strings.STEP_OF.format(n=current + 1, total=total, name=strings.STEP_NAMES[current])
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
        for i in range(total)
    ]
    return ft.Semantics(
        label=label,
        container=True,
        exclude_semantics=True,
        content=ft.Column([ft.Row(dots, spacing=12), ft.Text(label)], spacing=6),
    )
