"""The landing page after sign-in (the queues come here next)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backend.console.deps import ConsoleUser
from backend.console.rendering import render_page

router = APIRouter()


@router.get("/", response_class=HTMLResponse, name="home")
def home_page(request: Request, user: ConsoleUser) -> HTMLResponse:
    """Show the signed-in staff member's start page."""
    return render_page(request, "home.html")
