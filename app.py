"""The corroborate page: supporting and contradicting coverage side by side.

Run with ``streamlit run app.py`` (the data directory comes from ``CORROBORATE_DATA_DIR``).
The page only calls the library: no SQL, FAISS or model code lives here. Everything taken
from feeds is escaped by :mod:`corroborate.page.render` before it reaches ``unsafe_allow_html``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from corroborate import Engine, Settings
from corroborate.claims import lead_of
from corroborate.domain import Claim
from corroborate.errors import ConfigError, CorroborateError, FeedListError, IndexError_, ModelError
from corroborate.page.helpers import (
    EXAMPLE_CLAIM,
    claims_from_upload,
    comparison_frames,
    failing_feeds,
    filters_from_query,
    filters_to_query,
    looks_like_article,
    result_key,
)
from corroborate.page.render import (
    CSS,
    cards_by_origin,
    claim_heading,
    copies_rows,
    evidence_card,
    fact_check_box,
    side_count,
    verdict_banner,
)
from corroborate.page.warmup import ModelWarmup
from corroborate.remote import open_engine

log = logging.getLogger("corroborate.app")
VIEWS = ("Check a claim", "Compare outlets", "The index")
NEXT_STEP_INDEX = (
    "Next step: build one with `corroborate ingest` (your feeds) or `corroborate demo --no-page` "
    "(the bundled sample corpus), or press **Update now** in **The index** view."
)

st.set_page_config(page_title="corroborate", page_icon="🔎", layout="wide")
st.markdown(CSS, unsafe_allow_html=True)


@st.cache_resource(show_spinner=False)
def get_engine(key: str, _settings: Settings) -> tuple[Engine, ModelWarmup]:
    """One engine per settings (``key`` is their repr) for the whole server: models and index
    load once, in the background from the moment the page first runs (with ``engine_url``, the
    client of a `corroborate serve` API, whose warm-up only checks that the server answers)."""
    eng: Engine = open_engine(_settings)  # type: ignore[assignment]  # the same methods
    return eng, ModelWarmup(eng).start()


def served() -> tuple[Engine, ModelWarmup]:
    settings = Settings.load()
    return get_engine(repr(settings), settings)


def engine() -> Engine:
    return served()[0]


def models_status() -> None:
    """Where the models' loading stands: a progress bar while they load, then a caption."""
    state = served()[1].state()
    if state.ready:
        st.caption(state.describe())
    elif state.error is None:  # a failure is explained by the check that meets it
        models_loading()


@st.fragment(run_every=0.5)
def models_loading() -> None:
    state = served()[1].state()
    if state.finished:
        st.rerun()  # the whole page: the bar becomes a caption and this stops polling
    st.progress(state.fraction, text=state.describe())


def wait_for_models() -> None:
    """A check asked for while the models load waits for them here, showing their progress."""
    warmup = served()[1]
    if warmup.state().finished:
        return
    bar = st.progress(0.0, text="Loading models…")
    while not warmup.wait(0.25):
        state = warmup.state()
        bar.progress(state.fraction, text="Your check starts as soon as the models are loaded. "
                     + state.describe())
    bar.empty()


def explain_failure(exc: Exception) -> None:
    """A clear message and a next step instead of a traceback."""
    if isinstance(exc, IndexError_):
        st.warning(f"No usable index yet: {exc}")
        st.info(NEXT_STEP_INDEX)
    elif isinstance(exc, ModelError):
        st.warning(f"A model is not ready: {exc}")
        st.info(
            "Next step: run `corroborate models prepare`, or point `CORROBORATE_STANCE_MODEL` / "
            "`CORROBORATE_EMBEDDING_MODEL` at a prepared model folder."
        )
    elif isinstance(exc, (ConfigError, FeedListError)):
        st.warning(f"The configuration is not usable: {exc}")
        st.info("Next step: fix the setting named above (`corroborate settings` lists them all).")
    elif isinstance(exc, (CorroborateError, ValueError)):
        st.warning(str(exc))
    else:  # a bug: say so plainly, keep the traceback for the server log
        log.exception("page failure")
        st.error(
            f"Something went wrong ({type(exc).__name__}: {exc}). "
            "The details are in the server log."
        )


def guarded(view: Callable[[], None]) -> None:
    try:
        view()
    except Exception as exc:  # a message, never a traceback (st.rerun/st.stop are BaseException)
        explain_failure(exc)


def progress_to(bar: Any, unit: str) -> Callable[[int, int], None]:
    """An ``on_progress(done, total)`` callback driving a ``st.progress`` bar."""
    def update(done: int, total: int) -> None:
        bar.progress(min(1.0, done / max(total, 1)), text=f"{done}/{total} {unit}")
    return update


def index_status(eng: Engine) -> dict[str, Any]:
    try:
        return eng.status()
    except CorroborateError:
        return {}


# --- check a claim -------------------------------------------------------------------------------
def filters_panel(
    status: dict[str, Any], initial: dict[str, Any], default_k: int
) -> dict[str, Any]:
    outlets = sorted(status.get("per_outlet", {}))
    languages = sorted(status.get("per_language", {}))
    oldest = date.fromisoformat(str(status.get("oldest_published") or "2020-01-01")[:10])
    newest = date.fromisoformat(
        str(status.get("newest_published") or date.today().isoformat())[:10]
    )
    opened = any(initial.get(k) for k in ("languages", "outlets", "date_from", "date_to"))
    with st.expander("Filters", expanded=opened):
        c1, c2, c3 = st.columns(3)
        use_dates = c1.checkbox(
            "Limit dates", value=bool(initial.get("date_from") or initial.get("date_to"))
        )
        date_from = date_to = None
        if use_dates:
            date_from = c1.date_input("From", value=initial.get("date_from") or oldest)
            date_to = c1.date_input("To", value=initial.get("date_to") or newest)
        langs = c2.multiselect("Languages", languages,
                               default=[x for x in initial.get("languages", []) if x in languages])
        outs = c2.multiselect(
            "Outlets", outlets, default=[x for x in initial.get("outlets", []) if x in outlets]
        )
        top_k = int(initial.get("top_k") or default_k)  # a link's k, else the top_k setting
        top_k = c3.slider("Results per side", 1, max(30, top_k), max(1, top_k))
    return {
        "date_from": date_from,
        "date_to": date_to,
        "languages": langs,
        "outlets": outs,
        "top_k": top_k,
    }


def checked(eng: Engine, claim: str, chosen: dict[str, Any]) -> Any:
    """The result of one check, kept in the session so reruns (expanders, filters) reuse it."""
    results: dict[str, Any] = st.session_state.setdefault("results", {})
    key = result_key(claim, chosen)
    if key not in results:
        wait_for_models()
        with st.spinner("Searching the index and judging stance…"):
            results[key] = eng.search(claim, **chosen)
    return results[key]


def show_result(result: Any) -> None:
    if result.fact_checks:
        st.markdown(fact_check_box(result), unsafe_allow_html=True)
    st.markdown(verdict_banner(result), unsafe_allow_html=True)
    if not (result.supporting or result.contradicting or result.neutral):
        st.info(
            "Nothing in the index speaks to this claim. Next step: rephrase it (names, places, "
            "dates help), widen the filters, or add feeds that cover the story and press "
            "**Update now**."
        )
    left, right = st.columns(2)
    for col, side, title in (
        (left, "supporting", "Supporting"),
        (right, "contradicting", "Contradicting"),
    ):
        with col:
            items = result.side(side)
            cards = cards_by_origin(items)  # copies of one story: one card, copies inside
            read = sum(e.read_articles for e in items)  # one item per origin, its copies read
            st.subheader(f"{title} ({side_count(len(cards), read)})")
            if not items:
                st.caption(f"No {side} coverage in the index.")
            for ev in cards:
                show_card(ev, result)
    neutral = cards_by_origin(result.neutral)
    counted = side_count(len(neutral), sum(e.read_articles for e in result.neutral))
    with st.expander(f"Related, no clear stance ({counted})", expanded=False):
        for ev in neutral:
            show_card(ev, result)
    st.caption(getattr(result.verdict, "disclaimer", ""))


def show_card(ev: Any, result: Any) -> None:
    st.markdown(evidence_card(ev, result.language, result.claim), unsafe_allow_html=True)
    others = len({c.outlet for c in ev.copies if c.outlet != ev.outlet})
    if ev.copies:
        with st.expander(
            f"Also carried by {others} other outlet{'s' * (others != 1)}: "
            f"{len(ev.copies)} cop{'ies' if len(ev.copies) != 1 else 'y'} of the same origin"
        ):
            st.dataframe(copies_rows(ev), hide_index=True, width="stretch",
                         column_config={"url": st.column_config.LinkColumn("url")})


def check_view() -> None:
    st.title("Check a claim")
    st.caption(
        "Paste a claim or a whole article, in any language. The page shows which indexed outlets "
        "support it and which contradict it, and how many independent origins stand behind "
        "each side."
    )
    params = st.query_params.to_dict()
    if "claim_text" not in st.session_state:
        st.session_state["claim_text"] = params.get("claim") or EXAMPLE_CLAIM
    text = st.text_area("A claim, or a whole article", height=140, key="claim_text")
    eng = engine()
    chosen = filters_panel(index_status(eng), filters_from_query(params), eng.settings.top_k)
    clicked = st.button("Check", type="primary")
    from_link = bool(params.get("claim")) and not st.session_state.get("link_checked")
    st.session_state["link_checked"] = True
    if clicked or from_link:
        if not text.strip():
            st.warning("Type a claim first.")
            return
        st.session_state["checking"] = (text, chosen)
        st.query_params.from_dict(filters_to_query(text, chosen))
    if "checking" not in st.session_state:
        st.caption("Press **Check** to search the index.")
        return
    text, chosen = st.session_state["checking"]
    if not looks_like_article(text):
        result = checked(eng, text, chosen)
        show_result(result)
        offer_lead(text, result, chosen)
        return
    check_article(eng, text, chosen)


def offer_lead(text: str, result: Any, chosen: dict[str, Any]) -> None:
    """A long claim nobody states as a whole: offer to check its lead statement instead."""
    lead = None if result.supporting or result.contradicting else lead_of(text)
    if lead is None:
        return
    st.info("This claim packs several statements, and no outlet states them all in one passage. "
            f"Its lead statement can be checked on its own: “{lead}”")

    def check_lead() -> None:
        st.session_state["claim_text"] = lead
        st.session_state["checking"] = (lead, chosen)

    st.button("Check the lead statement", on_click=check_lead)


def check_article(eng: Engine, text: str, chosen: dict[str, Any]) -> None:
    claims_cache: dict[str, list[Claim]] = st.session_state.setdefault("article_claims", {})
    if text not in claims_cache:
        claims_cache[text] = eng.extract_claims(text)
    found = claims_cache[text]
    claims = [c.text for c in found]
    if not claims:
        st.info(
            "No check-worthy claim found in this text. Next step: paste a sentence with who, what, "
            "where or when (names, numbers, dates)."
        )
        return
    st.write(f"This looks like an article: **{len(claims)} claims** found. Pick the ones to check.")
    if any(c.rest for c in found):
        st.caption("A long sentence is checked by its leading statement; the clauses after it "
                   "(“, which …”, “, killing …”) are not checked.")
    key = f"picked-{abs(hash(text))}"
    if key not in st.session_state:
        st.session_state[key] = claims[:1]
    st.button("Check all claims", on_click=lambda: st.session_state.update({key: list(claims)}))
    picked = st.multiselect("Claims to check", claims, key=key)
    for i, claim in enumerate(picked, 1):
        st.markdown(claim_heading(i, claim), unsafe_allow_html=True)
        show_result(checked(eng, claim, chosen))


# --- compare outlets -----------------------------------------------------------------------------
def compare_view() -> None:
    st.title("Compare outlets")
    st.caption(
        "For a set of claims: who covered each one, who backed it, who disputed it, "
        "who stayed silent."
    )
    source = st.radio(
        "Claims",
        ["Type them (one per line)", "Upload a file", "Claims of an article"],
        horizontal=True,
    )
    eng = engine()
    claims: list[str] = []
    if source.startswith("Type"):
        raw = st.text_area(
            "Claims, one per line", value=EXAMPLE_CLAIM, height=120, key="compare_claims"
        )
        claims = [c.strip() for c in raw.splitlines() if c.strip()]
    elif source.startswith("Upload"):
        up = st.file_uploader("A .txt file (one claim per line) or a .csv file (a `claim` column)",
                              type=["txt", "csv"])
        if up is not None:
            claims = claims_from_upload(up.name, up.getvalue())
    else:
        article = st.text_area("The article", height=200, key="compare_article")
        if article.strip():
            claims = [c.text for c in eng.extract_claims(article, max_claims=8)]
    if claims:
        st.caption(f"{len(claims)} claim{'s' * (len(claims) != 1)} to compare.")
    if st.button("Compare", type="primary", disabled=not claims):
        wait_for_models()
        bar = st.progress(0.0, text="Checking claims…")
        st.session_state["comparison"] = eng.compare(
            claims, on_progress=progress_to(bar, "claims checked"))
        bar.empty()
    comparison = st.session_state.get("comparison")
    if comparison is None:
        return
    if not any(c.articles for c in comparison.cells):
        st.info(
            "No outlet in the index covered these claims. Next step: rephrase them, or add feeds "
            "that cover the story and press **Update now** in **The index** view."
        )
    frames = comparison_frames(comparison)
    st.subheader("Outlet × claim")
    st.altair_chart(frames["heatmap"], width="stretch")
    st.dataframe(frames["claims"], hide_index=True, width="stretch",
                 column_config={"label": st.column_config.TextColumn("claim", width="small"),
                                "claim": st.column_config.TextColumn("text"),
                                "already fact-checked": st.column_config.TextColumn(
                                    "already fact-checked")})
    st.subheader("Coverage over time")
    st.altair_chart(frames["timeline"], width="stretch")
    c1, c2 = st.columns(2)
    c1.download_button(
        "Download CSV", comparison.to_csv(), "comparison.csv", "text/csv", on_click="ignore"
    )
    c2.download_button("Download JSON", comparison.to_json(), "comparison.json", "application/json",
                       on_click="ignore")
    with st.expander("Coverage volume per outlet"):
        st.dataframe(frames["volume"], hide_index=True, width="stretch")
    with st.expander("Outlets that never covered a claim"):
        for claim, outlets in comparison.silent().items():
            st.text(f"{claim} — {', '.join(outlets) if outlets else 'none'}")


# --- the index -----------------------------------------------------------------------------------
def index_view() -> None:
    st.title("The index")
    eng = engine()
    st.caption(f"Data directory: `{eng.settings.data_dir}` (set with `CORROBORATE_DATA_DIR`)")
    status = eng.status()
    c1, c2, c3 = st.columns(3)
    c1.metric("Feeds", status.get("feeds", 0))
    c2.metric("Articles", status.get("articles", 0))
    c3.metric("Passages", status.get("passages", 0))
    if not status.get("articles"):
        st.info("The index is empty. " + NEXT_STEP_INDEX)
    col_a, col_b = st.columns(2)
    col_a.write("Articles per outlet")
    col_a.dataframe([{"outlet": k, "articles": v} for k, v in status.get("per_outlet", {}).items()],
                    hide_index=True, width="stretch")
    col_b.write("Articles per language")
    col_b.dataframe(
        [{"language": k, "articles": v} for k, v in status.get("per_language", {}).items()],
        hide_index=True,
        width="stretch",
    )
    st.subheader("Feeds")
    failing = failing_feeds(status)
    if failing:
        st.warning(f"{len(failing)} feed{'s' * (len(failing) != 1)} failed on the last fetch: "
                   + "; ".join(f"{f['outlet']} ({f['last_error']})" for f in failing[:5]))
        st.info(
            "Next step: check the feed URL in a browser, fix or remove it with "
            "`corroborate feeds`, then press **Update now**. Other feeds are not affected."
        )
    feeds = status.get("feeds_detail") or []
    if feeds:
        st.dataframe(feeds, hide_index=True, width="stretch")
    elif status.get("feeds", 0) == 0:
        st.caption(f"No feed fetched yet. The feed list is `{eng.settings.feeds_file}`.")
    errors = status.get("recent_errors") or []
    if errors:
        with st.expander(f"Recent fetch errors ({len(errors)})"):
            st.dataframe(errors, hide_index=True, width="stretch")
    b1, b2 = st.columns(2)
    if b1.button("Update now", help="Fetch the feeds for new articles and index them"):
        run_update(eng)
    if b2.button(
        "Rebuild", help="Re-embed every stored passage into a new index, swapped in atomically"
    ):
        bar = st.progress(0.0, text="Re-embedding every passage…")
        try:
            eng.rebuild(on_progress=progress_to(bar, "passages embedded"))
            st.success("Rebuild finished; the new index is in use.")
        except CorroborateError as exc:
            explain_failure(exc)
    st.subheader("Index manifest")
    manifest = status.get("manifest")
    if manifest:
        st.json(manifest)
    else:
        st.info("No vector index yet. " + NEXT_STEP_INDEX)


def run_update(eng: Engine) -> None:
    bar = st.progress(0.0, text="Fetching feeds…")
    try:
        # a demo data directory's own sample server is one of its settings' local_hosts
        report = eng.update(on_progress=progress_to(bar, "feeds and pages done"))
    except CorroborateError as exc:
        explain_failure(exc)
        return
    bar.progress(1.0, text="Done")
    r = report.to_dict() if hasattr(report, "to_dict") else dict(report)
    deferred = r.get("deferred", 0)
    later = f"; {deferred} entries deferred to the next update" if deferred else ""
    st.success(
        f"Update finished: {r.get('articles_new', 0)} new articles, "
        f"{r.get('passages_new', 0)} new passages; feeds ok {r.get('feeds_ok', 0)}, "
        f"unchanged {r.get('feeds_unchanged', 0)}, failed {r.get('feeds_failed', 0)}{later}."
    )
    if r.get("feeds_failed"):
        st.warning(
            "Some feeds failed: see **Feeds** below for the reason of each (press **Update now** "
            "again after fixing them)."
        )
    st.button("Refresh the counts")


def main() -> None:
    params = st.query_params.to_dict()
    default_view = params.get("view", VIEWS[0])
    view = st.sidebar.radio(
        "View", VIEWS, index=VIEWS.index(default_view) if default_view in VIEWS else 0
    )
    st.sidebar.caption("corroborate reports coverage, not truth. Text from feeds is shown as text.")
    guarded(models_status)
    guarded({VIEWS[0]: check_view, VIEWS[1]: compare_view, VIEWS[2]: index_view}[view])


main()
