"""The evidence check's quick tests (a literal the text must contain before a pattern is run)
skip only what the pattern would not find: the same matches as running every pattern."""

from __future__ import annotations

import re

import pytest

from corroborate.stance.conflict import COUNTRIES, COUNTRY_COUNT, LANGS, MONTHS, _mentions
from corroborate.stance.entities import _named, _patterns, fold, fold_mapped, table


def _every_mention(text: str, rows: tuple[tuple[str, ...], ...]) -> dict[int, tuple[int, int]]:
    """:func:`_mentions` without its quick test: every name's pattern, written out here."""
    found: dict[int, tuple[int, int]] = {}
    for k, names in enumerate(rows):
        for lang, name in zip(LANGS, names, strict=True):
            if lang == "ar":
                m = re.search(re.escape(name), text)
            elif lang == "en" and name == "May":
                m = re.search(r"(?<!\w)May(?!\w)(?=\s+\d|\s*,?\s*\d{4})|(?<=\d )May(?!\w)", text)
            else:
                m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE)
            if m is not None:
                found[k] = m.span()
                break
    return found


def _every_entity(text: str) -> dict[str, tuple[int, int]]:
    """:func:`_named` without its quick tests."""
    folded, where = fold_mapped(text)
    found: dict[str, tuple[int, int]] = {}
    for key, _, loose, _, exact in _patterns():
        m = loose.search(folded) if loose is not None else None
        if m is not None and m.end() > m.start():
            found[key] = (where[m.start()], where[m.end() - 1] + 1)
            continue
        e = exact.search(text) if exact is not None else None
        if e is not None:
            found[key] = e.span()
    return found


def _variants(name: str) -> list[str]:
    """``name`` as news text writes it, and as odd case-blind letters spell it."""
    return [name, name.upper(), name.lower(), f"{name}ian", f"al-{name}", f"و{name}",
            name.replace("I", "\u0130").replace("i", "\u0131"), name.replace("s", "\u017f"),
            name.replace("K", "\u212a")]


MONTH_ROWS = tuple(zip(*(MONTHS[lang] for lang in LANGS), strict=True))
TABLES = {"months": MONTH_ROWS, "countries": COUNTRIES[:COUNTRY_COUNT],
          "capitals": COUNTRIES[COUNTRY_COUNT:]}
TEXTS = [f"Talks in {v} ended on 3 May 2021, « {w} » said." for rows in TABLES.values()
         for names in rows for name in names for v, w in zip(_variants(name),
                                                              _variants(names[0]), strict=True)]
TEXTS += ["It may rain in May 2021.", "May said no.", "Troops left İRAN.", "ıran and ıraq",
          "Ruſſia", "L'ÉGYPTE et la Syrie", "نفت إيران والعراق", ""]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_quick_test_of_a_value_table_skips_no_mention(name: str) -> None:
    rows = TABLES[name]
    for text in TEXTS:
        got = {k: m.span() for k, m in _mentions(text, rows).items()}
        assert got == _every_mention(text, rows), text


def test_the_quick_tests_of_the_entity_table_skip_no_entity() -> None:
    texts = list(TEXTS)
    for aliases in table().values():
        for alias in aliases:
            texts += [f"Le porte-parole de {alias} a parlé.", f"{alias.upper()} said",
                      f"«{fold(alias)}»", f"و{alias}ية"]
    for text in texts:
        assert _named(text) == _every_entity(text), text
