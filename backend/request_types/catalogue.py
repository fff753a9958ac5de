"""Request types (诉求类型) and the cue words that detect them in a text (a config file)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from backend.errors import ConfigError


class RequestType(StrEnum):
    """What a citizen asks for, after the 12345 hotline practice."""

    inquiry = "inquiry"  # 咨询: a question, answered
    help = "help"  # 求助: a request for help
    complaint = "complaint"  # 投诉: something wrong done to the reporter
    report = "report"  # 举报: wrongdoing reported (corruption, fraud)
    suggestion = "suggestion"  # 建议: acknowledged and passed on


REQUEST_TYPES = tuple(t.value for t in RequestType)
TypeName = Literal["inquiry", "help", "complaint", "report", "suggestion"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeCues(_Entry):
    """One type: its names and the words that point to it."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    weight: int = Field(default=1, ge=1, le=10)
    cues: tuple[str, ...] = ()


class RequestTypes(_Entry):
    """The whole file: every type, the default, and the order that breaks ties."""

    version: Literal[1] = 1
    default: TypeName = "complaint"
    precedence: tuple[TypeName, ...]
    types: dict[TypeName, TypeCues]

    @model_validator(mode="after")
    def _complete(self) -> RequestTypes:
        missing = set(REQUEST_TYPES) - set(self.types)
        if missing:
            raise ValueError(f"types: missing {', '.join(sorted(missing))}")
        if sorted(self.precedence) != sorted(REQUEST_TYPES):
            raise ValueError("precedence must name every type once")
        return self

    def classify(self, text: str) -> RequestType:
        """Return the type a text reads as: the most cue weight wins, ties by precedence."""
        lowered = text.lower()
        scores = {
            name: entry.weight * sum(1 for cue in entry.cues if cue.lower() in lowered)
            for name, entry in self.types.items()
        }
        best = max(scores.values())
        if best == 0:
            return RequestType(self.default)
        return RequestType(next(name for name in self.precedence if scores[name] == best))

    def name(self, request_type: str, language: str) -> str:
        """Return a type's name in a language (Chinese unless English is asked for)."""
        entries = {str(k): v for k, v in self.types.items()}
        entry = entries[RequestType(request_type).value]
        return entry.en if language == "en" else entry.zh


DEFAULT_FILE = Path(__file__).resolve().parents[2] / "dialogs" / "config" / "request_types.yaml"


def default_request_types() -> RequestTypes:
    """Return the request types shipped with the project (dialogs/config)."""
    return load_request_types(DEFAULT_FILE)


def load_request_types(path: Path) -> RequestTypes:
    """Read the request-types file; raise ConfigError naming the file and the problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: bad YAML: {getattr(exc, 'problem', exc)}") from None
    try:
        return RequestTypes.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "request types"
        raise ConfigError(f"{path}: {field}: {error['msg']}") from None
