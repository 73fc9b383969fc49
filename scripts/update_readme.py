"""Regenerate the README's settings table from the settings registry.

Usage: .venv/bin/python scripts/update_readme.py
"""

from __future__ import annotations

import re
from pathlib import Path

from corroborate.cli.settings_cmd import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = re.sub(
        r"(<!-- settings:start -->\n).*?(<!-- settings:end -->)",
        lambda m: m.group(1) + markdown_table() + "\n" + m.group(2),
        text,
        flags=re.S,
    )
    README.write_text(new, encoding="utf-8")
    print("README settings table updated" if new != text else "README settings table already current")


if __name__ == "__main__":
    main()
