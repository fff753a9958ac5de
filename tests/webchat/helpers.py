"""Drive the web chat like its page does: JSON events in, replies out, buttons by label."""

from __future__ import annotations

import itertools
import re
from typing import Any

from fastapi.testclient import TestClient

_IDS = itertools.count(1)
ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # owned by czj
ENFORCEMENT = "执法队没收了我的三轮车，没有任何手续，也没出示执法证"  # owned by sfj
PARKING = "小区停车位被人私自加了地锁，物业也不管"  # street-level, no street named
XIYUZHUANG = (39.1650, 117.1590)  # the centre of 西于庄街道 (xyz) in the taxonomy


class WebChat:
    """One browser tab: a token, the replies of the last request, every button shown."""

    def __init__(self, client: TestClient, token: str | None = None) -> None:
        self.client = client
        self.token = token
        self.replies: list[dict[str, Any]] = []
        self.shown: list[dict[str, str]] = []
        self.language = "zh"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def start(self, **body: Any) -> dict[str, Any]:
        response = self.client.post("/chat/api/session", json=body or None)
        assert response.status_code == 201, response.text
        answer: dict[str, Any] = response.json()
        self.token = answer["token"]
        self._took(answer)
        return answer

    def post(self, event: dict[str, Any], client_id: str | None = None) -> Any:
        body = {"client_id": client_id or f"m{next(_IDS)}", **event}
        return self.client.post("/chat/api/messages", json=body, headers=self.headers)

    def send(self, event: dict[str, Any], client_id: str | None = None) -> list[dict[str, Any]]:
        response = self.post(event, client_id)
        assert response.status_code == 200, response.text
        self._took(response.json())
        return self.replies

    def say(self, text: str) -> list[dict[str, Any]]:
        return self.send({"kind": "text", "text": text})

    def command(self, name: str, *args: str) -> list[dict[str, Any]]:
        return self.send({"kind": "command", "command": name, "args": list(args)})

    def tap(self, label: str, client_id: str | None = None) -> list[dict[str, Any]]:
        return self.send({"kind": "button", "payload": self.button(label)["payload"]}, client_id)

    def location(self, latitude: float, longitude: float) -> list[dict[str, Any]]:
        return self.send({"kind": "location", "latitude": latitude, "longitude": longitude})

    def upload(
        self, data: bytes, name: str, content_type: str, client_id: str | None = None
    ) -> Any:
        headers = {
            **self.headers,
            "Content-Type": content_type,
            "X-File-Name": name,
            "X-Client-Message-Id": client_id or f"f{next(_IDS)}",
        }
        response = self.client.post("/chat/api/files", content=data, headers=headers)
        if response.status_code == 200:
            self._took(response.json())
        return response

    def updates(self, after: int = 0) -> dict[str, Any]:
        response = self.client.get(f"/chat/api/updates?after={after}", headers=self.headers)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def button(self, label: str) -> dict[str, str]:
        exact = [b for b in reversed(self.shown) if b["label"] == label]
        found = exact or [b for b in reversed(self.shown) if label in b["label"]]
        if not found:
            raise AssertionError(f"no button {label!r}; shown: {[b['label'] for b in self.shown]}")
        return found[0]

    @property
    def text(self) -> str:
        return "\n".join(reply["text"] for reply in self.replies)

    def _took(self, answer: dict[str, Any]) -> None:
        self.replies = answer["replies"]
        self.language = answer["language"]
        self.shown += [b for reply in self.replies for row in reply["buttons"] for b in row]


def file_complaint(chat: WebChat, text: str = ARREARS) -> tuple[str, str | None]:
    """Go through a whole anonymous complaint with a confident route; return number and PIN."""
    chat.command("report")
    chat.say(text)
    chat.tap("✅ 对")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    return receipt(chat.text)


def receipt(text: str) -> tuple[str, str | None]:
    """Return the case number and the PIN (None when named) of a filing reply."""
    number = re.search(r"HQ-\d{6}-\d{4}", text)
    assert number is not None, text
    pin = re.search(r"提取码：(\d{6})", text)
    return number.group(0), pin.group(1) if pin else None
