"""docs/privacy.md lists every personal-data store as the registry declares it (generated table)."""

from pathlib import Path

from privacy import notice

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_store_table_of_the_docs_is_the_registry():
    text = DOC.read_text()
    start = text.index(notice.START) + len(notice.START)
    end = text.index(notice.END)
    assert text[start:end].strip() == notice.markdown_table().strip(), (
        "Regenerate the table: .venv/bin/python manage.py privacy_docs"
    )
