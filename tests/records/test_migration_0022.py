"""Migration 0022 copies the records filed before as cases with free-text details."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from backend.migrate import upgrade

CASE = (
    "INSERT INTO cases (number, kind, status, department_code, text, occurred_on, anonymous, "
    "pin_failures, channel, street_needed, return_count, version, created_at, updated_at, "
    "details) VALUES (:number, 'dishonesty_record', 'routed', 'fgw', :text, :day, 0, 0, 'api', "
    "0, 0, 1, '2026-11-27 02:00:00.000000', '2026-11-27 02:00:00.000000', :details)"
)


def test_old_records_become_reported_records_of_their_filing_unit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0021")
    engine = create_engine(url)
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO departments (code, name_zh, name_en, kind, active) VALUES "
                "('czj', '区财政局', 'District Finance Bureau', 'department', 1), "
                "('fgw', '区发展改革委', 'District DRC', 'department', 1)"
            )
        )
        details = (
            '{"person": "王某", "unit": "区财政局", "finding": "disciplinary_sanction", '
            '"document_number": "红纪发〔2026〕12号", "filed_by_unit": "czj"}'
        )
        db.execute(
            text(CASE), {"number": "HQ-1", "text": "记录", "day": "2026-11-20", "details": details}
        )
        db.execute(
            text(CASE), {"number": "HQ-2", "text": "旧记录", "day": "2026-11-21", "details": None}
        )
    upgrade(url)
    with engine.connect() as db:
        rows = db.execute(
            text(
                "SELECT person_name, department_code, filed_by_department, finding_type, "
                "document_number, arisen_on, severity, state, reported_on "
                "FROM dishonesty_records ORDER BY case_id"
            )
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (
            "王某",
            "czj",
            "czj",
            "sanction",
            "红纪发〔2026〕12号",
            "2026-11-20",
            None,
            "reported",
            "2026-11-27",
        ),
        ("", "fgw", "fgw", "sanction", None, "2026-11-21", None, "reported", "2026-11-27"),
    ]
