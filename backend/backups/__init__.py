"""Backups: `intake db backup` and `intake db restore` (SQLite), the pg_dump advice."""
