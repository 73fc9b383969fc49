"""Untrusted feed text must render as text: escaping, safe links, highlighting."""

from __future__ import annotations

from datetime import UTC, datetime

from corroborate.page.render import evidence_card, highlighted_passage
from corroborate.results import Copy, Evidence

HOSTILE = 'Officials said <script>alert("x")</script> and <img src=x onerror="alert(1)"> things.'


def make_evidence(
    passage: str = HOSTILE, url: str = "https://example.org/a", **kw: object
) -> Evidence:
    fields: dict[str, object] = dict(
        article_id="a1",
        url=url,
        title='<b onmouseover="x()">Headline</b>',
        outlet="Outlet <i>",
        language="ar",
        published=datetime(2024, 1, 4, tzinfo=UTC),
        passage=passage,
        start=0,
        end=len(passage),
        highlight=(0, 14),
        score=0.91,
        stance="supports",
        probabilities={"supports": 0.8, "contradicts": 0.1, "neutral": 0.05, "unrelated": 0.05},
        origin="a1",
        copies=(Copy("a2", "https://b.example/x", "t", "Other", None, "verbatim copy"),),
    )
    fields.update(kw)
    return Evidence(**fields)  # type: ignore[arg-type]


def test_script_and_event_handlers_render_as_text() -> None:
    html = evidence_card(make_evidence(), claim_language="fr")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "onerror=&quot;" in html
    assert "<b onmouseover" not in html and "<i>" not in html
    assert "in Arabic" in html  # labelled as another language than the claim
    assert 'dir="rtl"' in html
    assert "also carried by 1 other outlet" in html


def test_highlight_wraps_only_the_sentence_and_stays_escaped() -> None:
    ev = make_evidence(passage="First <sentence>. Second one.", highlight=(0, 17))
    assert highlighted_passage(ev) == (
        '<mark title="the sentence closest to the claim">First &lt;sentence&gt;.</mark> Second one.'
    )


def test_a_deciding_sentence_is_said_to_be_one() -> None:
    from dataclasses import replace

    ev = replace(
        make_evidence(passage="First one. Second <b>one</b>.", highlight=(11, 29)),
        reading="sentence",
    )
    assert highlighted_passage(ev) == ('First one. <mark title="this sentence decided the stance">'
                                       "Second &lt;b&gt;one&lt;/b&gt;.</mark>")
    assert "(from the highlighted sentence)" in evidence_card(ev)
    assert "(from the highlighted sentence)" not in evidence_card(make_evidence())


def test_only_http_links_are_rendered() -> None:
    html = evidence_card(make_evidence(url="javascript:alert(1)"))
    assert "javascript:" not in html and 'href="#"' in html


def test_verdict_banner_and_claim_heading_escape_their_text() -> None:
    from corroborate.page.render import claim_heading, verdict_banner
    from corroborate.results import Result
    from corroborate.verdict import decide_verdict

    ev = make_evidence()
    summary = {
        "described": {
            "supporting": "1 article from 1 outlet, 1 independent origin",
            "contradicting": "0 articles from 0 outlets, 0 independent origins",
        },
        "outlets": 1,
        "date_span": ["2024-01-04T00:00:00+00:00", "2024-01-04T00:00:00+00:00"],
    }
    result = Result(
        "<b>claim</b>", (ev,), (), (), decide_verdict(1, 0, min_origins=2), summary, "fr"
    )
    banner = verdict_banner(result)
    assert "NOT ENOUGH COVERAGE" in banner and "1 independent origin" in banner
    assert "1 outlet in all · 2024-01-04 → 2024-01-04" in banner
    assert claim_heading(2, "<script>x</script>") == (
        '<div class="cb-claim">Claim 2: '
        '<span dir="auto">&lt;script&gt;x&lt;/script&gt;</span></div>'
    )


def test_a_same_language_result_is_not_labelled_and_ltr() -> None:
    html = evidence_card(make_evidence(language="fr"), claim_language="fr")
    assert "in French" not in html and "French" in html and 'dir="rtl"' not in html


def test_copies_of_one_wire_story_make_one_card_with_its_copies_inside() -> None:
    from corroborate.page.render import SAME_ORIGIN, cards_by_origin

    def wire(article_id: str, outlet: str, confidence: float) -> Evidence:
        others = [x for x in ("w1", "w2", "w3") if x != article_id]
        copies = tuple(
            Copy(x, f"https://{x}.example/s", "Wire story", f"Outlet {x}", None, "verbatim copy")
            for x in others
        )
        return make_evidence(
            article_id=article_id,
            url=f"https://{article_id}.example/s",
            outlet=outlet,
            origin="w1",
            copies=copies,
            probabilities={"supports": confidence, "contradicts": 1 - confidence},
        )

    own = make_evidence(article_id="x1", origin="x1", copies=(), outlet="Own reporting")
    extra = Copy("w9", "https://w9.example/s", "Wire story", "Outlet w9", None, "rewrite")
    items = [wire("w1", "Outlet w1", 0.7), own, wire("w2", "Outlet w2", 0.9),
             with_fields(wire("w3", "Outlet w3", 0.8), copies=(extra,))]
    cards = cards_by_origin(items)
    assert [c.article_id for c in cards] == ["w2", "x1"]  # one per origin, in first-seen order
    card = cards[0]
    assert card.confidence == 0.9  # the origin's most confident evidence is the card
    assert [c.article_id for c in card.copies] == ["w1", "w3", "w9"]  # each once, never itself
    assert {c.reason for c in card.copies[:2]} == {"verbatim copy"}  # the engine's reason is kept
    assert cards[1].copies == ()
    html = [evidence_card(c) for c in cards]
    assert "also carried by 3 other outlets" in html[0] and "cb-copies" not in html[1]
    # an evidence item the engine did not list as a copy is folded in as one of its origin
    lone = with_fields(wire("w2", "Outlet w2", 0.6), copies=())
    folded = cards_by_origin([with_fields(wire("w1", "Outlet w1", 0.7), copies=()), lone])
    assert [(c.article_id, c.reason) for c in folded[0].copies] == [("w2", SAME_ORIGIN)]


def with_fields(ev: Evidence, **changes: object) -> Evidence:
    from dataclasses import replace as dc_replace

    return dc_replace(ev, **changes)  # type: ignore[arg-type]


def test_a_column_counts_its_origins_and_the_articles_folded_into_them() -> None:
    from corroborate.page.render import side_count

    assert side_count(7, 9) == "7 origins, 9 articles"
    assert side_count(1, 3) == "1 origin, 3 articles"
    assert side_count(4, 4) == "4"


def test_a_card_with_no_clear_stance_says_why_it_is_not_support_escaped() -> None:
    from corroborate.stance.evidence import unconfirmed

    claim = 'The <b>Islamic State</b> claimed the Kerman bombings.'
    reasons = unconfirmed(claim, "Syria condemned the bombings in Kerman.")
    assert reasons == ("it does not name “Islamic State”",)
    html = evidence_card(make_evidence(stance="neutral", unconfirmed=reasons), claim=claim)
    assert "not counted as support: it does not name “Islamic State”" in html
    assert "not counted as support" not in evidence_card(make_evidence())
    hostile = evidence_card(make_evidence(stance="neutral", unconfirmed=("<script>x</script>",)))
    assert "<script>x" not in hostile and "&lt;script&gt;x" in hostile
