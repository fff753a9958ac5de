"""What the API answers: texts without explicit direction controls, however old the row.

Intake drops direction controls (U+202A-202E, U+2066-2069) from what people type
(`dialogs.parsing.drop_direction_controls`), but rows kept before it did still hold them, and
a client that shows "电话\u202e13812345678" reads the number backwards. Pages clean them where
they are written (`backend.templating.shown`), sheets too (`backend.exports.sheets.cell_text`),
and the API here: every answer body derives from `Answer`, whose serializer cleans each text
it writes, nested models, lists and free-form `details` included; Open311's documents go
through `shown_data`. A text without them is written exactly as kept.
"""

from __future__ import annotations

from typing import Any, ClassVar, get_args

from pydantic import BaseModel, SerializerFunctionWrapHandler, model_serializer

from dialogs.parsing import drop_direction_controls


def shown_data(value: object) -> object:
    """Return data as an answer writes it: each text (a value, never a key) without controls."""
    if isinstance(value, str):
        return drop_direction_controls(value)
    if isinstance(value, dict):
        return {key: shown_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shown_data(item) for item in value]
    if isinstance(value, tuple):
        return tuple(shown_data(item) for item in value)
    return value


class Answer(BaseModel):
    """A body the API answers with: its texts are written without direction controls.

    Each model cleans its own fields once: a field holding answer models (`Answer`, a list
    or an optional of them) is left to their own serializer, so a text is cleaned once
    however deep it sits (walking every level again cost a filing's answer about 1 ms).
    """

    _plain_fields: ClassVar[tuple[str, ...]] = ()  # output keys this model cleans itself

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._plain_fields = tuple(
            info.serialization_alias or info.alias or name
            for name, info in cls.model_fields.items()
            if not _holds_answers(info.annotation)
        )

    # Without a return annotation on purpose: pydantic would take one for the schema of every
    # answer, and the OpenAPI document would describe each field as "anything".
    @model_serializer(mode="wrap")
    def _shown(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data = handler(self)
        if isinstance(data, dict):
            for key in self._plain_fields:
                if key in data:
                    data[key] = shown_data(data[key])
        return data


def _holds_answers(annotation: object) -> bool:
    """Tell whether a field's type is an answer model, or a list or union holding one."""
    if isinstance(annotation, type) and issubclass(annotation, Answer):
        return True
    return any(_holds_answers(arg) for arg in get_args(annotation))
