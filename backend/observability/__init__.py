"""Observability: Prometheus metrics, structured logs with a request context, backups."""
