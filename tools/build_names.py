"""Build src/muni_ie/lang/fa/first_names.tsv and surnames.txt from real data in ../shared/data.

First names: the MIT lists in shared/data/names (armanyazdi curated + persian-gender-detection),
kept when the curated list has them or the NER corpora tag them as person names; a name that the
NER corpora mostly see outside PER spans («امید», «بهار») is marked `ambiguous`, so the person
recognizer asks for more evidence (a title, an honorific, a reporting verb).
Surnames: last tokens of multi-token PER spans in the NER corpora (ArmanPersoNER, PEYMA,
Persian Twitter NER), seen at least twice. Run: python tools/build_names.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from muni_ie.text.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/muni_ie/lang/fa"


def read_conll(path: Path, sep: str):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        tok, _, tag = line.rpartition(sep)
        sent.append((fold(tok.strip()).replace(" ", "\u200c"), tag.replace("_", "-")))
    if sent:
        yield sent


def ner_counts(data: Path) -> tuple[Counter, Counter, Counter, Counter]:
    first, in_per, total, last = Counter(), Counter(), Counter(), Counter()
    sources = [(data / "ner/arman", " ", "*.txt"), (data / "ner/peyma", "|", "*.txt"),
               (data / "ner/persian_twitter_ner", "\t", "*.txt")]
    for folder, sep, pat in sources:
        for path in sorted(folder.glob(pat)):
            if path.name.startswith("train_fold") or path.name == "ReadMe.txt":
                continue  # arman's train folds repeat its test folds
            for sent in read_conll(path, sep):
                span: list[str] = []
                for tok, tag in sent + [("", "O")]:
                    total[tok] += 1
                    if tag.upper().endswith("PER") and tag[0] in "BI":
                        in_per[tok] += 1
                        if tag[0] == "B" and span:
                            _close(span, first, last)
                            span = []
                        span.append(tok)
                    elif span:
                        _close(span, first, last)
                        span = []
    return first, in_per, total, last


def _close(span: list[str], first: Counter, last: Counter) -> None:
    first[span[0]] += 1
    if len(span) > 1:
        last[span[-1]] += 1


def main(data: Path) -> None:
    first, in_per, total, last = ner_counts(data)
    curated = set()
    for name in ("male_fa.txt", "female_fa.txt"):
        curated |= {fold(x.strip()) for x in open(data / "names/persian-names_armanyazdi" / name, encoding="utf-8")
                    if x.strip()}
    big = set()
    with open(data / "names/iranianNamesDataset.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            n = fold(row["Names"].strip()).replace(" ", "\u200c")
            if n and " " not in n:
                big.add(n)
    rows = []
    for n in sorted(curated | big):
        seen_first = first[n] + first[n.replace("\u200c", "")]
        theophoric = n.endswith("الله") and len(n) > 5  # «فرج‌الله», «حجت‌الله»: registry spellings are reliable
        if n not in curated and seen_first == 0 and not theophoric:
            continue
        per, tot = in_per[n], total[n]
        if n not in curated and tot >= 20 and per / tot < 0.1:
            continue  # a common word the names registry happens to list («ایران», «اسلامی»)
        ambiguous = tot >= 5 and per / tot < 0.4
        rows.append((n, "ambiguous" if ambiguous else "name", str(seen_first)))
    with open(OUT / "first_names.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Persian first names: NAME<TAB>name|ambiguous<TAB>times seen as a PER span start in NER corpora.\n")
        fh.write("# Built by tools/build_names.py from shared/data/names (armanyazdi/persian-names, MIT;\n")
        fh.write("# persian-gender-detection 1.4.0, MIT) filtered by PER tags in ArmanPersoNER, PEYMA (research use)\n")
        fh.write("# and Persian Twitter NER (MIT). 'ambiguous' = mostly tagged outside PER spans (also a common word).\n")
        fh.writelines("\t".join(r) + "\n" for r in rows)
    firsts = {r[0] for r in rows}
    very_common = hazm_frequent(2_000_000)
    # «انجام», «فرهنگی» end some mis-tagged PER spans: a word the corpora see mostly outside names
    # (ner_common_words.txt) is no known surname
    ner_common = write_ner_common(in_per, total)
    surnames = sorted(n for n, c in last.items()
                      if c >= 2 and n not in firsts and len(n) > 2 and n.replace("\u200c", "") not in very_common
                      and n not in ner_common)
    with open(OUT / "surnames.txt", "w", encoding="utf-8") as fh:
        fh.write("# Persian surnames: last tokens of multi-token PER spans seen twice or more in ArmanPersoNER,\n")
        fh.write("# PEYMA (research use) and Persian Twitter NER (MIT). Built by tools/build_names.py.\n")
        fh.write("\n".join(surnames) + "\n")
    write_stopwords()
    print(f"{len(rows)} first names ({sum(r[1] == 'ambiguous' for r in rows)} ambiguous), {len(surnames)} surnames")


def hazm_frequent(threshold: int) -> set[str]:
    """ZWNJ-less forms of words at least ``threshold`` times in hazm's words.dat (MIT)."""
    import importlib.util

    hazm_dir = Path(importlib.util.find_spec("hazm").origin).parent
    out = set()
    for line in open(hazm_dir / "data/words.dat", encoding="utf-8"):
        word, freq, _ = line.rstrip("\n").split("\t")
        if int(freq) >= threshold:
            out.add(fold(word).replace("\u200c", ""))
    return out


def write_ner_common(in_per: Counter, total: Counter, min_count: int = 10, max_share: float = 0.02) -> set[str]:
    """Words the NER corpora see often and (nearly) never inside a person name: «ایرانی», «تیم»,
    «سینمایی», «بگیرد». hazm's counts miss many of them, and as «surnames» they make names of
    phrases («آزاد شناور», «امید تیم»); real surnames («حسینی», «عارف») are tagged PER often."""
    words = sorted(w for w, t in total.items()
                   if t >= min_count and in_per[w] / t <= max_share and len(w) > 1
                   and w.replace("\u200c", "").isalpha())
    with open(OUT / "ner_common_words.txt", "w", encoding="utf-8") as fh:
        fh.write(f"# Words seen >= {min_count} times in ArmanPersoNER, PEYMA (research use) and Persian Twitter\n")
        fh.write(f"# NER (MIT), at most {max_share:.0%} of them inside PER spans: as a surname candidate they need\n")
        fh.write("# more evidence, like common_words.txt. Derived counts only. Built by tools/build_names.py.\n")
        fh.write("\n".join(words) + "\n")
    return set(words)


def write_stopwords() -> None:
    """Function words that never start or end a name: hazm's stop-word list (MIT) plus verbs."""
    import importlib.util

    hazm_dir = Path(importlib.util.find_spec("hazm").origin).parent
    words = {fold(w.strip()) for w in open(hazm_dir / "data/stopwords.dat", encoding="utf-8") if w.strip()}
    words |= set(EXTRA_STOPWORDS.split())
    common = []
    for line in open(hazm_dir / "data/words.dat", encoding="utf-8"):
        word, freq, _ = line.rstrip("\n").split("\t")
        if int(freq) >= 500_000 and " " not in word:
            common.append(fold(word))
    with open(OUT / "common_words.txt", "w", encoding="utf-8") as fh:
        fh.write("# Frequent Persian words (frequency >= 500,000 in hazm 0.10 data/words.dat, MIT): a surname\n")
        fh.write("# candidate that is also one of these («نظام», «مقدم») needs more evidence. tools/build_names.py.\n")
        fh.write("\n".join(sorted(set(common))) + "\n")
    with open(OUT / "name_stopwords.txt", "w", encoding="utf-8") as fh:
        fh.write("# Words that are never part of a person name: hazm 0.10 data/stopwords.dat (MIT) plus common\n")
        fh.write("# verbs and particles of news prose (curated). Built by tools/build_names.py.\n")
        fh.write("\n".join(sorted(words)) + "\n")


EXTRA_STOPWORDS = """
گفت افزود کرد شد است بود داد داشت نیز هم همچنین ضمن اینکه بیان اشاره تاکید گزارش خبر ادامه اظهار تصریح
یادآور خاطرنشان عنوان اعلام توضیح درباره پیرامون طی روز امروز دیروز سال ماه هفته جلسه نشست مراسم
جدید سابق وقت فعلی اسبق محترم منتخب کشور استان شهر شهرستان گفتگو گفت‌وگو مردم درصد هزار میلیون
میلیارد ریال تومان نفر ها های ای خواهد خواهند باشد باشند شود شوند بوده شده نمی‌شود می‌شود می‌کند
نیست هست هستند داشت دارد دارند کند کنند
"""


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data")
