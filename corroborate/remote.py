"""The engine over HTTP: a client of `corroborate serve` with the methods the CLI and page call.

With the ``engine_url`` setting (``CORROBORATE_ENGINE_URL``) the command line and the page
talk to a running server instead of loading the index and the models themselves;
:func:`open_engine` picks one or the other. The answers are rebuilt into the same
:class:`~corroborate.results.Result` and :class:`~corroborate.compare.Comparison` objects,
so ``to_dict()`` gives back exactly what the server sent.

Example:
    >>> engine = open_engine(Settings.load(env={"CORROBORATE_ENGINE_URL":  # doctest: +SKIP
    ...                                          "http://127.0.0.1:8000"}))
    >>> engine.search("ISIS claimed the Kerman bombings").verdict.label  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .compare import Cell, Comparison
from .domain import Claim
from .errors import (
    ClaimError,
    ConfigError,
    CorroborateError,
    DateError,
    EvidenceWindowError,
    IndexError_,
    ModelError,
    ServiceError,
    StoreError,
)
from .filters import SearchFilters
from .results import Copy, Evidence, FactCheck, Result
from .settings import Settings
from .stance.conflict import Conflict
from .verdict import SideTally, Verdict

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Engine
    from .upkeep import Progress

# Engine.search keyword → the query parameter of GET /search (lists repeat the parameter)
QUERY_NAMES: dict[str, str] = {
    "top_k": "k", "date_from": "since", "date_to": "until", "languages": "lang",
    "outlets": "outlet", "exclude_outlets": "exclude_outlet", "exclude_urls": "exclude_url",
    "claim_date": "claim_date", "evidence": "evidence",
}
# the errors a server's answer may name, raised again here with its message
_RAISED: dict[str, type[CorroborateError]] = {cls.__name__: cls for cls in (
    ClaimError, DateError, EvidenceWindowError, ConfigError, ModelError, IndexError_, StoreError)}


def open_engine(settings: Settings) -> Engine | RemoteEngine:
    """The engine of these settings: a :class:`RemoteEngine` when ``engine_url`` is set,
    else the in-process :class:`~corroborate.engine.Engine`."""
    if settings.engine_url:
        return RemoteEngine(settings)
    from .engine import Engine

    return Engine(settings=settings)


class RemoteEngine:
    """The :class:`~corroborate.engine.Engine` methods the CLI and page use, over HTTP.

    Raises (from each call): the server's own error (``ClaimError``, ``DateError``...) with its
    one-line message, or :class:`ServiceError` when the server cannot be reached or fails.
    """

    def __init__(self, settings: Settings, *, timeout: float = 600.0) -> None:
        import httpx

        self.settings = settings
        self.url = settings.engine_url.rstrip("/")
        self._client = httpx.Client(base_url=self.url,
                                    timeout=httpx.Timeout(timeout, connect=10.0))

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        import httpx

        try:
            response = self._client.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise ServiceError(f"the engine at {self.url} cannot be reached ({exc}): start it "
                               "with `corroborate serve` or unset engine_url") from exc
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.is_success and body is not None:
            return body
        message = (body.get("error") if isinstance(body, dict) else None) or (
            f"the engine at {self.url} answered {response.status_code} to {path}")
        kind = body.get("kind") if isinstance(body, dict) else None
        raise _RAISED.get(str(kind), ServiceError)(message)

    # --- the engine's methods ------------------------------------------------------------------
    def search(self, claim: str, **options: Any) -> Result:
        """As :meth:`Engine.search <corroborate.engine.Engine.search>`, on the server."""
        return decode_result(self._call("GET", "/search", params=search_params(claim, options)))

    def extract_claims(self, text: str, *, language: str | None = None,
                       max_claims: int = 20) -> list[Claim]:
        body = {"text": text, "lang": language, "max": max_claims}
        return [Claim(c["text"], c["start"], c["end"], c["score"], tuple(c["reasons"]),
                      c.get("speaker"), c.get("rest", ""))
                for c in self._call("POST", "/claims", json=body)]

    def check_article(self, text: str, *, max_claims: int = 10,
                      **options: Any) -> list[tuple[Claim, Result]]:
        return [(c, self.search(c.text, **options))
                for c in self.extract_claims(text, max_claims=max_claims)]

    def compare(self, claims: Sequence[str], *, on_progress: Progress | None = None,
                **options: Any) -> Comparison:
        """As :meth:`Engine.compare <corroborate.engine.Engine.compare>`: one request for all
        the claims (``on_progress`` is told once, at the end)."""
        body: dict[str, Any] = {"claims": list(claims)}
        for key, value in search_params(None, options).items():
            body[key] = value
        comparison = decode_comparison(self._call("POST", "/compare", json=body))
        if on_progress:
            on_progress(len(claims), len(claims))
        return comparison

    def status(self) -> dict[str, Any]:
        status: dict[str, Any] = self._call("GET", "/status")
        return status

    def warm_up(self, **_options: Any) -> None:
        """The server holds the models: checks that it answers (the options are the in-process
        engine's, ignored here)."""
        self.status()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise CorroborateError(f"{name} is not available through the engine at {self.url}: "
                               "unset engine_url (CORROBORATE_ENGINE_URL) to run it here")


def search_params(claim: str | None, options: dict[str, Any]) -> dict[str, Any]:
    """The query parameters of GET /search for ``claim`` and :meth:`Engine.search` options."""
    params: dict[str, Any] = {} if claim is None else {"claim": claim}
    for key, value in options.items():
        if key not in QUERY_NAMES:
            raise TypeError(f"search() got an unexpected keyword argument {key!r}")
        if value is None or value == () or value == []:
            continue
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif isinstance(value, list | tuple):
            value = [str(v) for v in value]
        params[QUERY_NAMES[key]] = value
    return params


# --- the answers rebuilt into the library's types ------------------------------------------------
def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _span(value: Sequence[int] | None) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def decode_evidence(d: dict[str, Any]) -> Evidence:
    return Evidence(
        d["article_id"], d["url"], d["title"], d["outlet"], d["language"], _when(d["published"]),
        d["passage"], d["start"], d["end"], (d["highlight"][0], d["highlight"][1]), d["score"],
        d["stance"], dict(d["probabilities"]), d["origin"],
        copies=tuple(Copy(c["article_id"], c["url"], c["title"], c["outlet"],
                          _when(c["published"]), c["reason"]) for c in d["copies"]),
        reading=d["reading"],
        conflicts=tuple(Conflict(c["kind"], _span(c["claim"]), _span(c["passage"]))
                        for c in d["conflicts"]),
        read_articles=d["read_articles"], dissent=tuple(d["dissent"]),
        unconfirmed=tuple(d.get("unconfirmed", ())))


def decode_result(d: dict[str, Any]) -> Result:
    """A :class:`Result` from its ``to_dict()`` (``decode_result(r.to_dict()).to_dict() ==
    r.to_dict()``; the timings are not sent)."""
    v, f = d["verdict"], d["filters"]
    verdict = Verdict(v["label"], SideTally(**v["supporting"]), SideTally(**v["contradicting"]),
                      v["thresholds"]["min_origins"], v["thresholds"]["min_conflict_origins"],
                      v["explanation"], v["disclaimer"])
    filters = SearchFilters(
        outlets=tuple(f["outlets"]), languages=tuple(f["languages"]),
        date_from=_when(f["date_from"]), date_to=_when(f["date_to"]),
        exclude_outlets=tuple(f["exclude_outlets"]), exclude_urls=tuple(f["exclude_urls"]))
    checks = tuple(FactCheck(
        c["claim"], c["rating"], c["verdict"], c["publisher"], _when(c["published"]), c["url"],
        c["language"], c["similarity"], c["score"], c["claimant"], c["appearance"], c["title"])
        for c in d["fact_checks"])
    supporting, contradicting, neutral = (tuple(decode_evidence(e) for e in d[side])
                                          for side in ("supporting", "contradicting", "neutral"))
    return Result(d["claim"], supporting, contradicting, neutral, verdict, d["summary"],
                  d["language"], filters, fact_checks=checks)


def decode_comparison(d: dict[str, Any]) -> Comparison:
    """A :class:`Comparison` from its ``to_dict()``."""
    cells = tuple(Cell(c["outlet"], c["claim"], c["stance"], c["articles"], c["supporting"],
                       c["contradicting"], c["neutral"], tuple(c["origins"]), tuple(c["urls"]))
                  for c in d["matrix"])
    return Comparison(tuple(d["claims"]), tuple(d["outlets"]), cells, dict(d["verdicts"]),
                      tuple((t["date"], t["stance"], t["articles"]) for t in d["timeline"]),
                      dict(d["fact_checked"]))


__all__ = ["RemoteEngine", "decode_comparison", "decode_result", "open_engine",
           "search_params"]
