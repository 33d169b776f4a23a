"""Reporting clauses and their speakers on real seed articles."""

from __future__ import annotations

from collections import Counter

import muni_ie
from muni_ie.events.statements import StatementFinder
from muni_ie.text.normalize import normalize
from muni_ie.text.segment import paragraphs, sentences


def _clauses(raw: str):
    text = normalize(raw).text
    paras = paragraphs(text)
    return text, StatementFinder().find(text, sentences(text, paras), paras)


def test_reporting_verbs_match_without_zwnj_and_with_arabic_letters():
    text, cl = _clauses("وی تاكيد كرد: شهر امن است.\nامینی اظهارکرد: بودجه کم است.\nاو میگوید: کار تمام شد.")
    assert [text[a:b] for a, b in (c.trigger for c in cl)] == ["تاکید کرد", "اظهارکرد", "می\u200cگوید"]


def test_conversation_noun_and_agency_lead_are_not_statements():
    _, cl = _clauses("به گزارش خبرگزاری صدا و سیما، در گفت و گو با مردم سخنی نرفت.")
    assert cl == []


def test_two_verbs_in_one_sentence_are_one_statement():
    text, cl = _clauses("مجری طرح از انعقاد قرارداد خبر داد و به ایسنا گفت: قرارداد بسته شد.")
    assert len(cl) == 1 and text[slice(*cl[0].trigger)] == "خبر داد"


def test_seed_speakers_resolve_through_pronouns_surnames_and_titles(seeds):
    doc = muni_ie.extract(seeds[0]["text"], id=seeds[0]["id"])
    counts = Counter(st.speaker for st in doc.statements)
    assert counts["رضا امینی"] == 4  # «گفت», «او افزود», «امینی تأکید کرد», «وی گفت»
    assert counts["فرج\u200cالله ایلیات"] == 3
    assert counts["سید محمدحسین سیف\u200cالسادات"] == 3  # the lead gives only his title


def test_lead_title_belongs_to_the_person_named_next(seeds):
    doc = muni_ie.extract(seeds[1]["text"], id=seeds[1]["id"])
    mayor = next(o for o in doc.officials if o.name.endswith("حسینی"))
    assert any("شهردار همدان" in t for t in mayor.titles)
    assert Counter(st.speaker for st in doc.statements)[mayor.name] >= 11


def test_names_in_a_list_of_officials_get_their_own_titles():
    doc = muni_ie.extract("این مراسم با حضور محمدحسن ملک مدنی شهردار تهران، عباس دوزدوزانی رئیس شورای اسلامی "
                          "شهر تهران و محسن هاشمی مدیرعامل شرکت متروی تهران برگزار شد. هاشمی گفت: کار ادامه دارد.")
    titles = {o.name: o.titles for o in doc.officials}
    assert titles["محمدحسن ملک مدنی"] == ["شهردار تهران"]
    assert titles["عباس دوزدوزانی"] == ["رئیس شورای اسلامی شهر تهران"]
    assert [st.speaker for st in doc.statements] == ["محسن هاشمی"]


def test_surname_first_then_full_name_with_an_unlisted_first_name():
    doc = muni_ie.extract("حناچی: ساختمان ایمن است.\nبه گزارش تابناک به نقل از ایرنا، پیروز حناچی شامگاه دوشنبه "
                          "اظهار داشت: ساختمان ایمن است.\nحناچی افزود: کار ادامه دارد.")
    assert [o.name for o in doc.officials] == ["پیروز حناچی"]
    assert Counter(st.speaker for st in doc.statements) == {"پیروز حناچی": 2}


def test_common_words_after_a_first_name_are_not_people():
    doc = muni_ie.extract("این کار را در کمتر عرصه ای می‌یابیم و فرهنگ درختکاری باید ترویج شود. "
                          "بسم الله الرحمن الرحیم. ارزش فرانک سوئیس بالا رفت.")
    assert doc.officials == []
