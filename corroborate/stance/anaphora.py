"""Which group "the group" is: a report's later sentences name the armed group its lede named.

News reports name an armed group once, in the headline or the lede, and then write "the group",
« le groupe », « l'organisation », « التنظيم » (the organisation). Read alone, such a sentence
names nobody: the stance network cannot tell that "The sources said the group had more than
35,000 fighters in Iraq" is about the Islamic State, and the evidence check holds support back
because the claim's "ISIS" is not named (:mod:`.evidence`, step 1). A reader resolves the
reference from the article, and so does :func:`resolve_group`:

1. the text read (a passage or one of its sentences) names no armed group of the entity table
   (:mod:`.entities`) and says "the group" (en), « le groupe » / « l'organisation » (fr) or
   « التنظيم » (ar), with an optional qualifier ("the militant group", « le groupe
   jihadiste »);
2. the article's context (its title and its text up to the end of the passage) names exactly
   one armed group of the table; with none or several, nothing is resolved;
3. each such reference is read with that group's name, as the context writes it, in the
   text's own script: "the Islamic State group", « le groupe État islamique », « تنظيم الدولة ».

It changes what the network and the evidence check read, never what is shown (the page shows
the passage as written).

    >>> resolve_group("The sources said the group had 35,000 fighters.",
    ...               "Iraq says Islamic State is a spent force\\nOfficials ...")
    'The sources said the Islamic State group had 35,000 fighters.'
"""

from __future__ import annotations

import re

from .entities import _longest_alias_at, fold, is_arabic, named, table

# the table's armed groups (entities.py): a report calls them "the group"
GROUPS = frozenset({"is", "hezbollah", "hamas", "al-qaeda", "taliban", "sdf", "hts", "houthis",
                    "wagner", "pkk"})
_QUALIFIER_EN = r"(?:(?:militant|jihadist|extremist|armed|terrorist|Sunni|Islamist)\s+)?"
_QUALIFIER_FR = r"(?:\s+(?:jihadiste|djihadiste|terroriste|armé|islamiste|extrémiste))?"
# the noun in lower case ("the Group of Seven", « l'Organisation mondiale » are names), and not
# a group "of" something ("the group of experts", « le groupe de travail »)
_LATIN = re.compile(
    r"\b(?P<en>[Tt]he\s+" + _QUALIFIER_EN + r"group)\b(?!\s+of\b)"
    r"|\b(?P<fr>(?:[Ll]e\s+groupe|[Ll]['’]organisation)" + _QUALIFIER_FR + r")\b"
    r"(?!\s+(?:de|des|du|d['’]))")
_ARABIC = re.compile(r"(?<!\w)(?P<clitic>[وفب]?)التنظيم(?!\w)")


def _context_name(context: str, script_arabic: bool) -> str | None:
    """The one armed group the context names, written as the context writes it, in the wanted
    script (``None``: no group, several, or not in that script)."""
    found = {k: span for k, span in named(context).items() if k in GROUPS}
    if len(found) != 1:
        return None
    (key, span), = found.items()
    whole = _longest_alias_at(context, span[0], key) or span
    name = context[whole[0]:whole[1]]
    if is_arabic(name) == script_arabic:
        return name
    folded = fold(context)  # its name in the other script, a whole word of the context
    return next((alias for alias in table()[key] if is_arabic(alias) == script_arabic
                 and not (alias.isupper() and len(alias) <= 4)  # "IS" is not "is"
                 and re.search(r"(?<!\w)" + re.escape(fold(alias)) + r"(?!\w)", folded)), None)


def resolve_group(text: str, context: str) -> str:
    """``text`` with its references to "the group" naming the one armed group ``context``
    names (see the module docstring); ``text`` unchanged when there is nothing to resolve."""
    latin = _LATIN.search(text)
    arabic = _ARABIC.search(text)
    if (latin is None and arabic is None) or any(k in GROUPS for k in named(text)):
        return text
    if latin is not None:
        name = _context_name(context, False)
        if name is not None:
            def latin_name(m: re.Match[str]) -> str:
                phrase = m.group(0)
                if m.group("en"):
                    return f"{phrase[:3]} {name} {phrase[4:]}"  # "the Islamic State group"
                return f"{phrase} {name}"  # « le groupe État islamique »

            text = _LATIN.sub(latin_name, text)
    if arabic is not None:
        name = _context_name(context, True)
        if name is not None:
            text = _ARABIC.sub(lambda m: m.group("clitic") + name, text)
    return text


__all__ = ["GROUPS", "resolve_group"]
