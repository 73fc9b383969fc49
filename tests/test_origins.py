"""Independent-origin clustering: wire copies fold, independent reports stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from corroborate.domain import Article, article_id_for
from corroborate.origins import (
    WireAgency,
    cluster_origins,
    detect_wire_credit,
    detect_wire_credits,
    origin_counts,
)

T0 = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)

# An invented wire story (Reuters-credited), written for this test.
WIRE_PARAS = [
    "VALMORA, March 4 (Reuters) - A dam on the Serra river burst before dawn on Tuesday, "
    "flooding the lower town of Valmora and killing at least 14 people, regional civil "
    "protection officials said.",
    "Rescue teams pulled 63 survivors from rooftops and submerged cars, and some 2,300 "
    "residents spent the night in schools and a sports hall on higher ground, the officials "
    "said in a statement.",
    "The 42-metre Castelo dam, completed in 1978, had been listed for urgent repairs in an "
    "inspection report last year, according to documents seen by Reuters. The regional "
    "water authority declined to comment on the report.",
    "Governor Ines Carvalho declared three days of mourning and said an independent inquiry "
    "would examine why warning sirens did not sound in the lower town.",
    "Heavy rain is forecast to continue until Thursday, and engineers were inspecting two "
    "smaller dams upstream, the civil protection agency added.",
]
WIRE = "\n\n".join(WIRE_PARAS)

# A light rewrite: new headline, one paragraph trimmed, a local paragraph added, a few words
# changed.
REWRITE = "\n\n".join([
    WIRE_PARAS[0],
    WIRE_PARAS[1].replace("some 2,300", "about 2,300"),
    WIRE_PARAS[2],
    WIRE_PARAS[3].replace("declared three days of mourning", "announced three days of mourning"),
    "Valmora, a town of 18,000 people, was also hit by flooding in 2011, when no one died.",
])

# The same story with the credit stripped and trimmed: only the text can tie it back.
UNCREDITED = "\n\n".join([
    WIRE_PARAS[0].replace("VALMORA, March 4 (Reuters) - ", ""),
    WIRE_PARAS[1],
    WIRE_PARAS[2].replace("seen by Reuters", "seen by reporters"),
    WIRE_PARAS[3],
])

# A French translation that credits the wire.
TRANSLATION = (
    "VALMORA, 4 mars (Reuters) - Un barrage sur la rivière Serra a cédé mardi avant l'aube, "
    "inondant la ville basse de Valmora et faisant au moins 14 morts, selon la protection "
    "civile régionale.\n\nLes secours ont sauvé 63 personnes réfugiées sur des toits et dans des "
    "voitures submergées, et quelque 2 300 habitants ont passé la nuit dans des écoles et un "
    "gymnase.\n\nLe barrage de Castelo, haut de 42 mètres et achevé en 1978, devait faire "
    "l'objet de réparations urgentes. La gouverneure Ines Carvalho a décrété trois jours de deuil."
)

# Independent reports of the same event: their own words, their own sources, no wire credit.
INDEPENDENT_1 = (
    "Our correspondent in Valmora saw water up to the first floor of houses in the lower town on "
    "Tuesday morning. Neighbours described a roar 'like a train' shortly after four o'clock, "
    "when the Castelo dam gave way. Hospital staff told us they had received at least 14 bodies "
    "by noon. Many residents say the sirens stayed silent."
)
INDEPENDENT_2 = (
    "The failure of the Castelo reservoir wall near Valmora has reopened a long-running dispute "
    "over maintenance budgets. Engineers from the national laboratory warned in 2019 that its "
    "spillway was too small for extreme rain, a local councillor told this newspaper. Fourteen "
    "deaths have been confirmed, the mayor's office said on its website."
)
INDEPENDENT_3 = (
    "VALMORA (AFP) — Flood waters released by a collapsed dam on the Serra swept through "
    "Valmora in the early hours, leaving at least 14 dead and thousands homeless, emergency "
    "services told AFP. Volunteers with boats helped firefighters reach families trapped in their "
    "homes, and Governor Ines Carvalho ordered an inquiry into the alarm system."
)
# A French outlet running the AFP story in its own words, credited "avec AFP".
INDEPENDENT_3_FR = (
    "Au moins 14 personnes sont mortes après la rupture d'un barrage sur la Serra qui a inondé "
    "Valmora pendant la nuit, ont indiqué les secours. Des bénévoles en bateau ont aidé les "
    "pompiers à atteindre des familles piégées. La gouverneure Ines Carvalho a ordonné une "
    "enquête sur le système d'alerte. (avec AFP)"
)
# A Reuters follow-up three weeks later: same credit, same place, a different origin in time.
FOLLOW_UP = (
    "VALMORA, March 25 (Reuters) - An independent inquiry into the Castelo dam collapse that "
    "killed 14 people in Valmora found that warning sirens had been disconnected during repairs "
    "in 2023, Governor Ines Carvalho said on Tuesday."
)


def _article(outlet: str, text: str, hours: float, title: str = "Dam bursts", author: str = "",
             lang: str = "en") -> Article:
    url = f"https://{outlet}.example/{abs(hash((outlet, text))) % 10**8}"
    return Article(id=article_id_for(url), url=url, outlet=outlet, title=title, text=text,
                   language=lang, published=T0 + timedelta(hours=hours), author=author)


@pytest.fixture
def corpus() -> dict[str, Article]:
    return {
        "wire": _article("wire-desk", WIRE, 0, title="Dam bursts in Valmora, at least 14 dead"),
        "copy_b": _article("daily-b", WIRE, 1, title="Valmora dam disaster: 14 killed"),
        "copy_c": _article("courier-c", WIRE, 2, title="Dam bursts in Valmora, at least 14 dead"),
        "copy_d": _article("herald-d", "  " + WIRE.replace("\n\n", "\n") + "\n", 3),
        "rewrite": _article("gazette-e", REWRITE, 4, title="Families flee as Serra dam gives way"),
        "uncredited": _article("blog-f", UNCREDITED, 30, title="Catastrophe in Valmora"),
        "translation": _article(
            "journal-g", TRANSLATION, 20, title="Rupture d'un barrage", lang="fr"
        ),
        "independent_1": _article("times-h", INDEPENDENT_1, 5, title="Inside the drowned town"),
        "independent_2": _article("post-i", INDEPENDENT_2, 8, title="Who maintained the dam?"),
        "independent_3": _article("afp-desk", INDEPENDENT_3, 2, title="Dam collapse kills 14"),
        "independent_3_fr": _article(
            "quotidien-j", INDEPENDENT_3_FR, 6, title="Barrage", lang="fr"
        ),
        "follow_up": _article(
            "wire-desk", FOLLOW_UP, 24 * 21, title="Dam sirens were disconnected"
        ),
    }


def _groups(result, corpus: dict[str, Article]) -> set[frozenset[str]]:
    name_of = {a.id: name for name, a in corpus.items()}
    return {frozenset(name_of[i] for i in o.article_ids) for o in result.origins}


def test_wire_copies_fold_and_independent_reports_stay_apart(corpus: dict[str, Article]) -> None:
    result = cluster_origins(list(corpus.values()), window_days=3)
    assert _groups(result, corpus) == {
        frozenset({"wire", "copy_b", "copy_c", "copy_d", "rewrite", "uncredited", "translation"}),
        frozenset({"independent_1"}),
        frozenset({"independent_2"}),
        frozenset({"independent_3", "independent_3_fr"}),
        frozenset({"follow_up"}),
    }
    wire_origin = result.origin(corpus["wire"].id)
    # the origin id is the oldest member's id, and it is Reuters'
    assert wire_origin.id == corpus["wire"].id
    assert wire_origin.wire == "Reuters"
    assert wire_origin.article_ids[0] == corpus["wire"].id
    assert len(wire_origin.folded) == 6
    reasons = result.reasons
    assert reasons[corpus["copy_b"].id] == "verbatim copy"
    assert reasons[corpus["copy_d"].id] == "verbatim copy"  # whitespace differences only
    assert reasons[corpus["rewrite"].id].startswith("near-duplicate (Jaccard 0.")
    assert reasons[corpus["uncredited"].id].startswith("near-duplicate")
    assert reasons[corpus["translation"].id].startswith("same wire credit (Reuters) and same story")
    assert "AFP" in reasons[corpus["independent_3_fr"].id]
    assert corpus["wire"].id not in reasons
    counts = origin_counts(result)
    assert (counts.articles, counts.outlets, counts.origins) == (12, 11, 5)
    assert counts.describe() == "12 articles from 11 outlets, 5 independent origins"


def test_result_does_not_depend_on_input_order(corpus: dict[str, Article]) -> None:
    forward = cluster_origins(list(corpus.values()))
    backward = cluster_origins(list(reversed(corpus.values())))
    assert dict(forward.origin_of) == dict(backward.origin_of)
    assert [o.id for o in forward.origins] == [o.id for o in backward.origins]


def test_counts_of_one_side(corpus: dict[str, Article]) -> None:
    result = cluster_origins(list(corpus.values()))
    side = [corpus[n].id for n in ("wire", "copy_b", "copy_c", "rewrite", "independent_1")]
    counts = result.counts(side)
    assert (counts.articles, counts.outlets, counts.origins) == (5, 5, 2)
    assert counts.describe() == "5 articles from 5 outlets, 2 independent origins"
    one = origin_counts(result, [corpus["follow_up"].id])
    assert one.describe() == "1 article from 1 outlet, 1 independent origin"


def test_window_keeps_same_credit_stories_apart(corpus: dict[str, Article]) -> None:
    # the translation is 20 hours after the wire: inside a 3-day window, outside a 0-day one
    articles = [corpus["wire"], corpus["translation"]]
    assert len(cluster_origins(articles, window_days=3).origins) == 1
    assert len(cluster_origins(articles, window_days=0).origins) == 2


def test_copies_merge_whatever_their_dates(corpus: dict[str, Article]) -> None:
    late = _article("archive-k", WIRE, 24 * 60)
    result = cluster_origins([corpus["wire"], late], window_days=3)
    assert len(result.origins) == 1
    assert result.reasons[late.id] == "verbatim copy"


def test_vectors_gate_translations_and_never_merge_alone(corpus: dict[str, Article]) -> None:
    # a French piece crediting Reuters, in its own words, sharing the place and the toll
    fr = _article("journal-l", "Selon Reuters, la catastrophe de Valmora a fait au moins 14 "
                  "morts, et les secours poursuivaient leurs recherches mardi soir.", 10, lang="fr")
    base = np.array([1.0, 0.2, 0.1, 0.0], dtype=np.float32)
    vectors = {
        corpus["wire"].id: base,
        fr.id: base + np.array([0.0, 0.05, 0.0, 0.1], dtype=np.float32),
        # an independent report with an almost identical embedding but no shared credit
        corpus["independent_1"].id: base + np.array([0.0, 0.0, 0.05, 0.05], dtype=np.float32),
    }
    articles = [corpus["wire"], fr, corpus["independent_1"]]
    names = {"wire": corpus["wire"], "fr": fr, "independent_1": corpus["independent_1"]}
    expected = {frozenset({"wire", "fr"}), frozenset({"independent_1"})}
    without = cluster_origins(articles)  # names and numbers alone
    assert _groups(without, names) == expected
    assert without.reasons[fr.id] == ("same wire credit (Reuters) and same story the same day "
                                      "(translation, 2 shared names and numbers)")
    with_vectors = cluster_origins(articles, vectors=vectors)
    assert _groups(with_vectors, names) == expected
    assert with_vectors.reasons[fr.id].startswith(
        "same wire credit (Reuters) and same story the same day (translation, cosine 0.9")
    # vectors that disagree veto the translation
    far = {**vectors, fr.id: np.array([0.0, 0.0, 0.0, 1.0], dtype=np.float32)}
    assert len(cluster_origins(articles, vectors=far).origins) == 3
    assert len(cluster_origins(articles, vectors=vectors, story_cosine=0.999).origins) == 3


def test_sample_corpus_matches_its_ground_truth() -> None:
    """The bundled sample corpus records which wire story each copy/translation derives from."""
    from corroborate.demo.corpus import load_corpus, origin_of

    corpus = load_corpus()
    articles = [Article(id=a.id, url=f"https://{a.outlet}.example{a.path}", outlet=a.outlet,
                        title=a.title, text=a.body, language=a.language, published=a.published,
                        author=a.author) for a in corpus.articles]
    result = cluster_origins(articles, window_days=3)
    truth: dict[str, set[str]] = {}
    for a in corpus.articles:
        truth.setdefault(origin_of(corpus, a.id), set()).add(a.id)
    assert {frozenset(o.article_ids) for o in result.origins} == {
        frozenset(group) for group in truth.values()}
    for a in corpus.articles:
        if a.relation:  # verbatim, edited, translation: folded into the wire story it copies
            assert result.origin_of[a.id] == a.wire_of
        if a.credit:
            assert detect_wire_credit(a.body, a.author, a.title) == a.credit


def test_same_agency_different_stories_stay_apart() -> None:
    """One agency's report of an attack and its next-day follow-up are two origins."""
    first = _article("wire-desk", WIRE, 0)
    next_day = _article("wire-desk", FOLLOW_UP.replace("March 25", "March 5"), 24)
    assert len(cluster_origins([first, next_day]).origins) == 2


def test_ambiguous_translation_stays_apart(corpus: dict[str, Article]) -> None:
    # two different Reuters stories and a French piece crediting Reuters that matches both
    # equally: no clear source, so it is not folded into either
    other = _article("wire-desk", "VALMORA, March 4 (Reuters) - Rescuers searched for 14 "
                     "missing people in Valmora.", 1)
    fr = _article("journal-m", "Selon Reuters, les secours ont cherché 14 disparus à Valmora.", 5,
                  lang="fr")
    v = {corpus["wire"].id: np.array([1.0, 0.0]), other.id: np.array([0.0, 1.0]),
         fr.id: np.array([1.0, 1.0])}
    result = cluster_origins([corpus["wire"], other, fr], vectors=v, story_cosine=0.7)
    assert len(result.origins) == 3
    v[fr.id] = np.array([1.0, 0.9])  # now clearly closer to the first story
    result = cluster_origins([corpus["wire"], other, fr], vectors=v, story_cosine=0.7)
    assert result.origin_of[fr.id] == corpus["wire"].id


def test_store_duplicate_marker_is_honoured(corpus: dict[str, Article]) -> None:
    from dataclasses import replace

    marked = replace(corpus["independent_2"], duplicate_of=corpus["independent_1"].id)
    result = cluster_origins([corpus["independent_1"], marked])
    assert len(result.origins) == 1
    assert result.reasons[marked.id] == "verbatim copy"


def test_empty_and_undated_articles() -> None:
    assert cluster_origins([]).origins == ()
    a = Article(id="a", url="https://x.example/a", outlet="", title="Only a title", text="",
                language="en")
    b = Article(id="b", url="https://y.example/b", outlet="y", title="Only a title", text="",
                language="en")
    result = cluster_origins([b, a, a])
    assert len(result.origins) == 1
    assert result.origins[0].id == "a"  # undated: ties broken by id
    assert result.outlet_of["a"] == "x.example"  # no outlet name: the host stands in


@pytest.mark.parametrize(("text", "author", "title", "expected"), [
    # English
    ("WASHINGTON (AP) — The Senate voted on Tuesday ...", "", "", "AP"),
    ("LONDON, Jan 5 (Reuters) - British inflation fell ...", "", "", "Reuters"),
    ("Officials said the toll could rise, Reuters reported.", "", "", "Reuters"),
    ("The ministry confirmed the figures.", "By Jane Roe, Associated Press", "", "AP"),
    ("Shares fell 3% in early trading.", "", "Markets slide on rate fears - Reuters", "Reuters"),
    ("BEIJING, March 3 (Xinhua) -- China's exports rose ...", "", "", "Xinhua"),
    ("ANKARA (AA) - Turkish officials said ...", "", "", "Anadolu"),
    ("ROME (ANSA) - Italian police arrested ...", "", "", "ANSA"),
    ("BAGHDAD (GWS) — Iraq's prime minister said ...", "", "", "GWS"),
    ("The dam failed overnight.", "Global Wire Service", "", "GWS"),
    # French
    ("PARIS, 5 janv 2024 (AFP) - Le gouvernement a annoncé ...", "", "", "AFP"),
    ("Le bilan s'élève à 14 morts, selon l'AFP.", "", "", "AFP"),
    ("Le bilan s'élève à 14 morts.", "La rédaction avec AFP", "", "AFP"),
    ("Le bilan s'élève à 14 morts. — Agence France-Presse", "", "", "AFP"),
    ("Les secours sont sur place. (avec agences)", "", "", "Agencies"),
    ("BERLIN (dpa) - Die Bundesregierung ...", "", "", "dpa"),
    ("MADRID (EFE) - El Gobierno ...", "", "", "EFE"),
    ("MOSCOU, 3 mars (TASS) - Le Kremlin ...", "", "", "TASS"),
    ("BEYROUTH (AIP) — Le bilan ...", "", "", "AIP"),
    ("Le bilan est lourd.", "Agence Internationale de Presse", "", "AIP"),
    # Arabic
    ("بيروت (أ ف ب) - أعلنت السلطات اللبنانية ...", "", "", "AFP"),
    ("قال مسؤول عراقي لرويترز إن الهجوم أسفر عن مقتل 14 شخصا.", "", "", "Reuters"),
    ("برلين (د ب أ) - قالت الحكومة الألمانية ...", "", "", "dpa"),
    ("أعلنت وزارة الصحة ارتفاع الحصيلة، بحسب وكالة الصحافة الفرنسية.", "", "", "AFP"),
    ("دمشق (وكالات) - قتل 20 شخصا ...", "", "", "Agencies"),
    ("بغداد - أفادت وكالة الأناضول بأن ...", "", "", "Anadolu"),
])
def test_detect_wire_credit(text: str, author: str, title: str, expected: str) -> None:
    assert detect_wire_credit(text, author, title) == expected


@pytest.mark.parametrize("text", [
    "Our reporter spent three days in the town and spoke to twenty families.",
    "Le maire a réuni son conseil municipal mardi soir pour évoquer la reconstruction.",
    "قال رئيس البلدية إن أعمال الإعمار ستبدأ الأسبوع المقبل.",
    # an agency named in passing, mid-article, is not a credit
    "x " * 150 + "The building that once housed the Reuters bureau was damaged. " + "y " * 150,
    "The AP exam results were published; Xin and Hua went home.",
])
def test_no_wire_credit(text: str) -> None:
    assert detect_wire_credit(text) is None


def test_several_credits_and_custom_agencies() -> None:
    assert detect_wire_credits("PARIS (AFP/Reuters) - ...") == ("AFP", "Reuters")
    assert detect_wire_credits("The toll rose.", author="Staff and agencies (AP)") == ("AP",)
    own = (WireAgency("Nordwire", ("Nordwire",), ("NW",)),)
    assert detect_wire_credit("OSLO (NW) - ...", agencies=own) == "Nordwire"
    assert detect_wire_credit("OSLO (AFP) - ...", agencies=own) is None


@pytest.mark.slow
def test_sample_corpus_with_real_embeddings(encoder) -> None:
    """With e5 vectors, credited copies and translations still fold exactly as recorded."""
    from corroborate.demo.corpus import load_corpus, origin_of

    corpus = load_corpus()
    chosen = [a for a in corpus.articles
              if a.credit or "kerman" in a.id or "homs" in a.id]  # wire stories + look-alikes
    articles = [Article(id=a.id, url=f"https://{a.outlet}.example{a.path}", outlet=a.outlet,
                        title=a.title, text=a.body, language=a.language, published=a.published,
                        author=a.author) for a in chosen]
    vectors = encoder.encode_passages([f"{a.title}\n{a.text}"[:1500] for a in articles])
    result = cluster_origins(
        articles, vectors={a.id: v for a, v in zip(articles, vectors, strict=True)}
    )
    truth: dict[str, set[str]] = {}
    for a in chosen:
        truth.setdefault(origin_of(corpus, a.id), set()).add(a.id)
    assert {frozenset(o.article_ids) for o in result.origins} == {
        frozenset(group) for group in truth.values()}
    translations = [a.id for a in chosen if a.relation == "translation"]
    assert translations
    assert all("(translation, " in result.reasons[t] for t in translations)
