"""docs/schema.md is generated from the one schema definition and must not drift."""

from __future__ import annotations

from pathlib import Path

from cleaning.dataset.schema import ARROW_SCHEMA, COLUMN_DOCS, schema_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def test_every_column_is_documented() -> None:
    assert set(COLUMN_DOCS) == set(ARROW_SCHEMA.names)


def test_docs_match_the_schema() -> None:
    assert DOC.read_text(encoding="utf-8") == schema_markdown(), (
        "docs/schema.md is stale: regenerate it with\n"
        "python -c 'from cleaning.dataset.schema import schema_markdown as m; print(m(), end=\"\")'"
        " > docs/schema.md"
    )
