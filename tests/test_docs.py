"""The documentation: a short README that opens with the two commands, a short model card, and
relative links that lead to files of the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
MODEL_CARD = REPO / "corroborate" / "stance" / "weights" / "README.md"
LINKED_DOCS = sorted(
    {README, MODEL_CARD, REPO / "research" / "README.md", REPO / "research" / "NOTEBOOK.md",
     *(REPO / "docs").glob("*.md")}
)

FENCE = re.compile(r"^(```|~~~).*?^\1", flags=re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def relative_links(text: str) -> list[str]:
    """Targets of the Markdown links and images in ``text`` that point into the repository."""
    prose = INLINE_CODE.sub("", FENCE.sub("", text))
    targets = [m.group(1) for m in LINK.finditer(prose)]
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:|^#", t, flags=re.I)]


def test_relative_links_finds_links_and_images_but_not_urls_or_code() -> None:
    text = (
        "See [a](docs/a.md#part) and ![b](img/b.png \"t\"), [c](https://x.org), [d](#top).\n"
        "```python\nx = y[0](z)\n[e](not/a/link.md)\n```\n`[f](code.md)`\n"
    )
    assert relative_links(text) == ["docs/a.md#part", "img/b.png"]


def test_readme_is_at_most_8_kb() -> None:
    size = README.stat().st_size
    assert size <= 8 * 1024, f"README.md is {size} bytes; keep it within 8 KB (detail: docs/)"


def test_readme_opens_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_section = text.find("\n## ")
    first_block = re.search(r"^```bash\n(.*?)^```", text, flags=re.S | re.M)
    assert first_block, "README.md has no bash block"
    assert first_section == -1 or first_block.start() < first_section, (
        "the two commands must come before the first section of README.md"
    )
    commands = [line.strip() for line in first_block.group(1).splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands == ["bash scripts/demo.sh", "bash scripts/test.sh"]


def test_readme_shows_the_screenshot() -> None:
    assert "docs/screenshot.png" in relative_links(README.read_text(encoding="utf-8"))


def test_model_card_is_at_most_10_kb() -> None:
    size = MODEL_CARD.stat().st_size
    assert size <= 10 * 1024, (
        f"{MODEL_CARD.relative_to(REPO)} is {size} bytes; keep the model card at most 10 KB "
        "(the lab notebook is research/NOTEBOOK.md)"
    )


@pytest.mark.parametrize("doc", LINKED_DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve_to_files_of_the_repository(doc: Path) -> None:
    broken = []
    for target in relative_links(doc.read_text(encoding="utf-8")):
        path = (doc.parent / target.split("#", 1)[0]).resolve()
        if not path.is_relative_to(REPO) or not path.exists():
            broken.append(target)
    assert not broken, f"{doc.relative_to(REPO)}: links that lead nowhere in the repo: {broken}"
