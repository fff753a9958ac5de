"""Refused web-chat requests: a status, a stable code and a message in the user's language."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from backend.errors import UploadRefused
from backend.languages import preferred_language
from dialogs.texts import render

# Uploads refused by the evidence rule (no complaint or record open, or it is full) conflict
# with the dialog's state; those over the daily quota are too many requests until midnight.
UPLOAD_STATUS = {"upload_not_open": 409, "upload_dialog_full": 409, "upload_not_stored": 503}

MESSAGES: dict[str, tuple[str, str]] = {
    "token_missing": (
        "缺少会话令牌，请刷新页面重新开始。",
        "The session token is missing: reload the page to start a chat.",
    ),
    "token_invalid": (
        "会话令牌无效，请刷新页面重新开始。",
        "The session token is not valid: reload the page to start a new chat.",
    ),
    "token_expired": (
        "会话已超过 {days} 天未使用，已经结束：请开始新对话。已提交的案件不受影响。",
        "This chat has not been used for more than {days} days and has ended: start a new "
        "chat. Cases already filed are not affected.",
    ),
    "bad_json": ("请求内容不是有效的 JSON 对象。", "The request body is not a valid JSON object."),
    "json_too_deep": (
        "请求内容的 JSON 嵌套太深，最多 {max} 层。",
        "The request body's JSON is nested too deeply; the limit is {max} levels.",
    ),
    "field_missing": ("缺少字段 {field}。", "Field {field} is missing."),
    "field_invalid": ("字段 {field} 有误：{problem}。", "Field {field} is wrong: {problem}."),
    "unknown_kind": (
        "不支持这种消息类型。可用的类型：{known}。",
        "Unknown message kind. Known kinds: {known}.",
    ),
    "text_empty": ("消息是空的，请输入文字。", "The message is empty: type some text."),
    "text_too_long": (
        "消息太长（{length} 字），最多 {max} 字。",
        "The message is too long ({length} characters); the limit is {max}.",
    ),
    "body_too_large": (
        "请求太大，最多 {max} 字节。",
        "The request is too large; the limit is {max} bytes.",
    ),
    "file_too_large": (
        "文件太大，没有收到：每个不能超过 {mb} MB，请选择更小的文件。",
        "The file is too large and was not received: at most {mb} MB each; choose a smaller one.",
    ),
    "file_empty": (
        "文件是空的（0 字节），没有收到：请选择另一个文件。",
        "The file is empty (0 bytes) and was not received: choose another file.",
    ),
    "not_found": ("没有这个地址。", "There is nothing at this address."),
    "method_not_allowed": (
        "这个地址不支持 {method} 请求。",
        "This address does not take {method} requests.",
    ),
    "busy": ("系统繁忙，请稍后重试。", "The service is busy; please try again in a moment."),
    # The dialog's own apology; the service has logged the failure and rolled back.
    "internal": (render("zh", "error.internal"), render("en", "error.internal")),
}


class WebchatError(Exception):
    """Refuse a request with an HTTP status and a message code."""

    def __init__(
        self, status: int, code: str, *, headers: dict[str, str] | None = None, **params: object
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.headers = headers
        self.params = params

    def message(self, language: str) -> str:
        """Return the message in Chinese or English; a (zh, en) parameter is picked likewise."""
        index = 1 if language == "en" else 0
        params = {
            name: value[index] if isinstance(value, tuple) else value
            for name, value in self.params.items()
        }
        return MESSAGES[self.code][index].format(**params)


def request_language(request: Request) -> str:
    """Return en when the client's Accept-Language prefers English, else zh (the default)."""
    return preferred_language(request.headers.get("accept-language"), default="zh")


def error_response(
    status: int, code: str, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """Return the JSON body every refusal has: a readable detail and a stable code."""
    return JSONResponse(
        status_code=status, content={"detail": detail, "code": code}, headers=headers
    )


def install_webchat_errors(app: FastAPI) -> None:
    """Answer a WebchatError with its JSON message."""

    @app.exception_handler(WebchatError)
    async def _refused(request: Request, exc: WebchatError) -> JSONResponse:
        detail = exc.message(request_language(request))
        return error_response(exc.status, exc.code, detail, exc.headers)

    @app.exception_handler(UploadRefused)
    async def _upload_refused(request: Request, exc: UploadRefused) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        detail = exc.message(request_language(request))
        return error_response(UPLOAD_STATUS.get(exc.code, 429), exc.code, detail, headers)
