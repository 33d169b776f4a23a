"""Build src/muni_ie/lang/fa/zwnj_lexicon.tsv from real, well-edited Persian text in ../shared/data.

Counts every word form in texts that do use ZWNJ (UD Seraji/PerDT `# text` lines, ArmanPersoNER,
ISNA/Fars/IR-News/... articles that contain one)
and hazm 0.10's word and verb lists (MIT), then writes:
  z  ZWNJ form of a compound whose joined spelling is an error   («شهرداری‌ها» for «شهرداریها»)
  s  a ZWNJ form whose spaced spelling is an error too           («می‌شود» for «می شود»)
  w  known whole words (never split), flag A = takes تر/ترین      («میدانی», «بهار»)
  v  verb stems past#present from hazm, for «می/نمی» + verb
  x/p suffixes/prefixes written apart with ZWNJ, with the share of ZWNJ spellings measured in the corpus
A held-out tenth of the news (see `is_heldout`) and the PerDT test file are never read here:
tools/eval_zwnj.py scores on them.  Run: python tools/build_zwnj_lexicon.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from muni_ie.text.normalize import fold
from muni_ie.text.zwnj import NONJOINING, TOKEN_RE, ZWNJ

OUT = ROOT / "src/muni_ie/lang/fa/zwnj_lexicon.tsv"
DATA = ROOT.parent / "shared" / "data"
HAZM = Path(__import__("hazm").__file__).parent / "data"

_JUNK = re.compile("[\u064b-\u065f\u0670\u0640\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\r]+")
_ZRUN = re.compile("[ \u200c]*\u200c[ \u200c]*")
_SPACES = re.compile("[ \t]{2,}")
_L = TOKEN_RE.pattern
_PAIR = re.compile(rf"(?<![\w\u200c])({_L}) (?=({_L})(?![\w\u200c]))")

# Affixes written apart with ZWNJ in standard orthography (Farhangestan): plural ها, comparative تر/ترین,
# the ezafe and clitics after a silent ه (خانه‌ی، خانه‌ای، گفته‌اند، خسته‌ام), surname formants (امیدی‌پور، حسن‌زاده).
# Each is kept only if the corpus really writes it with ZWNJ. Values: A = after an adjective, ه = after a
# silent ه only, 1 = also a free word («زاده شد», «نژاد», «آلات موسیقی»): never joined across a space,
# 0 = only measured, never applied.
SUFFIXES = {
    "ها": "", "های": "", "هایی": "", "هایم": "", "هایت": "", "هایش": "", "هایمان": "", "هایتان": "",
    "هایشان": "", "هاست": "", "هایند": "", "تر": "A", "ترین": "A", "تری": "A", "ترها": "A",
    "ی": "ه", "ای": "ه", "ایی": "ه", "ام": "ه", "اش": "ه", "اند": "ه", "ایم": "ه", "اید": "ه",
    "پور": "1", "زاده": "1", "نژاد": "1", "فر": "1", "مهر": "1", "نیا": "1", "راد": "1", "منش": "1", "کیا": "1",
    "آباد": "1", "آبادی": "1", "پذیر": "", "پذیری": "", "آلات": "1",
    "شان": "0", "مان": "0", "تان": "0",  # pronoun clitics: measured only, news joins them («کتابشان»)
}
# Prefixes: «می/نمی» before a finite verb (V), the privative «بی» before a known noun (بی‌توجهی).
PREFIXES = {"می": "V", "نمی": "V", "بی": ""}
MIN_SHARE = 0.8


def lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        yield from fh


def is_heldout(doc_id: str) -> bool:
    """One news article in ten (by a stable hash of its id) is kept out of the lexicon for scoring."""
    return zlib.crc32(doc_id.encode()) % 10 == 0


def clean(text: str) -> str:
    """What `normalize` hands to ZwnjRepair, minus the repair: unified letters, one ZWNJ, no junk."""
    text = _JUNK.sub("", fold(text))
    text = _ZRUN.sub(lambda m: " " if " " in m.group() else ZWNJ, text)
    return _SPACES.sub(" ", text)


def news(data: Path, heldout: bool) -> Iterator[tuple[str, str]]:
    """(id, cleaned text) of news articles that use ZWNJ at all (Hamshahri 2003-07 never does)."""
    for name in ("general_sample.jsonl", "municipal_dev.jsonl"):
        for line in lines(data / "news" / name):
            art = json.loads(line)
            if ZWNJ in art["text"] and is_heldout(art["id"]) == heldout:
                yield art["id"], clean(art["text"])


def ud_sentences(path: Path) -> Iterator[str]:
    for line in lines(path):
        if line.startswith("# text ="):
            yield clean(line[8:].strip())


def conll_sentences(path: Path, sep: str) -> Iterator[str]:
    toks: list[str] = []
    for line in lines(path):
        line = line.rstrip("\r\n")
        if line.strip():
            toks.append(line.rpartition(sep)[0])
        elif toks:
            yield clean(" ".join(toks))
            toks = []
    if toks:
        yield clean(" ".join(toks))


def training_texts(data: Path) -> Iterator[str]:
    """Texts whose ZWNJ use is trusted. Left out: PEYMA, whose multi-word tokens mix ZWNJ and spaces,
    and Persian Twitter NER, whose informal tweets join «میکنی», «میزنم» even next to a ZWNJ."""
    ud = sorted(data.glob("ud/*/*.conllu"))
    for path in ud:
        if path.name != "fa_perdt-ud-test.conllu":  # held out for scoring
            yield from ud_sentences(path)
    for path in sorted(data.glob("ner/arman/test_fold*.txt")):  # the train folds repeat the test folds
        yield from conll_sentences(path, " ")
    yield from (text for _, text in news(data, heldout=False))


def count(data: Path) -> tuple[Counter, Counter]:
    """Token counts and counts of space-separated token pairs."""
    toks: Counter = Counter()
    pairs: Counter = Counter()
    for text in training_texts(data):
        toks.update(TOKEN_RE.findall(text))
        pairs.update(_PAIR.findall(text))
    return toks, pairs


def hazm_words() -> tuple[dict[str, int], set[str]]:
    """hazm's words.dat: {word: corpus frequency} and the words tagged as adjectives (AJ)."""
    freq: dict[str, int] = {}
    adj: set[str] = set()
    for line in lines(HAZM / "words.dat"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        w = clean(parts[0]).strip()
        freq[w] = max(freq.get(w, 0), int(parts[1] or 0))
        if "AJ" in parts[2].split(","):
            adj.add(w)
    return freq, adj


def hazm_verbs() -> list[str]:
    return sorted({clean(v).strip() for v in lines(HAZM / "verbs.dat") if "#" in v})


def names(data: Path) -> set[str]:
    """Single-word first names (MIT lists); Arabic «…ال…» compounds are left to the corpus."""
    out = set()
    for line in lines(data / "names/iranianNamesDataset.csv"):
        out.add(clean(line.split(",")[0].strip('"')))
    for path in (data / "names/persian-names_armanyazdi").glob("*_fa.txt"):
        out.update(clean(w.strip()) for w in lines(path))
    return {w for w in out if TOKEN_RE.fullmatch(w) and ZWNJ not in w and "ال" not in w[2:]}


def strip(w: str) -> str:
    return w.replace(ZWNJ, "")


def zwnj_forms(toks: Counter, hfreq: dict[str, int]) -> dict[str, dict[str, tuple[int, int]]]:
    """joined key → {ZWNJ form: (corpus count, hazm frequency)}."""
    out: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for w in set(toks) | set(hfreq):
        if ZWNJ in w and TOKEN_RE.fullmatch(w):
            out[strip(w)][w] = (toks.get(w, 0), hfreq.get(w, -1))
    return out


def whole_words(toks: Counter, hfreq: dict[str, int], first_names: set[str], twins: set[str]) -> dict[str, str]:
    """Candidate whole words and why. `hazm`: in hazm with a frequency and no ZWNJ twin there
    («میداندار» beside «میدان‌دار» is a variant), `name`: a first name; both count as independent
    evidence. `hazm0`: hazm lists it with frequency 0 (many are misspellings: «مهمترین»), `corpus`: seen
    3+ times joined in texts that do use ZWNJ."""
    why: dict[str, str] = {}
    for w, f in hfreq.items():
        if ZWNJ not in w and TOKEN_RE.fullmatch(w) and (f > 0 or toks.get(w, 0) > 0):
            why[w] = "hazm" if f > 0 and w not in twins else "hazm0"
    for w in first_names:
        if why.get(w) != "hazm":
            why[w] = "name"
    for w, n in toks.items():
        if n >= 3 and ZWNJ not in w:
            why.setdefault(w, "corpus")
    return why


def choose_map(forms: dict, toks: Counter, whole: dict[str, str], hazm: dict[str, int],
               joined_affixes: set[str] | None = None, apart: set[str] = frozenset()
               ) -> dict[str, tuple[str, int]]:
    """joined → (ZWNJ form, count), for joined spellings that are mere variants of the ZWNJ one.
    A joined spelling from hazm's frequency list or the name lists, or «می/نمی» + verb («میدانی» 70
    times beside «می‌دانی» 12), is another word unless the ZWNJ spelling is 3x commoner. Other joined
    spellings give way to a standard suffix spelled apart (`joined_affixes`, e.g. «ترین»: «بزرگترین» 377,
    «بزرگ‌ترین» 81) once it has a fifth of their uses, and to other compounds once it has as many.
    A joined spelling never seen in the corpus yields to any ZWNJ spelling, unless hazm lists it (then
    the ZWNJ spelling must be seen twice: «شاهدانه» is hemp seed, not «شاه‌دانه»). `apart`: affixes that
    the corpus mostly joins («شان»): hazm's «دشمنان‌مان» needs the strict test too."""
    out = {}
    for key, cands in forms.items():
        best = max(cands, key=lambda z: (cands[z], z))  # ties broken by spelling: reproducible
        cz = sum(c for c, _ in cands.values())
        cj = toks.get(key, 0)
        parts = best.split(ZWNJ)
        invisible = all(p[-1] in NONJOINING for p in parts[:-1])  # «خبر‌ها» looks like «خبرها»
        if joined_affixes is None or whole.get(key) in ("hazm", "name") or parts[0] in ("می", "نمی") \
                or invisible or parts[-1] in apart:
            ok = cz >= 2 and cz >= 3 * cj
        elif cj or key in whole:
            ok = cz >= 2 and cz * (5 if parts[-1] in joined_affixes else 3) >= cj
        else:  # the joined spelling is not seen at all
            ok = key not in hazm or cz >= 2 or cands[best][1] > 0
        if ok:
            out[key] = (best, cz)
    return out


def space_pairs(toks: Counter, pairs: Counter, words: set[str], hfreq: dict[str, int]) -> list[str]:
    """ZWNJ forms seen >= 5 times whose spaced spelling is under 40% of their uses («می شود»), or
    that join a word (`words`: hazm with a frequency, names, verb forms) with a part that is none and
    hardly stands alone outside such compounds («بین المللی», «سرمایه گذاری»); and hazm's ZWNJ
    compounds («بنی‌امیه», «بهانه‌گیری») unless the corpus spaces them more often than not."""
    splits = [(z, cz, ZWNJ.join(z.split(ZWNJ)[:k]), ZWNJ.join(z.split(ZWNJ)[k:]))
              for z, cz in toks.items() if ZWNJ in z and cz >= 5 for k in range(1, z.count(ZWNJ) + 1)]
    in_compounds: Counter = Counter()  # standalone uses of a part that are a spaced compound
    for _, _, a, b in splits:
        in_compounds[a] += pairs.get((a, b), 0)
        in_compounds[b] += pairs.get((a, b), 0)

    def bound(part: str, other: str) -> bool:
        return part not in words and other in words and toks.get(part, 0) <= 1.1 * in_compounds[part]

    out = {f"{a} {b}" for z, cz, a, b in splits if bound(a, b) or bound(b, a) or cz >= 1.5 * pairs.get((a, b), 0)}
    for z, f in hfreq.items():
        if f > 0 and ZWNJ in z and TOKEN_RE.fullmatch(z) and toks.get(z, 0) < 5:
            parts = z.split(ZWNJ)
            for k in range(1, len(parts)):
                a, b = ZWNJ.join(parts[:k]), ZWNJ.join(parts[k:])
                if toks.get(z, 0) >= 1.5 * pairs.get((a, b), 0):
                    out.add(f"{a} {b}")
    return sorted(out)


def _joined_suffix(w: str, suffixes: dict[str, str], known: set[str]) -> str | None:
    """The suffix a joined word is counted under: the longest one after a known stem; None when that
    stem ends in a non-joining letter (then no ZWNJ is needed: «نهادهای» is «نهاد»+«های»)."""
    for s in sorted((s for s in suffixes if w.endswith(s)), key=len, reverse=True):
        stem = w[: -len(s)]
        if len(stem) >= 2 and stem in known:
            after = suffixes[s].replace("A", "").replace("1", "").replace("0", "")
            ok = stem[-1] not in NONJOINING and (not after or stem[-1] in after)
            return s if ok else None
    return None


def affix_shares(toks: Counter, pairs: Counter, known: set[str], whole: set[str], verb_forms: frozenset[str]
                 ) -> list[tuple]:
    """Measure how often each affix is written with ZWNJ vs joined vs spaced after a known stem
    (`whole`: words known from hazm or the name lists, which are not joined misspellings).
    Standard suffixes (SUFFIXES) are kept when ZWNJ spellings are at least half; Arabic «ال…» second
    parts learned from the corpus (سیف‌السادات، فرج‌الله، بین‌المللی) need MIN_SHARE."""
    al_parts = Counter(z.split(ZWNJ)[1] for z in toks if ZWNJ in z and z.split(ZWNJ)[1].startswith("ال"))
    suffixes = dict(SUFFIXES)
    suffixes.update({s: "" for s, n in al_parts.items() if n >= 3 and len(s) >= 4})
    stat: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # zwnj, joined, spaced
    def rest_ok(prefix: str, rest: str) -> bool:
        return rest in verb_forms if PREFIXES[prefix] == "V" else len(rest) >= 3 and strip(rest) in known

    for w, n in toks.items():
        parts = w.split(ZWNJ)
        if len(parts) > 1:
            stem = strip(ZWNJ.join(parts[:-1]))
            if parts[-1] in suffixes and stem in known:
                stat["x", parts[-1]][0] += n
            if parts[0] in PREFIXES and rest_ok(parts[0], ZWNJ.join(parts[1:])):
                stat["p", parts[0]][0] += n
        elif w not in whole:
            s = _joined_suffix(w, suffixes, known)
            if s:
                stat["x", s][1] += n
            p = next((p for p in sorted(PREFIXES, key=len, reverse=True) if w.startswith(p)), "")
            if p and rest_ok(p, w[len(p):]):
                stat["p", p][1] += n
    for (a, b), n in pairs.items():
        if b in suffixes and strip(a) in known:
            stat["x", b][2] += n
        if a in PREFIXES and rest_ok(a, b):
            stat["p", a][2] += n
    rows = []
    for (kind, affix), (z, j, s) in sorted(stat.items()):
        how = suffixes.get(affix, "") if kind == "x" else PREFIXES[affix]
        need = 0.5 if kind == "p" or affix in SUFFIXES else MIN_SHARE
        share_j, share_s = z / max(1, z + j), z / max(1, z + s)
        use = z >= 20 and "0" not in how
        flags = ("A" if "A" in how else "") + ("J" if share_j >= need and use else "")
        flags += "S" if share_s >= need and use and "1" not in how else ""
        after = how.replace("A", "").replace("1", "").replace("0", "")  # "V" stays: verbal prefix
        rows.append((kind, affix, after, flags or "-", f"{share_j:.3f}", f"{share_s:.3f}", z))
    return rows


HEADER = """# ZWNJ lexicon for muni_ie.text.zwnj. Generated by tools/build_zwnj_lexicon.py; do not edit by hand.
# Derived counts (no text) from: UD Persian Seraji + PerDT dev/test (CC BY-SA 4.0), ArmanPersoNER (research use),
# news articles that use ZWNJ from ISNA, Fars, IR-News, Tasnim, Khabar Online,
# Hamshahri Online, Borna (research use; see shared/data/news/SOURCE.md), hazm 0.10 words.dat/verbs.dat (MIT),
# first-name lists persian-gender-detection 1.4.0 + armanyazdi/persian-names (MIT). A tenth of the news and
# PerDT test are held out (tools/eval_zwnj.py). Rows (TAB-separated):
#   z FORM COUNT         FORM is how the joined key (FORM without ZWNJ) is written; COUNT = uses in the corpus
#   s A B                «A B» with a space is a lost ZWNJ too (A‌B has 60%+ of both, or A or B is no free word,
#                        or hazm lists A‌B and the corpus does not space it more often)
#   w WORD COUNT [A]     whole word, never split; COUNT = joined uses in the corpus; A = adjective (تر/ترین)
#   v PAST#PRESENT       verb stems (hazm), for «می/نمی» + verb
#   x|p AFFIX AFTER FLAGS SHARE_J SHARE_S N   suffix/prefix; AFTER = allowed last letters of the stem
#       (V for a prefix: before a finite verb, else before a known word);
#       FLAGS J = repair joined, S = repair spaced, A = stem must be an adjective; SHARE_* = share of ZWNJ
#       spellings against joined/spaced ones after known stems; N = ZWNJ uses counted
"""


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    toks, pairs = count(data)
    hfreq, hadj = hazm_words()
    verbs = hazm_verbs()
    forms = zwnj_forms(toks, hfreq)
    twins = {key for key, cands in forms.items() if any(f >= 0 for _, f in cands.values())}
    whole = whole_words(toks, hfreq, names(data), twins)
    from muni_ie.text.zwnj import _verb_forms

    strict = choose_map(forms, toks, whole, hfreq)  # first pass: measure the affixes on clear cases
    known = {w for w in whole if w not in strict}
    indep = {w for w in known if whole[w] in ("hazm", "name")}
    affixes = affix_shares(toks, pairs, known | set(strict), indep, _verb_forms(verbs))
    joined_affixes = {row[1] for row in affixes if row[0] == "x" and "J" in row[3]}
    apart = {row[1] for row in affixes if row[0] == "x" and "J" not in row[3]}
    zmap = choose_map(forms, toks, whole, hfreq, joined_affixes, apart)
    known = {w for w in whole if w not in zmap}
    seen_adj = {strip(z.rsplit(ZWNJ, 1)[0]) for z in toks if z.endswith((ZWNJ + "تر", ZWNJ + "ترین"))}
    adjectives = (hadj | seen_adj) & known
    words = {w for w, why in whole.items() if why in ("hazm", "name")} | _verb_forms(verbs)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.writelines("\t".join(map(str, row)) + "\n" for row in affixes)
        fh.writelines(f"v\t{v}\n" for v in verbs)
        fh.writelines(f"z\t{zmap[key][0]}\t{zmap[key][1]}\n" for key in sorted(zmap))
        fh.writelines(f"s\t{pair}\n" for pair in space_pairs(toks, pairs, words, hfreq))
        fh.writelines(f"w\t{w}\t{toks.get(w, 0)}" + ("\tA\n" if w in adjectives else "\n") for w in sorted(known))
    blockers = guard_rare_words(hfreq, known)
    with open(OUT, "a", encoding="utf-8") as fh:
        fh.writelines(f"w\t{w}\t0\n" for w in blockers)
    print(f"{OUT}: {len(zmap)} z, {len(known) + len(blockers)} w ({len(blockers)} rare hazm words guarded)")


def guard_rare_words(hfreq: dict[str, int], known: set[str]) -> list[str]:
    """hazm words with frequency 0 that the generic compound rules would cut («مدینه‌المنوره»,
    «ماشه‌ران»): kept whole. Those cut by a standard affix are left alone, since hazm's
    zero-frequency words include misspellings such as «ساعتها», «مهمترین», «نمیشود»."""
    from muni_ie.text.zwnj import ZwnjRepair, _load_lexicon

    _load_lexicon.cache_clear()
    repair = ZwnjRepair(str(OUT))
    out = []
    for w, f in sorted(hfreq.items()):
        if f or w in known or ZWNJ in w or not TOKEN_RE.fullmatch(w):
            continue
        parts = repair.fix_word(w).split(ZWNJ)
        if len(parts) > 1 and parts[-1] not in SUFFIXES and parts[0] not in ("می", "نمی"):
            out.append(w)
    _load_lexicon.cache_clear()
    return out


if __name__ == "__main__":
    main()
