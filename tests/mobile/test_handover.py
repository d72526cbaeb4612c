"""How the document reaches the person, per platform: what the page's services are asked."""

from pathlib import Path

import flet as ft
import pytest

from mobile.app import make_main
from shared import strings
from shared.reference import format_reference
from shared.services import Services
from tests.mobile.harness import Harness, run
from tests.mobile.test_app_render import grant, open_procuration, sign_in


def reference_file(services: Services, account_id: int) -> str:
    current = services.current_procuration(account_id)
    assert current is not None
    return f"procuration-{format_reference(current.reference)}.pdf"


def page(services: Services, platform: ft.PagePlatform, web: bool = False) -> Harness:
    return Harness(make_main(services), platform, web=web)


@pytest.mark.parametrize("platform", [ft.PagePlatform.ANDROID, ft.PagePlatform.WINDOWS])
def test_on_the_web_the_browser_downloads_the_pdf(services, alexis_id, platform):
    async def body() -> None:
        async with page(services, platform, web=True) as h:
            await sign_in(h)
            await grant(h)
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            [call] = h.invoked
            assert (call.service, call.method) == ("FilePicker", "save_file")
            assert call.args["file_name"] == reference_file(services, alexis_id)
            assert call.args["src_bytes"].startswith(b"%PDF")
            assert not h.has_text(strings.HANDOVER_FAILED)

    run(body)


@pytest.mark.parametrize("platform", [ft.PagePlatform.ANDROID, ft.PagePlatform.IOS])
def test_on_a_phone_the_share_sheet_gets_the_pdf(services, alexis_id, platform):
    async def body() -> None:
        async with page(services, platform) as h:
            await sign_in(h)
            await grant(h)
            await h.select_tab(strings.TAB_INFORMATIONS)
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            [call] = h.invoked
            assert (call.service, call.method) == ("Share", "share_files")
            [shared] = call.args["files"]
            assert shared["name"] == reference_file(services, alexis_id)
            assert shared["mime_type"] == "application/pdf"
            assert shared["data"].startswith(b"%PDF")

    run(body)


def test_in_the_desktop_preview_a_save_dialog_then_the_file_is_written(
    services, alexis_id, tmp_path: Path
):
    chosen = tmp_path / "Documents" / "ma-procuration.pdf"
    chosen.parent.mkdir()

    async def body() -> None:
        async with page(services, ft.PagePlatform.LINUX) as h:
            h.answers["save_file"] = (str(chosen), None)
            await sign_in(h)
            await grant(h)
            await open_procuration(h)
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            [call] = h.invoked
            assert (call.service, call.method) == ("FilePicker", "save_file")
            assert call.args["file_name"] == reference_file(services, alexis_id)
            assert call.args["src_bytes"] is None, "the app writes the bytes itself"
            await h.wait_text(strings.FILE_SAVED.format(chemin=chosen))
            assert chosen.read_bytes().startswith(b"%PDF")

    run(body)


def test_closing_the_desktop_save_dialog_writes_nothing(services, tmp_path: Path):
    async def body() -> None:
        async with page(services, ft.PagePlatform.MACOS) as h:
            await sign_in(h)
            await grant(h)
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            assert [c.method for c in h.invoked] == ["save_file"]
            assert not any(text.startswith("Fichier enregistré") for text in h.texts())
            assert not h.has_text(strings.HANDOVER_FAILED)

    run(body)


def test_a_share_sheet_that_fails_is_the_screen_s_message_and_logs_no_reference(
    services, alexis_id, caplog
):
    async def body() -> None:
        async with page(services, ft.PagePlatform.ANDROID) as h:
            await sign_in(h)
            await grant(h)
            name = reference_file(services, alexis_id)
            h.answers["share_files"] = (None, f"PlatformException: cannot share {name}")
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            await h.wait_text(strings.HANDOVER_FAILED)
            assert "handing the file over failed" in caplog.text
            assert name.removeprefix("procuration-")[:5] not in caplog.text

    run(body)


def test_a_procuration_revoked_elsewhere_offers_no_document(services, alexis_id):
    async def body() -> None:
        async with page(services, ft.PagePlatform.ANDROID) as h:
            await sign_in(h)
            await grant(h)
            services.revoke(alexis_id)
            await h.click(h.button(strings.DOWNLOAD_DOCUMENT))
            await h.wait_text(strings.NO_DOCUMENT)
            assert h.invoked == []
            assert h.buttons(strings.DOWNLOAD_DOCUMENT) == []

    run(body)
