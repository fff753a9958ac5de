"""The language switch: a small form in every page's header, remembered in a cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from backend.console import cookies
from backend.console.pages.navigation import local_path, see_other
from backend.console.texts import DEFAULT_LANGUAGE, LANGUAGES

router = APIRouter()


@router.post("/language", name="language")
def switch_language(
    request: Request,
    language: Annotated[str, Form(max_length=8)] = DEFAULT_LANGUAGE,
    next_path: Annotated[str, Form(alias="next", max_length=2000)] = "",
) -> RedirectResponse:
    """Remember the chosen language and go back to the page the switch was on."""
    response = see_other(local_path(next_path))
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    cookies.set_cookie(
        response, request, cookies.LANGUAGE, chosen, max_age=cookies.LANGUAGE_MAX_AGE
    )
    return response
