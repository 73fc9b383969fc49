"""Sentences and passages: exact offsets, coverage, bounds, on generated and real text."""

from __future__ import annotations

import random
from pathlib import Path

import lxml.html
import pytest

from corroborate.domain import Passage, passage_id_for
from corroborate.errors import ConfigError
from corroborate.ingest.passages import count_tokens, split_passages, split_sentences

from .conftest import need_shared


def sentences_of(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Mr. Smith went to Washington on Jan. 5. "
            "He met Dr. Jones at 3 p.m. and they talked! Did it work?",
            [
                "Mr. Smith went to Washington on Jan. 5.",
                "He met Dr. Jones at 3 p.m. and they talked!",
                "Did it work?",
            ],
        ),
        (
            "fr",
            "M. Dupont a parlé le 5 janv. à Paris. Il est parti ensuite.",
            ["M. Dupont a parlé le 5 janv. à Paris.", "Il est parti ensuite."],
        ),
        (
            "ar",
            "قال الوزير إن المحادثات ستستأنف. هل ستنجح؟ لا أحد يعرف! ربما.",
            ["قال الوزير إن المحادثات ستستأنف.", "هل ستنجح؟", "لا أحد يعرف!", "ربما."],
        ),
        (
            "zh",
            "部长周二表示，谈判将恢复。他说：“我们希望成功。”是吗？是的！",
            ["部长周二表示，谈判将恢复。", "他说：“我们希望成功。”", "是吗？", "是的！"],
        ),
        ("ur", "یہ ایک جملہ ہے۔ یہ دوسرا ہے۔", ["یہ ایک جملہ ہے۔", "یہ دوسرا ہے۔"]),
        (
            "de",
            "Der Minister sagte, z. B. am Dienstag, es gehe weiter. Die Gespräche beginnen bald.",
            [
                "Der Minister sagte, z. B. am Dienstag, es gehe weiter.",
                "Die Gespräche beginnen bald.",
            ],
        ),
        (
            "es",
            "El Sr. García dijo que sí. ¿Habrá acuerdo? Nadie lo sabe.",
            ["El Sr. García dijo que sí.", "¿Habrá acuerdo?", "Nadie lo sabe."],
        ),
        (
            "ru",
            "Министр заявил, что переговоры возобновятся. Когда? Пока неясно.",
            ["Министр заявил, что переговоры возобновятся.", "Когда?", "Пока неясно."],
        ),
        (
            "fa",
            "وزیر گفت مذاکرات ادامه دارد. آیا موفق می‌شود؟ شاید.",
            ["وزیر گفت مذاکرات ادامه دارد.", "آیا موفق می‌شود؟", "شاید."],
        ),
        # Languages pysbd lacks go to the regex splitter.
        (
            "he",
            "השר אמר כי השיחות יתחדשו. האם זה יצליח? אולי.",
            ["השר אמר כי השיחות יתחדשו.", "האם זה יצליח?", "אולי."],
        ),
        (
            "pt",
            "O Sr. Silva disse que sim. A reunião foi adiada.",
            ["O Sr. Silva disse que sim.", "A reunião foi adiada."],
        ),
        (
            "",
            "J. Smith left! Then what?\n\nA heading without a stop\nLast one.",
            ["J. Smith left!", "Then what?", "A heading without a stop", "Last one."],
        ),
        ("tr", "Bakan konuştu… Sonra ayrıldı.", ["Bakan konuştu…", "Sonra ayrıldı."]),
        # doubtful breaks after dotted tokens are settled by pysbd's abbreviation lists
        (
            "en",
            "He moved to the U.S. The next year he left. Talks ended at 3 p.m. Officials said so.",
            [
                "He moved to the U.S.",
                "The next year he left.",
                "Talks ended at 3 p.m.",
                "Officials said so.",
            ],
        ),
        (
            "en",
            "It was founded in 1998.[12] Later it grew.[13][14] Then it shrank.",
            ["It was founded in 1998.[12]", "Later it grew.[13][14]", "Then it shrank."],
        ),
        (
            "en",
            "“Nope. Still nothing,” she said. They left.",
            ["“Nope.", "Still nothing,” she said.", "They left."],
        ),
    ],
)
def test_split_sentences(language: str, text: str, expected: list[str]) -> None:
    assert sentences_of(text, language) == expected


def test_language_variants_and_empty_text() -> None:
    assert sentences_of("One here. Two here.", "en-GB") == ["One here.", "Two here."]
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \t", "fr") == []


def check_passages(article_id: str, text: str, passages: list[Passage], max_tokens: int,
                   max_sentences: int) -> None:
    """Every property split_passages promises."""
    covered = bytearray(len(text))
    previous_end = 0
    for i, p in enumerate(passages):
        assert p.index == i and p.article_id == article_id
        assert text[p.start:p.end] == p.text
        assert p.id == passage_id_for(article_id, p.start, p.end) and 0 < p.id < 2**63
        assert p.start >= previous_end, "passages overlap or go backwards"
        previous_end = p.end
        assert p.text == p.text.strip() and p.text
        assert count_tokens(p.text) <= max_tokens
        assert 1 <= len(p.sentence_spans) <= max_sentences
        assert p.sentence_spans[0][0] == p.start and p.sentence_spans[-1][1] == p.end
        for (a, b), (c, _) in zip(p.sentence_spans, p.sentence_spans[1:], strict=False):
            assert a < b <= c
        for a, b in p.sentence_spans:
            covered[a:b] = b"\x01" * (b - a)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, (
        f"uncovered characters at {missing[:5]}: {text[missing[0] : missing[0] + 20]!r}"
    )


WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "Cairo",
    "while",
    "officials",
    "denied",
    "any",
    "agreement",
    "on",
    "prisoners",
    "or",
    "aid",
    "convoys",
]
CJK = "部长周二表示停火谈判将于下周在开罗恢复官员否认达成任何协议"
ARABIC = [
    "قال",
    "الوزير",
    "إن",
    "المحادثات",
    "ستستأنف",
    "الأسبوع",
    "المقبل",
    "في",
    "القاهرة",
    "بينما",
    "نفى",
    "المسؤولون",
    "أي",
    "اتفاق",
]


def random_text(rng: random.Random) -> tuple[str, str]:
    """A messy multi-paragraph text: short and huge sentences, CJK runs, odd spacing."""
    language = rng.choice(["en", "zh", "ar", "he", ""])
    paragraphs = []
    for _ in range(rng.randint(1, 6)):
        sentences = []
        for _ in range(rng.randint(1, 7)):
            n = rng.choice([1, 3, 8, 20, 40, 150, 400])
            if language == "zh":
                body = "".join(rng.choice(CJK) for _ in range(n))
                sentences.append(body + rng.choice(["。", "！", "？", "，", ""]))
            else:
                pool = ARABIC if language == "ar" else WORDS
                words = [rng.choice(pool) for _ in range(n)]
                if n > 30 and rng.random() < 0.5:
                    for k in range(10, n, 13):
                        words[k] += ","
                sentences.append(" ".join(words) + rng.choice([".", "!", "?", "؟", "...", ""]))
        paragraphs.append(rng.choice([" ", "  ", ""]).join(sentences))
    return rng.choice(["\n", "\n\n", "\n \n"]).join(paragraphs) + rng.choice(
        ["", "\n", "  "]
    ), language


@pytest.mark.parametrize("seed", range(40))
def test_passage_properties_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    text, language = random_text(rng)
    max_tokens = rng.choice([16, 60, 120])
    max_sentences = rng.choice([2, 4, 6])
    min_sentences = rng.randint(1, max_sentences)
    passages = split_passages(f"art{seed}", text, language, max_tokens=max_tokens,
                              min_sentences=min_sentences, max_sentences=max_sentences)
    check_passages(f"art{seed}", text, passages, max_tokens, max_sentences)


def test_grouping_two_to_four_sentences() -> None:
    text = " ".join(f"Sentence number {i} is short." for i in range(10))
    passages = split_passages("a", text, "en")
    assert [len(p.sentence_spans) for p in passages] == [4, 4, 2]
    text = " ".join(f"Sentence number {i} is short." for i in range(9))
    assert [len(p.sentence_spans) for p in split_passages("a", text, "en")] == [4, 4, 1]
    # a lone last sentence joins the previous passage when the bounds allow it
    assert [len(p.sentence_spans) for p in split_passages("a", text, "en", max_sentences=5)] == [
        5,
        4,
    ]


def test_paragraph_end_closes_a_passage_once_it_has_enough_sentences() -> None:
    text = "One is here. Two is here.\nThree is here. Four is here. Five is here."
    passages = split_passages("a", text, "en")
    assert [p.text for p in passages] == [
        "One is here. Two is here.",
        "Three is here. Four is here. Five is here.",
    ]


def test_a_huge_sentence_is_cut_within_the_bound() -> None:
    text = "Intro sentence here. " + ", ".join(" ".join(WORDS[:9]) for _ in range(40)) + ". Outro."
    passages = split_passages("a", text, "en", max_tokens=50)
    assert len(passages) > 5
    check_passages("a", text, passages, 50, 4)
    assert all(p.text.endswith((",", ".")) for p in passages[:-1])  # cut at clause marks
    cjk = "".join(CJK[i % len(CJK)] for i in range(1000)) + "。"
    check_passages("c", cjk, split_passages("c", cjk, "zh", max_tokens=100), 100, 4)


def test_bad_bounds_raise() -> None:
    with pytest.raises(ConfigError, match="min_sentences"):
        split_passages("a", "x", "en", min_sentences=5, max_sentences=4)
    with pytest.raises(ConfigError, match="max_tokens"):
        split_passages("a", "x", "en", max_tokens=0)


def test_count_tokens() -> None:
    assert count_tokens("Hello, world!") == 4
    assert count_tokens("部长周二") == 4
    assert count_tokens("") == 0


# --- real article text -------------------------------------------------------------------------


def page_text(path: Path) -> str:
    """The readable text of an expected.html, one block element a line."""
    root = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    blocks = root.xpath("//p|//li|//h1|//h2|//h3|//h4|//blockquote|//pre|//td")
    lines = [" ".join(b.text_content().split()) for b in blocks]
    return "\n".join(line for line in lines if line)


@pytest.mark.parametrize(
    ("page", "language"),
    [
        ("lemonde-1", "fr"),
        ("liberation-1", "fr"),
        ("folha", "pt"),
        ("la-nacion", "es"),
        ("heise", "de"),
        ("gmw", "zh"),
        ("qq", "zh"),
        ("pixnet", "zh"),
        ("hukumusume", "ja"),
        ("nytimes-1", "en"),
        ("guardian-1", "en"),
        ("aktualne", "cs"),
        ("wikipedia", "en"),
    ],
)
def test_real_article_text(page: str, language: str) -> None:
    text = page_text(need_shared("data", "extraction", "readability", page, "expected.html"))
    assert len(text) > 300
    passages = split_passages(page, text, language)
    check_passages(page, text, passages, 120, 4)
    multi = sum(len(p.sentence_spans) >= 2 for p in passages)
    assert multi >= 0.5 * len(passages), [p.text[:60] for p in passages]


def test_real_arabic_and_french_news_sentences() -> None:
    root = need_shared("data", "stance", "xnli")
    for language in ("ar", "fr", "en"):
        premises = []
        for line in (root / f"dev-{language}.tsv").read_text(encoding="utf-8").splitlines()[:600:3]:
            premise = line.split("\t")[0].strip()
            if premise and premise[-1] in ".!?؟":
                premises.append(premise)
        text = "\n".join(" ".join(premises[i:i + 5]) for i in range(0, len(premises), 5))
        passages = split_passages(language, text, language)
        check_passages(language, text, passages, 120, 4)
        sentence_count = sum(len(p.sentence_spans) for p in passages)
        assert sentence_count >= 0.8 * len(premises), (language, sentence_count, len(premises))


def test_the_motivating_example_article() -> None:
    path = need_shared("examples", "000_b9e706d75d322fc7.txt")
    text = path.read_text(encoding="utf-8")
    passages = split_passages("ex", text, "fr")
    check_passages("ex", text, passages, 120, 4)
    assert len(passages) >= 5
