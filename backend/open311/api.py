"""The Open311 GeoReport v2 endpoints under /open311/v2/, in JSON and XML.

Thin: each reads its parameters, calls one function of this package and renders the
document in the format its suffix names. Refusals answer the specification's error list.
These routes are left out of the admin API's OpenAPI document: the GeoReport v2
specification (wiki.open311.org/GeoReport_v2) is their documentation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, FastAPI, Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from backend.api.deps import ContainerDep, ReadSessionDep, SessionDep
from backend.bootstrap import Container
from backend.languages import preferred_language
from backend.messages import render as message
from backend.open311.catalogue import definition, list_services
from backend.open311.errors import Open311Error, refusal
from backend.open311.filing import check_jurisdiction, file_request
from backend.open311.listing import find_requests, read_query
from backend.open311.render import format_of, render
from backend.query_strings import undecodable_parameter
from backend.storable import printable

PREFIX = "/open311/v2"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
MAX_FIELDS = 1000  # fields of one form, as Starlette's form parser allows
CHANGESET = "2026-11-30T00:00:00+08:00"  # when this endpoint's behaviour last changed


# A query that is no UTF-8 is refused by the app's own dependency (backend.query_strings),
# as Open311's error list (backend.api.errors); a form body by `_check_utf8` below.
router = APIRouter(prefix=PREFIX, include_in_schema=False)


def open311_language(request: Request) -> str:
    """Return en when Accept-Language prefers English, else zh (the district's language)."""
    return preferred_language(request.headers.get("accept-language"), default="zh")


def fmt_of(request: Request) -> str:
    """Return the format the resource's suffix names; xml (the required one) when unknown."""
    suffix = request.url.path.rsplit(".", 1)[-1] if "." in request.url.path else ""
    return format_of(suffix) or "xml"


async def parameters(request: Request) -> dict[str, str]:
    """Return the query's parameters, and a POST's form fields over them (text fields only).

    A POST's body is a form (GeoReport v2): form-encoded, or multipart without files; with no
    body at all, the query holds everything. Refused (400, the error list): a body in another
    format (JSON, text; read as a form it would seem to lack its api_key), an uploaded file
    (`media_url` links a photo; a file would be dropped unseen), and a field given twice in
    one place (`service_code=a&service_code=b`: neither is guessed at). A list attribute's
    `attribute[code][]` repeats by design.
    """
    fields = _once(request.query_params.multi_items())
    if request.method != "POST":
        return fields
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("application/x-www-form-urlencoded"):
        fields.update(_urlencoded(await request.body()))
        return fields
    if not content_type.startswith("multipart/form-data"):
        if not content_type and not await request.body():
            return fields
        raise Open311Error(400, "open311_bad_form")
    try:
        async with request.form() as form:  # closes any uploaded file, which is not read
            items = form.multi_items()
    except HTTPException as exc:
        if exc.status_code != 400:  # a body past the limit stays the API's 413
            raise
        raise Open311Error(400, "open311_bad_form") from None
    if any(isinstance(value, UploadFile) for _, value in items):
        raise Open311Error(400, "open311_no_uploads")
    fields.update(_once((key, str(value)) for key, value in items))
    return fields


def _once(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return the fields as a dict, refusing one given twice (`open311_repeated_field`)."""
    fields: dict[str, str] = {}
    for key, value in pairs:
        if key in fields and not key.endswith("[]"):
            raise Open311Error(400, "open311_repeated_field", field=printable(key, 40))
        fields[key] = value
    return fields


def _urlencoded(body: bytes) -> dict[str, str]:
    """Return the fields of a form-encoded body read as UTF-8, %-escaped or not; last wins.

    Starlette's form parser reads bytes sent as they are (`curl -d 'description=区里…'`) as
    Latin-1 and would file that mojibake; here both forms are UTF-8, and a field of other
    bytes is refused (`open311_bad_encoding`), too many fields as a bad form.
    """
    _check_utf8(body)
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise Open311Error(400, "open311_bad_form") from None
    return _once(pairs)


def _check_utf8(body: bytes) -> None:
    """Refuse form-encoded fields not in UTF-8 (400 `open311_bad_encoding`, naming the field).

    Starlette's form parser would put U+FFFD in place of the bytes and file that text; the
    caller is told which field to send again instead (tester report, bad-input item 5). The
    same rule as for a query string (`backend.query_strings`).
    """
    field = undecodable_parameter(body)
    if field is not None:
        raise Open311Error(400, "open311_bad_encoding", field=field)


Language = Annotated[str, Depends(open311_language)]
Fields = Annotated[dict[str, str], Depends(parameters)]


def _format(fmt: str) -> str:
    known = format_of(fmt)
    if known is None:
        raise Open311Error(404, "open311_not_found", value=f"*.{fmt[:10]}")
    return known


@router.get("/discovery.{fmt}")
def discovery(fmt: str, request: Request, language: Language) -> Response:
    """Describe this endpoint: specification, address, formats, how to get a key."""
    fmt = _format(fmt)
    url = str(request.base_url).rstrip("/") + PREFIX
    document = {
        "changeset": CHANGESET,
        "contact": message("open311_contact", language),
        "key_service": message("open311_key_service", language),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(document, root="discovery", fmt=fmt)


@router.get("/services.{fmt}")
def services(fmt: str, container: ContainerDep, fields: Fields, language: Language) -> Response:
    """List the services: one per complaint category."""
    fmt = _format(fmt)
    check_jurisdiction(fields, _jurisdiction(container))
    document = list_services(taxonomy=container.case_env.taxonomy, language=language)
    return render(document, root="services", fmt=fmt)


@router.get("/services/{service_code}.{fmt}")
def service_definition(
    service_code: str, fmt: str, container: ContainerDep, fields: Fields, language: Language
) -> Response:
    """Define one service: its attributes (the street, when it happened)."""
    fmt = _format(fmt)
    check_jurisdiction(fields, _jurisdiction(container))
    taxonomy = container.case_env.taxonomy
    document = definition(taxonomy=taxonomy, service_code=service_code, language=language)
    return render(document, root="service_definition", fmt=fmt)


@router.post("/requests.{fmt}")
def create_request(
    fmt: str,
    request: Request,
    session: SessionDep,
    container: ContainerDep,
    fields: Fields,
    language: Language,
) -> Response:
    """File a service request (form-encoded, api_key required) as a case."""
    fmt = _format(fmt)
    filed = file_request(
        session=session,
        fields=fields,
        env=container.case_env,
        language=language,
        jurisdiction=_jurisdiction(container),
        idempotency_key=request.headers.get("idempotency-key"),
    )
    answer: dict[str, Any] = {
        "service_request_id": filed.receipt.case.number,
        "service_notice": filed.notice,
        "account_id": filed.account_id,
    }
    if filed.receipt.pin is not None:
        answer["pin"] = filed.receipt.pin  # our one extra field: anonymous reports only
    answered = render([answer], root="service_requests", fmt=fmt)
    if filed.receipt.replayed:
        answered.headers["Idempotent-Replayed"] = "true"
    return answered


@router.get("/requests.{fmt}")
def requests(
    fmt: str, session: ReadSessionDep, container: ContainerDep, fields: Fields, language: Language
) -> Response:
    """Query service requests: by ids, or by service, status and date window."""
    fmt = _format(fmt)
    check_jurisdiction(fields, _jurisdiction(container))
    env = container.case_env
    zone = ZoneInfo(env.timezone)
    query = read_query(fields, taxonomy=env.taxonomy, zone=zone, now=env.clock.now())
    found = find_requests(
        session=session, query=query, taxonomy=env.taxonomy, language=language, zone=zone
    )
    return render(found, root="service_requests", fmt=fmt)


@router.get("/requests/{service_request_id}.{fmt}")
def request(
    service_request_id: str,
    fmt: str,
    session: ReadSessionDep,
    container: ContainerDep,
    fields: Fields,
    language: Language,
) -> Response:
    """Return one service request (as a list of one, as the specification has it)."""
    fmt = _format(fmt)
    check_jurisdiction(fields, _jurisdiction(container))
    if "," in service_request_id:  # one request here; several are asked of GET requests
        raise Open311Error(404, "open311_request_unknown", value=service_request_id[:40])
    env = container.case_env
    zone = ZoneInfo(env.timezone)
    query = read_query(
        {"service_request_id": service_request_id},
        taxonomy=env.taxonomy,
        zone=zone,
        now=env.clock.now(),
    )
    found = find_requests(
        session=session, query=query, taxonomy=env.taxonomy, language=language, zone=zone
    )
    if not found:
        raise Open311Error(404, "open311_request_unknown", value=service_request_id[:40])
    return render(found, root="service_requests", fmt=fmt)


@router.api_route("/{rest:path}", methods=["GET", "POST"])
def unknown(rest: str) -> Response:
    """Answer any other address under /open311/v2/ with the error list (404)."""
    raise Open311Error(404, "open311_not_found", value=rest[:60])


def _jurisdiction(container: Container) -> str:
    return container.case_env.taxonomy.district.code


def mount_open311(app: FastAPI) -> None:
    """Add the Open311 routes and their refusals (the error list) to an app."""
    app.include_router(router)

    @app.exception_handler(Open311Error)
    async def _refused(request: Request, exc: Open311Error) -> Response:
        return refusal(exc, fmt=fmt_of(request), language=open311_language(request))
