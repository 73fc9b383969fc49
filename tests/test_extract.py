"""extract_article on real pages (readability set), odd encodings, short pages; choose_published."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

import lxml.html
import pytest

from corroborate.domain import ExtractedPage
from corroborate.errors import ParseError
from corroborate.ingest.extract import (
    MIN_TEXT_CHARS,
    choose_published,
    decode_html,
    extract_article,
)

from .conftest import need_shared

URL = "https://news.example.com/monde/talks.html"
PARAGRAPH = ("Le ministre a déclaré mardi que les négociations sur le cessez-le-feu reprendraient "
             "la semaine prochaine au Caire, selon des responsables égyptiens. ")


def page(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}">'
        f"<title>Reprise des négociations | Exemple</title>{head}"
        f"</head><body><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav><article>"
        f"<h1>Reprise des négociations au Caire</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>© Exemple 2024 - Tous droits réservés</footer></body></html>"
    )


def test_text_title_date_language() -> None:
    head = ('<meta property="article:published_time" content="2024-03-05T10:00:00+02:00">'
            '<meta name="author" content="Nadia Haddad">')
    result = extract_article(page(PARAGRAPH * 3, head), URL)
    assert isinstance(result, ExtractedPage)
    assert (
        "cessez-le-feu" in result.text
        and "Accueil" not in result.text
        and "droits réservés" not in result.text
    )
    assert result.title == "Reprise des négociations au Caire"
    assert result.author == "Nadia Haddad"
    assert result.date == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    assert result.language == "fr"
    assert "\n\n" not in result.text and result.text == result.text.strip()


def test_date_only_and_no_date() -> None:
    dated = extract_article(page(PARAGRAPH * 3, '<meta name="date" content="2023-11-02">'), URL)
    assert dated.date == datetime(2023, 11, 2, tzinfo=UTC)
    assert dated.date is not None and dated.date.tzinfo is not None
    assert extract_article(page(PARAGRAPH * 3), URL).date is None


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (
            page(PARAGRAPH * 3, charset="windows-1252").encode("cp1252"),
            "déclaré",
        ),  # declared, not UTF-8
        (
            page(PARAGRAPH * 3, charset="utf-8").encode("cp1252"),
            "responsables",
        ),  # mislabelled as UTF-8
        (page(PARAGRAPH * 3, charset="iso-8859-1").encode("utf-8"), "déclaré"),  # really UTF-8
        (page(PARAGRAPH * 3, charset="x-no-such-charset").encode("latin-1"), "responsables"),
        (b"\xef\xbb\xbf" + page(PARAGRAPH * 3).encode("utf-8"), "déclaré"),  # BOM
        (page(PARAGRAPH * 3).encode("utf-16"), "déclaré"),  # UTF-16 with BOM
        (
            page(PARAGRAPH * 3).encode("utf-8")[:300]
            + b"\xff\xfe\x80\xc3"
            + page(PARAGRAPH * 3).encode("utf-8")[300:],
            "responsables",
        ),  # stray invalid bytes
    ],
    ids=[
        "cp1252",
        "mislabelled",
        "utf8-declared-latin1",
        "unknown-charset",
        "bom",
        "utf16",
        "invalid-bytes",
    ],
)
def test_encodings_never_crash(data: bytes, word: str) -> None:
    result = extract_article(data, URL)
    assert word in result.text


def test_decode_html_never_raises() -> None:
    for blob in (
        b"",
        b"\x80\x81\xfe\xff" * 100,
        bytes(range(256)) * 10,
        b"<meta charset='utf-7'>\xff",
    ):
        assert isinstance(decode_html(blob), str)


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (b"", "no article text found: the page is empty"),
        (
            "<html><body><p>Subscribe to read this article.</p></body></html>",
            "no article text found",
        ),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        (b"\x00\x01\x02 binary junk \xff\xfe", "no article text found"),
    ],
)
def test_no_article_text(html: bytes | str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        extract_article(html, URL)
    assert info.value.reason.startswith(reason)
    assert info.value.source == URL


def test_threshold_counts_cjk_double() -> None:
    chinese = (
        "部长周二表示，停火谈判将于下周在开罗恢复，埃及官员证实了这一消息。" * 4
    )  # ~130 characters
    assert MIN_TEXT_CHARS / 2 < len(chinese) < MIN_TEXT_CHARS
    result = extract_article(f"<html><body><article><p>{chinese}</p></article></body></html>", URL)
    assert result.language == "zh"


def test_choose_published() -> None:
    feed = datetime(2024, 3, 5, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    page_date = datetime(2024, 3, 6, tzinfo=UTC)
    assert choose_published(feed, page_date) == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    assert choose_published(feed, page_date).tzinfo == UTC  # type: ignore[union-attr]
    assert choose_published(None, page_date) == page_date
    assert choose_published(None, None) is None
    assert choose_published(datetime(2024, 1, 1, 12), None) == datetime(2024, 1, 1, 12, tzinfo=UTC)


# --- real pages --------------------------------------------------------------------------------


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _norm_title(title: str) -> str:
    return " ".join(title.split()).casefold()


def test_readability_pages() -> None:
    """Every second page of the readability set: titles, text overlap, never a crash."""
    root = need_shared("data", "extraction", "readability")
    dirs = sorted(p for p in root.iterdir() if p.is_dir())[::2]
    titled = title_ok = 0
    f1s: list[float] = []
    for d in dirs:
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = lxml.html.fromstring(
            (d / "expected.html").read_text(encoding="utf-8")
        ).text_content()
        try:
            result = extract_article((d / "source.html").read_bytes(), "http://fakehost/test/page.html")
        except ParseError as exc:
            assert exc.reason.startswith("no article text found"), (d.name, exc.reason)
            assert len(_words(expected)) < 60, f"{d.name}: a real article was refused"
            continue
        assert result.date is None or result.date.tzinfo is not None
        if meta.get("title"):
            titled += 1
            want, got = _norm_title(meta["title"]), _norm_title(result.title)
            title_ok += bool(got) and (want == got or want in got or got in want)
        got_words, want_words = _words(result.text), _words(expected)
        common = sum((got_words & want_words).values())
        precision = common / max(1, sum(got_words.values()))
        recall = common / max(1, sum(want_words.values()))
        f1s.append(2 * precision * recall / (precision + recall) if common else 0.0)
    assert len(dirs) >= 60
    # Floors pinned just under what was measured (titles 53/62, mean F1 0.89): lowering them
    # needs a reason in the commit that does it.
    assert title_ok >= 0.8 * titled, (title_ok, titled)
    assert sum(f1s) / len(f1s) >= 0.87, sum(f1s) / len(f1s)


@pytest.mark.parametrize(
    ("name", "language"), [("lemonde-1", "fr"), ("folha", "pt"), ("heise", "de"), ("gmw", "zh")]
)
def test_readability_languages(name: str, language: str) -> None:
    d = need_shared("data", "extraction", "readability", name)
    result = extract_article((d / "source.html").read_bytes(), "http://fakehost/test/page.html")
    assert result.language == language


def test_scrapinghub_pages_never_crash() -> None:
    """A slice of the gzipped news pages: only ExtractedPage or ParseError, with real text."""
    import gzip

    root = need_shared("data", "extraction", "scrapinghub")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    extracted = 0
    f1s: list[float] = []
    for page_id, record in sorted(truth.items())[:20]:
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            result = extract_article(html, record["url"])
        except ParseError:
            continue
        extracted += 1
        assert len(result.text) >= MIN_TEXT_CHARS
        got, want = _words(result.text), _words(record["articleBody"])
        common = sum((got & want).values())
        p, r = common / max(1, sum(got.values())), common / max(1, sum(want.values()))
        f1s.append(2 * p * r / (p + r) if common else 0.0)
    assert extracted >= 18
    # bench/extraction.py measures all 181 pages (mean F1 0.965); this slice guards the floor.
    assert sum(f1s) / len(f1s) >= 0.96, sum(f1s) / len(f1s)  # measured 0.99 on this slice
