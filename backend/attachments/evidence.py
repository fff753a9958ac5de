"""Evidence files of a case as staff read them: the list, one file, and how it is served.

A file is served only to whom the case is visible (the caller passes a case it got through
`get_case`, which answers NotFound for a clerk of another unit). Its bytes are never trusted
to be what their declared type says: only raster images of an allow-list are served as
themselves, inline; everything else (HTML, SVG, PDF, ...) as `application/octet-stream`, to
be downloaded. Every answer forbids sniffing and carries a policy under which even a
browser that rendered it would run nothing (`default-src 'none'; sandbox`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fastapi.responses import Response
from sqlmodel import Session, col, select

from backend.actors import Actor, refuse_evaluator
from backend.attachments.names import file_name_of
from backend.attachments.store import ContentStore
from backend.cases.models import Attachment, Case
from backend.cases.queries import get_case
from backend.errors import NotFound

# Raster images a browser shows without running anything; SVG is no raster (it runs script).
INLINE_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
DOWNLOAD_TYPE = "application/octet-stream"
FILE_POLICY = "default-src 'none'; sandbox"


@dataclass(frozen=True)
class EvidenceFile:
    """One file ready to serve: its bytes and the headers that make serving it safe."""

    data: bytes
    media_type: str
    headers: dict[str, str]


def attachments_of(*, session: Session, case: Case) -> list[Attachment]:
    """Return a case's evidence files, oldest first."""
    statement = (
        select(Attachment).where(Attachment.case_id == case.id).order_by(col(Attachment.id))
    )
    return list(session.exec(statement).all())


def is_inline_image(content_type: str) -> bool:
    """Return whether a declared type is a raster image the console shows inline."""
    return content_type.split(";")[0].strip().lower() in INLINE_IMAGES


def evidence_file(
    *, session: Session, store: ContentStore, case: Case, attachment_id: int
) -> EvidenceFile:
    """Return one evidence file of a visible case, with safe headers; NotFound otherwise.

    NotFound also when the id is another case's or the bytes are gone from the store.
    """
    row = session.get(Attachment, attachment_id)
    if row is None or row.case_id != case.id:
        raise NotFound(f"attachment {attachment_id}")
    try:
        data = store.get(row.sha256)
    except (FileNotFoundError, ValueError):
        raise NotFound(f"attachment {attachment_id}") from None
    inline = is_inline_image(row.content_type)
    media_type = row.content_type.split(";")[0].strip().lower() if inline else DOWNLOAD_TYPE
    return EvidenceFile(data=data, media_type=media_type, headers=safe_headers(row, inline))


def evidence_response(
    *,
    session: Session,
    data_dir: Path,
    number: str,
    actor: Actor,
    attachment_id: int,
    lead_office: str | None = None,
) -> Response:
    """Return the answer serving one evidence file of a case the actor may see.

    The API and the console both serve files through it. Raises NotFound for a case the
    actor may not see, an attachment of another case, or bytes gone from the store.
    """
    case = get_case(session=session, number=number, actor=actor, lead_office=lead_office)
    refuse_evaluator(actor, "open evidence files (they may show the reporter)")
    store = ContentStore.under(data_dir)
    found = evidence_file(session=session, store=store, case=case, attachment_id=attachment_id)
    return Response(found.data, media_type=found.media_type, headers=found.headers)


def safe_headers(row: Attachment, inline: bool) -> dict[str, str]:
    """Return a served file's headers: disposition, no sniffing, a policy that runs nothing."""
    disposition = "inline" if inline else "attachment"
    name = quote(file_name_of(row), safe="")
    return {
        "Content-Disposition": f"{disposition}; filename*=UTF-8''{name}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": FILE_POLICY,
        "Cache-Control": "private, no-store",
    }
