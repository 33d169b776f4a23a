#!/usr/bin/env python3
"""Build the places data of muni_ie from the shared gazetteer, iso-codes and real news.

Writes, under src/muni_ie/lang/fa/:
  gazetteer.tsv        provinces, counties, cities (municipal zones skipped) with spelling variants
  countries.tsv        country names in Persian (Debian iso-codes translations + curated news forms)
  place_stopwords.txt  place names that are mostly ordinary words in news («نور», «بهار», «مهر»)

usage: tools/build_gazetteer.py [--shared ../shared/data] [--no-news]

The stop-word list is measured on the shared news sample: a name is a stop word when it is frequent
as a whole word and rarely follows a place trigger («شهر», «استان», «شهرداری» ...).
"""

from __future__ import annotations

import argparse
import csv
import gettext
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from muni_ie.recognizers.places import (  # noqa: E402
    _FOLD, iter_name_hits, load_triggers, surface_key,
)
from muni_ie.text.normalize import fold  # noqa: E402

OUT = ROOT / "src" / "muni_ie" / "lang" / "fa"
ZWNJ = "\u200c"
GAZ_SOURCE = ("sajaddp/list-of-cities-in-Iran @ 474942269f75ec247e1af5684f5e3eca9f304431 (GPL-3.0), "
              "via shared/data/gazetteer/iran_gazetteer.csv; alternates from django-iranian-cities 2.0.0 (GPL-3.0)")
ISO_MO = Path("/usr/share/locale/fa/LC_MESSAGES/iso_3166-1.mo")
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")

# Curated facts of usage that no source table carries (official name -> name used in news and in
# annotation). «ری» is written «شهر ری» when the city is meant; the county «طوالش» is called «تالش».
CANONICAL = {("city", "ری"): "شهر ری", ("county", "طوالش"): "تالش"}
ALIASES = {("city", "ری"): ["شهر ری"], ("county", "طوالش"): ["تالش"],
           ("province", "خراسان رضوی"): ["خراسان"]}
# Function words that must not become the first half of a split name («به شهر» is not «بهشهر»).
SHORT_WORDS = {"به", "در", "با", "از", "بر", "که", "تا", "هم", "نو", "سه", "ده", "صد", "دو", "یک"}
# Compound parts that ZWNJ-less news joins or splits freely: «اسلامشهر» / «اسلام شهر».
SUFFIXES = ("آباد", "شهر")
PREFIXES = ("بندر",)


def fold_name(s: str) -> str:
    """Unified letters, single spaces, «اباد» → «آباد» as a compound part («فرون اباد» → «فرون آباد»)."""
    s = re.sub(r"\s+", " ", fold(s).replace(ZWNJ, " ")).strip()
    return re.sub(r"(?<=\S)(\s?)اباد(?=\s|$)", r"\1آباد", s)


def canonical(kind: str, official: str) -> str:
    """Standard orthography: ZWNJ before a compound «آباد»/«شهر» part («خرم آباد» → «خرم‌آباد»)."""
    if (kind, official) in CANONICAL:
        return CANONICAL[(kind, official)]
    s = fold_name(official)
    s = re.sub(r"(?<=\S) (آباد|شهر)(?=\s|$)", ZWNJ + r"\1", s)
    return re.sub(r"آباد(?=(غرب|شرق)\b)", "آباد ", s)  # «اسلام آبادغرب» → «اسلام‌آباد غرب»


def split_variants(name: str) -> set[str]:
    """Spaced forms of joined compounds: «اسلامشهر» → «اسلام شهر» (the matcher makes spaces optional)."""
    out = {name}
    for word in name.split(" "):
        for suf in SUFFIXES:
            head = word[: -len(suf)]
            if word.endswith(suf) and len(head) >= 3 and head not in SHORT_WORDS:
                out.add(name.replace(word, f"{head} {suf}"))
        for pre in PREFIXES:
            tail = word[len(pre):]
            if word.startswith(pre) and len(tail) >= 3:
                out.add(name.replace(word, f"{pre} {tail}"))
    return out


def variants(kind: str, official: str, extra: list[str]) -> list[str]:
    """Surface forms to match (spaces stand for space, ZWNJ or nothing).

    «بندر انزلی» also matches «انزلی»; «آ»/«ا» and «ئ»/«ی» spellings both match; «سیستان و بلوچستان»
    also matches «سیستان بلوچستان».
    """
    base = {fold_name(official), *(fold_name(e) for e in extra)}
    forms: set[str] = set()
    for b in base:
        forms |= split_variants(b)
    for f in list(forms):
        if f.startswith("بندر ") and len(f) > 8:
            forms.add(f[5:])
        if kind == "province" and " و " in f:
            forms.add(f.replace(" و ", " "))
        forms.add(f.replace("آباد", "اباد"))
        if f.startswith("آ"):
            forms.add("ا" + f[1:])
        if "ئ" in f:
            forms.add(f.replace("ئ", "ی"))
        elif re.search(r"[اوی]ی", f):
            forms.add(re.sub(r"(?<=[او])ی(?=[^ ])", "ئ", f))
    return sorted(forms, key=lambda x: (-len(x), x))


def read_gazetteer(shared: Path) -> list[dict[str, str]]:
    with open(shared / "gazetteer" / "iran_gazetteer.csv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["kind"] in ("province", "county", "city")]


def django_aliases(shared: Path) -> dict[str, list[str]]:
    """«هشتپر (تالش)» in django-iranian-cities: the bracketed name is a second name of the city."""
    out: dict[str, list[str]] = defaultdict(list)
    with open(shared / "gazetteer" / "django-iranian-cities" / "city.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            m = re.fullmatch(r"\s*(.+?)\s*\((.+?)\)\s*", r["name"])
            if m:
                out[fold_name(m.group(1))].append(m.group(2))
    return out


def gazetteer_rows(shared: Path) -> list[tuple[str, ...]]:
    rows, aliases = read_gazetteer(shared), django_aliases(shared)
    # One canonical spelling per (name key, province) so city and county agree («اسلام‌شهر»).
    best: dict[tuple[str, str], str] = {}
    for r in rows:
        k = (surface_key(fold_name(r["name"])), r["province"])
        c = canonical(r["kind"], r["name"])
        if ZWNJ in c or k not in best:
            best[k] = c
    out = []
    for r in rows:
        kind, off = r["kind"], r["name"]
        name = CANONICAL.get((kind, off)) or best[(surface_key(fold_name(off)), r["province"])]
        extra = ALIASES.get((kind, off), []) + [
            a for a in aliases.get(fold_name(off.split(" ")[0]), []) if kind == "city"]
        if kind == "city" and fold_name(off).endswith(" تالش"):  # «هشتپر تالش» is «هشتپر»
            extra.append(off.rsplit(" ", 1)[0])
        county = canonical("county", r["county"]) if r["county"] else ""
        county = CANONICAL.get(("county", r["county"]), county)
        out.append((r["official_id"], kind, name, fold(r["province"]), county, fold(off),
                    "|".join(variants(kind, off, extra))))
    return out


# Names used in Iranian news where iso-codes gives a formal or dated form (alpha-2 -> names).
COUNTRY_NEWS_FORMS = {
    "IR": ["ایران", "جمهوری اسلامی ایران"], "US": ["آمریکا", "امریکا", "ایالات متحده", "ایالات متحده آمریکا"],
    "GB": ["انگلیس", "انگلستان", "بریتانیا"], "RU": ["روسیه"], "KR": ["کره جنوبی"], "KP": ["کره شمالی"],
    "SY": ["سوریه"], "IN": ["هند", "هندوستان"], "TR": ["ترکیه"], "BO": ["بولیوی"], "VE": ["ونزوئلا"],
    "TZ": ["تانزانیا"], "TW": ["تایوان"], "LA": ["لائوس"], "MD": ["مولداوی"], "VN": ["ویتنام"],
    "IL": ["اسرائیل", "اسراییل"], "AE": ["امارات", "امارات متحده عربی"], "MT": ["مالت"],
    "NL": ["هلند"], "CH": ["سوئیس", "سویس"], "SE": ["سوئد"], "DE": ["آلمان"], "CZ": ["جمهوری چک"],
    "AZ": ["جمهوری آذربایجان"], "BA": ["بوسنی", "بوسنی و هرزگوین"], "FM": ["میکرونزی"],
}


def country_rows() -> list[tuple[str, ...]]:
    """Country names: iso-codes Persian short names, formal prefixes cut, plus news forms."""
    tr = gettext.GNUTranslations(open(ISO_MO, "rb"))
    out = []
    for e in json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]:
        fa = fold(tr.gettext(e["name"])).replace("ٔ", "")
        names = list(COUNTRY_NEWS_FORMS.get(e["alpha_2"], []))
        if re.fullmatch(r"[\u0600-\u06FF\u200c ]+", fa) and "،" not in fa:
            names.append(fa)
        if not names:
            continue
        forms = set()
        for n in names:
            n = re.sub(r"\s+", " ", n).strip()
            forms.add(n)
            if n.startswith("آ"):
                forms.add("ا" + n[1:])
        canon = names[0].replace(ZWNJ, "")
        out.append((e["alpha_2"], "country", canon, "", "", fa, "|".join(sorted(forms, key=len, reverse=True))))
    return out


def read_news(shared: Path) -> list[str]:
    texts = []
    for name in ("general_sample.jsonl", "municipal_dev.jsonl"):
        with open(shared / "news" / name, encoding="utf-8") as fh:
            texts += [re.sub(r"[ \t]+", " ", json.loads(line)["text"].translate(_FOLD)) for line in fh]
    return texts


def hazm_freq() -> dict[str, int]:
    import hazm
    path = Path(hazm.__file__).parent / "data" / "words.dat"
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[1].isdigit():
            out[parts[0]] = int(parts[1])
    return out


def news_stats(texts: list[str], names: list[str]) -> tuple[Counter, Counter]:
    """Whole-word hits of each name key, and hits right after a positive place trigger."""
    total, trig = Counter(), Counter()
    triggers = load_triggers()
    for t in texts:
        for start, end, key, trigger in iter_name_hits(t, names, triggers):
            total[key] += 1
            if trigger:
                trig[key] += 1
    return total, trig


def stopwords(rows: list[tuple[str, ...]], texts: list[str]) -> list[tuple[str, ...]]:
    """Names that read as ordinary words: frequent in news but rarely after «شهر/استان/...»."""
    freq = hazm_freq()
    surfaces = sorted({fold_name(v) for r in rows for v in r[6].split("|")})
    total, trig = news_stats(texts, surfaces)
    out = []
    for s in surfaces:
        k = surface_key(s)
        n, t, h = total[k], trig[k], freq.get(s, 0)
        news_word = n >= 8 and t / n < 0.08
        lex_word = n < 8 and h >= 300_000 and " " not in s
        if news_word or lex_word:
            out.append((s, str(n), str(t), str(h), "news" if news_word else "hazm"))
    return out


CURATED_STOP = [  # (name, why): ordinary words or places that news uses for something else
    ("تجریش", "Tehran neighbourhood and square, an official city only on paper"),
    ("مالی", "«financial»"), ("چک", "«cheque»"), ("قطر", "«diameter»"), ("مصر", "«insistent»"),
    ("غنا", "«richness»"), ("آذربایجان", "the Iranian region more often than the republic"),
    ("پرو", "«pro»"), ("جرسی", "«jersey»"), ("گینه", "rare, also «guinea»"), ("چاد", "rare"),
    ("بنین", "«sons»"), ("توگو", "rare"), ("عمان", "also Amman"), ("کومورو", "rare"),
]


def write_tsv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for h in header:
            fh.write(f"# {h}\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-news", action="store_true", help="keep the existing place_stopwords.txt")
    args = ap.parse_args(argv)
    rows = gazetteer_rows(args.shared)
    cols = "id<TAB>kind<TAB>name<TAB>province<TAB>county<TAB>official<TAB>variants (| separated; a space " \
           "matches space, ZWNJ or nothing)"
    write_tsv(OUT / "gazetteer.tsv", [
        "Iranian provinces (31), counties (شهرستان) and cities; municipal zones skipped. Built by "
        "tools/build_gazetteer.py.", f"Source: {GAZ_SOURCE}.",
        "License: GPL-3.0 data (the source's license applies to this file).", cols], rows)
    crows = country_rows()
    write_tsv(OUT / "countries.tsv", [
        "Countries in Persian. Built by tools/build_gazetteer.py from Debian iso-codes 4.15.0 "
        "(iso_3166-1.json + fa/iso_3166-1.mo, LGPL-2.1+; https://salsa.debian.org/iso-codes-team/iso-codes),",
        "plus curated news forms (COUNTRY_NEWS_FORMS in the tool; MIT, this project).", cols], crows)
    if not args.no_news:
        stop = stopwords(rows + crows, read_news(args.shared))
        stop += [(n, "", "", "", "curated: " + why) for n, why in CURATED_STOP]
        write_tsv(OUT / "place_stopwords.txt", [
            "Place names that are mostly ordinary words: they count as places only after a trigger "
            "(«شهر نور», «شهرستان بم») or inside a list of places.",
            "Measured by tools/build_gazetteer.py on shared/data/news (general_sample + municipal_dev; news "
            "© agencies, research use; only counts kept) and hazm 0.10 words.dat (MIT) frequencies.",
            "Rule: >= 8 news hits and < 8% after a place trigger, or < 8 hits and hazm frequency >= 300,000.",
            "name<TAB>news hits<TAB>after trigger<TAB>hazm frequency<TAB>why"], stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
