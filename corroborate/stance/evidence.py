"""Whether what a text states bears out the network's reading: its values, negations and names.

The stance network is small and reads word differences as contradictions and swapped names as
support. Before its probabilities are calibrated, this check weighs them against what a reader
can verify in the two texts (:func:`weigh`), in order:

1. **Support needs the claim's names, stated, not reported.** A name of the claim that the
   text does not name means the text does not confirm the claim: support is held back (below
   its threshold). Well-known actors and places are found in any language and script
   (:mod:`.entities`: "Kerman" in "كرمان", "État islamique" as "Islamic State"); other names
   (capitalised words past the first) only when both texts are written in Latin script. Nor
   does a text confirm a claim it *reports* as circulating (posts, rumours, allegations: a
   fact-check's "a claim spread that ..."), unless the claim is itself such a report, nor one
   that *corrects* it: "… by the Green party, not by Leefbaar Rotterdam", "rather than from
   the Drouant restaurant", « et non par les Émirats arabes unis », « وليس في طوكيو » where
   the claim names what follows and negates nothing itself (:mod:`.corrections`), nor one that
   says the opposite word of the claim's: "above" where it says "below", "fell" where it
   says "rose" (:func:`~.opposites.opposite_words`; where the rest of the claim's words are
   the text's too, that is a conflict: step 3), nor one that states another figure where the
   claim's is not stated ("165 billion" for "165 million": :func:`other_figure`), nor one
   that says the claim's act was called off, put off or refused ("called off the planned
   strike" against "went on strike": :func:`called_off`).
2. **One statement with nothing in conflict is support.** When the network reads one
   statement, leans to supports (at least ``support_min``), the texts conflict nowhere and
   the claim names something (:func:`names_something`: what step 1 looked for) and no
   value differs even softly (:func:`~.conflict.soft_conflicts`: another day of the week, a
   level against a change), its
   contradicting mass moves to supports (a translation or a paraphrase differs in every
   word, which the network alone reads as contradiction). A claim that names nothing gives
   step 1 nothing to check: on generic sentences ("It's getting better." against "it's only
   getting worse") the network's leaning is all there is, and moving mass on it showed
   wrong support one time in three on the dev sets.
3. **A contradiction needs a conflict a reader can see, about the same event.** When the texts
   conflict nowhere (no value, no negation, no direction, no act called off), contradiction
   is held back: such a
   passage is shown as related with no clear stance, never as a contradiction nobody can point
   at. (A changed actor, which no table covers, is therefore not shown as a contradiction.)
   A conflict only counts when the text names everything else the claim names: "Iraq" against
   the claim's "Iran" in a passage about other talks, without the claim's "Kerman", is another
   event, not a contradiction. Nor does a denial in a clause that holds none of the claim's
   matter while the text's other clauses state it: "officials rejected that description,
   noting that the presence remains at about 2,500 troops" denies a description, not the
   figure it goes on to state (:func:`negation_elsewhere`).

A conflict never *adds* contradiction to a reading that leans to support: on the demo,
promoting a reading to contradicts because a number, place or negation differed somewhere in
the sentence (another figure, the day of a date, an unrelated denial) tripled the wrong
contradictions shown, so conflicts only permit one (research/NOTEBOOK.md, *Evidence check*).
Two exceptions. The mirror of step 2: where the network reads one statement that leans to
contradiction and the text states another exact value where the claim's is not stated, about
the same matter (:func:`exact_figure`: "beat Wydad 2-1" against "4-0", "in September 2025"
against "held on 18 May 2025"), its supporting mass moves to contradiction; the temperature had
left such readings under the threshold. And a text that corrects a name of the claim ("…,
not at Mombasa port as initially reported": :mod:`.corrections`) states every other word of
it, which the network reads as support: read as one statement, it is a contradiction, and the
card shows the name and the correcting phrase side by side (:func:`shown_conflicts`).

The calibration (:mod:`.calibration`) then scales the weighed probabilities, keeps a held-back
side just under its threshold (the excess goes to ``neutral``) and applies its thresholds. Raw
readings (``--no-calibration``, the dev gate) are the network's own.

    >>> p = {"supports": 0.72, "contradicts": 0.23, "neutral": 0.05, "unrelated": 0.0}
    >>> w = weigh("The IS claimed the Kerman bombings.", "The IS claimed the Kerman attacks.", p)
    >>> w.probabilities, sorted(w.held_back)
    ({'supports': 0.95, 'contradicts': 0.0, 'neutral': 0.05, 'unrelated': 0.0}, ['contradicts'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..clauses import clause_spans
from .acts import (
    anchors,
    asked,
    called_off,
    called_off_match,
    failed,
    kept_state,
    lacks,
    not_done,
)
from .allegations import alleged, denial_unstated, report_denied
from .conflict import (
    Conflict,
    Span,
    find_conflicts,
    soft_conflicts,
)
from .corrections import correction, corrects
from .denials import denial, denies_in_other_words, first_time_restated
from .entities import COUNTRIES_KEYS, alias_words, fold, is_arabic, named
from .figures import numbers
from .labels import CONTRADICTS, STANCE_LABELS, SUPPORTS
from .levels import level_or_change
from .opposites import opposite_words, same_matter
from .propernames import WORD as _WORD
from .propernames import is_latin, name_core, name_groups, names
from .roles import swapped_roles, swapped_route, swapped_time
from .skeletons import transliterated, written_in
from .territories import adjective_words, covered_words, unnamed
from .wordcounts import other_count


@dataclass(frozen=True)
class EvidenceRule:
    """The two levels of :func:`weigh` (stored in ``calibration.json`` as ``evidence``)."""

    polar_min: float = 0.8  # the network reads one statement: supports + contradicts ≥ this
    support_min: float = 0.7  # … and leans to supports at least this much (step 2)
    # the steps' revision (cached readings of one are not another's): 1 names in Latin script
    # only; 2 the entity table in any script, reported claims, the same event for a conflict;
    # 3 hyphenated names checked through the table, titles are not names; 4 step 2 needs a
    # claim that names something; 5 a text that corrects the claim's names does not support it;
    # 6 "a claim has spread" is hearsay, and step 2 needs no soft conflict (another weekday, a
    # level against a change); 7 an Arabic weekday before an Arabic comma is a weekday, and a
    # side naming a capital names its country (no place conflict for "Egypt" against Cairo);
    # 8 a negation in a clause that holds none of the claim's matter is no conflict; 9 words
    # that deny nothing ("not only", « ne … que », «لا يقل عن») are no negation; 10 a number
    # a word scales is read by its value ("40,000" is «40 ألف»), and after an Arabic «و»;
    # 11 "4.2bn" and « 2,5 M€ » are scaled, a number is never read in part ("4" of "4.2bn"),
    # "06" is 6; 12 a side naming a country names its capital ("Moscow" against "Russia" and
    # "Washington" is no place conflict); 13 a negation the other side may state in other
    # words ("escaped unharmed", « est resté fermé », «دون») is no conflict, nor support;
    # 14 a bound or a round figure the other number may be is no conflict ("at least 40"
    # against "52", "more than 300" against "340": a soft one where the text says less);
    # 15 a quantity in another unit or format is the same value ("3 pm" is "15:00", "3.5 km"
    # is "3,500 metres"), and one written in words conflicts ("two hours" against "30 minutes");
    # 16 more words that deny ("stayed afloat", "survived", «أبقت»), none of a manner ("without
    # warning", «دون سابق إنذار»), a short Arabic word («دون», «نجا») compared whole; 17 a
    # country named by its people's adjective ("Syrian territory") is named, a ban ("banned",
    # «منع») and a level kept ("held … steady", « a maintenu ») deny, and a count never
    # conflicts with a duration or another measure ("18 regions" against "in 24 hours"); 18
    # a text with the opposite word of the claim's ("above" for "below") does not support it;
    # 19 and about the same matter, it is a conflict ("Inflation rose" against "… fell"); 20
    # a text with another figure where the claim's is not stated does not support it; 21 a
    # number spelled out is stated ("Forty-two" for "42"), and one statement leaning to
    # contradiction with another figure is contradiction; 22 and with another month, year or
    # place, and a text correcting a name of the claim ("…, not at Mombasa port") conflicts
    # with it, read as one statement a contradiction; a vote or a trial's outcome has its
    # opposite ("approved" and "rejected", "convicted" and "acquitted"); 23 a text saying the
    # claim's act was called off, put off or refused ("called off the strike", « a reporté la
    # fermeture ») does not support it, nor one saying it lost where the claim says won; more
    # words of a change's direction ("climbed", "plunged", "raised its key rate", «قفز»);
    # 24 an Arabic denial after a conjunction («ولم», «وليس», «فلا») or «ألا» denies, a
    # claim that is a demand (« a exigé ») is not held back by a text that "called for" it;
    # 25 the day of a date ("4" of "4 January") conflicts with another day only, never with a
    # count, and a text saying the act failed ("failed to reach", «فشل في») or a state was
    # kept ("remained grounded", « sont restées fermées ») does not support the claim, nor one
    # saying he was toppled where the claim says he survived; 26 "none", "nothing", "neither
    # … nor" and "nowhere" deny, and an act that stopped ("has ended", "stayed away", « a
    # cessé », «توقف») may state a denial in other words: no negation conflict; 27 a text
    # naming the claim's two actors the other way round around the claim's act ("Hezbollah
    # accused Israel" for "Israel accused Hezbollah"), a record low for a high, a part for
    # "all" do not support it; 28 nor one in the future ("will hold"), outside a relative
    # clause; 29 nor one of what may be ("could destroy"), nor a route the other way round;
    # 30 nor an act undone ("closed" for "opened"); 31 an Arabic future in «سي» does (not «سيد»); 32
    # nor a place or a medal, an accusation, an order or a plan, an act without its outcome, a
    # change for a level, another weekday, quarter, currency or adjective (`contrasts.py`),
    # and a litotes denies nothing; 33 a question ("Was anyone killed …?") states nothing, a
    # report denied ("dismissed reports that he had resigned") does not support the act and
    # restates its denial, "could not prevent" and "none was left behind" deny nothing; a
    # comparison is no conflict; "except", "were blocked", a job kept restate a denial, and a
    # claim reporting a denial is not borne out by a text that denies nothing; 34 nor a truce
    # or a bridge that collapsed for one that held, a chief kept in post for one dismissed, a
    # bid withdrawn for an appointment, a shrinking economy for a growing one, dozens for
    # thousands, a rate cut for one kept unchanged, the favourite to win for the winner, a
    # penalty scored for one missed, siding for neutrality; "voted against", "deprived of",
    # "missed", «كان … مغلقاً», "violated", "ran out of" restate a denial; nor an act
    # postponed for one held as scheduled, nor a treaty expired for one extended, nor another
    # term or round, nor another month or year (as another day; «تموز» is a month); a
    # threshold passed ("topped 200", «تجاوز … 200») is a lower bound; 35 a Latin claim's
    # names outside the table are looked for in an Arabic text by their consonants
    # (`skeletons.py`), and a contradiction resting only on values must lean to support with
    # the text's values put in the claim (`reading.carry_values`: another act at another time);
    # a count in words has its scale ("five thousand" is no 5: `wordcounts.py`); 36 a country
    # outside the table is found in any language (CLDR's names, `territories.py`), and any
    # country, by name or adjective, is asked for where the text names another; "only" and a
    # bound go with a figure put in the claim (`conflict.aligned`); 37 a privative word said of
    # something ("remains unidentified", «غير مرئي») restates a denial, no claim that denies is
    # borne out by a text that denies nothing, "4 of the 40" is a share (not "half of"), and a
    # region of the Americas ("South American") is no US, nor "IS" in a headline in capitals
    version: int = 37


def missing_names(claim: str, text: str) -> list[str]:
    """The claim's names that ``text`` does not name: the entity table's (any language and
    script, by their ids; countries are context, not asked for), then other capitalised names,
    folded, when both texts are in Latin script."""
    return _missing_entities(claim, text) + _missing_words(claim, text)


def _missing_entities(claim: str, text: str, changed: Sequence[Span] = ()) -> list[str]:
    """The table's non-country entities of the claim that ``text`` does not name, leaving out
    those the text replaced with another value (``changed``: their spans in the claim)."""
    in_text = named(text)
    return [k for k, (a, b) in named(claim).items()
            if k not in in_text and k not in COUNTRIES_KEYS
            and not any(a < end and start < b for start, end in changed)]


def _missing_words(claim: str, text: str, places: bool = True) -> list[str]:
    """The claim's other capitalised names absent from ``text``: word for word when both are
    in Latin script; against an Arabic text, the names it would transliterate, a name of
    several words ("Claudia Sheinbaum") written when one of them is (:mod:`.skeletons`).
    ``places``: a country, by its name or its people's adjective, in a claim in any script, is
    asked for where the text names another (:func:`~.territories.unnamed`: "Pérou" is "Peru"
    and «بيرو»; the table's adjectives, "French wines", are context otherwise)."""
    territory = unnamed(claim, text) if places else []
    if not is_latin(claim):
        return territory
    table = alias_words(named(claim))
    covered = table | covered_words(claim, text) | adjective_words(claim)
    if not is_latin(text):
        if not is_arabic(text):
            return []
        # a name the table holds ("Algerian" is Algeria's) is asked for by the table instead
        return list(dict.fromkeys(territory + [
            fold(word) for run in name_groups(claim)
            if not any(_covered(fold(w), covered) or named(w) for w in run)
            and transliterated(run)
            and not any(written_in(w, text) for w in run) for word in run]))
    folded = fold(text)
    return list(dict.fromkeys(territory + [
        n for n in names(claim) if not _covered(n, covered) and n not in folded]))


def _covered(name: str, words: frozenset[str]) -> bool:
    """Whether every part of ``name`` ("etats-unis": "etats", "unis") is a word of the table's
    aliases for the claim's entities (then the table checks it, in any language)."""
    parts = re.findall(r"[^\W\d_]+", name)
    return bool(parts) and all(part in words for part in parts)


def same_event(claim: str, text: str, conflicts: Sequence[Conflict]) -> bool:
    """Whether ``text`` speaks of the claim's event: it names every (non-country) entity of the
    claim besides the values it conflicts on, and one of its other names (countries aside)."""
    if _missing_entities(claim, text, [c.claim for c in conflicts if c.claim is not None]):
        return False
    words = [n for n in names(claim) if not _covered(n, alias_words(named(claim)))]
    return not words or not is_latin(text) or len(_missing_words(claim, text, False)) < len(words)


def names_something(claim: str, text: str) -> bool:
    """Whether ``claim`` names something step 1 can look for: an entity of the table (any
    language and script) or, in Latin script, a capitalised name past its first word, or a
    first word the text also writes capitalised past its own first word ("Peru has ...")."""
    if named(claim) or (is_latin(claim) and names(claim)):
        return True
    first = _WORD.search(claim)
    if first is None or not is_latin(claim) or not is_latin(text):
        return False
    if name_core(first.group()) is None:
        return False
    word = re.split(r"['’]", first.group())[-1]
    return any(m.start() > 0 and m.group() == word for m in re.finditer(
        rf"(?<![\w'’]){re.escape(word)}(?![\w])", text))


def unconfirmed(claim: str, text: str) -> tuple[str, ...]:
    """Why ``text`` does not count as support for ``claim`` (step 1), in words a reader can
    check against the page: the claim's names it does not name, in the claim's own wording,
    whether it only reports the statement as circulating, corrects it, says the opposite word
    or another figure. Empty when step 1 lets it be."""
    out = []
    in_text = named(text)
    wording = [_whole_words(claim, a, b) for k, (a, b) in named(claim).items()
               if k not in in_text and k not in COUNTRIES_KEYS]
    missing = set(_missing_words(claim, text))
    if missing:
        wording += [m.group() for m in _WORD.finditer(claim)
                    if fold(re.split(r"['’]", m.group())[-1]) in missing]
    if wording:
        out.append("it does not name " + ", ".join(f"“{w}”" for w in dict.fromkeys(wording)))
    if reports_hearsay(text) and not reports_hearsay(claim):
        out.append("it reports the statement as circulating (posts, rumours, allegations) "
                   "rather than stating it")
    correction = corrects(claim, text)
    if correction is not None:
        out.append(f"it says “{correction}”")
    for said in (opposite_words(claim, text), other_figure(claim, text)):
        if said is not None:
            out.append(f"it says “{said[1]}” where the claim says “{said[0]}”")
    off = called_off(claim, text)
    if off is not None:
        out.append(f"it says “{off}”")
    out += [say(found) for check, say in _NOT_THE_ACT
            if (found := check(claim, text)) is not None]
    return tuple(out)


# what a text says instead of the claim's act, which holds support back and is no conflict
# (:mod:`.acts`, :mod:`.roles`), and how the card says it
_NOT_THE_ACT: tuple[tuple[Callable[[str, str], Any], Callable[[Any], str]], ...] = (
    (not_done, lambda w: f"it says “{w}”: a plan, a forecast, a call or a question is not the act"),
    (failed, lambda w: f"it says “{w}”: an act tried is not the act done"),
    (kept_state, lambda w: f"it says “{w}”: a state kept is not a change"),
    (swapped_roles, lambda p: f"it names “{p[0]}” before “{p[1]}”: the roles may be reversed"),
    (swapped_route, lambda p: f"it says from “{p[0]}” to “{p[1]}”: the other way round"),
    (lacks, lambda w: f"it says “{w}”: the act came without what the claim says it brought"),
    (alleged, lambda w: f"it says “{w}”: an accusation is not the act established"),
    (report_denied, lambda w: f"it says “{w}”: a report denied is not the act"),
    (denial_unstated, lambda w: f"the claim says “{w}”: the passage states no denial"),
    (swapped_time, lambda p: f"it says “{p[1]}” where the claim says “{p[0]}”"),
    (level_or_change, lambda p: f"it says “{p[1]}” where the claim says “{p[0]}”: a change "
                                "by so much is not the level reached"),
)


def _whole_words(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to whole words ("America" of "American" → "American")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


# a statement reported as circulating rather than stated (fact-checks open with these)
_HEARSAY = re.compile(
    r"\b(?:posts?|messages?|videos?)\s+(?:circulating|shared|claiming|saying|that\s+claim)"
    r"|\b(?:claims?|rumou?rs?|allegations?)\s+(?:(?:has|have|had)\s+(?:been\s+)?)?"
    r"(?:circulating|spread(?:ing)?|shared|gone\s+viral|on\s+social\s+media)"
    r"|\bit\s+is\s+(?:claimed|alleged|rumou?red)\b|\ballegedly\b|\bviral\b"
    r"|\bsocial\s+media\s+(?:users|posts)\b|\bpurported(?:ly)?\b"
    r"|\bpublications?\s+(?:partagée|ont\s+affirmé|affirmant|prétend|circul)"
    r"|\brumeurs?\b|\ballégations?\b|\bprétendu(?:e|s|es)?\b|\binternautes\b"
    r"|\baffirmations?\s+(?:s'est|se\s+sont|a|ont)\s+(?:répandue?s?|circulé|été\s+partagée?s?)"
    r"|\bcircul(?:e|ent|ait|aient)\s+sur\b|\bvirale?s?\b"
    r"|ادعاء|مزاعم|يزعم|تزعم|شائع|منشورات|متداول|تداولت|يتداول|مواقع\s+التواصل",
    flags=re.IGNORECASE)


def negation_elsewhere(claim: str, text: str) -> bool:
    """Whether every negation of ``text`` stands in a clause that holds none of the claim's
    matter, which its other clauses state: "Officials rejected that description, noting that
    the presence remains at about 2,500 troops" denies something else than "the United States
    keeps about 2,500 troops". Needs a claim with no negation of its own, whose every figure
    the text states, and two places at least where the text states the claim's matter. (Its
    words alone are not enough: "rejected that description, noting that the presence remains
    at about 2,500 troops in Iraq" does deny "1,500 more troops to Iraq", the description.)"""
    if denial(claim) or not denial(text):
        return False
    figures = numbers(claim)
    if not figures or not figures.keys() <= numbers(text).keys():
        return False
    at = anchors(claim, text)
    if len(at) < 2:
        return False
    for a, b in clause_spans(text):
        if (denial(text, a, b) is not None
                and any(a <= x < b for x in at)):
            return False
    return True


def restated_denial(claim: str, text: str, conflicts: Sequence[Conflict]) -> bool:
    """Whether the side with no word of denial in a negation conflict may deny the same thing
    in other words (:func:`~.denials.denies_in_other_words`): "No one was injured in the
    blast" against "All the workers escaped the blast unharmed", "The airport did not reopen"
    against « L'aéroport est resté fermé », "kept her post" against "did not resign". Such a
    negation is no conflict a reader can point at, nor is the pair one statement: neither a
    contradiction nor step 2's support. Where that side states the other's matter in clauses
    of its own, the word must stand in one of them: in "Two soldiers were killed in the
    ambush; the rest escaped" the escape is another clause's, and "No soldiers were killed"
    is contradicted."""
    negation = next((c for c in conflicts if c.kind == "negation"), None)
    if negation is None:
        return False
    plain, denying = (claim, text) if negation.claim is None else (text, claim)
    if first_time_restated(plain, denying):
        return True
    words = denies_in_other_words(plain, denying)
    at = anchors(denying, plain)
    if not words or not at:
        return bool(words)
    return any(a <= m.start() < b and any(a <= x < b for x in at)
               for m in words for a, b in clause_spans(plain))


def other_figure(claim: str, text: str, conflicts: Sequence[Conflict] | None = None
                 ) -> tuple[str, str] | None:
    """The claim's figure and the other one ``text`` states where the claim's is not stated
    ("165 million" against "165 billion", "18 dead" against "20 dead", a date's day, month or
    year: "5 January" against "4 January", "24 July 2024" against "24 June 2024"): the text
    does not bear the claim out, however alike the rest. None when every figure agrees.

    >>> other_figure("A package of 50 million dirhams", "A package of 50 billion dirhams")
    ('50 million', '50 billion')
    """
    for c in find_conflicts(claim, text) if conflicts is None else conflicts:
        if c.claim is None or c.passage is None:
            continue
        if c.kind in ("number", "date"):  # a day, a month or a year (34: not only a day)
            return claim[c.claim[0]:c.claim[1]], text[c.passage[0]:c.passage[1]]
    return other_count(claim, text)  # a count in words: "five thousand" for "50,000" (35)


# a word that makes a figure a bound or an estimate: "less than $ 170 million", « près de »
_ROUGHLY = re.compile(
    r"\b(?:less|fewer|more|greater|least|most|up\s+to|under|over|about|around|nearly|almost|"
    r"roughly|approximately|some|estimated|moins|plus|environ|près|presque|quelque|jusqu|"
    r"une\s+centaine|une\s+dizaine)\b|(?<!\w)(?:نحو|قرابة|حوالي|أكثر|أقل|زهاء|ما\s+يقارب|"
    r"ما\s+لا\s+يقل|أزيد)(?!\w)", flags=re.IGNORECASE)


_NAMED = re.compile(r"[^\W\d_]-$")


def exact_figure(claim: str, text: str, conflicts: Sequence[Conflict]) -> bool:
    """Whether a conflict sets two exact values side by side in one statement: a number that
    is neither a bound nor an estimate (no "less than", « environ », «نحو» in the three words
    before it) nor part of a name ("covid-19"), or a month, a year or a place; and the text
    states nearly every other word of the claim (:func:`~.opposites.same_matter`: "Al Ahly
    beat Wydad Casablanca 2-1 in the final" against "Al Ahly thrashed Wydad Casablanca 4-0 in
    the final", "approved … in a referendum in September 2025" against "… in a referendum held
    on 18 May 2025"). Such a pair is a contradiction when the network leans to one."""
    for c in conflicts:
        if c.kind not in ("number", "date", "place") or c.claim is None or c.passage is None:
            continue
        before = (claim[:c.claim[0]].split()[-3:], text[:c.passage[0]].split()[-3:])
        if c.kind == "number" and any(_ROUGHLY.search(" ".join(words)) for words in before):
            continue
        if c.kind == "number" and (_NAMED.search(claim, 0, c.claim[0])
                                   or _NAMED.search(text, 0, c.passage[0])):
            continue  # a number in a name: "covid-19", "F-16"
        if same_matter(claim, text, c.claim):
            return True
    return False


def shown_conflicts(claim: str, sentence: str) -> list[Conflict]:
    """What the page shows as conflicting between ``claim`` and the ``sentence`` that carries a
    contradiction: the values, negations and directions (:func:`~.conflict.find_conflicts`)
    and a correction of a name of the claim (:func:`~.corrections.correction`)."""
    corrected = correction(claim, sentence)
    off = called_off_match(claim, sentence)
    return [*find_conflicts(claim, sentence),
            *([Conflict("correction", *corrected)] if corrected else []),
            *([Conflict("called off", None, off.span())] if off else [])]


def reports_hearsay(text: str) -> bool:
    """Whether ``text`` reports a statement as circulating (posts, rumours, allegations)."""
    return _HEARSAY.search(text) is not None


@dataclass(frozen=True)
class Weighed:
    """A reading weighed against the texts: the probabilities with support given where step 2
    gives it, and the sides that may not be shown (steps 1 and 3)."""

    probabilities: dict[str, float]
    held_back: frozenset[str] = frozenset()


def weigh(claim: str, text: str, probabilities: Mapping[str, float],
          rule: EvidenceRule = EvidenceRule()) -> Weighed:
    """The network's probabilities for (claim, text), weighed against what the texts state
    (steps 1–3 of the module's docstring).

    Step 2 moves probability (a translation read as half contradiction becomes support), and
    so does its mirror (one statement leaning to contradiction, another figure); steps 1 and 3
    only hold a side back: the calibration keeps it under its threshold
    (:meth:`~.calibration.Calibration.apply`), so the probabilities stay the network's own and
    their calibration error is not made worse by what the check cannot see.
    """
    p = {k: float(probabilities.get(k, 0.0)) for k in STANCE_LABELS}
    conflicts = find_conflicts(claim, text)
    restated = restated_denial(claim, text, conflicts)
    if restated or (any(c.kind == "negation" for c in conflicts)
                    and negation_elsewhere(claim, text)):
        conflicts = [c for c in conflicts if c.kind != "negation"]
    polar = p[SUPPORTS] + p[CONTRADICTS]
    held: set[str] = set()
    figure = other_figure(claim, text, conflicts)
    off = called_off_match(claim, text)
    if (missing_names(claim, text) or (reports_hearsay(text) and not reports_hearsay(claim))
            or corrects(claim, text) is not None or opposite_words(claim, text) is not None
            or figure is not None or off is not None
            or any(check(claim, text) is not None for check, _ in _NOT_THE_ACT)):
        held.add(SUPPORTS)
    elif (polar >= rule.polar_min and not conflicts and p[SUPPORTS] >= rule.support_min
          and names_something(claim, text) and not soft_conflicts(claim, text)
          and not restated):
        p[SUPPORTS], p[CONTRADICTS] = polar, 0.0
    corrected = correction(claim, text)
    if corrected is not None:  # "…, not at Mombasa port": a conflict whatever the leaning
        conflicts = [*conflicts, Conflict("correction", *corrected)]
    if off is not None:  # "called off the strike": a conflict, but never made a contradiction
        conflicts = [*conflicts, Conflict("called off", None, off.span())]
    if not conflicts or not same_event(claim, text, conflicts) or asked(claim, text):
        held.add(CONTRADICTS)  # a question states nothing: "Was anyone killed …?" (33)
    elif polar >= rule.polar_min and (corrected is not None or (
            p[CONTRADICTS] > p[SUPPORTS] and exact_figure(claim, text, conflicts))):
        p[SUPPORTS], p[CONTRADICTS] = 0.0, polar  # one statement, another value (21, 22)
    return Weighed(p, frozenset(held))
