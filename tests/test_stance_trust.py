"""What makes a stance reading trustworthy: calibration and abstention, the sentence that carries
a contradiction, the conflicting values shown on both sides, one reading per origin."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from corroborate.domain import STANCE_LABELS, StanceResult
from corroborate.errors import ModelError
from corroborate.stance.calibration import (
    CALIBRATION_FILE,
    NONE,
    Calibration,
    decide,
    expected_calibration_error,
    fit_temperature,
    load_calibration,
    scale,
    side_threshold,
)
from corroborate.stance.conflict import find_conflicts


def probs(s: float, c: float, n: float, u: float) -> dict[str, float]:
    return dict(zip(STANCE_LABELS, (s, c, n, u), strict=True))


# --- calibration and abstention ---------------------------------------------------------------

def test_a_side_under_its_threshold_is_shown_as_no_clear_stance() -> None:
    cal = Calibration(1.0, {"supports": 0.6, "contradicts": 0.9})
    assert decide(probs(0.7, 0.1, 0.1, 0.1), cal) == "supports"
    assert decide(probs(0.1, 0.8, 0.05, 0.05), cal) == "neutral"  # 0.8 < 0.9: held back
    assert decide(probs(0.1, 0.8, 0.05, 0.05), NONE) == "contradicts"
    assert decide(probs(0.05, 0.05, 0.1, 0.8), cal) == "unrelated"  # not a side: never held


def test_temperature_keeps_the_order_and_softens() -> None:
    p = probs(0.9, 0.06, 0.03, 0.01)
    soft = scale(p, 2.0)
    assert max(soft, key=soft.__getitem__) == "supports" and soft["supports"] < 0.9
    assert sum(soft.values()) == pytest.approx(1.0)
    assert scale(p, 1.0) == p


def test_fitting_recovers_an_over_confident_models_temperature() -> None:
    """Readings right 70% of the time but stated at ~97%: the fitted temperature softens them
    and the expected calibration error falls."""
    rng = random.Random(3)
    rows, gold = [], []
    for _ in range(400):
        truth = rng.choice(STANCE_LABELS)
        said = truth if rng.random() < 0.7 else rng.choice([x for x in STANCE_LABELS if x != truth])
        rows.append({k: 0.97 if k == said else 0.01 for k in STANCE_LABELS})
        gold.append(truth)
    t = fit_temperature(rows, gold)
    assert t > 1.5
    before = expected_calibration_error(rows, gold)
    after = expected_calibration_error([scale(r, t) for r in rows], gold)
    assert before > 0.2 and after < 0.05


def test_the_threshold_is_the_lowest_reaching_the_precision() -> None:
    # contradictions read at 0.55-0.75 are right 3 times in 10; at 0.85 always
    rows = [probs(0.1, v, 0.9 - v, 0.0) for v in (0.55, 0.6, 0.65, 0.7, 0.75) for _ in range(10)]
    gold = (["contradicts"] * 3 + ["neutral"] * 7) * 5
    rows += [probs(0.05, 0.85, 0.1, 0.0)] * 30
    gold += ["contradicts"] * 30
    t, precision, kept = side_threshold(rows, gold, "contradicts", precision=0.85)
    assert t == pytest.approx(0.85) and precision == 1.0 and kept == 30


def test_a_calibration_file_is_read_and_a_broken_one_named(tmp_path: Path) -> None:
    assert load_calibration(tmp_path) == NONE
    cal = Calibration(1.7, {"supports": 0.62, "contradicts": 0.91}, {"note": "test"})
    (tmp_path / CALIBRATION_FILE).write_text(cal.to_json(), encoding="utf-8")
    assert load_calibration(tmp_path) == cal
    (tmp_path / CALIBRATION_FILE).write_text(json.dumps({"temperature": -1, "thresholds": {
        "supports": 0.5, "contradicts": 0.5}}), encoding="utf-8")
    with pytest.raises(ModelError, match=r"calibration\.json"):
        load_calibration(tmp_path)
    (tmp_path / CALIBRATION_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="not a stance calibration"):
        load_calibration(tmp_path)


def test_results_cached_under_one_calibration_are_not_anothers() -> None:
    from corroborate.stance.model import StanceModel

    plain = StanceModel(None, None, "f" * 64, 96, precision="int8")
    calibrated = StanceModel(None, None, "f" * 64, 96, precision="int8",
                             calibration=Calibration(1.5, {"supports": .6, "contradicts": .9}))
    assert plain.cache_key != calibrated.cache_key
    assert calibrated.cache_key.startswith(plain.cache_key)


# --- where a claim and a sentence conflict ------------------------------------------------------

def spans(claim: str, sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, claim[c.claim[0]:c.claim[1]] if c.claim else None,
             sentence[c.passage[0]:c.passage[1]] if c.passage else None)
            for c in find_conflicts(claim, sentence)]


def test_conflicting_values_are_found_across_languages() -> None:
    assert spans("The ferry sank with 112 passengers on board.",
                 "Le ferry a coulé avec 85 passagers à bord.") == [("number", "112", "85")]
    assert spans("تم افتتاح الجسر في مارس 2023", "The bridge opened in June 2023.") == [
        ("date", "مارس", "June")]
    assert spans("The summit was held in 2019.", "Le sommet s'est tenu en 2021.") == [
        ("date", "2019", "2021")]
    assert spans("The final was played in Madrid.", "La finale s'est jouée à Rome.") == [
        ("place", "Madrid", "Rome")]
    assert spans("The minister resigned.", "The minister did not resign.") == [
        ("negation", None, "not")]


def test_a_value_one_side_leaves_out_or_writes_differently_is_no_conflict() -> None:
    assert spans("The Islamic State claimed the twin bombings in Kerman, Iran.",
                 "The group claimed the two bombings in the city of Kerman a day earlier.") == []
    assert spans("Les États-Unis ont environ 2 500 soldats en Irak.",
                 "The US has about 2,500 troops in Iraq.") == []
    assert spans("Le séisme a fait 14 morts en 2025.", "The quake killed 14 people.") == []


@pytest.mark.parametrize(("claim", "sentence"), [
    ("Floods forced 40,000 residents to leave their homes.",
     "أجبرت الفيضانات 40 ألف ساكن على مغادرة منازلهم."),
    ("أجبرت الفيضانات 40 ألف ساكن على مغادرة منازلهم.",
     "Des inondations ont chassé 40 000 habitants de chez eux."),
    ("The storm left 3 million homes without power.",
     "La tempête a privé 3 000 000 de foyers d'électricité."),
    ("The budget deficit reached 1.5 billion dollars.",
     "Le déficit budgétaire a atteint 1,5 milliard de dollars."),
    ("Le déficit a atteint 2,4 milliards d'euros.", "The deficit hit 2.4 billion euros."),
    ("The storm left 3 million homes without power.",
     "تركت العاصفة 3 ملايين منزل بلا كهرباء."),
    ("The fire destroyed 200 homes and 3,000 hectares.",
     "أتى الحريق على 200 منزل و3 آلاف هكتار."),  # «و3»: "and 3", the « و » attached
    ("Inflation rose to 2.4% as 12,500 jobs were lost.",
     "ارتفع التضخم إلى ٢٫٤٪ مع فقدان ١٢٬٥٠٠ وظيفة."),  # Arabic decimal and thousands signs
    ("The deal is worth $4.2 billion.", "The deal is worth $4.2bn."),  # not "4"
    ("The firm lost 2.5 million euros.", "L'entreprise a perdu 2,5 M€."),
    ("The firm lost 2.5 million euros.", "The firm posted a €2.5m loss."),  # "m": not read
    ("The quake struck on 6 February 2023.", "The quake struck on 06/02/2023."),  # "06" is 6
    ("The quake struck on 6 February 2023.", "The quake struck on 2023-02-06."),
])
def test_a_number_a_word_scales_is_read_by_its_value(claim: str, sentence: str) -> None:
    # "40 ألف" is forty thousand, not forty: the same figure written two ways is no conflict
    assert spans(claim, sentence) == []


def test_a_capital_stands_for_its_country_on_either_side() -> None:
    # "Moscow" for the Russian government: the text's "Russia" names it, so the text's other
    # capital is no conflict; a capital the other side names no country of still conflicts
    assert spans("America imposed sanctions on Moscow.",
                 "Washington a imposé des sanctions à la Russie.") == []
    assert spans("Paris and Berlin signed the treaty.",
                 "La France et l'Allemagne ont signé le traité à Rome.") == []
    assert spans("The talks were held in Moscow.", "Les pourparlers se sont tenus à Rome.") == [
        ("place", "Moscow", "Rome")]


def test_scaled_numbers_that_differ_conflict_and_both_spans_name_the_scale() -> None:
    assert spans("Floods forced 40,000 residents to leave their homes.",
                 "أجبرت الفيضانات 4 آلاف ساكن على مغادرة منازلهم.") == [
        ("number", "40,000", "4 آلاف")]
    assert spans("The storm left 3 million homes without power.",
                 "The storm left 3 homes without power.") == [("number", "3 million", "3")]
    assert spans("The deal is worth $4.2 billion.", "The deal is worth $5bn.") == [
        ("number", "4.2 billion", "5bn")]


@pytest.mark.parametrize("sentence", [
    "Not only the ferry but also two barges sank with 112 passengers on board.",
    "No fewer than 112 passengers were on board when the ferry sank.",
    "Le ferry a coulé avec pas moins de 112 passagers à bord.",
    "Le ferry ne transportait que 112 passagers quand il a coulé.",
    "Le ferry n'avait que 112 passagers à bord quand il a coulé.",
    "Le ferry n’importe quel jour transporte 112 passagers ; il a coulé.",
    "غرقت العبارة وعلى متنها ما لا يقل عن 112 راكبا.",
    "غرقت العبارة، لا سيما قرب الميناء، وعلى متنها 112 راكبا.",
    "لا يزال 112 راكبا على متن العبارة التي غرقت.",
    "The No. 2 ferry sank with 112 passengers on board in the no-go zone.",
    "Le ferry a coulé avec 112 passagers à bord ; une personne est portée disparue.",
])
def test_words_that_look_like_a_denial_and_deny_nothing_are_no_conflict(sentence: str) -> None:
    # "only", "no fewer than", "especially", "still": what the sentence states, not a denial
    assert [kind for kind, *_ in spans("The ferry sank with 112 passengers on board.", sentence)
            ] == []


def test_a_claims_restriction_is_denied_by_a_text_that_does_not_restrict() -> None:
    # « ne … que » (only) in the claim excludes everything else; in the text it denies nothing
    only = "Le comité n'a retenu que des projets bretons."
    assert [k for k, *_ in spans(only, "Le comité a retenu des projets bretons et normands.")
            ] == ["negation"]
    assert spans(only, "Le comité n'a retenu que des projets bretons, a dit sa présidente.") == []
    assert spans("Le comité a retenu des projets bretons.",
                 "Le comité n'a retenu que des projets bretons.") == []


@pytest.mark.parametrize("sentence", [
    "The ferry did not sink; all 112 passengers are safe.",
    "Le ferry n'a pas coulé : les 112 passagers sont sains et saufs.",
    "Le ferry ne transportait pas 112 passagers.",
    "Personne n'a vu le ferry couler avec 112 passagers.",
    "No-one saw the ferry sink with 112 passengers on board.",
    "لم تغرق العبارة، والركاب الـ112 بخير.",
])
def test_a_denial_is_still_read_as_one(sentence: str) -> None:
    assert "negation" in [kind for kind, *_ in spans(
        "The ferry sank with 112 passengers on board.", sentence)]


def test_a_change_conflicts_only_with_another_change_not_with_a_level() -> None:
    # "1,500 more troops" is an increment; "2,500 troops" is how many are there: both can be true
    assert spans("The US will send 1,500 more troops to Iraq.",
                 "The US has about 2,500 troops in Iraq.") == []
    assert spans("واشنطن لم تعلن إرسال 1500 جندي إضافي إلى العراق",
                 "The US has about 2,500 troops in Iraq, officials announced.") == [
        ("negation", "لم", None)]
    # ("… and has announced nothing" denies too: "nothing" is a denial since revision 26)
    assert spans("La France enverra 300 soldats supplémentaires au Mali.",
                 "La France compte 5 100 soldats au Sahel.") == []
    # a change against another change, and a level against another level, still conflict
    assert spans("The US will send 1,500 more troops to Iraq.",
                 "The US will send 3,000 additional troops to Iraq.") == [
        ("number", "1,500", "3,000")]
    assert spans("واشنطن سترسل 1500 جندي إضافي إلى العراق",
                 "Washington will send 2,000 more troops to Iraq.") == [
        ("number", "1500", "2,000")]
    assert spans("The US has about 2,500 troops in Iraq.",
                 "The US has about 4,000 troops in Iraq.") == [("number", "2,500", "4,000")]


# --- the sentence that carries a contradiction ---------------------------------------------------

def _classifier(readings: dict[str, dict[str, float]]):  # type: ignore[no-untyped-def]
    def classify(claims, texts):  # type: ignore[no-untyped-def]
        from corroborate.stance.calibration import to_result

        return [to_result(next((p for key, p in readings.items() if key in t),
                               probs(0.1, 0.1, 0.7, 0.1))) for t in texts]
    return classify


def test_a_contradiction_no_sentence_carries_is_not_shown_as_one() -> None:
    from corroborate.ingest.passages import split_sentences
    from corroborate.stance.reading import read_passages

    first = "The council met on Tuesday evening to debate the budget."
    second = "It approved the plan by twelve votes to three after a long debate."
    passage = f"{first} {second}"
    whole = {passage: probs(0.05, 0.9, 0.05, 0.0)}  # the whole reads as a contradiction
    spans_of = [lambda i: split_sentences(passage, "en")]

    alone = read_passages(_classifier(whole), ["claim"], [passage], spans_of[0], sentences=True,
                          contradiction_sentence=True)
    assert alone[0].result.label == "neutral" and alone[0].sentence is None

    carried = {**whole, second: probs(0.02, 0.95, 0.03, 0.0)}
    read = read_passages(_classifier(carried), ["claim"], [passage], spans_of[0], sentences=True,
                         contradiction_sentence=True)
    assert read[0].result.label == "contradicts"
    a, b = read[0].sentence  # type: ignore[misc]
    assert passage[a:b].strip() == second
    without = read_passages(_classifier(whole), ["claim"], [passage], spans_of[0],
                            sentences=True)
    assert without[0].result.label == "contradicts"  # the step is the engine's choice


def test_a_statement_inside_a_clause_can_decide_support_never_contradiction() -> None:
    from corroborate.ingest.passages import split_sentences
    from corroborate.stance.reading import read_passages

    passage = ("The ministry said the talks would not concern an immediate withdrawal of the "
               "American troops, which number about 2,500 in Iraq and about 900 in Syria.")
    statement = "The American troops number about 2,500 in Iraq and about 900 in Syria."

    def read(readings: dict[str, dict[str, float]], text: str = passage):  # type: ignore[no-untyped-def]
        return read_passages(_classifier(readings), ["claim"], [text],
                             lambda i: split_sentences(text, "en"), sentences=True,
                             contradiction_sentence=True)[0]

    whole = {passage: probs(0.3, 0.4, 0.3, 0.0)}  # the sentence alone: no clear stance
    supported = read({**whole, statement: probs(0.9, 0.02, 0.08, 0.0)})
    assert supported.result.label == "supports" and supported.sentence == (0, len(passage))
    assert read({**whole, statement: probs(0.02, 0.9, 0.08, 0.0)}).result.label == "neutral"
    assert read({**whole, statement: probs(0.7, 0.1, 0.2, 0.0)}).result.label == "neutral"
    rumour = passage.replace("The ministry said", "Posts circulating claimed")
    assert read({rumour: probs(0.3, 0.4, 0.3, 0.0), statement: probs(0.9, 0.02, 0.08, 0.0)},
                rumour).result.label == "neutral"


def test_a_denial_must_carry_the_contradiction_it_is_shown_for() -> None:
    from corroborate.ingest.passages import split_sentences
    from corroborate.stance.reading import read_passages, without_other_clauses

    claim = "Washington announced 1,500 more troops for Iraq and Syria."
    sentence = ("The Pentagon said the talks were not about an immediate withdrawal of US troops, "
                "which number about 2,500 in Iraq and about 900 in Syria.")
    main = "The Pentagon said the talks were not about an immediate withdrawal of US troops"
    asked: list[str] = []

    def read(readings: dict[str, dict[str, float]], text: str = sentence):  # type: ignore[no-untyped-def]
        classify = _classifier(readings)

        def spy(claims, texts):  # type: ignore[no-untyped-def]
            asked.extend(texts)
            return classify(claims, texts)
        return read_passages(spy, [claim], [text], lambda i: split_sentences(text, "en"),
                             sentences=True, contradiction_sentence=True)[0]

    # the figures differ without conflict (a level against a change): the denial is all a reader
    # is shown, so its clause must contradict on its own
    assert without_other_clauses(claim, sentence) == f"{main}."
    # (undone, the denial is taken to say the claim: the next step, affirm_denials, passes)
    whole = {sentence: probs(0.05, 0.9, 0.05, 0.0),
             "talks were about an immediate": probs(0.8, 0.1, 0.1, 0.0)}
    assert read({**whole, main: probs(0.05, 0.07, 0.8, 0.08)}).result.label == "neutral"
    assert f"{main}." in asked
    assert read({**whole, main: probs(0.05, 0.9, 0.05, 0.0)}).result.label == "contradicts"
    leaning = read({**whole, main: probs(0.2, 0.5, 0.3, 0.0)})  # still leans to it: kept,
    assert leaning.result.label == "contradicts"  # with the sentence's own confidence
    assert leaning.result.probabilities["contradicts"] == 0.9
    # a denial that points back at what it denies is read with the sentence, as before
    back = ("Defence officials rejected that description, noting that the presence remains at "
            "about 2,500 troops in Iraq and about 900 in Syria.")
    assert without_other_clauses(claim, back) is None
    asked.clear()
    assert read({back: probs(0.05, 0.9, 0.05, 0.0)}, back).result.label == "contradicts"
    assert asked == [back]
    # a sentence of one clause, or with a conflicting value, is its own evidence
    assert without_other_clauses(claim, "No, Washington did not announce 1,500 troops.") is None
    assert without_other_clauses(claim, "Washington did not announce 3,000 more troops, which "
                                        "would have doubled its presence in Iraq.") is None
    # the main clause stays: a denial in a clause of its own is read with what it is about
    assert without_other_clauses(
        "Researchers from Nairobi described the new chameleon.",
        "The new chameleon was described by a team from Frankfurt, which collected it in 2022; "
        "no Kenyan institution took part.") == (
        "The new chameleon was described by a team from Frankfurt; no Kenyan institution took "
        "part.")


@pytest.mark.parametrize(("sentence", "undone"), [
    ("The minister did not resign after the vote.", "The minister did resign after the vote."),
    ("No agreement was reached.", "Agreement was reached."),
    ("No one was injured in the blast.", "Someone was injured in the blast."),
    ("Officials said no-one was hurt.", "Officials said someone was hurt."),
    ("The president won't attend and can't come.", "The president will attend and can come."),
    ("The company denied that it had laid off workers.",
     "The company confirmed that it had laid off workers."),
    ("La ministre n'a pas démissionné après le vote.", "La ministre a démissionné après le vote."),
    ("Aucun accord n'a été trouvé.", "Un accord a été trouvé."),
    ("Personne n'a été blessé.", "Quelqu'un a été blessé."),
    ("لم تستقل الوزيرة بعد التصويت.", "تستقل الوزيرة بعد التصويت."),
    ("نفت الشركة أن تكون قد سرحت عمالا.", "أكدت الشركة أن تكون قد سرحت عمالا."),
])
def test_a_denial_undone_says_what_it_denied(sentence: str, undone: str) -> None:
    from corroborate.stance.denials import affirmed

    assert affirmed(sentence) == undone


def test_words_that_deny_nothing_have_no_denial_to_undo() -> None:
    from corroborate.stance.denials import affirmed

    assert affirmed("Not only the ferry sank.") is None
    assert affirmed("لا يزال 112 راكبا على متن العبارة.") is None


def test_a_denial_must_deny_what_the_claim_states() -> None:
    from corroborate.stance.calibration import to_result
    from corroborate.stance.reading import Reading, affirm_denials

    claim = "The ceasefire held through the weekend."
    said = "No violations of the ceasefire were reported over the weekend."
    asked: list[tuple[str, str]] = []

    def reading(answers: dict[str, dict[str, float]], text: str = said,
                c: str = claim) -> str:
        def classify(claims, texts):  # type: ignore[no-untyped-def]
            asked.extend(zip(claims, texts, strict=True))
            return [to_result(answers.get(t, answers.get(k, probs(0.1, 0.1, 0.7, 0.1))))
                    for k, t in zip(claims, texts, strict=True)]
        shown = Reading(to_result(probs(0.05, 0.9, 0.05, 0.0)))
        return affirm_denials(classify, [c], [text], [shown])[0].result.label

    # undone, "violations … were reported" is the opposite of the claim: the denial says the
    # claim's own thing, and no contradiction is shown
    assert reading({"Violations of the ceasefire were reported over the weekend.":
                    probs(0.1, 0.8, 0.1, 0.0)}) == "neutral"
    assert asked == [(claim, "Violations of the ceasefire were reported over the weekend.")]
    # a plain denial, undone, is the claim: the contradiction stands
    denied = "The ceasefire did not hold over the weekend."
    assert reading({"The ceasefire did hold over the weekend.": probs(0.8, 0.1, 0.1, 0.0)},
                   denied) == "contradicts"
    # a claim that denies is left to the network: undone, "He did say a word" against "he
    # said, Mama, I'm home" is not read as support, and XNLI lost 139 right contradictions
    asked.clear()
    assert reading({}, "The president will skip the summit.",
                   "The president will not attend the summit.") == "contradicts"
    assert asked == []
    # what the sentence says besides its denial may carry the contradiction on its own
    actor = ("The chameleon was described by a team from Frankfurt; no Kenyan institution "
             "took part.")
    kenyan = "Researchers from Nairobi described the chameleon."
    assert reading({"The chameleon was described by a team from Frankfurt.":
                    probs(0.1, 0.8, 0.1, 0.0)}, actor, kenyan) == "contradicts"
    # a denial that points back is not undone: it would not say what it denies
    asked.clear()
    assert reading({}, "Officials rejected that description.", kenyan) == "contradicts"
    assert asked == []


# --- one origin, one reading --------------------------------------------------------------------

def _hit(article_id: str, origin_text: str, pid: int):  # type: ignore[no-untyped-def]
    from corroborate.domain import Article, Passage, SearchHit

    text = origin_text
    art = Article(id=article_id, url=f"https://{article_id}.example/a", outlet=article_id,
                  title="t", text=text, language="en", published=datetime(2024, 1, 4))
    return SearchHit(Passage(id=pid, article_id=article_id, index=0, start=0, end=len(text),
                             text=text, sentence_spans=((0, len(text)),)), art, 0.9)


def test_copies_of_one_story_take_one_reading_and_flag_their_disagreement() -> None:
    from corroborate.assemble import one_reading_per_origin
    from corroborate.results import Evidence

    def ev(aid: str, stance: str, confidence: float) -> Evidence:
        p = dict.fromkeys(STANCE_LABELS, (1 - confidence) / 3)
        p[stance] = confidence
        return Evidence(aid, f"https://{aid}", "t", aid, "en", None, "x", 0, 1, (0, 1), 0.9,
                        stance, p, origin="wire-1")

    one = one_reading_per_origin([ev("a", "supports", 0.8), ev("b", "contradicts", 0.7),
                                  ev("c", "supports", 0.95), ev("d", "neutral", 0.99)])
    assert len(one) == 1
    assert one[0].article_id == "c" and one[0].stance == "supports"
    assert one[0].dissent == ("b",) and one[0].read_articles == 4
    # copies read alike lead their origin in one order, whichever order search found them in
    tied = [ev("x", "supports", 0.83), ev("y", "supports", 0.83)]
    assert (one_reading_per_origin(tied)[0].article_id
            == one_reading_per_origin(tied[::-1])[0].article_id)


def test_a_verdict_never_counts_one_origin_on_both_sides() -> None:
    from corroborate.assemble import assemble
    from corroborate.filters import SearchFilters

    story = "The ministry said the dam burst on Monday, killing 14 people in the valley."
    hits = [_hit("wire-copy-1", story, 1), _hit("wire-copy-2", story + " ", 2)]
    stances = [StanceResult("supports", probs(0.9, 0.05, 0.05, 0.0)),
               StanceResult("contradicts", probs(0.1, 0.85, 0.05, 0.0))]
    result = assemble("The dam burst on Monday.", hits, hits, stances, top_k=10,
                      filters=SearchFilters(), min_origins=1)
    origins = {e.origin for e in result.supporting} | {e.origin for e in result.contradicting}
    assert len(origins) == 1 and not result.contradicting
    assert result.supporting[0].dissent == ("wire-copy-2",)
    assert result.summary["counts"]["supporting"]["articles"] == 2


def test_a_card_shows_the_passage_that_decided_its_side_not_one_held_back() -> None:
    from corroborate.assemble import assemble
    from corroborate.domain import Article, Passage, SearchHit
    from corroborate.filters import SearchFilters

    # a fact-check: its opening reports the rumour (the whole read leans to contradiction but no
    # sentence of it contradicts, so it was held back), its verdict passage contradicts
    rumour = "Posts claimed the group had carried out the attack on the academy."
    verdict = "Our verdict: false. The group has not claimed the attack on the academy."
    text = f"{rumour}\n{verdict}"
    art = Article(id="check", url="https://check.example/a", outlet="Check", title="t",
                  text=text, language="en", published=datetime(2024, 1, 4))
    at = len(rumour) + 1
    hits = [SearchHit(Passage(id=1, article_id="check", index=0, start=0, end=len(rumour),
                              text=rumour, sentence_spans=((0, len(rumour)),)), art, 0.95),
            SearchHit(Passage(id=2, article_id="check", index=1, start=at, end=len(text),
                              text=verdict, sentence_spans=((at, at + 19), (at + 20, len(text)))),
                      art, 0.8)]
    stances = [StanceResult("neutral", probs(0.1, 0.85, 0.05, 0.0)),
               StanceResult("contradicts", probs(0.05, 0.75, 0.2, 0.0))]
    result = assemble("The group attacked the academy.", hits, hits, stances, top_k=10,
                      filters=SearchFilters(), min_origins=1)
    card = result.contradicting[0]
    assert card.passage == verdict and card.probabilities["contradicts"] == 0.75
    assert card.passage[card.highlight[0]:card.highlight[1]].startswith("The group has not")


# --- the page shows what conflicts, escaped -------------------------------------------------------

def test_a_contradiction_card_shows_both_conflicting_values_escaped() -> None:
    from corroborate.page.render import evidence_card
    from corroborate.results import Evidence
    from corroborate.stance.conflict import Conflict

    claim = "The ferry sank with 112 <b>passengers</b>."
    passage = "Le ferry <script>x</script> a coulé avec 85 passagers."
    at = passage.index("85")
    ev = Evidence("a", "https://a.example", "t", "Outlet", "fr", None, passage, 0, len(passage),
                  (0, len(passage)), 0.9, "contradicts", probs(0.05, 0.9, 0.05, 0.0), "a",
                  conflicts=(Conflict("number", (20, 23), (at, at + 2)),), dissent=("b",))
    html = evidence_card(ev, "en", claim)
    assert '<b class="cb-conflict" title="conflicts with the claim: number">85</b>' in html
    assert "the claim says “112”, this sentence “85”" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "read the other way" in html
