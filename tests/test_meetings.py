"""Meeting recognizer: the example corpus beside the lexicon, offsets and back-references."""

from __future__ import annotations

import json

import pytest

from muni_ie.events.meetings import MeetingRecognizer, verb_forms
from muni_ie.resources import data_path, read_rows
from muni_ie.text.normalize import normalize


def _examples():
    for row in read_rows(data_path("examples/meetings.tsv")):
        places = [p for p in row[2].split(",") if p] if len(row) > 2 else []
        yield pytest.param(row[0], json.loads(row[1]), places, id=row[0][:40])


@pytest.fixture(scope="module")
def rec() -> MeetingRecognizer:
    return MeetingRecognizer()


@pytest.mark.parametrize(("text", "expected", "places"), list(_examples()))
def test_example_corpus(rec, text, expected, places):
    got = rec.find(text, places)
    assert [m.name for m in got] == [e["name"] for e in expected]
    for m, want in zip(got, expected):
        for field in ("ordinal", "place", "venue"):
            if field in want:
                assert getattr(m, field) == want[field], (field, m)
        if "mentions" in want:
            assert len(m.mentions) == want["mentions"], m.mentions


def test_offsets_point_at_the_name_and_mentions(rec):
    text = ("به گزارش ایسنا، شهردار در پنجمین همایش ملی مدیریت پسماند گفت: تفکیک از مبدا لازم است.\n"
            "معاون وزیر نیز در این همایش گفت: منابع کم است.")
    [m] = rec.find(text)
    assert text[m.start:m.end] == m.name == "پنجمین همایش ملی مدیریت پسماند"
    assert m.mentions[0] == (m.start, m.end)
    assert text[slice(*m.mentions[1])] == "این همایش"


def test_two_gatherings_keep_their_own_back_references(rec):
    text = ("فرماندار در جلسه شورای آب شهرستان بم گفت: چاه‌ها پر نشده است. در این جلسه مصوب شد طرح اجرا شود. "
            "سپس جلسه بررسی مشکل سد در مرکز استان برگزار شد و در آن جلسه وظایف مشخص شد.")
    first, second = rec.find(text)
    assert first.name == "جلسه شورای آب شهرستان بم" and len(first.mentions) == 2
    assert second.name == "جلسه بررسی مشکل سد" and len(second.mentions) == 2
    assert second.place is None  # «در مرکز استان» is no place name and no venue


def test_missing_zwnj_plural_is_not_a_meeting(rec):
    assert rec.find(normalize("در نشست ها و همايش هاي استاني گفته شد").text) == []


def test_place_names_pick_the_host_over_a_guess(rec):
    text = "وزیر در همایش شهرداران که در شیراز برگزار شد گفت: کار ادامه دارد."
    assert rec.find(text, ["شیراز", "فارس"])[0].place == "شیراز"
    assert rec.find(text)[0].place is None  # no place names, no head word: no guess


def test_verb_forms_cover_negated_and_prefixed_verbs_but_not_nouns():
    forms = verb_forms()
    assert {"نیامد", "بودیم", "بگیریم"} <= forms
    assert not {"نشست", "ستاد", "مردم"} & forms


_PLACE_TEXT = ("به گزارش ایسنا از قائنات، جلسه شورای آب شهرستان قاینات در اسلام شهر و اسلام‌شهر و "
               "اسلامشهری برگزار شد؛ کرمانشاه و کرمان و «کرمان» و تهرانی و تهران.")


@pytest.mark.parametrize("names", [("قاینات", "اسلام‌شهر", "کرمان", "کرمانشاه", "تهران"), ("کرمان",), ()])
def test_place_finder_matches_like_one_alternation(names):
    """Per-name patterns with word edges checked at the hits find what the one regex did."""
    import regex

    from muni_ie.events.meeting_lexicon import lexicon
    from muni_ie.events.meeting_places import PlaceFinder

    finder = PlaceFinder(names, lexicon())
    alts = [regex.sub("[یئ]", "[یئ]", regex.escape(n.replace("\u200c", " ")).replace(r"\ ", "[\u200c ]?"))
            for n in sorted(set(names), key=len, reverse=True)]
    if not names:
        assert finder.at(_PLACE_TEXT, 0, True) == "به"  # no names: the next word is a guess
        return
    one = regex.compile(r"(?<![\p{L}\p{M}\u200c])(?:" + "|".join(alts) + r")(?![\p{L}\p{M}\u200c])")
    assert list(finder._matches(_PLACE_TEXT, 0, len(_PLACE_TEXT))) == [m.span() for m in one.finditer(_PLACE_TEXT)]
    for pos in range(len(_PLACE_TEXT)):
        m = one.match(_PLACE_TEXT, pos)
        assert (finder._match(_PLACE_TEXT, pos, len(_PLACE_TEXT)) or None) == (m.span() if m else None)


def test_noun_gate_finds_what_the_noun_regex_finds(rec):
    text = ("جلسه‌ای در نشست‌ها و گردهم آیی و گردهمائی، ۲جلسه و ²نشست، کارگاه‌آموزشی و کارگاه تخصصی؛ "
            "آیین‌نامه و جلسهٔ و هم اندیشی نشستی")
    spans = [m.span() for m in rec._nouns(text)]
    assert spans == [m.span() for m in rec.lex.noun_re.finditer(text)] and len(spans) > 5


@pytest.mark.parametrize("pos", [0, 5, 20, 31, 32, 47, 60])
def test_sentence_bounds_follow_the_regex_definition(pos):
    import regex

    from muni_ie.events.meeting_places import sentence

    text = "جلسه اول. جلسه دوم!\n\nسوم؟ چهارم\x1c. پنجم\u2028است. ششم? هفتم.\n"
    end = regex.compile(r"[.!?؟](?=\s|$)|\n\s*\n")
    start = max(0, pos - 400)
    for m in end.finditer(text, start, pos):
        start = m.end()
    m = end.search(text, pos, min(len(text), pos + 400))
    assert sentence(text, pos) == (start, m.start() if m else min(len(text), pos + 400))


def test_article_place_is_worked_out_once_per_text(rec):
    """The dateline / most-named fallback serves every gathering of the article, and only it."""
    from muni_ie.events.meeting_places import PlaceFinder

    text = "به گزارش ایسنا از قم، جلسه شورای شهر برگزار شد. همایش ملی مدیریت پسماند هم برگزار شد."
    assert [m.place for m in rec.find(text, ["قم"])] == ["قم", "قم"]
    finder = PlaceFinder(("قم", "تهران"), rec.lex)
    assert finder.host(text, [(22, 37)], 22, 37) == "قم"
    other = "جلسه شورای شهر برگزار شد. تهران و تهران و قم."
    assert finder.host(other, [(0, 14)], 0, 14) == "تهران"
