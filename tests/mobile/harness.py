"""Drive a real flet Session in-process: no browser, no Flutter.

The client is played by hand: the register response, UPDATE_CONTROL_PROPS
(`session.apply_patch`) and CONTROL_EVENT (`session.dispatch_event`). Every message goes
through the web transport's msgpack encoder, because encoding records the snapshots that
later diffs rely on. Private flet API: valid for the pinned flet==1.0.5.
"""

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import flet as ft
import msgpack
from flet.components.public_utils import unwrap_component
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    RegisterClientResponseBody,
    configure_encode_object_for_msgpack,
)
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

from mobile.routes import BROWSER_PAGE, TAB_VIEW, TABS

WAIT_SECONDS = 5.0
BUTTONS = (ft.Button, ft.OutlinedButton, ft.TextButton, ft.IconButton)


def screen_of(view: ft.View, tab: str, shown: str) -> str:
    """The path of the screen a View draws: its key, without the times it was renewed (the
    five tabs share one: `tab` says which, as the top View's tab bar does; a browser's one
    page draws the screen the session `shown`)."""
    key = view.route.split("#", 1)[0]
    return tab if key == TAB_VIEW else shown if key == BROWSER_PAGE else key


class RecordingConnection(Connection):
    """Encodes each message like the web transport and keeps what the client would get."""

    def __init__(self) -> None:
        super().__init__()
        self.pubsubhub = PubSubHub()
        self.messages: list[Any] = []
        self.on_invoke: Callable[[dict[str, Any]], None] = lambda body: None

    def send_message(self, message: Message) -> None:
        raw = msgpack.packb(
            [message.action, message.body],
            default=configure_encode_object_for_msgpack(BaseControl),
        )
        action, body = msgpack.unpackb(raw, raw=False, strict_map_key=False)
        self.messages.append([action, body])
        if action == MessageAction.INVOKE_METHOD.value:
            self.on_invoke(body)


@dataclass(frozen=True)
class Invoked:
    """A method of a page service (FilePicker, Share…) or of a View the app called, as the
    client got it."""

    service: str
    method: str
    args: dict[str, Any]


# What the client answers when the test says nothing: the share sheet was used, a save
# dialog closed without a choice (web: the browser downloads, the client answers None).
DEFAULT_ANSWERS: dict[str, tuple[Any, str | None]] = {
    "share_files": ({"status": "success", "raw": ""}, None),
}


def text_of(control: Any) -> str:
    """The visible text of a control's content (a string or a Text), else ''."""
    content = getattr(control, "content", None)
    if isinstance(content, str):
        return content
    if isinstance(content, ft.Text):
        return content.value or ""
    if isinstance(content, ft.KeyboardListener):  # a screen's heading, and its focus node
        return text_of(content)
    return ""


def text_of_title(tile: Any) -> str:
    """A list row's title: a ListTile's, or the first text of a tappable row (widgets.tile)."""
    if isinstance(tile, ft.ListTile):
        title = tile.title
        return title if isinstance(title, str) else getattr(title, "value", "") or ""
    row = getattr(tile, "content", None)
    for item in getattr(row, "controls", []):
        first = item.controls[0] if isinstance(item, ft.Column) and item.controls else item
        if isinstance(first, ft.Text):
            return first.value or ""
    return ""


def label_of(field: ft.TextField) -> str:
    """A text field's label: its own, or the text above it (widgets.labelled)."""
    if isinstance(field.label, str):
        return field.label
    column = field.parent
    above = column.controls[0] if isinstance(column, ft.Column) and column.controls else None
    return above.value or "" if isinstance(above, ft.Text) else ""


def run(body: Callable[[], Awaitable[None]]) -> None:
    """`asyncio.run(body())` in a thread of its own.

    Another plugin may keep a loop running in the test's thread (Playwright's sync API
    does, for the browser tests of the same pytest run), where asyncio.run would refuse.
    """
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(body())).result()


class Harness:
    """`async with Harness(main) as h:` one phone-sized page on the given platform."""

    def __init__(
        self,
        main: Callable[[ft.Page], Any],
        platform: ft.PagePlatform = ft.PagePlatform.ANDROID,
        width: int = 412,
        height: int = 915,
        route: str = "/",
        web: bool = False,
    ) -> None:
        self.main, self.platform, self.size = main, platform, (width, height)
        self.route, self.web = route, web
        self.invoked: list[Invoked] = []
        self.focused: list[ft.Control] = []  # each control asked for the focus, in turn
        self.unanswered: set[str] = set()  # methods the client never answers (it has gone)
        self.answers: dict[str, tuple[Any, str | None]] = dict(DEFAULT_ANSWERS)

    async def __aenter__(self) -> "Harness":
        self.conn = RecordingConnection()
        self.conn.loop = asyncio.get_running_loop()
        self.conn.page_url = "http://127.0.0.1:8550"
        self.conn.executor = ThreadPoolExecutor(2)
        self.conn.on_invoke = self._answer_service
        self.session = Session(self.conn)
        self.page: ft.Page = self.session.page
        self._answered = 0
        self.address: list[str] = [self.route]
        self._token = _context_page.set(self.page)
        width, height = self.size
        self.session.apply_page_patch(
            {
                "platform": self.platform.value,
                "web": self.web,
                "width": width,
                "height": height,
                "route": self.route,
            }
        )
        self.conn.send_message(
            Message(
                MessageAction.REGISTER_CLIENT,
                RegisterClientResponseBody(
                    session_id=self.session.id, page_patch=self.session.get_page_patch(), error=""
                ),
            )
        )
        result = self.main(self.page)
        if asyncio.iscoroutine(result):
            await result
        await self.session.after_event(self.page)
        await self.settle()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.session.close()
        await asyncio.sleep(0)
        self.conn.executor.shutdown(wait=False)
        _context_page.reset(self._token)

    # --- finding mounted controls -----------------------------------------------------------
    def views(self) -> list[ft.View]:
        """The view stack, bottom first (the Router's components unwrapped)."""
        return [unwrap_component(view) for view in unwrap_component(self.page.views)]

    def top(self) -> ft.View:
        """The View on top of the stack: the screen the person sees."""
        return self.views()[-1]

    def stack(self) -> list[str]:
        """The screens of the view stack, bottom first, read from each View's key."""
        views = self.views()
        bar = views[-1].navigation_bar
        tab = str(TABS[int(bar.selected_index or 0)][0]) if bar is not None else ""
        shown = self.page.views.args[0].nav.shown  # Root(app, client)
        return [screen_of(view, tab, shown) for view in views]

    def _on_top(self, control: Any) -> bool:
        """Whether the control is drawn in the top View (or in a dialog)."""
        top, node = self.top(), control
        while node is not None:
            if node is top or isinstance(node, ft.DialogControl):
                return True
            if isinstance(node, ft.View):
                return False
            node = node.parent
        return False

    def all(self, cls: type = BaseControl, pred: Callable[[Any], bool] = lambda c: True) -> list:
        return [
            c
            for c in list(self.session.index.values())
            if isinstance(c, cls) and pred(c) and self._on_top(c)
        ]

    def one(self, cls: type, pred: Callable[[Any], bool] = lambda c: True) -> Any:
        found = self.all(cls, pred)
        assert len(found) == 1, f"{cls.__name__}: {len(found)} matches"
        return found[0]

    def field(self, label: str) -> ft.TextField:
        return self.one(ft.TextField, lambda c: label_of(c) == label)

    def buttons(self, text: str) -> list:
        return self.all(BUTTONS, lambda c: text_of(c) == text)

    def button(self, text: str) -> Any:
        found = self.buttons(text)
        assert len(found) == 1, f"button {text!r}: {len(found)} matches"
        return found[0]

    def tile(self, title: str) -> Any:
        return self.one((ft.ListTile, ft.TextButton), lambda c: text_of_title(c) == title)

    def texts(self) -> list[str]:
        return [c.value for c in self.all(ft.Text) if c.visible and isinstance(c.value, str)]

    def has_text(self, text: str) -> bool:
        return text in self.texts()

    def open_dialogs(self, cls: type = ft.DialogControl) -> list:
        return [d for d in self.page._dialogs.controls if isinstance(d, cls) and d.open]

    # --- what the client sends ----------------------------------------------------------------
    async def event(self, control: BaseControl, name: str, data: Any = None) -> list:
        """CONTROL_EVENT; returns the messages sent back while it was handled."""
        sent = len(self.conn.messages)
        await self.session.dispatch_event(control._i, name, data)
        await self.settle()
        return self.conn.messages[sent:]

    async def settle(self) -> None:
        """Let scheduled redraws run, and play the client's part in them."""
        for _ in range(3):
            await asyncio.sleep(0.01)
            await self._answer_route_pushes()
            await self._dismiss_closed_dialogs()

    async def _answer_route_pushes(self) -> None:
        """What Flutter does on `push_route`: the address changes, then a route change event."""
        while self._answered < len(self.conn.messages):
            action, body = self.conn.messages[self._answered]
            self._answered += 1
            if action == MessageAction.INVOKE_METHOD.value and body.get("name") == "push_route":
                self.session.handle_invoke_method_results(
                    body["control_id"], body["call_id"], None, None
                )
                route = body["args"]["route"]
                self.address.append(route)
                await self.session.dispatch_event(self.page._i, "route_change", {"route": route})

    def _answer_service(self, body: dict[str, Any]) -> None:
        """What Flutter's services, a View asked about a pop and a control asked for the
        focus answer, a moment later: `answers[method]` (result, error). The page's own
        methods (the address) are followed by `address`, the focus by `focused`."""
        service = self.session.index.get(body["control_id"])
        if service is None or isinstance(service, ft.Page):
            return
        if body["name"] == "focus":
            self.focused.append(service)
        else:
            self.invoked.append(Invoked(type(service).__name__, body["name"], body["args"]))
        if body["name"] in self.unanswered:
            return
        result, error = self.answers.get(body["name"], (None, None))
        self.conn.loop.call_soon(
            self.session.handle_invoke_method_results,
            body["control_id"],
            body["call_id"],
            result,
            error,
        )

    async def back(self) -> None:
        """The Android back button or the iOS swipe, as Flutter sends it: a View that may not
        be popped is asked (`confirm_pop`); a page above another is popped (`view_pop`); the
        last page closes the app (nothing is sent)."""
        top = self.top()
        if not top.can_pop:
            await self.session.dispatch_event(top._i, "confirm_pop", None)
        elif len(self.views()) > 1:
            await self.session.dispatch_event(self.page._i, "view_pop", {"route": top.route})
        await self.settle()

    async def browser_back(self) -> None:
        """The browser's Back: the address before this one, as a route change."""
        self.address.pop()
        await self.session.dispatch_event(self.page._i, "route_change", {"route": self.address[-1]})
        await self.settle()

    async def leave(self) -> None:
        """The tab closes (or reloads): Flet keeps the session for a reconnection."""
        await self.session.disconnect(900)
        await self.settle()

    async def come_back(self) -> None:
        """A client registers again with the session's id, at the address it shows."""
        self.session.apply_page_patch({"route": self.address[-1]})
        await self.session.connect(self.conn)
        await self.settle()

    async def _dismiss_closed_dialogs(self) -> None:
        """What Flutter reports once a closed dialog has left the screen."""
        for closed in [d for d in self.page._dialogs.controls if not d.open]:
            await self.session.dispatch_event(closed._i, "dismiss", None)

    async def click(self, control: BaseControl) -> list:
        return await self.event(control, "click")

    async def set_value(self, control: BaseControl, value: Any, event: str = "change") -> list:
        """UPDATE_CONTROL_PROPS then the event, as when the user types or ticks."""
        self.session.apply_patch(control._i, {"value": value})
        return await self.event(control, event)

    async def select_tab(self, label: str) -> list:
        nav = self.top().navigation_bar
        assert nav is not None, "no navigation bar"
        index = [d.label for d in nav.destinations].index(label)
        self.session.apply_patch(nav._i, {"selected_index": index})
        return await self.event(nav, "change")

    async def wait_for(self, found: Callable[[], Any], what: str = "") -> Any:
        """Poll until `found()` is truthy (handlers run the domain in a thread)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_SECONDS
        while not (result := found()):
            assert loop.time() < deadline, f"still not shown: {what}"
            await asyncio.sleep(0.01)
        return result

    async def wait_text(self, text: str) -> None:
        await self.wait_for(lambda: self.has_text(text), text)
