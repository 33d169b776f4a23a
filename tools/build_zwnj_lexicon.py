"""Build src/muni_ie/lang/fa/zwnj_lexicon.tsv from real, well-edited Persian text in ../shared/data.

Counts every word form in texts that do use ZWNJ (UD Seraji/PerDT `# text` lines, ArmanPersoNER,
Persian Twitter NER sentences that contain a ZWNJ, ISNA/Fars/IR-News/... articles that contain one)
and hazm 0.10's word and verb lists (MIT), then writes:
  z  ZWNJ form of a compound whose joined spelling is an error   («شهرداری‌ها» for «شهرداریها»)
  s  a ZWNJ form whose spaced spelling is an error too           («می‌شود» for «می شود»)
  w  known whole words (never split), flag A = takes تر/ترین      («میدانی», «بهار»)
  v  verb stems past#present from hazm, for «می/نمی» + verb
  x  affixes joined with ZWNJ, with the share of ZWNJ spellings measured in the corpus
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
from muni_ie.text.normalize import fold  # noqa: E402
from muni_ie.text.zwnj import NONJOINING, TOKEN_RE, ZWNJ  # noqa: E402

OUT = ROOT / "src/muni_ie/lang/fa/zwnj_lexicon.tsv"
DATA = ROOT.parent / "shared" / "data"
HAZM = Path(__import__("hazm").__file__).parent / "data"

_JUNK = re.compile("[\u064b-\u065f\u0670\u0640\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\r]+")
_ZRUN = re.compile("[ \u200c]*\u200c[ \u200c]*")
_SPACES = re.compile("[ \t]{2,}")
_L = TOKEN_RE.pattern
_PAIR = re.compile(rf"(?<![\w\u200c])({_L}) (?=({_L})(?![\w\u200c]))")

# Affixes written apart with ZWNJ in standard orthography (Farhangestan): plural ها, comparative تر/ترین,
# the clitics after a silent ه (خانه‌ای، گفته‌اند، خسته‌ام), surname formants (امیدی‌پور، حسن‌زاده).
# Each is kept only if the corpus really writes it with ZWNJ (share >= MIN_SHARE).
SUFFIXES = {
    "ها": "", "های": "", "هایی": "", "هایم": "", "هایت": "", "هایش": "", "هایمان": "", "هایتان": "",
    "هایشان": "", "هاست": "", "هایند": "", "تر": "A", "ترین": "A", "تری": "A", "ترها": "A",
    "ای": "ه", "ایی": "ه", "ام": "ه", "ات": "ه", "اش": "ه", "اند": "ه", "ایم": "ه", "اید": "ه",
    "پور": "", "زاده": "", "نژاد": "", "پذیر": "", "پذیری": "", "آلات": "",
}
MIN_SHARE = 0.8


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
        for line in open(data / "news" / name, encoding="utf-8"):
            art = json.loads(line)
            if ZWNJ in art["text"] and is_heldout(art["id"]) == heldout:
                yield art["id"], clean(art["text"])


def ud_sentences(path: Path) -> Iterator[str]:
    for line in open(path, encoding="utf-8"):
        if line.startswith("# text ="):
            yield clean(line[8:].strip())


def conll_sentences(path: Path, sep: str) -> Iterator[str]:
    toks: list[str] = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if line.strip():
            toks.append(line.rpartition(sep)[0])
        elif toks:
            yield clean(" ".join(toks))
            toks = []
    if toks:
        yield clean(" ".join(toks))


def training_texts(data: Path) -> Iterator[str]:
    """Texts whose ZWNJ use is trusted. PEYMA is left out: its multi-word tokens mix ZWNJ and spaces."""
    ud = sorted(data.glob("ud/*/*.conllu"))
    for path in ud:
        if path.name != "fa_perdt-ud-test.conllu":  # held out for scoring
            yield from ud_sentences(path)
    for path in sorted(data.glob("ner/arman/test_fold*.txt")):  # the train folds repeat the test folds
        yield from conll_sentences(path, " ")
    for path in sorted(data.glob("ner/persian_twitter_ner/*.txt")):
        yield from (s for s in conll_sentences(path, "\t") if ZWNJ in s)  # informal: only ZWNJ users
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
    for line in open(HAZM / "words.dat", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        w = clean(parts[0]).strip()
        freq[w] = max(freq.get(w, 0), int(parts[1] or 0))
        if "AJ" in parts[2].split(","):
            adj.add(w)
    return freq, adj


def hazm_verbs() -> list[str]:
    return sorted({clean(v).strip() for v in open(HAZM / "verbs.dat", encoding="utf-8") if "#" in v})


def names(data: Path) -> set[str]:
    """Single-word first names (MIT lists); Arabic «…ال…» compounds are left to the corpus."""
    out = set()
    for line in open(data / "names/iranianNamesDataset.csv", encoding="utf-8"):
        out.add(clean(line.split(",")[0].strip('"')))
    for path in (data / "names/persian-names_armanyazdi").glob("*_fa.txt"):
        out.update(clean(w.strip()) for w in open(path, encoding="utf-8"))
    return {w for w in out if TOKEN_RE.fullmatch(w) and ZWNJ not in w and "ال" not in w[2:]}
