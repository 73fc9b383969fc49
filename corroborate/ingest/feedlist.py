"""Feed lists: the project CSV, OPML, and plain lists of URLs.

The project's own format is CSV with the header ``url,outlet,homepage,language,country,tags``
(plus an optional ``kind``: ``news``, the default, or ``factcheck`` for a fact-checker's feed)
(``url`` and ``outlet`` required, the other columns optional and in any order; ``tags``
separated by ``;``; lines starting with ``#`` are comments, blank lines are skipped)::

    # wire agencies
    url,outlet,homepage,language,country,tags
    https://feeds.bbci.co.uk/news/world/rss.xml,BBC News,https://www.bbc.com/news,en,GB,public-broadcaster

:func:`load_feed_list` detects the format: XML (or a ``.opml``/``.xml`` name) means OPML; a
``.csv`` name, or a first line with a comma outside a ``.txt`` file, means CSV; anything else
is a plain list (one URL a line, the outlet taken from the host). A bad file fails at once
with :class:`FeedListError` naming the file, the line and what was wrong. Duplicate URLs
(compared in canonical form) are an error in CSV and plain lists; in OPML a feed filed under
two folders is one feed with both folders as tags. OPML reading and writing live in
:mod:`corroborate.ingest.opml`, the shared checks in :mod:`corroborate.ingest.feedcheck`.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from ..domain import FEED_KINDS, FeedSpec
from ..errors import FeedListError
from .feedcheck import (
    COUNTRY,
    check_url,
    norm_language,
    norm_tags,
    outlet_from_url,
    unfeed,
    url_key,
)
from .opml import export_opml, import_opml, parse_opml

CSV_COLUMNS: tuple[str, ...] = ("url", "outlet", "homepage", "language", "country", "tags",
                                 "kind")
REQUIRED_COLUMNS: tuple[str, ...] = ("url", "outlet")


# --- reading ------------------------------------------------------------------------------


def load_feed_list(path: str | os.PathLike[str]) -> list[FeedSpec]:
    """Read a feed list in any supported format (OPML, project CSV, plain URL list).

    Args:
        path: the file to read.

    Returns:
        The feeds, in file order.

    Raises:
        FeedListError: the file is missing, unreadable, or invalid; the message names the file,
            the line and the problem (bad URL scheme, missing column, duplicate URL...).

    Example:
        >>> feeds = load_feed_list("index/feeds.csv")
        >>> feeds[0].outlet
        'Associated Press'
    """
    name = str(path)
    data = _read_bytes(name)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or Path(name).suffix.lower() in (".opml", ".xml"):
        return parse_opml(data, name)
    text = _decode(data, name)
    first = _first_content_line(text)
    suffix = Path(name).suffix.lower()
    # A comma means CSV (a headerless CSV must not pass for a list of odd URLs), except in a
    # .txt file, where a URL with a comma is taken at its word.
    if suffix == ".csv" or (suffix != ".txt" and first is not None and "," in first[1]):
        return _parse_csv(text, name)
    return _parse_plain(text, name)


def _read_bytes(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise FeedListError(
            name, None, f"cannot read the feed list: {exc.strerror or exc}"
        ) from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FeedListError(
            name, line, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8"
        ) from None


def _first_content_line(text: str) -> tuple[int, str] | None:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return number, stripped
    return None


def _parse_plain(text: str, name: str) -> list[FeedSpec]:
    feeds: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        url = unfeed(line.strip())
        if not url or url.startswith("#"):
            continue
        problem = check_url(url)
        if problem:
            raise FeedListError(name, number, problem)
        key = url_key(url)
        if key in seen:
            raise FeedListError(name, number, f"duplicate URL {url!r} (first on line {seen[key]})")
        seen[key] = number
        feeds.append(FeedSpec(url=url, outlet=outlet_from_url(url)))
    return feeds


def _parse_csv(text: str, name: str) -> list[FeedSpec]:
    header: list[str] | None = None
    feeds: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            raise FeedListError(name, number, f"malformed CSV: {exc}") from None
        row = [cell.strip() for cell in row]
        if header is None:
            header = _check_header(row, name, number)
            continue
        if len(row) > len(header):
            raise FeedListError(
                name, number,
                f"{len(row)} fields but the header has {len(header)} ({','.join(header)}); "
                "quote values that contain commas",
            )
        record = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        spec = _spec_from_record(record, name, number)
        key = url_key(spec.url)
        if key in seen:
            raise FeedListError(
                name, number, f"duplicate URL {spec.url!r} (first on line {seen[key]})"
            )
        seen[key] = number
        feeds.append(spec)
    if header is None:
        raise FeedListError(name, None, "empty feed list: no header line")
    return feeds


def _check_header(row: list[str], name: str, number: int) -> list[str]:
    if row and urlsplit(row[0]).scheme:
        raise FeedListError(
            name, number,
            f"no header line: the first line must name the columns ({','.join(CSV_COLUMNS)})",
        )
    header = [cell.lower() for cell in row]
    unknown = [col for col in header if col not in CSV_COLUMNS]
    if unknown:
        raise FeedListError(
            name,
            number,
            f"unknown column {unknown[0]!r} in the header "
            f"(valid columns: {', '.join(CSV_COLUMNS)})",
        )
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise FeedListError(
                name, number,
                f"missing {col!r} column in the header {','.join(row)!r} "
                f"(expected {','.join(CSV_COLUMNS)})",
            )
    repeated = sorted({col for col in header if header.count(col) > 1})
    if repeated:
        raise FeedListError(name, number, f"column {repeated[0]!r} appears twice in the header")
    return header


def _spec_from_record(record: dict[str, str], name: str, number: int | None) -> FeedSpec:
    url = unfeed(record["url"])
    problem = check_url(url)
    if problem:
        raise FeedListError(name, number, problem)
    outlet = record["outlet"]
    if not outlet:
        raise FeedListError(
            name, number, f"empty outlet for {url!r} (every feed needs an outlet name)"
        )
    homepage = record.get("homepage", "")
    if homepage and (problem := check_url(homepage, "homepage URL")):
        raise FeedListError(name, number, problem)
    language = norm_language(record.get("language", ""))
    if language is None:
        raise FeedListError(
            name,
            number,
            f"bad language {record['language']!r} (use an ISO 639-1 code such as en, fr, ar)",
        )
    country = record.get("country", "").upper()
    if country and not COUNTRY.match(country):
        raise FeedListError(
            name,
            number,
            f"bad country {record['country']!r} (use an ISO 3166 alpha-2 code such as GB, FR, QA)",
        )
    tags = norm_tags(record.get("tags", "").split(";"))
    kind = record.get("kind", "").strip().lower() or "news"
    if kind not in FEED_KINDS:
        raise FeedListError(name, number,
                            f"bad kind {record['kind']!r} (use one of {', '.join(FEED_KINDS)})")
    return FeedSpec(url=url, outlet=outlet, homepage=homepage, language=language,
                    country=country, tags=tags, kind=kind)


# --- writing ------------------------------------------------------------------------------



def _to_csv(feeds: Sequence[FeedSpec]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in feeds:
        writer.writerow([f.url, f.outlet, f.homepage, f.language, f.country, ";".join(f.tags),
                         f.kind])
    return buf.getvalue()


def write_feed_list(path: str | os.PathLike[str], feeds: Sequence[FeedSpec]) -> None:
    """Write feeds atomically: OPML when the name ends in ``.opml``, else the project CSV.

    The file is written to a temporary file beside it and moved into place with
    ``os.replace``, so a reader never sees half a list.

    Raises:
        FeedListError: a feed has an invalid URL, two feeds share a URL, or the file cannot
            be written.

    Example:
        >>> write_feed_list("index/feeds.csv", load_feed_list("subscriptions.opml"))
    """
    name = str(path)
    seen: dict[str, int] = {}
    for number, feed in enumerate(feeds, 1):
        if problem := check_url(feed.url):
            raise FeedListError(name, None, f"feed #{number} ({feed.outlet!r}): {problem}")
        key = url_key(feed.url)
        if key in seen:  # the file would not load again
            raise FeedListError(
                name,
                None,
                f"feed #{number}: duplicate URL {feed.url!r} (same as feed #{seen[key]})",
            )
        seen[key] = number
    body = export_opml(feeds) if name.lower().endswith(".opml") else _to_csv(feeds)
    target = Path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(body)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FeedListError(
            name, None, f"cannot write the feed list: {exc.strerror or exc}"
        ) from None


def normalise_spec(spec: FeedSpec, source: str = "<new feed>") -> FeedSpec:
    """Validate a feed as a CSV row would be, and normalise it (language "EN" → "en", country
    "fr" → "FR", tags slugged).

    Raises:
        FeedListError: a bad URL or homepage, an empty outlet, a bad language or country code.
    """
    record = {
        "url": spec.url.strip(),
        "outlet": spec.outlet.strip(),
        "homepage": spec.homepage.strip(),
        "language": spec.language,
        "country": spec.country,
        "tags": ";".join(spec.tags),
        "kind": spec.kind,
    }
    return _spec_from_record(record, source, None)


def add_feed(feeds: Sequence[FeedSpec], spec: FeedSpec) -> list[FeedSpec]:
    """A new list with ``spec`` added; a feed with the same (canonical) URL is replaced in place.

    The new feed is validated and normalised first (see :func:`normalise_spec`).

    Raises:
        FeedListError: the spec's URL is not an http(s) URL, its outlet is empty, or its
            language or country code is invalid.

    Example:
        >>> add_feed([], FeedSpec("https://example.com/rss", "Example"))[0].outlet
        'Example'
    """
    spec = normalise_spec(spec)
    key = url_key(spec.url)
    out = list(feeds)
    for i, feed in enumerate(out):
        if url_key(feed.url) == key:
            out[i] = spec
            return out
    out.append(spec)
    return out


__all__ = [
    "CSV_COLUMNS",
    "add_feed",
    "export_opml",
    "import_opml",
    "load_feed_list",
    "normalise_spec",
    "outlet_from_url",
    "write_feed_list",
]
