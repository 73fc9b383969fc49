"""The HTTP API (FastAPI, so its OpenAPI description comes free) and the Ray Serve replica.

Each replica holds one :class:`~corroborate.engine.Engine` on the shared data directory. The
blocking engine calls run in threads; their stance requests come back to the replica's event
loop and are batched across concurrent searches with ``serve.batch`` (one forward pass of the
stance model for several claims). Library errors become ``{"error": one line, "kind": name}``
with a 4xx status (503 when the index or a model is not there), never a traceback.
"""

# no ``from __future__ import annotations``: FastAPI reads the routes' annotations at run time,
# and Serve's ingress moves the methods to where their forward references cannot be resolved
import asyncio
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from ray import serve

from .._version import __version__
from ..dates import parse_date
from ..domain import StanceResult
from ..engine import Engine
from ..errors import ClaimError, CorroborateError, IndexError_, ModelError, StoreError
from ..settings import Settings

log = logging.getLogger(__name__)

MAX_COMPARE_CLAIMS = 50  # a comparison is one request: keep it bounded
MAX_ONGOING = 8  # requests one replica works on at once (more wait in Serve's queue)
UNAVAILABLE = (IndexError_, ModelError, StoreError)  # the server is not ready: 503

api = FastAPI(
    title="corroborate",
    version=__version__,
    description="Cross-source corroboration search for news: which outlets support a claim, "
    "which contradict it, and how many independent origins stand behind each side.",
)


def error_response(exc: Exception) -> JSONResponse:
    """One line and the error's kind, with a status that says whose fault it is."""
    status = 503 if isinstance(exc, UNAVAILABLE) else 400
    line = " ".join(str(exc).split()) or type(exc).__name__
    return JSONResponse({"error": line, "kind": type(exc).__name__}, status_code=status)


@api.exception_handler(RequestValidationError)
async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's validation report as one line: ``k: Input should be ...``."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = ".".join(loc[1:]) or ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return JSONResponse({"error": "; ".join(parts), "kind": "ValidationError"}, status_code=422)


class ClaimsRequest(BaseModel):
    """An article whose check-worthy claims are wanted."""

    text: str = Field(description="The article's text.")
    lang: str | None = Field(None, description="Its language (ISO 639-1); detected if omitted.")
    max: int = Field(20, ge=1, le=100, description="Most claims returned, best first.")


class CompareRequest(BaseModel):
    """Claims to compare outlets over, with the filters of GET /search."""

    claims: list[str] = Field(description="The claims, one per item.")
    k: int | None = Field(None, ge=1, description="Articles per side (default: top_k).")
    lang: list[str] = Field(default_factory=list, description="Only evidence in these languages.")
    outlet: list[str] = Field(default_factory=list, description="Only these outlets.")
    exclude_outlet: list[str] = Field(default_factory=list, description="Leave these out.")
    exclude_url: list[str] = Field(default_factory=list, description="Leave these URLs out.")
    since: str | None = Field(None, description="Evidence published on or after (YYYY-MM-DD).")
    until: str | None = Field(None, description="Evidence published on or before (YYYY-MM-DD).")
    claim_date: str | None = None
    evidence: str | None = Field(None, description="before or after claim_date.")


def search_options(k: int | None, lang: list[str], outlet: list[str], exclude_outlet: list[str],
                   exclude_url: list[str], since: str | None, until: str | None,
                   claim_date: str | None, evidence: str | None) -> dict[str, Any]:
    """:meth:`Engine.search` keywords from the API's arguments, dates read as the CLI reads
    them (a bad one: :class:`DateError` naming the argument)."""
    options = {
        "top_k": k, "languages": tuple(lang), "outlets": tuple(outlet),
        "exclude_outlets": tuple(exclude_outlet), "exclude_urls": tuple(exclude_url),
        "date_from": parse_date(since, option="since"),
        "date_to": parse_date(until, option="until", end_of_day=True),
        "claim_date": parse_date(claim_date, option="claim_date"), "evidence": evidence,
    }
    return {key: value for key, value in options.items() if value not in (None, ())}


@serve.deployment(max_ongoing_requests=MAX_ONGOING, health_check_period_s=30)
@serve.ingress(api)
class CorroborateAPI:
    """One replica: an engine on ``settings``' data directory, loaded when the replica starts."""

    def __init__(self, settings: Settings) -> None:
        self.engine = Engine(settings=settings, classify=self._classify)
        self.loop: asyncio.AbstractEventLoop | None = None
        # threads of their own: engine calls block on the stance batcher, which must always
        # find its thread free (with one shared pool, busy engine calls could starve it)
        self.engine_threads = ThreadPoolExecutor(MAX_ONGOING, thread_name_prefix="engine")
        self.stance_thread = ThreadPoolExecutor(1, thread_name_prefix="stance")
        self.batches = 0
        self.batched = 0
        self.largest_batch = 0
        self.stance_batch.set_max_batch_size(settings.serve_batch_size)  # type: ignore[attr-defined]
        self.stance_batch.set_batch_wait_timeout_s(  # type: ignore[attr-defined]
            settings.serve_batch_wait_ms / 1000)
        try:
            self.engine.warm_up()
        except CorroborateError as exc:  # answered per request, with the same line
            log.warning("replica started without a usable engine: %s", exc)

    async def _run(self, call: Callable[[], Any]) -> JSONResponse:
        """``call`` in a thread (the engine blocks), its answer or its error as JSON."""
        self.loop = asyncio.get_running_loop()
        try:
            answer = await self.loop.run_in_executor(self.engine_threads, call)
            return JSONResponse(jsonable_encoder(answer))
        except CorroborateError as exc:
            return error_response(exc)

    # --- stance, batched across the searches running at once -----------------------------------
    def _classify(self, claim: str, texts: list[str]) -> list[StanceResult]:
        """Called from an engine thread: hands the request to the batcher on the event loop."""
        if self.loop is None:  # pragma: no cover - every request sets it first
            raise RuntimeError("no event loop to batch on")
        future = asyncio.run_coroutine_threadsafe(self.stance_batch((claim, texts)), self.loop)
        result: list[StanceResult] = future.result()
        return result

    @serve.batch(max_batch_size=16, batch_wait_timeout_s=0.02)  # set from the settings
    async def stance_batch(self, requests: list[tuple[str, list[str]]]
                           ) -> list[list[StanceResult]]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.stance_thread, self._stance_of, requests)

    def _stance_of(self, requests: list[tuple[str, list[str]]]) -> list[list[StanceResult]]:
        """One forward pass over every (claim, passage) pair of the batch."""
        from ..stance.model import to_results

        model = self.engine.stance_model
        claims = [claim for claim, texts in requests for _ in texts]
        passages = [text for _, texts in requests for text in texts]
        flat = to_results(model.predict(claims, passages), model.calibration)
        self.batches += 1
        self.batched += len(requests)
        self.largest_batch = max(self.largest_batch, len(requests))
        out, start = [], 0
        for _, texts in requests:
            out.append(flat[start:start + len(texts)])
            start += len(texts)
        return out

    # --- the routes -----------------------------------------------------------------------------
    @api.get("/search", summary="Supporting and contradicting coverage of a claim",
             description="Exactly what `corroborate search --json` prints.")
    async def search(
        self,
        claim: Annotated[str, Query(description="The claim, in any language.")] = "",
        k: Annotated[int | None, Query(ge=1, description="Articles per side (default: top_k).")
                     ] = None,
        lang: Annotated[list[str] | None, Query(
            description="Only evidence in this language (repeatable).")] = None,
        outlet: Annotated[list[str] | None, Query(
            description="Only this outlet (repeatable).")] = None,
        exclude_outlet: Annotated[list[str] | None, Query(
            description="Leave this outlet out (repeatable).")] = None,
        exclude_url: Annotated[list[str] | None, Query(
            description="Leave this article URL out (repeatable).")] = None,
        since: Annotated[str | None, Query(
            description="Only evidence published on or after this date (YYYY-MM-DD).")] = None,
        until: Annotated[str | None, Query(
            description="Only evidence published on or before this date (YYYY-MM-DD).")] = None,
        claim_date: Annotated[str | None, Query(description="When the claim was made.")] = None,
        evidence: Annotated[str | None, Query(description="before or after claim_date.")] = None,
    ) -> JSONResponse:
        def run() -> dict[str, Any]:
            options = search_options(k, lang or [], outlet or [], exclude_outlet or [],
                                     exclude_url or [], since, until, claim_date, evidence)
            return self.engine.search(claim, **options).to_dict()

        return await self._run(run)

    @api.get("/status", summary="The store, the index manifest and this replica")
    async def status(self) -> JSONResponse:
        def run() -> dict[str, Any]:
            status = self.engine.status()
            status["server"] = {"pid": os.getpid(), "stance_batches": self.batches,
                                "stance_requests": self.batched,
                                "largest_stance_batch": self.largest_batch}
            return status

        return await self._run(run)

    @api.post("/claims", summary="The check-worthy claims of an article, best first",
              description="What `corroborate claims FILE --json` prints.")
    async def claims(self, body: ClaimsRequest) -> JSONResponse:
        def run() -> list[dict[str, Any]]:
            if not body.text.strip():
                raise ClaimError("the article is empty: send its text in `text`")
            found = self.engine.extract_claims(body.text, language=body.lang,
                                               max_claims=body.max)
            return [asdict(c) for c in found]

        return await self._run(run)

    @api.post("/compare", summary="Outlet × claim stance matrix",
              description="What `corroborate compare --json` prints.")
    async def compare(self, body: CompareRequest) -> JSONResponse:
        def run() -> dict[str, Any]:
            claims = [c.strip() for c in body.claims if c.strip()]
            if not claims:
                raise ClaimError("no claims to compare: send them in `claims`")
            if len(claims) > MAX_COMPARE_CLAIMS:
                raise ClaimError(f"{len(claims)} claims: at most {MAX_COMPARE_CLAIMS} per "
                                 "comparison")
            options = search_options(body.k, body.lang, body.outlet, body.exclude_outlet,
                                     body.exclude_url, body.since, body.until, body.claim_date,
                                     body.evidence)
            return self.engine.compare(claims, **options).to_dict()

        return await self._run(run)


def build_app(settings: Settings, *, replicas: int = 1, cpus_per_replica: float = 1.0) -> Any:
    """The Serve application: ``replicas`` copies of :class:`CorroborateAPI` on ``settings``."""
    return CorroborateAPI.options(  # type: ignore[attr-defined]
        num_replicas=replicas, ray_actor_options={"num_cpus": cpus_per_replica},
    ).bind(settings)


__all__ = ["CorroborateAPI", "api", "build_app", "error_response", "search_options"]
