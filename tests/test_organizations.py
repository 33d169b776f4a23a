"""Organization recognizer on real Persian phrasing (examples corpus + seed articles)."""

from __future__ import annotations

import pytest

from muni_ie.recognizers.organizations import OrganizationRecognizer
from muni_ie.recognizers.phrase_grammar import PhraseGrammar
from muni_ie.resources import packaged_rows
from muni_ie.text.normalize import normalize

EXAMPLES = packaged_rows("examples/organizations.tsv")


@pytest.fixture(scope="module")
def orgs() -> OrganizationRecognizer:
    return OrganizationRecognizer()


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[r[0][:40] for r in EXAMPLES])
def test_examples_corpus(orgs, text, expected):
    t = normalize(text).text
    got = " | ".join(m.name for m in orgs.find(t)) or "-"
    assert got == normalize(expected).text


def test_offsets_and_quotes(orgs):
    t = "شرکت «نیرو محرکه» برای موتورسیکلت‌ها برنده شد"
    (m,) = orgs.find(t)
    assert t[m.start:m.end] == "شرکت «نیرو محرکه»"
    assert m.name == "شرکت نیرو محرکه"


def test_stripped_zwnj_plural_is_not_a_municipality(orgs):
    assert orgs.find("شهرداری ها و شهرداریهای کوچک") == []


def test_seed_articles(orgs, seeds):
    names = {m.name for s in seeds for m in orgs.find(normalize(s["text"]).text)}
    for want in ("وزارت کشور", "استانداری سمنان", "شهرداری همدان", "شورای شهر همدان", "خبرگزاری صدا و سیما"):
        assert want in names
    assert "سازمان" not in names and "شهرداری" not in names


def test_without_gazetteer_any_plausible_word_is_a_place():
    g = PhraseGrammar(places=())
    found = [m.name for m in OrganizationRecognizer(g).find("شهرداری نیکشهر اعلام کرد")]
    assert found == ["شهرداری نیکشهر"]


def test_gazetteer_rejects_frequent_words_after_place_heads(orgs):
    assert orgs.find("اعتبارات شهرداری معمولا از محل عوارض تامین می‌شود") == []
    assert [m.name for m in orgs.find("فرمانداری قاینات اعلام کرد")] == ["فرمانداری قاینات"]


def test_real_news_names_are_well_formed(orgs, news_sample):
    for art in news_sample[:120]:
        t = normalize(art["text"]).text
        for m in orgs.find(t):
            assert "\n" not in t[m.start:m.end] and len(m.name.split()) <= 20
            assert m.name not in ("شهرداری", "سازمان", "شورای شهر", "شهرداری‌ها")


def test_short_name_joins_the_full_name_in_the_document_list():
    """«مجلس» and «مجلس شورای اسلامی» in one article are one body; both mentions stay."""
    import muni_ie

    text = ("نماینده مردم اراک در مجلس شورای اسلامی گفت: لایحه مالیات بر ارزش افزوده "
            "هفته آینده در مجلس بررسی می‌شود و شورای نگهبان نیز آن را می‌بیند.")
    doc = muni_ie.extract(text)
    names = [o.name for o in doc.organizations]
    assert names == ["مجلس شورای اسلامی", "شورای نگهبان"]
    spans = doc.organizations[0].mentions
    assert [text[a:b] for a, b in spans] == ["مجلس شورای اسلامی", "مجلس"]


def test_short_name_stays_when_only_another_body_shares_its_head():
    """«مجلس» is the parliament, not «مجلس خبرگان»: with no full name it is listed as written."""
    import muni_ie

    text = "اعضای مجلس خبرگان رهبری امروز نشست داشتند و نمایندگان مجلس نیز در این جلسه بودند."
    names = sorted(o.name for o in muni_ie.extract(text).organizations)
    assert names == ["مجلس", "مجلس خبرگان رهبری"]
