"""How a passage is read for stance: whole, then sentence by sentence where that can decide.

The engine and the evaluation (``corroborate eval stance``) both read through this module, so
the evaluation measures what the engine does:

1. every passage is read whole (one model call for all of them);
2. a passage that is related to the claim but whose reading is not decisive
   (:func:`~corroborate.stance.aggregate.worth_reading_sentences`) has its sentences read too,
   those long enough to stand alone (:func:`~corroborate.stance.aggregate.readable_sentences`),
   all in a second model call;
3. a decidedly polar sentence replaces its passage's reading
   (:func:`~corroborate.stance.aggregate.sentence_reading`) and is remembered as the sentence
   that decided it (the page highlights it);
4. a contradiction must be carried by a sentence a reader can point at
   (``contradiction_sentence``): a passage read whole as contradicting has its readable
   sentences read, and the one read as contradicting most confidently becomes its deciding
   sentence; when none of them contradicts on its own, the passage is shown with no clear
   stance (``neutral``) rather than as a contradiction nobody can find; and when what the
   sentence shows against the claim is only a denial, the sentence must still contradict
   without its clauses that deny nothing (:func:`without_other_clauses`): « Le Pentagone a
   précisé qu'il ne s'agissait pas de négociations sur un retrait immédiat des troupes
   américaines, qui comptent environ 2 500 soldats en Irak » is read as contradicting "1,500
   more soldiers" for its figures, which differ without conflict (a level, not a change), not
   for its denial, which is of something else; last, such a denial must deny what the claim
   states: undone ("did not resign" → "did resign"), the two must lean to support, else it may
   say the claim's own fact the other way round ("no violations were reported" against "the
   ceasefire held") and no side is shown, unless the sentence's clauses that deny nothing
   contradict on their own (:func:`affirm_denials`);
5. the statements a sentence makes inside its clauses are read
   (:func:`corroborate.clauses.statements`): those of every sentence of a related passage that
   nothing decided (« … un retrait des troupes américaines, qui comptent environ 2 500 soldats
   en Irak » holds "the troops number about 2,500 in Iraq" under a sentence about something
   else), and those of the sentence that carries a contradiction ("officials rejected that
   description, noting that the presence remains at about 2,500": the denial is of something
   else). One read as supporting, decidedly, decides its passage as support, its sentence
   highlighted, unless that sentence reports the statement as a rumour or corrects the claim
   (:mod:`.evidence`, step 1). A clause never makes a contradiction: that must stand in a
   whole sentence.

What the model reads can differ from what is shown (``prepare``: the engine writes relative dates
out from the article's publication date); sentence spans always refer to the original text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..clauses import clause_spans, statements
from ..domain import StanceResult
from .aggregate import (
    DEFAULT_SENTENCE_THRESHOLD,
    MIN_SENTENCE_CHARS,
    polar,
    readable_sentences,
    sentence_reading,
    worth_reading_sentences,
)
from .conflict import aligned, find_conflicts
from .corrections import corrects
from .denials import affirmed, denial, points_back
from .evidence import reports_hearsay
from .labels import CONTRADICTS, NEUTRAL, SUPPORTS

Span = tuple[int, int]
# how far support must rise when a contradiction's values are aligned (:func:`carry_values`):
# another act at another time rises by 0.03 at most (a battery of 8 stories, en/fr/ar), a
# number or date that contradicts by 0.06 to 0.9 (the behaviour halves)
VALUES_CARRY = 0.1
Classify = Callable[[Sequence[str], Sequence[str]], list[StanceResult]]
"""``classify(claims, texts)``: one reading of ``texts[i]`` towards ``claims[i]`` each."""


@dataclass(frozen=True)
class Reading:
    """A passage's reading, and the span of the sentence that decided it (``None``: the whole)."""

    result: StanceResult
    sentence: Span | None = None


@dataclass(frozen=True)
class RawReadings:
    """Step 1 and 2 before step 3: the passages' readings and their sentences' readings."""

    passages: list[StanceResult]
    spans: list[list[Span]]  # per passage, the sentences read (empty: not read by sentence)
    sentences: list[list[StanceResult]]  # per passage, the readings of those sentences


def _same(_i: int, text: str) -> str:
    return text


def read_raw(classify: Classify, claims: Sequence[str], texts: Sequence[str],
             sentence_spans: Callable[[int], Sequence[Span]], *,
             worth: Callable[[StanceResult], bool],
             prepare: Callable[[int, str], str] = _same) -> RawReadings:
    """Read every passage, then the readable sentences of those ``worth`` picks.

    Args:
        classify: the model call, ``classify(claims, texts)``.
        claims, texts: the claim each passage is read against, and the passages.
        sentence_spans: ``sentence_spans(i)``: the sentence spans of ``texts[i]`` (offsets in it).
        worth: whether a passage's reading calls for its sentences to be read.
        prepare: ``prepare(i, text)``: what the model reads of ``text``, a part of ``texts[i]``.
    """
    results = classify(claims, [prepare(i, t) for i, t in enumerate(texts)]) if texts else []
    spans = [readable_sentences(t, sentence_spans(i)) if worth(r) else []
             for i, (t, r) in enumerate(zip(texts, results, strict=True))]
    pairs = [(claims[i], prepare(i, texts[i][a:b])) for i, sp in enumerate(spans) for a, b in sp]
    flat = classify([c for c, _ in pairs], [t for _, t in pairs]) if pairs else []
    per_passage: list[list[StanceResult]] = []
    cursor = 0
    for sp in spans:
        per_passage.append(flat[cursor:cursor + len(sp)])
        cursor += len(sp)
    return RawReadings(results, spans, per_passage)


def decide(raw: RawReadings, *, threshold: float = DEFAULT_SENTENCE_THRESHOLD) -> list[Reading]:
    """Step 3: each passage's reading, a decidedly polar sentence's where one wins."""
    out: list[Reading] = []
    for result, spans, sentences in zip(raw.passages, raw.spans, raw.sentences, strict=True):
        j = sentence_reading(result, sentences, threshold=threshold)
        out.append(Reading(result) if j is None else Reading(sentences[j], spans[j]))
    return out


def read_passages(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                  sentence_spans: Callable[[int], Sequence[Span]], *, sentences: bool,
                  threshold: float = DEFAULT_SENTENCE_THRESHOLD,
                  prepare: Callable[[int, str], str] = _same,
                  contradiction_sentence: bool = False,
                  affirm: bool = True) -> list[Reading]:
    """The reading of each passage (steps 1–5); ``sentences=False`` leaves out steps 2 and 3
    and reads statements only in sentences carrying a contradiction,
    ``contradiction_sentence=False`` leaves out step 4, ``affirm=False`` its last check
    (:func:`affirm_denials`, which asks the readings to be weighed against the texts: raw
    readings, the network's own, are read without it)."""

    def worth(r: StanceResult) -> bool:
        return sentences and worth_reading_sentences(r, threshold=threshold)

    raw = read_raw(classify, claims, texts, sentence_spans, worth=worth, prepare=prepare)
    readings = decide(raw, threshold=threshold)
    if contradiction_sentence:
        readings = carry_contradictions(classify, claims, texts, sentence_spans, readings,
                                        raw, prepare=prepare, affirm=affirm)
    return read_statements(classify, claims, texts, sentence_spans, readings, raw,
                           worth=worth, threshold=threshold, prepare=prepare)


def read_statements(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                    sentence_spans: Callable[[int], Sequence[Span]],
                    readings: Sequence[Reading], raw: RawReadings, *,
                    worth: Callable[[StanceResult], bool],
                    threshold: float = DEFAULT_SENTENCE_THRESHOLD,
                    prepare: Callable[[int, str], str] = _same) -> list[Reading]:
    """Step 5: the statements inside the clauses of each related, undecided passage's sentences
    and of each sentence carrying a contradiction are read (one model call); a statement read as
    supporting, at least ``threshold``, decides its passage with its sentence as the deciding
    one."""
    out = list(readings)
    todo: list[tuple[int, Span, str]] = []
    for i, r in enumerate(readings):
        if r.result.label == CONTRADICTS and r.sentence is not None:
            spans: Sequence[Span] = [r.sentence]
        elif r.result.label not in (SUPPORTS, CONTRADICTS) and worth(raw.passages[i]):
            spans = sentence_spans(i)
        else:
            continue
        for a, b in spans:
            sentence = texts[i][a:b]
            if (len(sentence.strip()) < MIN_SENTENCE_CHARS or reports_hearsay(sentence)
                    or corrects(claims[i], sentence) is not None):
                continue
            todo += [(i, (a, b), s) for s in statements(sentence)]
    if not todo:
        return out
    read = classify([claims[i] for i, _, _ in todo], [prepare(i, s) for i, _, s in todo])
    for (i, span, _), result in zip(todo, read, strict=True):
        if result.label != SUPPORTS or polar(result) < threshold:
            continue
        if out[i].result.label != SUPPORTS or polar(result) > polar(out[i].result):
            out[i] = Reading(result, span)
    return out


def carry_contradictions(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                         sentence_spans: Callable[[int], Sequence[Span]],
                         readings: Sequence[Reading], raw: RawReadings, *,
                         prepare: Callable[[int, str], str] = _same,
                         affirm: bool = True) -> list[Reading]:
    """Step 4: each contradiction read from a whole passage gets the sentence that carries it,
    or becomes ``neutral`` when no sentence contradicts on its own.

    Sentences already read in step 2 are not read again; a passage of one readable sentence is
    its own sentence.
    """
    out = list(readings)
    todo: list[tuple[int, list[Span]]] = []
    for i, r in enumerate(readings):
        if r.result.label != CONTRADICTS or r.sentence is not None:
            continue
        spans = readable_sentences(texts[i], sentence_spans(i))
        if spans:
            todo.append((i, spans))
    need = [(i, sp) for i, spans in todo for sp in spans if sp not in raw.spans[i]]
    fresh = classify([claims[i] for i, _ in need],
                     [prepare(i, texts[i][a:b]) for i, (a, b) in need]) if need else []
    known = {(i, sp): res for (i, sp), res in zip(need, fresh, strict=True)}
    for i, spans in enumerate(raw.spans):
        known.update({(i, sp): res for sp, res in zip(spans, raw.sentences[i], strict=True)})
    for i, spans in todo:
        carrying = [(known[(i, sp)], sp) for sp in spans
                    if known[(i, sp)].label == CONTRADICTS]
        if carrying:
            result, span = max(carrying, key=lambda c: c[0].probabilities.get(CONTRADICTS, 0.0))
            out[i] = Reading(result, span)
        else:
            out[i] = Reading(StanceResult(NEUTRAL, dict(readings[i].result.probabilities)))
    out = carry_denials(classify, claims, texts, out, prepare=prepare)
    if not affirm:
        return out
    out = affirm_denials(classify, claims, texts, out, prepare=prepare)
    return carry_values(classify, claims, texts, out, prepare=prepare)


def without_other_clauses(claim: str, sentence: str) -> str | None:
    """``sentence`` with only its main clause and the clauses holding a denial, when a denial
    is all it shows against ``claim`` (:func:`~.conflict.find_conflicts`), it has other,
    incidental clauses (:func:`~corroborate.clauses.clause_spans`: ", which …", ", noting
    that …") and no denying clause points back at something said before ("officials rejected
    that description" is read with what it rejects); else None, the sentence being read
    whole."""
    conflicts = find_conflicts(claim, sentence)
    if not conflicts or any(c.kind != "negation" for c in conflicts):
        return None
    return None if denial_points_back(sentence) else denying_clauses(sentence)


def denial_points_back(sentence: str) -> bool:
    """Whether a clause of ``sentence`` that denies refers back to what it denies ("rejected
    that description"): what it denies is not in the sentence."""
    return any(points_back(sentence, a, b) for a, b in clause_spans(sentence)
               if denial(sentence, a, b))


def undenied_clauses(sentence: str) -> str | None:
    """``sentence`` without its clauses that hold a denial, when some hold one and some not;
    else None."""
    clauses = clause_spans(sentence)
    kept = [(a, b) for a, b in clauses if denial(sentence, a, b) is None]
    if not kept or len(kept) == len(clauses):
        return None
    text = "".join(sentence[a:b] for a, b in kept).strip(" ,;:")
    return text if text.endswith((".", "!", "?", "؟")) else f"{text}."


def denying_clauses(sentence: str) -> str | None:
    """``sentence`` with only its main clause and the clauses holding a denial, when that
    leaves others out; else None."""
    clauses = clause_spans(sentence)
    denying = [(a, b) for a, b in clauses if denial(sentence, a, b) is not None]
    kept = [(a, b) for k, (a, b) in enumerate(clauses) if k == 0 or (a, b) in denying]
    if not denying or len(kept) == len(clauses):
        return None
    text = "".join(sentence[a:b] for a, b in kept).strip()
    return text if text.endswith((".", "!", "?", "؟")) else f"{text}."


def carry_denials(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                  readings: Sequence[Reading], *,
                  prepare: Callable[[int, str], str] = _same) -> list[Reading]:
    """Step 4, last: a contradiction whose sentence shows only a denial keeps its side when the
    sentence, read without its clauses that deny nothing (:func:`without_other_clauses`),
    still leans to contradiction (its likeliest reading: the check asks what carries the
    contradiction, the confidence shown stays the sentence's); else it becomes ``neutral``."""
    out = list(readings)
    todo: list[tuple[int, str]] = []
    for i, r in enumerate(readings):
        if r.result.label != CONTRADICTS:
            continue
        a, b = r.sentence or (0, len(texts[i]))  # a passage of one sentence is its own
        reduced = without_other_clauses(claims[i], texts[i][a:b])
        if reduced is not None:
            todo.append((i, reduced))
    if not todo:
        return out
    read = classify([claims[i] for i, _ in todo], [prepare(i, t) for i, t in todo])
    for (i, _), result in zip(todo, read, strict=True):
        p = result.probabilities
        if max(p, key=lambda k: p[k]) != CONTRADICTS:
            out[i] = Reading(StanceResult(NEUTRAL, dict(readings[i].result.probabilities)))
    return out


def affirm_denials(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                   readings: Sequence[Reading], *,
                   prepare: Callable[[int, str], str] = _same) -> list[Reading]:
    """Step 4, after :func:`carry_denials`: a contradiction whose sentence shows only a denial,
    the claim none, keeps its side when the denial denies what the claim states: undone
    (:func:`~.denials.affirmed`: "did not resign" → "did resign", in its main clause), the
    two lean to support. Else the denial may say the claim's own thing in other words ("did
    not resign" against "kept her post", "no violations were reported" against "the
    ceasefire held"), and the reading becomes ``neutral`` unless the sentence's clauses that
    deny nothing still lean to contradiction on their own ("… was described by a team from
    Frankfurt; no Kenyan institution took part"). A denial that points back ("rejected that
    description") or corrects a name of the claim ("…, not by X") is left as it is: undone,
    it would not say what it denies. So is a claim that denies: undone, it is read against a
    text that need not state it ("He did say a word" against "he said, Mama, I'm home")."""
    out = list(readings)
    todo: list[tuple[int, str, str]] = []  # what is read: (reading, claim, text)
    asks: dict[int, list[int]] = {}  # per reading, its rows of todo: the affirmed, the rest
    for i, r in enumerate(readings):
        if r.result.label != CONTRADICTS:
            continue
        a, b = r.sentence or (0, len(texts[i]))
        sentence = texts[i][a:b]
        conflicts = find_conflicts(claims[i], sentence)
        if not conflicts or any(c.kind != "negation" for c in conflicts):
            continue
        if (conflicts[0].passage is None or corrects(claims[i], sentence)
                or denial_points_back(sentence)):
            continue  # the claim denies, or the text corrects a name of it or points back
        asks[i] = [len(todo)]
        todo.append((i, claims[i], affirmed(denying_clauses(sentence) or sentence) or sentence))
        remainder = undenied_clauses(sentence)
        if remainder is not None:
            asks[i].append(len(todo))
            todo.append((i, claims[i], remainder))
    if not todo:
        return out
    read = [r.probabilities for r in
            classify([c for _, c, _ in todo], [prepare(i, t) for i, _, t in todo])]
    for i, rows in asks.items():
        undone, *others = (read[k] for k in rows)
        if undone[SUPPORTS] > undone[CONTRADICTS] or any(
                p[CONTRADICTS] > p[SUPPORTS] for p in others):
            continue
        out[i] = Reading(StanceResult(NEUTRAL, dict(readings[i].result.probabilities)))
    return out


def carry_values(classify: Classify, claims: Sequence[str], texts: Sequence[str],
                 readings: Sequence[Reading], *,
                 prepare: Callable[[int, str], str] = _same) -> list[Reading]:
    """Step 4, after :func:`affirm_denials`: a contradiction whose sentence differs from the
    claim only in values (numbers, dates, places) keeps its side when the claim, given the
    sentence's values (:func:`~.conflict.aligned`), leans to support: then the values are what
    contradicts. Else the sentence says something else of the claim's actors, at another time
    ("Narendra Modi visited Moscow in July 2024" against "Modi was sworn in in June 2024", read
    contradicting 0.78), and the reading becomes ``neutral``. Leaning to support is the
    aligned pair read as support more than contradiction, or its support risen by
    :data:`VALUES_CARRY` at least: with its values aligned, a pair is a statement and its
    details, which the network reads as contradiction often enough ("Al Ahly beat Wydad 4-0"
    against "thrashed Wydad 4-0 in the final in Cairo on Saturday": 0.48 contradicts, 0.34
    supports, from 0.00). The confidence shown stays the sentence's own."""
    out = list(readings)
    todo: list[tuple[int, str, str]] = []
    for i, r in enumerate(readings):
        if r.result.label != CONTRADICTS:
            continue
        a, b = r.sentence or (0, len(texts[i]))
        claim = aligned(claims[i], texts[i][a:b])
        if claim is not None:
            todo.append((i, claim, texts[i][a:b]))
    if not todo:
        return out
    read = classify([c for _, c, _ in todo], [prepare(i, t) for i, _, t in todo])
    for (i, _, _), result in zip(todo, read, strict=True):
        p, before = result.probabilities, readings[i].result.probabilities
        if (p.get(SUPPORTS, 0.0) <= p.get(CONTRADICTS, 0.0)
                and p.get(SUPPORTS, 0.0) - before.get(SUPPORTS, 0.0) < VALUES_CARRY):
            out[i] = Reading(StanceResult(NEUTRAL, dict(before)))
    return out
