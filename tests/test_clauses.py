"""Lead statements of long sentences: where incidental clauses begin, and which lead is a claim.

Sentences are written here (en, fr, ar); the French example article is read from ../shared.
"""

from __future__ import annotations

import pytest

from corroborate.claims import extract_claims, lead_statement
from corroborate.clauses import balanced, clause_spans, cut_points, statements

from .conftest import need_shared


@pytest.mark.parametrize(("sentence", "lead"), [
    # a relative clause
    ("Gunmen seized the town hall of Valmora on Tuesday, which had been evacuated after the "
     "floods of the previous week and was guarded by only two police officers.",
     "Gunmen seized the town hall of Valmora on Tuesday."),
    ("La compagnie Aérolac a annoncé lundi la suppression de 800 emplois à Grenoble, où elle "
     "emploie depuis trente ans la majorité des techniciens de la vallée.",
     "La compagnie Aérolac a annoncé lundi la suppression de 800 emplois à Grenoble."),
    # a result, a context
    ("A landslide buried 12 houses in the village of Kerrow on Sunday morning, leaving dozens "
     "of families without shelter as more rain was forecast.",
     "A landslide buried 12 houses in the village of Kerrow on Sunday morning."),
    ("Le parlement de Sorlande a adopté mardi la réforme des retraites par 312 voix, un jour "
     "seulement après la démission du ministre du Travail et une semaine de grèves.",
     "Le parlement de Sorlande a adopté mardi la réforme des retraites par 312 voix."),
    ("أعلنت وزارة الصحة في مدينة الزرقاء يوم الاثنين تسجيل 40 إصابة جديدة بالكوليرا، "
     "فيما لا تزال المستشفيات تعاني من نقص حاد في الأدوية والكوادر الطبية.",
     "أعلنت وزارة الصحة في مدينة الزرقاء يوم الاثنين تسجيل 40 إصابة جديدة بالكوليرا."),
])
def test_a_long_sentence_is_checked_by_its_lead(sentence: str, lead: str) -> None:
    assert lead_statement(sentence) == lead
    (claim,) = extract_claims(sentence)
    assert claim.text == lead
    assert claim.rest and sentence.endswith(claim.rest)
    assert (claim.start, claim.end) == (0, len(sentence))  # the offsets still span the sentence


@pytest.mark.parametrize("sentence", [
    # cutting would drop a figure: "10,000 disappeared" is the point of the sentence
    "About 25,000 fighters were killed in the war against the group in Iraq, while more than "
    "10,000 simply disappeared across the border into the desert.",
    # the lead would be too short to say anything ("The mayor of Valmora.")
    "The mayor of Valmora, whose office was attacked twice last year by unknown gunmen, "
    "resigned on Friday after a vote of no confidence in the city council.",
    # the cut would fall inside a quote
    "« Nous ne partirons pas de Grenoble, qui est notre berceau depuis 1960 et où travaillent "
    "nos meilleurs techniciens », a déclaré le directeur d'Aérolac devant les salariés.",
])
def test_no_lead_when_it_would_lose_the_point(sentence: str) -> None:
    assert lead_statement(sentence) is None
    (claim,) = extract_claims(sentence)
    assert claim.text == sentence and claim.rest == ""


def test_an_aside_is_not_a_cut() -> None:
    aside = ("A senior officer of the border guard, who asked not to be named, said 300 fighters "
             "had crossed the river near Kerrow on Monday night.")
    assert cut_points(aside) == []
    aside_fr = ("Un officier de la garde frontière, qui a demandé à ne pas être nommé, a déclaré "
                "que 300 combattants avaient franchi le fleuve.")
    assert cut_points(aside_fr) == []
    # the same relative pronoun, not closed by a comma before a verb, is a cut
    assert cut_points("Troops entered Kerrow, which was empty.") == [len("Troops entered Kerrow")]


def test_short_sentences_and_the_switch_off() -> None:
    short = "Gunmen killed 4 guards at the town hall of Valmora on Tuesday, which was empty."
    assert extract_claims(short)[0].text == short
    long = ("A landslide buried 12 houses in the village of Kerrow on Sunday morning, leaving "
            "dozens of families without shelter as more rain was forecast.")
    assert extract_claims(long, lead_words=0)[0].text == long


def test_balanced() -> None:
    assert balanced("« oui », dit-il (hier) [sic]")
    assert not balanced(", qui est notre berceau »")
    assert not balanced('he said "no')


def test_french_article_leads() -> None:
    article = need_shared("examples", "000_b9e706d75d322fc7.txt").read_text(encoding="utf-8")
    claims = extract_claims(article)
    (kerman,) = [c for c in claims if "Kerman" in c.text and "revendiqu" in c.text]
    assert kerman.text.endswith("dans la ville iranienne de Kerman.")
    assert kerman.rest.startswith("qui ont ciblé des cérémonies commémoratives")
    # the fighter counts keep all three figures: the sentence stays whole
    (fighters,) = [c for c in claims if "35 000" in c.text]
    assert "10 000" in fighters.text and fighters.rest == ""
    for c in claims:
        sentence = article[c.start:c.end]
        if c.rest:  # the lead and the rest make up the sentence
            assert sentence.endswith(c.rest)
            assert c.text.rstrip(".").split(" : ")[-1][:30] in sentence


def test_lead_of_a_claim_typed_as_one() -> None:
    from corroborate.claims import lead_of

    long = ("A landslide buried 12 houses in the village of Kerrow on Sunday morning,\n leaving "
            "dozens of families without shelter as more rain was forecast.")
    lead = "A landslide buried 12 houses in the village of Kerrow on Sunday morning."
    assert lead_of(long) == lead
    assert lead_of("A landslide buried 12 houses in Kerrow, leaving dozens homeless.") is None


# --- the statements a sentence makes inside its clauses -------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ministry said talks would not concern an immediate withdrawal of the American troops, "
     "which number about 2,500 in Iraq and about 900 in Syria.",
     ["The American troops number about 2,500 in Iraq and about 900 in Syria."]),
    ("Le ministère a précisé qu'il ne s'agissait pas d'un retrait immédiat des soldats "
     "allemands, qui sont environ 1 200 au Mali.",
     ["Des soldats allemands sont environ 1 200 au Mali."]),
    ("Officials rejected that account, noting that the bridge reopened in March and that the "
     "ferry still runs twice a day.",
     ["The bridge reopened in March.", "The ferry still runs twice a day."]),
    ("وقالت الوزارة إن المحادثات لا تتعلق بانسحاب فوري للقوات الألمانية، التي يبلغ عددها نحو "
     "1200 جندي في مالي.",
     ["للقوات الألمانية يبلغ عددها نحو 1200 جندي في مالي."]),
    ("Le maire a inauguré le pont, soulignant que les travaux ont coûté 12 millions d'euros.",
     ["Les travaux ont coûté 12 millions d'euros."]),
    ("نفى المسؤولون هذه الرواية، مؤكدين أن الجسر أعيد فتحه في مارس.",
     ["الجسر أعيد فتحه في مارس."]),
])
def test_a_clause_statement_is_written_as_a_sentence_of_its_own(sentence: str,
                                                                 expected: list[str]) -> None:
    assert statements(sentence) == expected


def test_no_statement_from_a_short_clause_or_a_plain_sentence() -> None:
    assert statements("The council, which met, agreed.") == []
    assert statements("The council approved the plan by twelve votes to three.") == []
    assert statements("Le conseil a voté le budget, puis la séance a été levée.") == []


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("Officials rejected that account, noting that the bridge reopened in March.",
     ["Officials rejected that account", ", noting that the bridge reopened in March."]),
    ("نفى المسؤولون هذه الرواية، مؤكدين أن الجسر أعيد فتحه في مارس.",
     ["نفى المسؤولون هذه الرواية", "، مؤكدين أن الجسر أعيد فتحه في مارس."]),
    ("Officials denied that the bridge had reopened in March.",
     ["Officials denied that the bridge had reopened in March."]),
])
def test_a_sentence_is_cut_into_the_clauses_a_denial_can_stand_in(sentence: str,
                                                                   clauses: list[str]) -> None:
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == clauses
