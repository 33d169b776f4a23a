"""Iranian provinces, counties, cities, villages and countries named in a Persian text.

One compiled trie-shaped regex finds every gazetteer name (longest first, whole words only, so
«کرمانشاه» wins over «کرمان» and «کرمانشاهی» is no place). The word before a name types it:
«استان سمنان» is the province, «شهرداری سمنان» the city, «فرماندار سرباز» the county; a list
(«شهرهای سمنان، شاهرود و دامغان») shares its trigger. Names that are mostly ordinary words
(«نور», «بهار», place_stopwords.txt) count only after a trigger or inside a list of places.

>>> [(p.name, p.type) for p in PlaceRecognizer().find("شهردار همدان در استان همدان گفت")]
[('همدان', 'city'), ('همدان', 'province')]
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import data_path, read_rows
from ..text.normalize import char_table
from ..text.trie import phrase_trie

ZWNJ = "\u200c"
KINDS = ("province", "county", "city", "village", "country")
_FOLD = char_table()  # 1:1 letter/digit unification: offsets stay valid
_UNFOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")  # normalized text has none
_KEYFOLD = str.maketrans({"ئ": "ی", " ": None, ZWNJ: None})
_TAIL = re.compile(rf"([\w{ZWNJ}]+)[ {ZWNJ}]+$")
_LETTER = "\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC"
# «روستای X»: a village name the gazetteer cannot know (it lists no villages).
_VILLAGE = re.compile(rf"(?<![\w{ZWNJ}])روستای[ {ZWNJ}]+([{_LETTER}]{{3,}}(?:{ZWNJ}[{_LETTER}]+)*)(?![\w{ZWNJ}])")
# «۴۱ روستای گلپایگان» counts the villages of a county: after a number «روستای» names no village.
_COUNTED = re.compile(r"(?:\d|\b(?:دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|هزار|چند|صدها|هزاران|ها|های))[ \u200c]*$")
# What may stand between two names of one list: «،», «و», «-», or a bare space («اراک کمیجان و خنداب»).
_LIST_GAP = re.compile(r"\s*(?:[،,\-–/]\s*)?(?:و\s+)?")


@dataclass(frozen=True)
class PlaceMention:
    """One mention of a place: offsets into the text given, canonical name and type."""

    start: int
    end: int
    name: str  # canonical name (standard spelling, ZWNJ where standard: «اسلام‌شهر»)
    type: str  # "province" | "county" | "city" | "village" | "country"
    province: str | None  # canonical province name (None for a country)
    county: str | None
    id: str | None  # official id from the gazetteer (ISO alpha-2 for a country)


@dataclass(frozen=True)
class _Place:
    id: str
    kind: str
    name: str
    province: str | None
    county: str | None


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    key: str
    places: tuple[_Place, ...]
    role: str | None  # trigger type before the name, or "not"/"not_list"
    stop: int  # 0: a plain name; 1: also an ordinary word; 2: a word that only a place noun makes a place
    kind: str | None = None  # decided type
    keep: bool = True


@functools.lru_cache(maxsize=16384)
def surface_key(s: str) -> str:
    """Spelling-insensitive key of a name: «فرون‌آباد», «فرون اباد» and «فروناباد» agree."""
    return s.translate(_FOLD).translate(_KEYFOLD)


@functools.cache
def _compile(names: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words only: «رفیع» is not in «رفیع‌آباد» (a ZWNJ then a letter continues the word).

    Group 1 is the name, group 2 the word after it, across spaces or ZWNJ. The character before
    the name is consumed rather than looked behind at, so that `re` skips ahead to non-word
    characters instead of trying every offset: search ``"\\n" + text`` (``_name_matches``).
    Every name opens and ends in a word character, so no match can take the one before the next.
    """
    return re.compile(rf"[^\w{ZWNJ}]({phrase_trie(names)})(?!{ZWNJ}?\w)(?=(?:[ {ZWNJ}]+([\w{ZWNJ}]+))?)")


def _name_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``_compile``'s matches in ``text``, at offsets one more than in ``text``: a match's start
    (the character before the name) is the name's offset in ``text``."""
    return pattern.finditer("\n" + text)


@functools.cache
def load_triggers(path: str | None = None) -> dict[str, str]:
    """Trigger word (no ZWNJ, no space) → role, from ``place_triggers.tsv``.

    Unambiguous first names («ابراهیم») are added as "not": «ابراهیم گلستان» is a person.
    """
    rows = read_rows(path or data_path("place_triggers.tsv"))
    roles = {r[0].replace(" ", ""): r[1] for r in rows if r[1] != "not_after"}
    names = data_path("first_names.tsv")
    if names.exists():
        for r in read_rows(names):
            if len(r) >= 3 and r[1] == "name" and r[2].isdigit() and int(r[2]) >= 3:
                roles.setdefault(r[0].replace(ZWNJ, ""), "not")
    return roles


def trigger_before(text: str, start: int, triggers: dict[str, str]) -> str | None:
    """Role of the word before ``start``, skipping fillers: «نماینده مردم اراک» → "county".

    A negative word reaches across "pass" fillers only: «گفت‌وگو با فارس» is the agency, but in
    «گفت‌وگو با مردم بم» the town stays.
    """
    pos, suffix, content = start, "", False
    for _ in range(4):
        span = _word_before(text, pos)
        if span is None:
            return None
        word = text[span[0]:span[1]].replace(ZWNJ, "") + suffix
        pos, suffix = span[0], ""
        if word in ("ها", "های"):  # «استان های» written apart
            suffix = word
            continue
        role = triggers.get(word)
        if role == "village" and _COUNTED.search(text, max(0, pos - 12), pos):
            return None
        if role in ("skip", "pass"):
            content = content or role == "skip"
            continue
        return None if content and role in ("not", "not_list") else role
    return None


def _word_before(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the word that ``_TAIL`` finds in the 30 characters before ``pos``.

    Nearly always one space separates that word from ``pos``: then the word is the run of word
    characters and ZWNJ before the space, found without trying every start in the window.
    """
    lo = pos - 30 if pos > 30 else 0
    if pos - 2 >= lo and text[pos - 1] == " " and (text[pos - 2].isalnum() or text[pos - 2] == "_"):
        # mostly a space before the word too (or none in reach): the word is what lies between
        start = text.rfind(" ", lo, pos - 1) + 1 or lo
        if text[start:pos - 1].replace(ZWNJ, "").replace("_", "").isalnum():
            return start, pos - 1
        start = pos - 2
        while start > lo and (text[start - 1].isalnum() or text[start - 1] in "_\u200c"):
            start -= 1
        return start, pos - 1
    m = _TAIL.search(text, lo, pos)
    return m.span(1) if m else None


def iter_name_hits(text: str, names: Iterable[str], triggers: dict[str, str]
                   ) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, key, place trigger or None) for each whole-word hit of ``names``."""
    pattern = _compile(tuple(sorted(set(names))))
    for m in _name_matches(pattern, text):
        start = m.start(1) - 1
        role = trigger_before(text, start, triggers)
        yield start, m.end(1) - 1, surface_key(m.group(1)), role if role in _POSITIVE else None


_NOUNS = {"province", "county", "city", "village", "country"}  # «استان», «شهر»: make any name a place
_OFFICES = {"province_body": "province", "county_office": "county", "city_office": "city",
            "village_office": "village"}  # «استانداری», «شهردار»: offices that type the name after them
_POSITIVE = _NOUNS | set(_OFFICES)


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    by_key: dict[str, tuple[_Place, ...]]
    stop: dict[str, int]
    triggers: dict[str, str]
    not_after: frozenset[str]
    # memos, filled as texts are read: (key, places, stop) of each surface form the pattern has
    # matched; ``_kind_for`` by (key, role); ``_rows`` by (key, kind)
    surfaces: dict[str, tuple[str, tuple[_Place, ...] | None, int]] = field(default_factory=dict, compare=False)
    kinds: dict[tuple[str, str | None], str | None] = field(default_factory=dict, compare=False)
    rows: dict[tuple[str, str], tuple[tuple[_Place, ...], str | None]] = field(default_factory=dict, compare=False)


def _read_places(path: Path) -> Iterator[tuple[_Place, list[str]]]:
    for r in read_rows(path):
        place = _Place(r[0], r[1], r[2], r[3] or None, r[4] or None)
        yield place, r[6].split("|")


@functools.cache
def load_index(gazetteer: str, countries: str, stopwords: str, triggers: str) -> _Index:
    """Everything the recognizer needs, built once per set of data files."""
    by_key: dict[str, list[_Place]] = {}
    forms: set[str] = set()
    for path in (gazetteer, countries):
        for place, variants in _read_places(Path(path)):
            for v in variants:
                forms.add(v)
                lst = by_key.setdefault(surface_key(v), [])
                if place not in lst:
                    lst.append(place)
    trig = load_triggers(triggers)
    after = frozenset(r[0] for r in read_rows(triggers) if r[1] == "not_after")
    return _Index(
        pattern=_compile(tuple(sorted(forms))),
        by_key={k: tuple(v) for k, v in by_key.items()},
        stop={surface_key(r[0]): 2 if r[5:6] == ("noun",) else 1 for r in read_rows(stopwords)},
        triggers=trig,
        not_after=after,
    )


class PlaceRecognizer:
    """Finds and types place names; data files load once per process.

    >>> [p.name for p in PlaceRecognizer().find("چهار شهر سمنان، شاهرود، دامغان و گرمسار")]
    ['سمنان', 'شاهرود', 'دامغان', 'گرمسار']
    """

    def __init__(self, gazetteer_path: str | Path | None = None, countries_path: str | Path | None = None,
                 stopwords_path: str | Path | None = None, triggers_path: str | Path | None = None) -> None:
        self._index = load_index(
            str(gazetteer_path or data_path("gazetteer.tsv")),
            str(countries_path or data_path("countries.tsv")),
            str(stopwords_path or data_path("place_stopwords.txt")),
            str(triggers_path or data_path("place_triggers.tsv")))

    def find(self, text: str) -> list[PlaceMention]:
        """All place mentions in ``text`` (normalized Persian), in text order."""
        folded = text.translate(_FOLD) if _UNFOLDED.search(text) else text
        idx = self._index
        hits = self._hits(folded)
        for group in _lists(folded, hits):
            _type_list(group, folded, idx.kinds)
        kept = [h for h in hits if h.keep and h.kind]
        if "روستای" in folded:
            kept += _villages(folded, hits)
            kept.sort(key=lambda h: h.start)
        _capital_as_province(kept)
        rows = [_rows(h, idx.rows) if h.places else None for h in kept]
        provinces = {r[1] for r in rows if r and r[1]}  # the provinces the article certainly speaks of
        out = []
        for h, r in zip(kept, rows):
            if r is None:  # a village known only from its trigger
                out.append(PlaceMention(h.start, h.end, text[h.start:h.end], "village", None, None, None))
                continue
            p = _choose(r[0], provinces)
            if h.kind == "village" and p.kind != "village":  # «روستای X» named like a town elsewhere
                out.append(PlaceMention(h.start, h.end, p.name, "village", None, None, None))
                continue
            out.append(PlaceMention(h.start, h.end, p.name, h.kind, p.province, p.county, p.id or None))
        return out

    def _hits(self, text: str) -> list[_Hit]:
        idx, hits = self._index, []
        for m in _name_matches(idx.pattern, text):
            surface, nxt = m.group(1, 2)
            got = idx.surfaces.get(surface)
            if got is None:
                key = surface_key(surface)
                got = idx.surfaces[surface] = key, idx.by_key.get(key), idx.stop.get(key, 0)
            key, places, stop = got
            if not places:
                continue
            if nxt and nxt.replace(ZWNJ, "") in idx.not_after:
                continue  # «ایران خودرو» is a company
            start = m.start()  # (the offset of the character before the name in "\n" + text)
            hits.append(_Hit(start, start + len(surface), key, places, trigger_before(text, start, idx.triggers), stop))
        return hits


_FREQUENT = re.compile(r"\t(\d{5,})(?:\t|\Z)")


@functools.cache
def _common_words() -> frozenset[str]:
    """Words frequent in hazm's lexicon (≥ 50,000): «روستای مرزی» names no village."""
    spec = importlib.util.find_spec("hazm")  # a dependency; located, not imported (importing is slow)
    if spec is None or spec.origin is None:
        return frozenset()
    data = (Path(spec.origin).parent / "data" / "words.dat").read_text(encoding="utf-8")
    out = set()
    # lines «word<TAB>count<TAB>tags»: a search for counts of five digits or more skips most lines
    for m in _FREQUENT.finditer(data):
        word = data[data.rfind("\n", 0, m.start()) + 1:m.start()]
        if "\t" not in word and int(m.group(1)) >= 50_000:
            out.add(word)
    return frozenset(out)


def _villages(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Villages named after «روستای» that are no gazetteer name and no ordinary word.

    «روستای خورانق» is a village; «روستای مرزی» (a border village) and «روستای محروم» are not:
    the word, or its stem before an adjective «ی», is a frequent word.
    """
    taken = {h.start for h in hits}
    common = _common_words()
    out = []
    for m in _VILLAGE.finditer(text):
        word = m.group(1)
        plain = word.replace(ZWNJ, "")
        if m.start(1) in taken or plain in common or word in common or plain.startswith("ال"):
            continue  # «الغجر»: Arab villages abroad
        if _COUNTED.search(text, max(0, m.start() - 12), m.start()):
            continue
        if plain.endswith("ی") and plain[:-1] in common:
            continue
        out.append(_Hit(m.start(1), m.end(1), surface_key(word), (), "village", 0, "village"))
    return out


def _lists(text: str, hits: list[_Hit]) -> Iterator[list[_Hit]]:
    """Runs of hits that form one list: only «،», «و», «-» or spaces between them."""
    group: list[_Hit] = []
    for h in hits:
        if group and _LIST_GAP.fullmatch(text, group[-1].end, h.start) is None:
            yield group
            group = []
        group.append(h)
    if group:
        yield group


def _kind_for(h: _Hit, role: str | None) -> str | None:
    """The hit's type: the trigger's when the name has it, else country > city > county > province.

    None when «کشور» precedes a name that is no country («کشورهای صاحب نام»).
    """
    kinds = {p.kind for p in h.places}
    wanted = _OFFICES.get(role or "", role)
    if wanted == "country" and "country" not in kinds:
        return None
    if wanted in kinds:
        return wanted
    if wanted == "village" and kinds & {"city", "county"}:
        return "village"
    if "province" in kinds and not any(p.kind != "province" and p.province == p.name for p in h.places):
        return "province"  # «گلستان»: the province, not the small town of that name near Tehran
    for k in ("country", "city", "county", "province"):
        if k in kinds:
            return k
    return None


def _type_list(group: list[_Hit], text: str, kinds: dict[tuple[str, str | None], str | None]) -> None:
    """Types the members of one list; a trigger or a plain place vouches for word-like names.

    «شهرهای زاهدان، زابل، سرباز و سراوان»: «سرباز» (also "soldier") is a city here; but in
    «فرمانداری قاینات، بهمن کهن‌ترابی» the last item «بهمن», joined by a comma only, is a person.
    ``kinds`` memoizes ``_kind_for`` by (key, role).
    """
    if any(h.role == "not_list" for h in group):
        for h in group:
            h.keep = False
        return
    shared = None  # a trigger carries forward: «شهرهای سمنان، شاهرود» (not back to earlier members)
    vouched = None  # whether the list has a trigger or a plain place: asked for word-like names only
    for i, h in enumerate(group):
        shared = h.role if h.role in _POSITIVE else shared
        if h.role in ("not", "not_list"):
            h.keep = False
            continue
        own = h.role if h.role in _POSITIVE else None
        trusted = own in _NOUNS or (own is not None and h.stop < 2)  # «شهرداری نور», not «شهردار پیشین»
        if h.stop and not trusted:
            if vouched is None:
                vouched = any(g.role in _POSITIVE or (not g.stop and g.role is None) for g in group)
            if not (vouched and _inside_list(group, i, text)):
                h.keep = False
                continue
        memo = h.key, own or shared
        kind = kinds.get(memo, "")
        if kind == "":
            kind = kinds[memo] = _kind_for(h, own or shared)
        h.kind = kind
        h.keep = kind is not None


def _inside_list(group: list[_Hit], i: int, text: str) -> bool:
    """A member followed by «،»/«و» and another member, or the last one joined by «و».

    A bare space is not enough: «نواحی مرکزی سیستان و بلوچستان» is no list.
    """
    if i + 1 < len(group) and text[group[i].end:group[i + 1].start].strip():
        return True
    return i > 0 and bool(re.search(r"(?:^|\s)و\s*$", text[group[i - 1].end:group[i].start]))


def _capital_as_province(hits: list[_Hit]) -> None:
    """A bare «همدان» is the province when the article opens with its استانداری and never names the city."""
    if not any(h.role == "province_body" for h in hits):
        return
    first: dict[str, str | None] = {}
    for h in hits:
        first.setdefault(h.key, h.role)
    city = {h.key for h in hits if h.role in ("city", "city_office")}
    for h in hits:
        if first[h.key] == "province_body" and h.key not in city and h.role is None and h.kind == "city":
            h.kind = "province"


def _rows(h: _Hit, memo: dict[tuple[str, str], tuple[tuple[_Place, ...], str | None]]
          ) -> tuple[tuple[_Place, ...], str | None]:
    """The gazetteer rows the hit may be (those of its kind, else all), and the province the
    article certainly speaks of when it names the hit: a named province, or the one province of
    an unambiguous place. Memoized by (key, kind) in ``memo``."""
    got = memo.get((h.key, h.kind))
    if got is None:
        provs = {p.province for p in h.places if p.kind == h.kind and p.province}
        if h.kind == "province":
            provs = {p.name for p in h.places if p.kind == "province"}
        cands = tuple(p for p in h.places if p.kind == h.kind) or h.places
        got = memo[h.key, h.kind] = cands, (next(iter(provs)) if len(provs) == 1 else None)
    return got


def _choose(cands: tuple[_Place, ...], provinces: set[str]) -> _Place:
    """One gazetteer row among same-named ones: «رودبار» in the province the article names."""
    if len(cands) > 1:
        inside = [p for p in cands if p.province in provinces]
        cands = inside or cands
        seat = [p for p in cands if p.county == p.name]
        cands = seat or cands
    return cands[0]
