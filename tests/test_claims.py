"""Claim extraction: the real French example, and small en/ar cases written here."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from corroborate.claims import extract_claims, score_sentence
from corroborate.cli import main
from corroborate.domain import Claim
from corroborate.speakers import find_speaker

from .conftest import need_shared


@pytest.fixture(params=["passages", "local"])
def splitter(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with corroborate.ingest.passages' sentence splitter and with the local
    fallback."""
    if request.param == "local":
        monkeypatch.setitem(sys.modules, "corroborate.ingest.passages", None)  # import fails
    return str(request.param)


@pytest.fixture(scope="module")
def french_article() -> str:
    return need_shared("examples", "000_b9e706d75d322fc7.txt").read_text(encoding="utf-8")


def _with(claims: list[Claim], *needles: str) -> list[Claim]:
    return [c for c in claims if all(n.casefold() in c.text.casefold() for n in needles)]


def test_french_article_main_claims(french_article: str, splitter: str) -> None:
    claims = extract_claims(french_article)  # language detected, default max_claims=20
    assert 10 <= len(claims) <= 20
    # the fighter counts
    assert _with(claims, "35 000", "25 000", "10 000")
    # the claim of responsibility for the Kerman bombings
    assert _with(claims, "Kerman", "revendiqu")
    # the drone attack on the Homs military academy
    assert _with(claims, "Homs", "drone", "militaire")
    # the announced deployment of extra troops
    assert _with(claims, "1500", "soldats", "annoncé")
    # ranked by score, best first
    assert [c.score for c in claims] == sorted((c.score for c in claims), reverse=True)


def test_french_article_excludes_questions_and_headings(french_article: str) -> None:
    claims = extract_claims(french_article, max_claims=100)
    first_line_end = french_article.index("\n")
    assert french_article[:first_line_end].rstrip().endswith("?")
    assert all(c.start > first_line_end for c in claims)  # the opening question is absent
    assert not any(c.text.rstrip(" »”\"").endswith(("?", "؟")) for c in claims)
    assert not _with(claims, "La pièce manquante du puzzle")
    # rhetorical/opinion sentences stay out
    assert not _with(claims, "On ne peut plus considérer comme une coïncidence")
    assert not _with(claims, "Nous savons que Washington")


def test_french_article_offsets_and_quoted_speaker(french_article: str, splitter: str) -> None:
    claims = extract_claims(french_article, max_claims=100)
    for c in claims:
        sentence = french_article[c.start:c.end]
        assert sentence == sentence.strip() and sentence
        assert sentence.lstrip("«“\"")[:40] in c.text
    # a quote announced by the previous sentence is made self-contained, speaker kept
    (quoted,) = _with(claims, "2017", "Turquie")
    assert quoted.speaker == "un officier d’une agence de renseignement irakienne"
    assert quoted.text.startswith(
        "Selon un officier d’une agence de renseignement irakienne : Des centaines"
    )
    assert french_article[quoted.start:quoted.end].startswith("«Des centaines")
    assert "attribution" in quoted.reasons
    # an in-sentence "selon ..." keeps the sentence as it is and names the speaker
    (fighters,) = _with(claims, "35 000")
    assert fighters.speaker == "les rapports des services de renseignement examinés par The Cradle"
    assert fighters.text == french_article[fighters.start:fighters.end]


def test_document_order(french_article: str) -> None:
    by_score = extract_claims(french_article, max_claims=8)
    in_doc = extract_claims(french_article, max_claims=8, order="document")
    assert {c.start for c in by_score} == {c.start for c in in_doc}
    assert [c.start for c in in_doc] == sorted(c.start for c in in_doc)
    with pytest.raises(ValueError, match="order must be 'score' or 'document'"):
        extract_claims(french_article, order="random")


ENGLISH = """Border town under fire

Is it really a coincidence that the attacks resumed just as the troops were leaving?
I think this is shameful and we must say so.
Militants killed 14 soldiers in an attack on an army post near Kirkuk on Monday, \
police officials said.
As an Iraqi intelligence officer tells The Daily Ledger:
"Hundreds of fighters crossed the border from Syria in 2019. \
In March they were moved by US helicopters to the Anbar desert."
What a day!
"""


def test_english_ranking_questions_and_speakers(splitter: str) -> None:
    claims = extract_claims(ENGLISH, language="en")
    texts = [c.text for c in claims]
    assert texts[0].startswith("Militants killed 14 soldiers")
    assert claims[0].speaker == "police officials"
    assert {"number", "date", "named-entity", "event", "attribution"} <= set(claims[0].reasons)
    assert not any("coincidence" in t for t in texts)  # a rhetorical question
    assert not any("Border town" in t for t in texts)  # a heading
    assert not any("What a day" in t for t in texts)
    hundreds = next(c for c in claims if "Hundreds of fighters" in c.text)
    assert hundreds.speaker == "an Iraqi intelligence officer"
    assert hundreds.text == ("According to an Iraqi intelligence officer: Hundreds of fighters "
                             "crossed the border from Syria in 2019.")
    moved = next(c for c in claims if "helicopter" in c.text)
    assert moved.speaker == "an Iraqi intelligence officer"
    # an opinion sentence scores below a numeric event sentence
    opinion = score_sentence("I think this is shameful and we must say so.")
    event = score_sentence("Militants killed 14 soldiers in an attack near Kirkuk on Monday.")
    assert opinion.score < event.score
    assert "-opinion" in opinion.reasons


ARABIC = (
    "هل هذه مجرد صدفة؟ "
    "وفقا لمسؤول في وزارة الداخلية العراقية، قتل 20 شخصا في هجوم على سوق في بغداد يوم الثلاثاء. "
    "قال وزير الدفاع العراقي إن 300 جندي انتشروا على الحدود مع سوريا بعد الهجوم. "
    "يجب على العالم أن يستيقظ الآن."
)


def test_arabic_speakers_and_questions(splitter: str) -> None:
    claims = extract_claims(ARABIC, language="ar")
    assert len(claims) == 2
    by_speaker = {c.speaker: c for c in claims}
    market = by_speaker["مسؤول في وزارة الداخلية العراقية"]
    assert "20" in market.text and "attribution" in market.reasons
    assert "event" in market.reasons and "named-entity" in market.reasons
    troops = by_speaker["وزير الدفاع العراقي"]
    assert "300" in troops.text
    assert not any("صدفة" in c.text for c in claims)  # the question
    assert not any("يستيقظ" in c.text for c in claims)  # the exhortation
    assert score_sentence("هل هذه مجرد صدفة؟").skip == "question"
    assert "-opinion" in score_sentence("يجب على العالم أن يستيقظ الآن.").reasons


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("According to the health ministry, 80 people were killed.", "the health ministry"),
    ("The toll rose to 80, regional civil protection officials said.",
     "regional civil protection officials"),
    ("Le bilan s'élève à 80 morts, selon le ministère de la Santé.", "le ministère de la Santé"),
    ("Le bilan est lourd, a déclaré le ministre de l'Intérieur.", "le ministre de l'Intérieur"),
    ("Une source de sécurité, qui a requis l'anonymat, affirme que 300 soldats sont arrivés.",
     "Une source de sécurité"),
    ("Comme le raconte à The Cradle un officier irakien :", "un officier irakien"),
    ("حسب مصادر أمنية، وصل 300 جندي إلى الحدود.", "مصادر أمنية"),
    ("قال مسؤول عراقي لرويترز إن الهجوم أسفر عن مقتل 14 شخصا.", "مسؤول عراقي"),
    ("Dans un discours prononcé le 5 janvier, il a averti les États-Unis.", None),
    ("The dam burst on Tuesday.", None),
    ("Officials lowered the toll to 84 from the 103 announced on Wednesday.", None),
    ("Washington has said it has no plans to withdraw its 2,500 troops.", "Washington"),
    ("Le ministre a également déclaré que 300 soldats étaient arrivés.", "Le ministre"),
])
def test_find_speaker(sentence: str, speaker: str | None) -> None:
    assert find_speaker(sentence) == speaker


def test_sentence_scores() -> None:
    assert score_sentence("La pièce manquante du puzzle", own_line=True).skip == "heading"
    assert (
        score_sentence("Est-ce une coïncidence si tout recommence maintenant.").skip == "question"
    )
    shout = score_sentence("Militants killed 14 soldiers near Kirkuk on Monday!")
    calm = score_sentence("Militants killed 14 soldiers near Kirkuk on Monday.")
    assert shout.score == calm.score - 1.0 and "-exclamation" in shout.reasons
    assert "-short" in score_sentence("14 dead.").reasons
    assert extract_claims("") == [] and extract_claims("Some text.", max_claims=0) == []


def test_cli_claims(tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["claims", "-", "--json", "--lang", "en"], input=ENGLISH)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["text"].startswith("Militants killed 14 soldiers")
    assert set(data[0]) == {"text", "start", "end", "score", "reasons", "speaker",
                            "rest"}
    path = tmp_path / "article.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(main, ["claims", str(path), "--max", "2", "--order", "document"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(" 1. [")
    assert "speaker: police officials" in result.output
    assert result.output.count("reasons:") == 2
    empty = runner.invoke(main, ["claims", "-"], input="Hello there.")
    assert empty.exit_code == 0 and "No check-worthy claim found." in empty.output
