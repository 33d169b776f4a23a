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
