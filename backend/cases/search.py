"""Full-text search of case texts through the database's own engine, fed with jieba's words.

A case's text is cut into words once, at intake (`Case.words`: normalised jieba words joined
by spaces, the same cut the similar-case search compares), and the dictionary words inside its
longer words are kept beside them (`Case.subwords`: 执行 of 强制执行, 许可 of 行政许可, as jieba's
search mode finds them; migration 0035). The database indexes both:

- SQLite: an FTS5 table `cases_fts` with `cases` as its external content, kept in step by
  triggers on `cases` (migrations 0025, 0035);
- PostgreSQL: a GIN index on the 'simple' tsvector of both ('simple': no stemming or stop
  words, so it works for any language on every server).

A query is cut the same way; every word of it must begin a word of the text or be a word
inside one (`工程` finds `工程款`, `执行` finds `强制执行`, `拖欠工程款` finds `工程款拖欠至今`).
A query with no word in it (only punctuation) finds nothing. Nothing here scans `cases`:
`LIKE '%…%'` read every text.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, column, event, false, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import NullType
from sqlmodel import Session, col

from backend.cases.models import Case
from backend.cases.numbers import canonical_number
from backend.routing.text import is_word, word_string

FTS_TABLE = "cases_fts"  # SQLite's FTS5 index of cases.words
FTS_INDEX = table(FTS_TABLE, column("rowid"))
PG_INDEX = "ix_cases_words_fts"  # PostgreSQL's GIN index of the same words
# What PostgreSQL indexes and searches: both columns as one text (the index's expression).
PG_TEXT = "coalesce(cases.words, '') || ' ' || coalesce(cases.subwords, '')"
PG_VECTOR = f"to_tsvector('simple', {PG_TEXT})"
INDEXED = ("words", "subwords")  # the columns of SQLite's FTS5 table, in its order
SQLITE_TRIGGERS = ("cases_fts_insert", "cases_fts_delete", "cases_fts_update")
MAX_QUERY_WORDS = 16  # a pasted paragraph is not a search: the first words say enough
BACKFILL_BATCH = 1000
_WORDLIKE = re.compile(r"\w")
_CHINESE_WORD = re.compile(r"[\u4e00-\u9fff]{3,12}")  # longer ones are not dictionary words


def search_words(raw: str) -> str:
    """Return the text cut into normalised jieba words joined by spaces (stored at intake)."""
    return word_string(raw)


def inner_words(words: str) -> str | None:
    """Return the dictionary words inside a text's longer Chinese words, joined by spaces.

    `words`: a text's stored words (`search_words`). A word of 3 to 12 Chinese characters is
    looked into as jieba's search mode does (`cut_for_search`: each 2- and 3-character piece
    the dictionary knows), for pieces of every length, past the word's first character only:
    a piece at its start is found by the prefix search already. Pieces that are words of the
    text already are left out. None when there are none (most texts have a few).
    """
    found: dict[str, None] = {}
    own = set(words.split())
    for word in own:
        if not _CHINESE_WORD.fullmatch(word):
            continue
        for size in range(2, len(word)):
            for start in range(1, len(word) - size + 1):
                piece = word[start : start + size]
                if piece not in own and is_word(piece):
                    found[piece] = None
    return " ".join(sorted(found)) or None


@event.listens_for(Case, "before_insert")
def _cut_at_insert(_mapper: Any, _connection: Any, case: Case) -> None:
    """Cut a case written without its words (intake cuts them before its transaction)."""
    if case.words is None:
        case.words = search_words(case.text)
    if case.subwords is None:
        case.subwords = inner_words(case.words)


def query_words(q: str) -> list[str]:
    """Return the words of a search, as the texts were cut (punctuation left out)."""
    words = [w for w in search_words(q).split() if _WORDLIKE.search(w)]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def fts5_query(words: list[str]) -> str:
    """Return an FTS5 query: every word as the start of a word of the text."""
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def tsquery(words: list[str]) -> str:
    """Return a PostgreSQL tsquery: every word as the start of a lexeme of the text."""
    return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in words)


class WordsMatch(ColumnElement[bool]):
    """WHERE clause: the case's words hold every word of the query (dialect-specific SQL)."""

    type = NullType()  # type: ignore[assignment]  # Boolean would add `= 1` on SQLite
    inherit_cache = False  # the SQL holds the query's words; not worth caching

    def __init__(self, words: list[str], *, joined: bool = False, scanned: bool = False) -> None:
        self.words = words
        self.joined = joined  # SQLite: the statement joins FTS_INDEX (see `walk_index`)
        self.scanned = scanned  # PostgreSQL: tested row by row, not through the GIN index


@compiles(WordsMatch, "sqlite")
def _sqlite_match(element: WordsMatch, compiler: Any, **kw: Any) -> str:
    query = compiler.process(bindparam("fts_query", fts5_query(element.words), unique=True), **kw)
    if element.joined:
        return f"{FTS_TABLE} MATCH {query}"
    return f"cases.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {query})"


@compiles(WordsMatch, "postgresql")
def _postgres_match(element: WordsMatch, compiler: Any, **kw: Any) -> str:
    query = compiler.process(bindparam("ts_query", tsquery(element.words), unique=True), **kw)
    if not element.scanned:
        return f"{PG_VECTOR} @@ to_tsquery('simple', {query})"
    # Row by row (the newest ids of a search): not the index's expression (concat_ws, not
    # ||), so PostgreSQL cannot read the GIN index's whole list of a common word; each word
    # is first looked for as a substring (every lexeme of the text is one, lower-cased as
    # tsquery reads the word), and only a text holding all of them is parsed into its tsvector.
    scanned = "concat_ws(' ', cases.words, cases.subwords)"
    found = [
        f"strpos(lower({scanned}), lower("
        + compiler.process(bindparam("ts_word", word, unique=True), **kw)
        + ")) > 0"
        for word in element.words
    ]
    parsed = f"to_tsvector('simple', {scanned}) @@ to_tsquery('simple', {query})"
    return f"({' AND '.join([*found, parsed])})"


def text_matches(q: str, *, joined: bool = False, scanned: bool = False) -> ColumnElement[bool]:
    """Return a WHERE clause for cases whose text holds every word of the search.

    With `joined`, the statement must join FTS_INDEX as `walk_index` does (SQLite only);
    with `scanned`, PostgreSQL tests each row it reads instead of using the GIN index (for a
    walk of a few thousand newest ids: `backend.cases.queries.SCANNED_IDS`).
    """
    words = query_words(q)
    return WordsMatch(words, joined=joined, scanned=scanned) if words else false()


def can_walk_index(session: Session, q: str | None) -> bool:
    """Tell whether a newest-first page of this search can walk SQLite's index in its order.

    Only there: PostgreSQL chooses by its statistics between its primary key (a common word)
    and the GIN index (a rare one). A case number is matched besides the words, outside it.
    """
    bind = session.get_bind()
    return bool(q) and bind.dialect.name == "sqlite" and canonical_number(q or "") is None


def walk_index(statement: Any, before: int | None) -> tuple[Any, Any]:
    """Join SQLite's FTS index to a statement; return it and its newest-first order.

    SQLite then reads the index's matches newest first and stops after a page, however many
    match, where `id IN (matches)` would collect every match before the first row.
    """
    rowid = FTS_INDEX.c.rowid
    statement = statement.join(FTS_INDEX, rowid == col(Case.id))
    if before is not None:
        statement = statement.where(rowid < before)
    return statement, rowid.desc()


# --- Building the index (migration 0025 and `intake search rebuild`) -------------------------


def _sqlite_schema(columns: tuple[str, ...]) -> tuple[str, ...]:
    """Return the statements creating SQLite's FTS5 table of these columns and its triggers."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {names}) VALUES ('delete', old.id, {old}); "
    )
    insert_new = f"INSERT INTO {FTS_TABLE}(rowid, {names}) VALUES (new.id, {new}); "
    trigger = "CREATE TRIGGER IF NOT EXISTS"
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
        # Prefix indexes of 1 to 4 characters (most jieba words): `"工程"*` then reads its
        # matches newest first and stops after a page; without them FTS5 merges every match.
        f"USING fts5({names}, content='cases', content_rowid='id', prefix='1 2 3 4')",
        f"{trigger} cases_fts_insert AFTER INSERT ON cases BEGIN {insert_new}END",
        f"{trigger} cases_fts_delete AFTER DELETE ON cases BEGIN {delete}END",
        f"{trigger} cases_fts_update AFTER UPDATE OF {names} ON cases "
        f"BEGIN {delete}{insert_new}END",
    )


def create_index(connection: Connection, columns: tuple[str, ...] = INDEXED) -> None:
    """Create the full-text index of cases' words (and, on SQLite, the triggers feeding it).

    `columns`: what it indexes; migration 0025 (and 0035's downgrade) index `words` alone.
    """
    if connection.dialect.name == "sqlite":
        for statement in _sqlite_schema(columns):
            connection.execute(text(statement))
        connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
    else:
        indexed = " || ' ' || ".join(f"coalesce(cases.{c}, '')" for c in columns)
        connection.execute(
            text(
                f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON cases "
                f"USING gin (to_tsvector('simple', {indexed}))"
            )
        )


def drop_index(connection: Connection) -> None:
    """Drop the full-text index (migration 0025's downgrade)."""
    if connection.dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
    else:
        connection.execute(text(f"DROP INDEX IF EXISTS {PG_INDEX}"))


def fill_words(connection: Connection, *, every: bool = False, subwords: bool = True) -> int:
    """Cut the texts of cases without words (or of every case) into words; return how many.

    Their inner words (`inner_words`) are kept with them (not before migration 0035: with
    `subwords` False).
    """
    done, after = 0, 0
    while batch := fill_batch(connection, after=after, every=every, subwords=subwords):
        done, after = done + batch[0], batch[1]
    return done


def fill_batch(
    connection: Connection, *, after: int, every: bool, subwords: bool = True
) -> tuple[int, int] | None:
    """Cut the next BACKFILL_BATCH texts after a case id; return how many and the last id.

    Batches by id, so a million cases never sit in memory at once; the index follows by the
    triggers (SQLite) or the GIN index (PostgreSQL). None when no case is left.
    """
    missing = "" if every else "AND words IS NULL "
    rows = connection.execute(
        text(f"SELECT id, text FROM cases WHERE id > :after {missing}ORDER BY id LIMIT :n"),
        {"after": after, "n": BACKFILL_BATCH},
    ).all()
    if not rows:
        return None
    cut = [(row.id, search_words(row.text)) for row in rows]
    if subwords:
        connection.execute(
            text("UPDATE cases SET words = :words, subwords = :subwords WHERE id = :id"),
            [{"id": i, "words": w, "subwords": inner_words(w)} for i, w in cut],
        )
    else:
        connection.execute(
            text("UPDATE cases SET words = :words WHERE id = :id"),
            [{"id": i, "words": w} for i, w in cut],
        )
    return len(rows), rows[-1].id


def fill_subwords(connection: Connection) -> int:
    """Keep the inner words of every case's stored words (migration 0035); return how many.

    Reads the words stored at intake (no text is cut again), by batches of BACKFILL_BATCH ids.
    """
    done, after = 0, 0
    while True:
        rows = connection.execute(
            text(
                "SELECT id, words FROM cases WHERE id > :after AND words IS NOT NULL "
                "ORDER BY id LIMIT :n"
            ),
            {"after": after, "n": BACKFILL_BATCH},
        ).all()
        if not rows:
            return done
        kept = [(row.id, inner_words(row.words)) for row in rows]
        if any(subwords for _, subwords in kept):
            connection.execute(
                text("UPDATE cases SET subwords = :subwords WHERE id = :id"),
                [{"id": i, "subwords": sub} for i, sub in kept if sub],
            )
        done, after = done + len(rows), rows[-1].id


def is_index_object(name: str | None) -> bool:
    """Tell whether a schema object belongs to the full-text index (not in the models)."""
    return bool(name) and (str(name).startswith(FTS_TABLE) or name == PG_INDEX)
