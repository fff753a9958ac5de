"""Pydantic's refusals of a malformed request, said in the caller's language.

Pydantic words its errors in English, and a length bound on an annotated text field
(`StorableStr` with `max_length`) comes out as "Value should have at most 2000 items after
validation, not 300000". Each error `type` named here gets its words in Chinese and English
(the English ones keep pydantic's phrasing where it was clear); any other type keeps
pydantic's own message. The placeholders are the error's `ctx` (ge, le, max_length, ...).
"""

from __future__ import annotations

from typing import Any

_TEXTS: dict[str, tuple[str, str | None]] = {
    # type: (Chinese, English or None for pydantic's own message)
    "missing": ("缺少这一项", None),
    "extra_forbidden": ("不是这个请求的字段", None),
    "string_type": ("须为文字", None),
    "int_type": ("须为整数", None),
    "int_parsing": ("须为整数", None),
    "int_from_float": ("须为整数", None),
    "float_type": ("须为数字", None),
    "float_parsing": ("须为数字", None),
    "finite_number": ("须为有限的数字", None),
    "bool_type": ("须为 true 或 false", None),
    "bool_parsing": ("须为 true 或 false", None),
    "dict_type": ("须为 JSON 对象", None),
    "model_type": ("须为 JSON 对象", None),
    "model_attributes_type": ("须为 JSON 对象", None),
    "list_type": ("须为列表", None),
    "greater_than_equal": ("不能小于 {ge}", None),
    "less_than_equal": ("不能大于 {le}", None),
    "greater_than": ("须大于 {gt}", None),
    "less_than": ("须小于 {lt}", None),
    "string_too_short": ("至少 {min_length} 个字符", None),
    "string_too_long": ("最多 {max_length} 个字符", None),
    "too_short": ("至少 {min_length} 个字符", "Text should have at least {min_length} characters"),
    "too_long": ("最多 {max_length} 个字符", "Text should have at most {max_length} characters"),
    "literal_error": ("只能是 {expected}", None),
    "enum": ("只能是 {expected}", None),
    "json_invalid": ("不是有效的 JSON", "Not valid JSON"),
    "string_pattern_mismatch": ("格式不对", None),
    # Our own rules' types (backend.api.params, backend.storable): their English is our own.
    "bad_date": ("不是日期，请写成 YYYY-MM-DD", None),
    "date_out_of_range": ("须在 {first} 到 {last} 之间", None),
    "bad_cursor": ("不是这个列表的翻页游标", None),
    "unstorable_text": ("含有无法保存的字符（NUL 或不成对的代理字符）", None),
}
# Lists keep pydantic's "items"; only a text bound by an annotated length reads as characters.
_TEXT_BOUNDS = ("too_short", "too_long")


def field_message(error: dict[str, Any], language: str) -> str:
    """Return the message of one pydantic error (a dict of `errors()`) in the language."""
    kind = error.get("type", "")
    own = str(error.get("msg", ""))
    context = dict(error.get("ctx") or {})
    if kind in _TEXT_BOUNDS and context.get("field_type") not in (None, "Value"):
        return own  # a list, a set: pydantic's "items" is right
    texts = _TEXTS.get(kind)
    if texts is None:
        return own
    chinese, english = texts
    template = chinese if language == "zh" else english
    if template is None:
        return own
    if "expected" in context and language == "zh":
        context["expected"] = str(context["expected"]).replace(" or ", ", ")
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return own
