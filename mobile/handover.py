"""Handing a file (the PDF, the .ics) to the person: the one place that knows the platforms.

On the web the browser downloads it (Flet's FilePicker.save_file with the bytes: the client
clicks a download link); on a phone the system's share sheet opens (Flet's Share), to send it
to the mandataire or save it; in the desktop preview a save dialog asks where, and the bytes
are written there (the app and its window run on the same machine).
"""

from pathlib import Path

import flet as ft

from mobile.offload import offload
from shared import strings
from shared.download import Download


class PageHandover:
    """One per session: the page's file services, created on first use and kept."""

    def __init__(self, page: ft.Page) -> None:
        self.page = page
        self._picker: ft.FilePicker | None = None
        self._share: ft.Share | None = None

    async def give(self, download: Download) -> str | None:
        """Hand the file over; the path it was saved at in the desktop preview, else None."""
        page = self.page
        if page.web:
            await self._file_picker().save_file(file_name=download.name, src_bytes=download.content)
            return None
        if page.platform is not None and page.platform.is_mobile():
            shared = ft.ShareFile.from_bytes(
                download.content, mime_type=download.media_type, name=download.name
            )
            await self._sharing().share_files([shared], subject=download.name)
            return None
        chosen = await self._file_picker().save_file(
            dialog_title=strings.SAVE_DIALOG_TITLE, file_name=download.name
        )
        if not chosen:
            return None  # the person closed the dialog
        await offload(Path(chosen).write_bytes, download.content)
        return chosen

    # A service registers with the page when it is made, and leaves it once unreferenced.
    def _file_picker(self) -> ft.FilePicker:
        if self._picker is None:
            self._picker = ft.FilePicker()
        return self._picker

    def _sharing(self) -> ft.Share:
        if self._share is None:
            self._share = ft.Share()
        return self._share
