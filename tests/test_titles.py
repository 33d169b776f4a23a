"""Title recognizer and honorifics on real Persian phrasing (examples corpus + seed articles)."""

from __future__ import annotations

import pytest
import regex

from muni_ie.recognizers.titles import Honorifics, TitleRecognizer
from muni_ie.resources import packaged_rows
from muni_ie.text.normalize import normalize

EXAMPLES = packaged_rows("examples/titles.tsv")


@pytest.fixture(scope="module")
def titles() -> TitleRecognizer:
    return TitleRecognizer()


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[r[0][:40] for r in EXAMPLES])
def test_examples_corpus(titles, text, expected):
    t = normalize(text).text
    got = " | ".join(m.text for m in titles.find(t)) or "-"
    assert got == normalize(expected).text


def test_offsets_index_the_given_text(titles):
    t = "محمود مسگریان، رئیس شورای شهر همدان نیز در این جلسه گفت"
    (m,) = titles.find(t)
    assert t[m.start:m.end] == m.text == "رئیس شورای شهر همدان"


def test_head_is_canonical_and_org_is_the_body(titles):
    t = normalize("رییس سازمان حمل و نقل و ترافیک شهرداری شیراز گفت").text
    (m,) = titles.find(t)
    assert m.head == "رئیس"
    assert m.org == "سازمان حمل و نقل و ترافیک شهرداری شیراز"


def test_place_head_gets_its_body_as_org(titles):
    (m,) = titles.find("معاون هماهنگی امور عمرانی استاندار سمنان در این نشست گفت")
    assert (m.head, m.org) == ("معاون", "استانداری سمنان")
    (m,) = titles.find("وزیر کشور گفت")
    assert m.org == "وزارت کشور"


def test_title_stops_before_a_name_without_comma(titles):
    (m,) = titles.find("شهردار همدان سید مسعود حسینی در اجلاس گفت")
    assert m.text == "شهردار همدان"
    (m,) = titles.find("معاون فنی و عمرانی شهرداری تهران محمد رضایی افزود")
    assert m.text == "معاون فنی و عمرانی شهرداری تهران"


def test_shahrdar_inside_shahrdari_and_plurals_are_not_titles(titles):
    assert titles.find("شهرداری همدان و شهرداران استان و معاونان وزیر") == []


def test_demonstrative_keeps_a_full_title_but_not_a_bare_head(titles):
    assert [m.text for m in titles.find("این عضو کمیسیون فرهنگی مجلس تاکید کرد")] == ["عضو کمیسیون فرهنگی مجلس"]
    assert titles.find("این شهردار گفت") == []


def test_seed_articles_titles_found(titles, seeds):
    found = {m.text for s in seeds for m in titles.find(normalize(s["text"]).text)}
    for want in ("معاون هماهنگی امور عمرانی استاندار سمنان", "شهردار همدان", "رئیس شورای شهر همدان"):
        assert want in found


def test_real_news_titles_are_short_and_well_formed(titles, news_sample):
    for art in news_sample[:120]:
        t = normalize(art["text"]).text
        for m in titles.find(t):
            assert t[m.start:m.end] == m.text
            assert "\n" not in m.text and len(m.text.split()) <= 20
            assert not m.text.endswith(("،", ":", " و"))


def test_honorifics_strip_keeps_lineage():
    strip = Honorifics().strip
    assert strip("دکتر سید محمدحسین سیف‌السادات") == (["دکتر"], "سید محمدحسین سیف‌السادات")
    assert strip("حجت‌الاسلام والمسلمین علی رضایی") == (["حجت‌الاسلام والمسلمین"], "علی رضایی")
    assert strip("مهندس حسینی") == (["مهندس"], "حسینی")


def test_honorifics_never_strip_a_name_to_nothing_and_keep_amir_as_a_name():
    strip = Honorifics().strip
    assert strip("آقای قاضی") == (["آقای"], "قاضی")
    assert strip("امیر حسینی") == ([], "امیر حسینی")


def test_honorific_pattern_matches_titles_not_lineage():
    pat = regex.compile(Honorifics().pattern())
    assert pat.match("حجت‌الاسلام رضایی").group() == "حجت‌الاسلام"
    assert pat.match("دکتر علی")
    assert pat.match("حجت الاسلام والمسلمین رضایی").group() == "حجت الاسلام والمسلمین"
    assert pat.match("سید محمد") is None
