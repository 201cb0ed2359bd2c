"""Where a word too wide for its line may break, the way an Indonesian reader expects.

In order of preference: after a hyphen or a slash the word already has
(``perundang-`` / ``undangan``, ``800/`` / ``001``: nothing is added), at a
syllable of a long word by pyphen's ``id_ID`` patterns (``Pe-nge-lu-ar-an``,
a hyphen added), and only when neither fits, between two letters. Short
words and acronyms (``Waktu``, ``PPK``) have no syllable breaks: a reader
stumbles on ``Wak-tu`` more than on a smaller column.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from soptui.layout.metrics import Metrics

#: The shortest run of letters that may be broken at a syllable.
MIN_SYLLABLE_WORD = 7
#: Characters after which a word breaks with nothing added.
OWN_BREAKS = "-/"
VOWELS = "aeiou"


@cache
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="id_ID")


@lru_cache(maxsize=8192)
def break_points(word: str) -> tuple[tuple[int, bool], ...]:
    """Positions where ``word`` may break, each with whether a hyphen is
    added there, in increasing order."""
    points: list[tuple[int, bool]] = []
    start = 0
    for index, char in enumerate(word + "\0"):
        if char in OWN_BREAKS or char == "\0":
            points += [(start + p, True) for p in _syllables(word[start:index])]
            if char != "\0" and 0 < index < len(word) - 1:
                points.append((index + 1, False))
            start = index + 1
    return tuple(points)


def _syllables(part: str) -> list[int]:
    """Syllable breaks of one run of letters; of two breaks a letter apart
    (``In-s-pek-tur``) only the later is kept (``Ins-pek-tur``)."""
    letters = sum(char.isalpha() for char in part)
    if letters < MIN_SYLLABLE_WORD or not part.isalpha() or part.isupper() and letters < 10:
        return []
    found = _dictionary().positions(part)
    return [p for i, p in enumerate(found) if i + 1 == len(found) or found[i + 1] - p > 1]


def split_word(word: str, width: float, metrics: Metrics, size: float,
               bold: bool = False) -> tuple[list[str], bool]:
    """``word`` in pieces that each fit ``width`` (a piece ends with ``-``
    where a hyphen is added), and whether every break was a proper one (no
    cut between two letters of a syllable)."""
    pieces: list[str] = []
    proper = True
    points = break_points(word)
    start = 0
    while len(word) - start > 1 and metrics.width(word[start:], size, bold) > width:
        fitting = [(p, hyphen) for p, hyphen in points if p > start
                   and metrics.width(word[start:p] + ("-" if hyphen else ""), size, bold) <= width]
        if fitting:
            end, hyphen = _preferred(word, start, fitting)
        else:
            proper = False
            end = _letters_that_fit(word, start, width, metrics, size, bold)
            hyphen = end - start > 1 and word[end - 1] not in OWN_BREAKS
        pieces.append(word[start:end] + ("-" if hyphen else ""))
        start = end
    pieces.append(word[start:])
    return pieces, proper


def _preferred(word: str, start: int, fitting: list[tuple[int, bool]]) -> tuple[int, bool]:
    """The last break that fits, unless it falls between two vowels
    (``Pengelu-aran``) and an earlier one leaves a piece of four letters or
    more (``Penge-luaran``): both are proper syllables, the second reads
    as the word it is."""
    end, hyphen = fitting[-1]
    if _vowels(word, end):
        for other, other_hyphen in reversed(fitting[:-1]):
            if other - start >= 4 and not _vowels(word, other):
                return other, other_hyphen
    return end, hyphen


def _vowels(word: str, at: int) -> bool:
    return 0 < at < len(word) and word[at - 1].lower() in VOWELS and word[at].lower() in VOWELS


def _letters_that_fit(word: str, start: int, width: float, metrics: Metrics, size: float, bold: bool) -> int:
    """The end of the longest piece from ``start`` that fits with a hyphen
    after it; at least one character, so a word always advances."""
    end = start + 1
    while end < len(word) and metrics.width(word[start:end + 1] + "-", size, bold) <= width:
        end += 1
    return end
