"""`intake chat`: the citizen dialog in a terminal, against the same database as the web."""

from __future__ import annotations

import io
import mimetypes
import re
import secrets
import sys
import threading
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from backend.attachments.store import ContentStore
from backend.backups.in_use import hold_in_use
from backend.bootstrap import build, prepare_database
from backend.conversations.service import ConversationService
from backend.errors import UploadRefused
from backend.storable import printable
from bot.console_files import NotEvidence, evidence_path, read_evidence, size_of
from bot.webchat.conversation import dialog_language
from bot.webchat.files import MAX_UPLOAD_BYTES, StoredFileFetcher, file_kind
from dialogs.flows.common import megabytes
from dialogs.model import Button, ChatRef, FileRef, GeoPoint, Inbound, InboundKind, Outbound
from dialogs.parsing import as_command, normalise

CHANNEL = "console"
# A terminal in bracketed-paste mode marks pasted text, so a pasted complaint of several
# lines is one message, not one message per line (each answered on its own, the rest lost).
BRACKETED_PASTE_ON, BRACKETED_PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
_CHAT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_NUMBER = r"\s*([-+]?\d{1,3}(?:\.\d+)?)\s*"
_LOCATION = re.compile(rf"^loc\s+{_NUMBER}[,，\s]{_NUMBER}$", re.IGNORECASE)

WORDS = {
    "zh": {
        "hello": "会话编号：{chat}（以后继续这段对话：intake chat --chat-id {chat}）\n"
        "输入文字回答；输入数字点按钮；loc 纬度,经度 分享位置；file 路径 发送文件；"
        "/quit 或 Ctrl-D 退出。",
        "no_button": "没有第 {number} 个按钮，请输入 1 到 {count}。",
        "loc_usage": "位置请这样写：loc 39.165,117.159（纬度,经度）",
        "file_usage": "文件请这样发送：file 路径，例如 file ~/照片/现场.jpg",
        "file_unreadable": "读不了这个文件：{path}（{reason}）",
        "file_too_big": "文件太大：{path}，每个不能超过 {mb} MB。",
        "file_empty": "文件是空的：{path}",
        "file_not_regular": "这不是普通文件：{path}（请发送照片、文档等文件）",
        "file_outside": "只能发送 {folder} 里的文件。",
        "share_location": "（{label}：输入 loc 纬度,经度）",
        "share_contact": "（{label}：直接输入电话号码）",
        "bye": "再见。",
    },
    "en": {
        "hello": "Chat id: {chat} (continue this chat later: intake chat --chat-id {chat})\n"
        "Type text to answer; a number taps a button; loc LAT,LON shares a location; "
        "file PATH sends a file; /quit or Ctrl-D leaves.",
        "no_button": "There is no button {number}: type 1 to {count}.",
        "loc_usage": "Write a location as: loc 39.165,117.159 (latitude,longitude)",
        "file_usage": "Send a file as: file PATH, for example file ~/photos/scene.jpg",
        "file_unreadable": "Cannot read the file {path} ({reason})",
        "file_too_big": "The file {path} is too large: at most {mb} MB each.",
        "file_empty": "The file {path} is empty.",
        "file_not_regular": "{path} is not a regular file (send a photo or a document).",
        "file_outside": "Only files in {folder} can be sent.",
        "share_location": "({label}: type loc LAT,LON)",
        "share_contact": "({label}: type the phone number)",
        "bye": "Goodbye.",
    },
}


class Language(StrEnum):
    """The dialog languages."""

    zh = "zh"
    en = "en"


class ConsoleChat:
    """One terminal chat: lines in, replies out, buttons numbered as they were last shown."""

    def __init__(
        self,
        service: ConversationService,
        chat: ChatRef,
        out: TextIO,
        files_from: Path | None = None,
    ) -> None:
        self.service = service
        self.chat = chat
        self.out = out
        self.files_from = files_from  # `file PATH` takes files in this folder only (a kiosk)
        self.language = "zh"
        self.buttons: list[Button] = []

    def say(self, key: str, **params: object) -> None:
        """Print one of the console's own lines in the dialog's language."""
        self.echo(WORDS[self.language][key].format(**params))

    def echo(self, text: str) -> None:
        """Print a line at once (the other end may be a pipe)."""
        self.out.write(text + "\n")
        self.out.flush()

    def send(
        self,
        kind: InboundKind,
        language_hint: str | None = None,
        content: bytes | None = None,
        **fields: Any,
    ) -> None:
        """Hand one event (and an upload's bytes) to the dialog and print what it answers."""
        event_id = f"{self.chat.chat_id}:{secrets.token_hex(8)}"
        inbound = Inbound(
            kind=kind, chat=self.chat, event_id=event_id, language_hint=language_hint, **fields
        )
        try:
            replies = self.service.handle(inbound, content)
        except UploadRefused as refused:
            self.echo(refused.message())
            return
        except Exception:  # noqa: BLE001 - the service logged it; the chat goes on
            self.echo(self.service.error_text(inbound))
            return
        self.language = dialog_language(self.service.container.engine, self.chat)
        self.show(replies)

    def show(self, replies: list[Outbound]) -> None:
        """Print replies with their buttons numbered [1], [2], ... across the whole answer."""
        self.buttons = []
        for reply in replies:
            self.echo(reply.text)
            for row in reply.buttons:
                for button in row:
                    self.buttons.append(button)
                    self.echo(f"  [{len(self.buttons)}] {button.label}")
            if reply.request is not None:
                self.say(f"share_{reply.request.kind}", label=reply.request.label)
        self.echo("")

    def take(self, line: str) -> bool:
        """Act on one typed line; return False when the user leaves."""
        text = line.strip()
        lowered = text.lower()
        if not text:
            return True
        if lowered in ("/quit", "/exit"):
            return False
        if text.isascii() and text.isdigit() and len(text) <= 2 and self.buttons:
            self.tap(int(text))
        elif lowered == "loc" or lowered.startswith("loc "):
            self.locate(text)
        elif lowered == "file" or lowered.startswith("file "):
            self.attach(text[4:].strip().strip("'\""))
        elif text.startswith(("/", "／")) and (command := as_command(text)) is not None:
            self.send("command", command=command[0], args=command[1])
        else:
            self.send("text", text=text)
        return True

    def tap(self, number: int) -> None:
        """Tap the numbered button, or say which numbers there are."""
        if not 1 <= number <= len(self.buttons):
            self.say("no_button", number=number, count=len(self.buttons))
            return
        self.send("button", payload=self.buttons[number - 1].payload)

    def locate(self, text: str) -> None:
        """Share the location typed as `loc LAT,LON`."""
        match = _LOCATION.match(normalise(text))  # ｌｏｃ ３９．１，１１７．２ too
        point = GeoPoint(float(match.group(1)), float(match.group(2))) if match else None
        if point is None or abs(point.latitude) > 90 or abs(point.longitude) > 180:
            self.say("loc_usage")
            return
        self.send("location", location=point)

    def attach(self, raw_path: str) -> None:
        """Hand a file to the dialog as a photo or document (stored by its SHA-256).

        The evidence rule and the day's quota are asked before the file is read; only a
        regular file is read (bot.console_files), in the `--files-from` folder when set.
        """
        if not raw_path:
            self.say("file_usage")
            return
        mb = megabytes(MAX_UPLOAD_BYTES)
        try:
            path = evidence_path(raw_path, self.files_from)
            size = size_of(path)
            if size > MAX_UPLOAD_BYTES:
                raise NotEvidence("file_too_big", path=path)
            self.service.upload_room(self.chat, size)
            data = read_evidence(path, MAX_UPLOAD_BYTES)
        except NotEvidence as refused:
            self.say(refused.key, mb=mb, **refused.params)
            return
        except OSError as exc:
            self.say("file_unreadable", path=path, reason=exc.strerror or type(exc).__name__)
            return
        except UploadRefused as refused:
            self.echo(refused.message())
            return
        if not data:
            self.say("file_empty", path=path)
            return
        guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        kind, media = file_kind(guessed, data)
        name = printable(path.name, 255)  # a name that is not UTF-8 on disk: replacement marks
        file = FileRef(ContentStore.digest_of(data), kind, len(data), media, name)
        self.send(kind, content=data, file=file)


def read_entry(stream: TextIO) -> str:
    """Read what the user entered: a line, or a whole pasted text of several lines.

    Returns "" at the end of the input; the paste marks are taken out.
    """
    entry = stream.readline()
    if PASTE_START in entry:
        while PASTE_END not in entry and (more := stream.readline()):
            entry += more
    return entry.replace(PASTE_START, "").replace(PASTE_END, "") or ("\n" if entry else "")


def chat(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of a new chat, or switch an old one to it."),
    ] = None,
    chat_id: Annotated[
        str | None,
        typer.Option("--chat-id", help="Continue this console chat (printed when it starts)."),
    ] = None,
    files_from: Annotated[
        Path | None,
        typer.Option(
            "--files-from",
            help="Send files from this folder only (a kiosk); a bare name is looked up there.",
            exists=True,
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Talk to the citizen dialog in the terminal (the same database as the web and Telegram)."""
    if chat_id is not None and not _CHAT_ID.match(chat_id):
        raise typer.BadParameter("use 1 to 64 letters, digits, - or _", param_hint="--chat-id")
    container = build(warm_router=False)  # the greeting needs no router: shown sooner
    in_use = hold_in_use(container.settings.database_url)  # kept while the chat runs
    prepare_database(container)
    service = ConversationService(container)
    service.fetchers[CHANNEL] = StoredFileFetcher(service.store)
    chat = ChatRef(CHANNEL, chat_id or secrets.token_hex(6))
    console = ConsoleChat(service, chat, sys.stdout, files_from)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a terminal that cannot show a character
    if isinstance(sys.stdin, io.TextIOWrapper):
        # Bytes that are not UTF-8 arrive as lone surrogates, which the dialog refuses with a
        # message (and `file PATH` still finds such a path), instead of ending the chat.
        sys.stdin.reconfigure(errors="surrogateescape")
    pasting = sys.stdout.isatty() and sys.stdin.isatty()
    if pasting:  # a pasted text comes marked, so its lines stay one message (read_entry)
        console.out.write(BRACKETED_PASTE_ON)
    wanted = lang.value if lang else None
    current = dialog_language(container.engine, console.chat, default="")
    console.language = wanted or current or "zh"
    console.say("hello", chat=console.chat.chat_id)
    if current and wanted and wanted != current:
        console.send("command", command="lang", args=(wanted,))
    else:
        console.send("command", command="start", language_hint=wanted or "zh")
    # The router's dictionary loads while the person reads and types (a route waits for it).
    threading.Thread(target=container.router.warm_up, name="router-warm-up", daemon=True).start()
    try:
        while True:
            console.out.write("> ")
            console.out.flush()
            line = read_entry(sys.stdin)
            if not line or not console.take(line):
                break
    except KeyboardInterrupt:
        console.echo("")
    finally:
        if pasting:
            console.out.write(BRACKETED_PASTE_OFF)
    console.say("bye")
    container.engine.dispose()
    if in_use is not None:
        in_use.close()
