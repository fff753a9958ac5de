"""/metrics: the Prometheus text format, for internal addresses and, when set, a token.

Who may read it (decided here, documented in the README's "Metrics"):
- the client's address must be in INTAKE_METRICS_NETWORKS (default: loopback only), and a
  request that came through a proxy (it carries X-Forwarded-For, X-Real-IP or Forwarded)
  counts as one from outside whatever address it came from: the public site's proxy never
  passes /metrics on by mistake. Refused: 403.
- when INTAKE_METRICS_TOKEN is set, `Authorization: Bearer <token>` is needed as well
  (compared in constant time). Refused: 401 with WWW-Authenticate.

/metrics is not behind the admission gate (`backend.api.admission`): it must answer while
the app sheds load, which is when it is looked at. Its database reads use a connection of
their own (`backend.observability.reader`), never one the admitted requests need.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from ipaddress import ip_address

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from backend.api.deps import get_language
from backend.bootstrap import Container
from backend.messages import render
from backend.observability.http import RequestObserver
from backend.observability.metrics import BusinessCollector, RequestMetrics
from backend.observability.reader import make_reader_engine
from backend.settings import Settings

METRICS_PATH = "/metrics"
PROXY_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded")


class Observability:
    """What an app needs to observe itself: its registry and the reader engine (opened late)."""

    def __init__(self, container: Container) -> None:
        self.container = container
        self.registry = CollectorRegistry()
        self.requests = RequestMetrics(self.registry)
        self._reader: Engine | None = None
        self.registry.register(BusinessCollector(container, self.reader))

    def reader(self) -> Engine:
        """Return the read-only engine of the business figures (opened on the first scrape)."""
        if self._reader is None:
            url = self.container.settings.database_url
            database = make_url(url).database
            in_memory = url.startswith("sqlite") and database in (None, "", ":memory:")
            # An in-memory database exists in its one engine only.
            self._reader = self.container.engine if in_memory else make_reader_engine(url)
        return self._reader

    def close(self) -> None:
        """Close the reader engine's connection (at the app's shutdown)."""
        if self._reader is not None and self._reader is not self.container.engine:
            self._reader.dispose()
        self._reader = None


def install_observability(app: FastAPI, container: Container) -> Observability:
    """Add the request middleware and /metrics to the app; return what its lifespan closes.

    Call it after every other `add_middleware`: the middleware must be the outermost.
    """
    observability = Observability(container)
    app.add_middleware(RequestObserver, metrics=observability.requests)
    app.add_api_route(
        METRICS_PATH,
        metrics_endpoint(observability.registry, container.settings),
        methods=["GET"],
        include_in_schema=False,
    )
    return observability


def metrics_endpoint(
    registry: CollectorRegistry, settings: Settings
) -> Callable[[Request], Response]:
    """Return the /metrics endpoint (a plain function: the scrape runs on a worker thread)."""

    def metrics(request: Request) -> Response:
        """Answer the metrics in the Prometheus text format, to those allowed to read them."""
        refusal = refuse(request, settings)
        if refusal is not None:
            return refusal
        # The format the scraper asks for (Accept): Prometheus text 0.0.4, or OpenMetrics.
        encode, content_type = choose_encoder(request.headers.get("accept", ""))
        return Response(encode(registry), headers={"Content-Type": content_type})

    return metrics


def refuse(request: Request, settings: Settings) -> Response | None:
    """Return the refusal of a request that may not read the metrics, or None."""
    language = get_language(request)
    if not internal_client(request, settings):
        return _refusal(403, "metrics_forbidden", language)
    token = settings.metrics_token
    if token is not None:
        scheme, _, sent = request.headers.get("authorization", "").partition(" ")
        expected = token.get_secret_value().encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), expected):
            return _refusal(
                401, "metrics_token_required", language, {"WWW-Authenticate": "Bearer"}
            )
    return None


def internal_client(request: Request, settings: Settings) -> bool:
    """Return whether the request came straight from an address of INTAKE_METRICS_NETWORKS.

    A Unix socket (no client address) is the machine itself.
    """
    if any(name in request.headers for name in PROXY_HEADERS):
        return False
    if request.client is None:
        return True
    try:
        address = ip_address(request.client.host)
    except ValueError:
        return False
    if address.version == 6 and address.ipv4_mapped is not None:  # ::ffff:127.0.0.1
        address = address.ipv4_mapped
    return any(address in network for network in settings.metrics_networks)


def _refusal(
    status: int, code: str, language: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"detail": render(code, language), "code": code}
    return JSONResponse(body, status_code=status, headers=headers)
