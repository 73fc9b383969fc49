"""The corroborate page: supporting and contradicting coverage side by side.

Run with ``streamlit run app.py`` (the data directory comes from ``CORROBORATE_DATA_DIR``).
The page only calls the library: no SQL, FAISS or model code lives here.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import streamlit as st

from corroborate import Engine, Settings
from corroborate.errors import CorroborateError, IndexError_, ModelError
from corroborate.pagehelp import (
    EXAMPLE_CLAIM,
    comparison_frames,
    filters_from_query,
    filters_to_query,
    looks_like_article,
)
from corroborate.render import CSS, copies_rows, evidence_card, verdict_banner

st.set_page_config(page_title="corroborate", page_icon="🔎", layout="wide")
st.markdown(CSS, unsafe_allow_html=True)

VIEWS = ("Check a claim", "Compare outlets", "The index")


@st.cache_resource(show_spinner="Loading the index and the models…")
def get_engine(data_dir: str) -> Engine:
    """One engine per data directory for the whole server (models and index load once)."""
    return Engine(settings=Settings.load(data_dir=data_dir))


def engine() -> Engine:
    return get_engine(str(Settings.load().data_dir))


def explain_failure(exc: Exception) -> None:
    """A clear message and a next step instead of a traceback."""
    if isinstance(exc, IndexError_):
        st.warning(f"No usable index yet. {exc}")
        st.info("Next step: build one with `corroborate ingest` (real feeds) or "
                "`corroborate demo --no-page` (the bundled sample corpus), or use "
                "**The index** view to update it.")
    elif isinstance(exc, ModelError):
        st.warning(f"A model is not ready: {exc}")
        st.info("Next step: run `corroborate models prepare`.")
    else:
        st.error(f"{exc}")


# --- check a claim -------------------------------------------------------------------------------
def filters_panel(eng: Engine, initial: dict[str, Any]) -> dict[str, Any]:
    try:
        status = eng.status()
    except CorroborateError:
        status = {}
    outlets = sorted(status.get("per_outlet", {}))
    languages = sorted(status.get("per_language", {}))
    with st.expander("Filters", expanded=any(initial.get(k) for k in ("languages", "outlets", "date_from"))):
        c1, c2, c3 = st.columns(3)
        use_dates = c1.checkbox("Limit dates", value=bool(initial.get("date_from") or initial.get("date_to")))
        date_from = date_to = None
        if use_dates:
            date_from = c1.date_input("From", value=initial.get("date_from") or date(2023, 1, 1))
            date_to = c1.date_input("To", value=initial.get("date_to") or date.today())
        langs = c2.multiselect("Languages", languages, default=[x for x in initial.get("languages", []) if x in languages])
        outs = c2.multiselect("Outlets", outlets, default=[x for x in initial.get("outlets", []) if x in outlets])
        top_k = c3.slider("Results per side", 1, 30, int(initial.get("top_k") or 10))
    return {"date_from": date_from, "date_to": date_to, "languages": langs, "outlets": outs, "top_k": top_k}


def show_result(result: Any) -> None:
    st.markdown(verdict_banner(result), unsafe_allow_html=True)
    left, right = st.columns(2)
    for col, side, title in ((left, "supporting", "Supporting"), (right, "contradicting", "Contradicting")):
        with col:
            items = result.side(side)
            st.subheader(f"{title} ({len(items)})")
            if not items:
                st.caption(f"No {side} coverage found in the index.")
            for ev in items:
                st.markdown(evidence_card(ev, result.language), unsafe_allow_html=True)
                if ev.copies:
                    with st.expander(f"Copies folded into this origin ({len(ev.copies)})"):
                        st.dataframe(copies_rows(ev), hide_index=True, use_container_width=True)
    with st.expander(f"Discusses without taking a side ({len(result.neutral)})", expanded=False):
        for ev in result.neutral:
            st.markdown(evidence_card(ev, result.language), unsafe_allow_html=True)
    st.caption(getattr(result.verdict, "disclaimer", ""))


def check_view() -> None:
    st.title("Check a claim")
    params = st.query_params.to_dict()
    initial = filters_from_query(params)
    text = st.text_area("A claim, or a whole article", value=params.get("claim", EXAMPLE_CLAIM),
                        height=140, key="claim_text")
    eng = engine()
    chosen = filters_panel(eng, initial)
    run = st.button("Check", type="primary") or ("claim" in params and not st.session_state.get("ran_from_link"))
    if "claim" in params:
        st.session_state["ran_from_link"] = True
    if not run and "last_claims" not in st.session_state:
        return
    if run:
        st.session_state["last_claims"] = None
        st.query_params.from_dict(filters_to_query(text, chosen))
    try:
        if looks_like_article(text):
            claims = [c.text for c in eng.extract_claims(text)]
            if not claims:
                st.info("No check-worthy claims found in this text: try a sentence with names, numbers or dates.")
                return
            st.write(f"This looks like an article: {len(claims)} claims found.")
            picked = st.multiselect("Claims to check", claims, default=claims[:1])
            if st.button("Check all claims"):
                picked = claims
            for claim in picked:
                st.markdown("---")
                st.markdown(f"**Claim:** {claim}")
                show_result(eng.search(claim, **chosen))
        else:
            with st.spinner("Searching the index and judging stance…"):
                result = eng.search(text, **chosen)
            show_result(result)
    except (CorroborateError, ValueError) as exc:
        explain_failure(exc)


# --- compare outlets -----------------------------------------------------------------------------
def compare_view() -> None:
    st.title("Compare outlets")
    st.write("Who covered each claim, who backed it, who disputed it, who ignored it.")
    source = st.radio("Claims", ["Type them (one per line)", "Upload a file", "Claims of an article"], horizontal=True)
    eng = engine()
    claims: list[str] = []
    if source.startswith("Type"):
        raw = st.text_area("Claims, one per line", value=EXAMPLE_CLAIM, height=120, key="compare_claims")
        claims = [c.strip() for c in raw.splitlines() if c.strip()]
    elif source.startswith("Upload"):
        up = st.file_uploader("A text file, one claim per line", type=["txt"])
        if up is not None:
            claims = [c.strip() for c in up.getvalue().decode("utf-8", "replace").splitlines() if c.strip()]
    else:
        article = st.text_area("The article", height=200, key="compare_article")
        if article.strip():
            claims = [c.text for c in eng.extract_claims(article, max_claims=8)]
    if not claims or not st.button("Compare", type="primary"):
        return
    try:
        bar = st.progress(0.0, text="Checking claims…")
        comparison = eng.compare(claims, on_progress=lambda d, t: bar.progress(d / t, text=f"{d}/{t} claims"))
    except (CorroborateError, ValueError) as exc:
        explain_failure(exc)
        return
    frames = comparison_frames(comparison)
    st.subheader("Outlet × claim")
    st.altair_chart(frames["heatmap"], use_container_width=True)
    st.subheader("Coverage over time")
    st.altair_chart(frames["timeline"], use_container_width=True)
    st.subheader("Coverage volume per outlet")
    st.dataframe(frames["volume"], hide_index=True, use_container_width=True)
    silent = comparison.silent()
    with st.expander("Outlets that never covered a claim"):
        for claim, outlets in silent.items():
            st.markdown(f"**{claim}** — {', '.join(outlets) if outlets else 'none'}")
    c1, c2 = st.columns(2)
    c1.download_button("Download CSV", comparison.to_csv(), "comparison.csv", "text/csv")
    c2.download_button("Download JSON", comparison.to_json(), "comparison.json", "application/json")


# --- the index -----------------------------------------------------------------------------------
def index_view() -> None:
    st.title("The index")
    eng = engine()
    st.caption(f"Data directory: `{eng.settings.data_dir}`")
    try:
        status = eng.status()
    except CorroborateError as exc:
        explain_failure(exc)
        return
    c1, c2, c3 = st.columns(3)
    c1.metric("Feeds", status.get("feeds", 0))
    c2.metric("Articles", status.get("articles", 0))
    c3.metric("Passages", status.get("passages", 0))
    if not status.get("articles"):
        st.info("The index is empty. Next step: **Update now** below, `corroborate ingest`, "
                "or `corroborate demo --no-page` for the sample corpus.")
    col_a, col_b = st.columns(2)
    col_a.write("Articles per outlet")
    col_a.dataframe([{"outlet": k, "articles": v} for k, v in status.get("per_outlet", {}).items()], hide_index=True)
    col_b.write("Articles per language")
    col_b.dataframe([{"language": k, "articles": v} for k, v in status.get("per_language", {}).items()], hide_index=True)
    st.subheader("Feeds")
    feeds = status.get("feeds_detail") or status.get("last_fetch") or []
    if feeds:
        st.dataframe(feeds, hide_index=True, use_container_width=True)
    errors = status.get("recent_errors") or []
    if errors:
        with st.expander(f"Recent errors ({len(errors)})"):
            st.dataframe(errors, hide_index=True, use_container_width=True)
    b1, b2 = st.columns(2)
    if b1.button("Update now"):
        bar = st.progress(0.0, text="Fetching feeds…")
        try:
            report = eng.update(on_progress=lambda d, t: bar.progress(min(1.0, d / max(t, 1)), text=f"{d}/{t}"))
            st.success(f"Update finished: {json.dumps(report.to_dict() if hasattr(report, 'to_dict') else report, default=str)[:500]}")
        except CorroborateError as exc:
            explain_failure(exc)
    if b2.button("Rebuild"):
        bar = st.progress(0.0, text="Re-embedding every passage…")
        try:
            eng.rebuild(on_progress=lambda d, t: bar.progress(min(1.0, d / max(t, 1)), text=f"{d}/{t} passages"))
            st.success("Rebuild finished; the new index is in use.")
        except CorroborateError as exc:
            explain_failure(exc)
    st.subheader("Index manifest")
    manifest = status.get("manifest")
    if manifest:
        st.json(manifest)
    else:
        st.info("No vector index yet. Next step: `corroborate ingest` or `corroborate rebuild`.")


def main() -> None:
    params = st.query_params.to_dict()
    default_view = params.get("view", VIEWS[0])
    view = st.sidebar.radio("View", VIEWS, index=VIEWS.index(default_view) if default_view in VIEWS else 0)
    st.sidebar.caption("corroborate reports coverage, not truth. Text from feeds is shown as text.")
    {VIEWS[0]: check_view, VIEWS[1]: compare_view, VIEWS[2]: index_view}[view]()


main()
