"""Regenerate the settings table of docs/settings.md from the settings registry.

Usage: .venv/bin/python scripts/update_readme.py
(tests/test_settings.py fails while the table is out of step with the registry.)
"""

from __future__ import annotations

import re
from pathlib import Path

from corroborate.cli.settings_cmd import markdown_table

SETTINGS_DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
TABLE = re.compile(r"(<!-- settings:start -->\n).*?(<!-- settings:end -->)", flags=re.S)


def with_current_table(text: str) -> str:
    """``text`` with the table between the settings markers regenerated from the registry."""
    if not TABLE.search(text):
        raise SystemExit(f"{SETTINGS_DOC}: no <!-- settings:start/end --> markers around the table")
    return TABLE.sub(lambda m: m.group(1) + markdown_table() + "\n" + m.group(2), text)


def main() -> None:
    text = SETTINGS_DOC.read_text(encoding="utf-8")
    new = with_current_table(text)
    SETTINGS_DOC.write_text(new, encoding="utf-8")
    print("settings table updated" if new != text else "settings table already current")


if __name__ == "__main__":
    main()
