"""Score ZWNJ repair on held-out real text, against hazm's Normalizer.

Held out (never read by tools/build_zwnj_lexicon.py): one news article in ten among those that use
ZWNJ, and UD PerDT test. Each text is damaged two ways: every ZWNJ deleted («شهرداریها») or turned
into a space («شهرداری ها»); the system repairs it and is compared with the original letter by letter:
  accuracy     words that had a ZWNJ and come back exactly as written (no join with a neighbour either)
  over-splits  words written without ZWNJ that get a visible one (or get cut), listed by word
  over-joins   spaces between words that the system turned into ZWNJ or removed
Changes are also sorted by how the training text spells the word (see `Variants`): «آنها» → «آن‌ها» is a
change between two common spellings, «میشد» → «می‌شد» a fix, «میدانی» → «می‌دانی» an error.
Speed: MB/s of UTF-8 text through ZwnjRepair.edits and hazm.Normalizer().normalize, article by article.
Run: python tools/eval_zwnj.py [--limit N] [--no-hazm] [--strict] [--show 40]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_zwnj_lexicon import DATA, count, news, ud_sentences

from muni_ie.text.zwnj import LETTERS, NONJOINING, ZWNJ, ZwnjRepair

_CHUNK = re.compile(f"[{LETTERS}]+|[^{LETTERS}]+")
_IS_LETTER = re.compile(f"[{LETTERS}]")


def heldout() -> dict[str, list[str]]:
    return {"news": [t for _, t in news(DATA, heldout=True)],
            "PerDT test": list(ud_sentences(DATA / "ud/perdt/fa_perdt-ud-test.conllu"))}


def skeleton(text: str) -> tuple[str, list[str]]:
    """Letters only, and what separates letter k from k+1: J (nothing), Z (ZWNJ only), B (anything else)."""
    letters: list[str] = []
    seps: list[str] = []
    pending = "J"
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        if _IS_LETTER.match(chunk):
            if letters:
                seps.append(pending)
            seps.extend("J" * (len(chunk) - 1))
            letters.append(chunk)
        else:
            pending = "Z" if not chunk.strip(ZWNJ) else "B"
    return "".join(letters), seps


def words(seps: list[str]) -> list[tuple[int, int]]:
    """Letter spans [s, e] of the words: runs joined by J or Z."""
    out, start = [], 0
    for k, sep in enumerate(seps):
        if sep == "B":
            out.append((start, k))
            start = k + 1
    out.append((start, len(seps)))
    return out


def _aligned(gold_letters: str, sys_text: str) -> list[str | None]:
    """System separators re-indexed onto the gold letters (None where the letters differ)."""
    letters, seps = skeleton(sys_text)
    if letters == gold_letters:
        return list(seps)
    out: list[str | None] = [None] * max(0, len(gold_letters) - 1)
    sm = difflib.SequenceMatcher(None, gold_letters, letters, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size - 1):
            out[a + k] = seps[b + k]
    return out


def _visible(letters: str, seps: list) -> list:
    """A ZWNJ after a non-joining letter (ا د ذ ر ز ژ و) changes nothing on screen: count it as joined."""
    return ["J" if x == "Z" and letters[k] in NONJOINING else x for k, x in enumerate(seps)]


def score(gold: str, output: str, stats: Counter, splits: Counter, misses: Counter, joins: Counter) -> None:
    letters, gseps = skeleton(gold)
    sseps = _aligned(letters, output)
    visible = _visible(letters, gseps) != gseps or _visible(letters, sseps) != sseps
    vg, vs = (_visible(letters, gseps), _visible(letters, sseps)) if visible else (gseps, sseps)
    for s, e in words(gseps):
        inner_g, inner_s = gseps[s:e], sseps[s:e]
        if None in inner_s:
            stats["unaligned"] += 1
            continue
        edges_ok = all(sseps[k] in ("B", None) for k in (s - 1, e) if 0 <= k < len(sseps))
        form = _render(letters[s: e + 1], inner_s)
        if "Z" in inner_g:
            stats["zwnj_words"] += 1
            if inner_s == inner_g and edges_ok:
                stats["zwnj_correct"] += 1
            if "Z" in vg[s:e]:
                stats["visible_words"] += 1
                if vg[s:e] == vs[s:e] and edges_ok:
                    stats["visible_correct"] += 1
                else:
                    misses[_render(letters[s: e + 1], inner_g) + " → " + form] += 1
        else:
            stats["plain_words"] += 1
            if vs[s:e] != vg[s:e]:
                stats["over_splits"] += 1
                splits[letters[s: e + 1] + " → " + form] += 1
    stats["gaps"] += gseps.count("B")
    spans = words(gseps)
    for j in range(len(spans) - 1):
        k = spans[j][1]  # the separator after word j
        if sseps[k] in ("Z", "J"):
            stats["over_joins"] += 1
            (s1, e1), (s2, e2) = spans[j], spans[j + 1]
            gold_pair = _render(letters[s1: e2 + 1], [*gseps[s1:e1], "B", *gseps[s2:e2]])
            joins[gold_pair + " → " + _render(letters[s1: e2 + 1], [*gseps[s1:e1], sseps[k], *gseps[s2:e2]])] += 1


def _render(letters: str, seps: list) -> str:
    out = [letters[0]]
    for ch, sep in zip(letters[1:], seps):
        out.append({"J": "", "Z": ZWNJ, "B": " "}.get(sep, "?") + ch)
    return "".join(out)


def damage(text: str, how: str) -> str:
    return text.replace(ZWNJ, "") if how == "strip" else text.replace(ZWNJ, " ")


def evaluate(texts: list[str], system, how: str, show: int) -> dict:
    stats: Counter = Counter()
    splits: Counter = Counter()
    misses: Counter = Counter()
    joins: Counter = Counter()
    for text in texts:
        score(text, system(damage(text, how)), stats, splits, misses, joins)
    return {"stats": stats, "splits": splits, "misses": misses, "joins": joins, "show": show}


class Variants:
    """Sorts a change «A → B» by how the training text spells the word: `variant` if both spellings are
    common (3+ uses, the rarer 20%+ of both: «آنها» / «آن‌ها»), `fix` if B has 3+ uses and 80%+ of
    both (the original was a misspelling: «می کنم» → «می‌کنم»), else `other` (an error, or unseen):
    «میدانی» → «می‌دانی» is `other` (70 vs 12 uses)."""

    def __init__(self) -> None:
        self.toks, self.pairs = count(DATA)

    def uses(self, form: str) -> int:
        a, _, b = form.partition(" ")
        return self.pairs.get((a, b), 0) if b else self.toks.get(form, 0)

    def __call__(self, change: str) -> str:
        a, b = (self.uses(x) for x in change.split(" → "))
        if min(a, b) >= 3 and min(a, b) >= 0.2 * (a + b):
            return "variant"
        return "fix" if b >= 3 and b >= 4 * a else "other"


def _share(changes: Counter, variants: Variants | None) -> str:
    """How many changes are of each kind, e.g. "120 (variant 100, fix 15, other 5)"."""
    total = sum(changes.values())
    if variants is None:
        return str(total)
    kinds: Counter = Counter()
    for change, n in changes.items():
        kinds[variants(change)] += n
    return f"{total} (variant {kinds['variant']}, fix {kinds['fix']}, other {kinds['other']})"


def report(name: str, how: str, res: dict, variants: Variants | None) -> None:
    st, show = res["stats"], res["show"]
    acc = st["zwnj_correct"] / max(1, st["zwnj_words"])
    vis = st["visible_correct"] / max(1, st["visible_words"])
    print(f"\n== {name} / ZWNJ {'deleted' if how == 'strip' else 'made a space'} ==")
    print(f"accuracy on words with ZWNJ: {acc:.2%} ({st['zwnj_correct']}/{st['zwnj_words']}); counting only "
          f"visible ZWNJ (not after ا د ذ ر ز ژ و): {vis:.2%} ({st['visible_correct']}/{st['visible_words']})")
    print(f"misses (visible): {_share(res['misses'], variants)}")
    print(f"over-splits among {st['plain_words']} plain words: {_share(res['splits'], variants)}, "
          f"{len(res['splits'])} distinct")
    print(f"over-joins among {st['gaps']} spaces: {_share(res['joins'], variants)}; unaligned words: "
          f"{st['unaligned']}")
    for label, changes in (("over-splits", res["splits"]), ("over-joins", res["joins"]),
                           ("misses", res["misses"])):
        print(f"{label}:", "; ".join(f"{w} ×{n}" for w, n in changes.most_common(show)))
        if variants is not None:
            other = Counter({c: n for c, n in changes.items() if variants(c) == "other"})
            print(f"{label}, other:", "; ".join(f"{w} ×{n}" for w, n in other.most_common(show)))


def speed(texts: list[str], fn, rounds: int = 1) -> float:
    size = sum(len(t.encode()) for t in texts) * rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            fn(t)
    return size / 1e6 / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N held-out texts")
    ap.add_argument("--no-hazm", action="store_true")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--strict", action="store_true", help="skip the spelling-variant analysis (no recount)")
    args = ap.parse_args()
    sets = heldout()
    if args.limit:
        sets = {name: texts[: args.limit] for name, texts in sets.items()}
    ours = ZwnjRepair()
    systems = [("muni_ie ZwnjRepair", ours.repair)]
    if not args.no_hazm:
        from hazm import Normalizer

        normalizer = Normalizer()
        systems.append(("hazm Normalizer", lambda t: normalizer.normalize(t)))
    variants = None if args.strict else Variants()
    for set_name, texts in sets.items():
        print(f"\n##### held-out {set_name}: {len(texts)} texts, {sum(map(len, texts)):,} chars, "
              f"{sum(t.count(ZWNJ) for t in texts):,} ZWNJ")
        for how in ("strip", "space"):
            for name, fn in systems:
                report(name, how, evaluate(texts, fn, how, args.show), variants)
    texts = sets["news"]
    stripped = [damage(t, "strip") for t in texts]
    cold = ZwnjRepair()
    print(f"\nspeed on the {sum(len(t.encode()) for t in stripped) / 1e6:.1f} MB of held-out news, ZWNJ deleted:")
    print(f"speed, ZwnjRepair.edits, first pass (empty memo): {speed(stripped, cold.edits):.1f} MB/s")
    print(f"speed, ZwnjRepair.edits, warm: {speed(stripped, ours.edits, rounds=3):.1f} MB/s")
    print(f"speed, ZwnjRepair.edits on intact text: {speed(texts, ours.edits, rounds=3):.1f} MB/s")
    if not args.no_hazm:
        print(f"speed, hazm Normalizer().normalize: {speed(stripped, normalizer.normalize):.2f} MB/s")


if __name__ == "__main__":
    main()
