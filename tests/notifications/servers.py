"""Real servers for the channels: an SMTP server (aiosmtpd), and one playing the robot services."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Mail:
    """One email as the server took it: the envelope's recipients and the parsed message."""

    rcpt: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        found = self.message.get_body(preferencelist=(subtype,))
        assert found is not None
        return str(found.get_content())  # type: ignore[attr-defined]


class _Keeper:
    def __init__(self, box: list[Mail]) -> None:
        self.box = box
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001,N802
        if address in self.refuse:
            return "550 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001,N802
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.box.append(Mail(list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"


class SmtpServer:
    """An SMTP server on a free port that keeps what it receives."""

    def __init__(
        self,
        login: tuple[str, str] | None = None,
        *,
        tls: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
    ) -> None:
        """`tls`: the server's certificate; offered by STARTTLS (and required before mail
        and AUTH), or from the first byte with `implicit_tls` (port 465 style)."""
        self.mails: list[Mail] = []
        self.logins: list[str] = []
        self.port = free_port()
        self._keeper = _Keeper(self.mails)
        options: dict[str, Any] = {}
        if login is not None:  # AUTH required; over plain SMTP only when no certificate
            options = {
                "authenticator": self._authenticator(login),
                "auth_required": True,
                # aiosmtpd sees TLS only when it came by STARTTLS; an implicit-TLS server
                # speaks nothing else, so its AUTH is over TLS all the same.
                "auth_require_tls": tls is not None and not implicit_tls,
            }
        if tls is not None and implicit_tls:
            options["ssl_context"] = tls
        elif tls is not None:
            options.update(tls_context=tls, require_starttls=True)
        self._controller = Controller(
            self._keeper, hostname="127.0.0.1", port=self.port, **options
        )

    def _authenticator(self, login: tuple[str, str]) -> Any:
        def check(server, session, envelope, mechanism, auth_data):  # noqa: ANN001,ANN202
            user = auth_data.login.decode()
            good = (user, auth_data.password.decode()) == login
            if good:
                self.logins.append(user)
            return AuthResult(success=good)

        return check

    def refuse(self, address: str) -> None:
        """Answer 550 for this recipient from now on."""
        self._keeper.refuse.add(address)

    def start(self) -> None:
        self._controller.start()
        self.running = True

    def stop(self) -> None:
        if getattr(self, "running", False):
            self._controller.stop()
            self.running = False

    def to(self, address: str) -> list[Mail]:
        return [m for m in self.mails if address in m.rcpt]


Answer = tuple[int, Any]  # status, JSON body (a dict) or raw text


@dataclass
class RobotServer:
    """Plays WeCom, DingTalk, Feishu and plain robots: each path its own scripted answers.

    `script[path]` is a list of answers given in turn (the last one again and again);
    without a script the service's success answer is given. Every request is kept.
    """

    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    script: dict[str, list[Answer]] = field(default_factory=dict)
    port: int = 0
    _server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def bodies(self, path: str) -> list[dict[str, Any]]:
        return [body for p, body in self.requests if p.split("?")[0] == path]

    def answer(self, path: str) -> Answer:
        answers = self.script.get(path.split("?")[0])
        if answers:
            return answers.pop(0) if len(answers) > 1 else answers[0]
        if "feishu" in path:
            return 200, {"code": 0, "msg": "success"}
        if "json" in path:
            return 204, ""
        return 200, {"errcode": 0, "errmsg": "ok"}

    def start(self) -> None:
        robots = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                robots.requests.append((self.path, body))
                status, answer = robots.answer(self.path)
                if status == 0:  # hang up without an answer: the message may have arrived
                    self.close_connection = True
                    return
                raw = answer if isinstance(answer, str) else json.dumps(answer)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw.encode())))
                self.end_headers()
                self.wfile.write(raw.encode())

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
