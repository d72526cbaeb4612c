"""The floor of the web measures: a NavigationBar of two tabs and a text, nothing else.

Started like the app: FLET_FORCE_WEB_SERVER=true FLET_SERVER_IP=127.0.0.1
FLET_SERVER_PORT=<port> FLET_WEB_NO_CDN=true python tests/bench/hello_app.py
"""

import flet as ft

TABS = ("Un", "Deux")


def text_for(index: int) -> str:
    return f"Bonjour, écran {index + 1}"


def main(page: ft.Page) -> None:
    page.title = "Hello"
    text = ft.Text(text_for(0))

    def changed(event: ft.Event[ft.NavigationBar]) -> None:
        text.value = text_for(int(event.control.selected_index or 0))

    page.navigation_bar = ft.NavigationBar(
        selected_index=0,
        on_change=changed,
        destinations=[
            ft.NavigationBarDestination(label=TABS[0], icon=ft.Icons.HOME),
            ft.NavigationBarDestination(label=TABS[1], icon=ft.Icons.STAR),
        ],
    )
    page.add(text)


if __name__ == "__main__":
    ft.run(main)
