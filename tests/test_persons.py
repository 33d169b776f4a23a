"""Person names: the gate and token windows must find exactly what a scan of every token finds."""

from __future__ import annotations

import pytest

from muni_ie.recognizers import persons as P
from muni_ie.recognizers.titles import TitleRecognizer
from muni_ie.text.normalize import normalize
from muni_ie.text.tokens import token_spans


@pytest.fixture(scope="module")
def persons() -> P.PersonRecognizer:
    return P.PersonRecognizer()


def _every_token(pr: P.PersonRecognizer, text: str, titles: list[tuple[int, int]]) -> list[P.PersonMention]:
    """The recognizer as a loop over all tokens of the text, with all of them in one window and
    bare surnames before titles read from the token list."""
    win = P._Window(text, 0, len(text))
    starts = {s for s, _ in titles}
    ends = {e for _, e in titles}
    found, weak, i = [], [], 0
    while i < len(win.words):
        m = pr._match(text, win, i, starts, ends, weak) if pr._may_open(win.words, i) else None
        if m is None:
            i += 1
            continue
        found.append(m[0])
        i = m[1]
    toks, words, taken = win.starts, win.words, [(m.start, m.end) for m in found]
    for k in range(1, len(toks)):
        if toks[k] not in starts or not pr._lone_surname(words[k - 1]):
            continue
        start = k - 1
        if P._plain(words[start - 1]) not in pr.lex.stopwords:
            opener = words[k - 2] if k >= 3 else ""
            if not (pr.lex.is_surname_like(opener) and not opener.endswith("ای") and not words[k - 3][0].isalpha()):
                continue
            start = k - 2
        a, b = toks[start], win.end(k - 1)
        if not any(x < b and a < y for x, y in taken):
            found.append(P.PersonMention(a, b, " ".join(words[start:k]), (), start == k - 2))
    found.sort(key=lambda m: m.start)
    found = pr._listed(text, found, weak)
    return [m for m in found if not P._is_byline(text, m)]


def test_gate_and_windows_find_what_every_token_finds(persons, news_sample):
    titles = TitleRecognizer()
    for art in news_sample:
        t = normalize(art["text"]).text
        spans = [(m.start, m.end) for m in titles.find(t)]
        assert persons.find(t, spans) == _every_token(persons, t, spans), t[:80]


@pytest.mark.parametrize("text", [
    "علی رضایی گفت",  # a name at the very start
    "به گفته \u200cعلی رضایی و امیر\u200cحسین کریمی",  # ZWNJ before and inside first names
    "حجت الاسلام حسن روحانی و سرکار خانم مریم احمدی",  # honorifics written as two words
    "فرج الله سلجوقی و عطاء الله مهاجرانی",  # «... الله»: the word before opens
    "سازمان" * 12 + " دکتر سید علی رضایی",  # a long word: the window must widen backwards
    "دکتر حجت الاسلام والمسلمین آیت الله سید " + "علی " * 3 + "رضایی شهردار",  # a long run of honorifics
    "علی، گفت و علی در تهران",  # first names with no surname after them
    "امام خمینی و شهید بهشتی و سردار سلیمانی",  # blockers: settled before any window
    "حسن  رضایی، علی، کریمی و حسن رضایی‌فر\nمحمد\nاحمدی",  # the word after read by the regex
])
def test_hard_cases_agree_with_every_token(persons, text):
    assert persons.find(text) == _every_token(persons, text, [])


def test_first_name_without_a_surname_is_settled_from_the_text(persons):
    text = "حسن در تهران و حسن رضایی"
    (p1, w1), (p2, w2), _ = persons._candidates(text)  # («رضایی» is a first name too)
    assert persons._opens_no_name(text, p1, w1)  # «در» is no surname: no window is needed
    assert not persons._opens_no_name(text, p2, w2)
    assert [m.name for m in persons.find(text)] == ["حسن رضایی"]


def test_the_word_after_a_first_name_is_read_with_or_without_the_regex(persons):
    """One space and a word of letters alone are read directly; anything else goes to ``_NEXT``."""
    for text, settled in [("حسن رضایی", False), ("حسن در", True), ("حسن رضایی‌فر", False), ("حسن  در", True),
                          ("حسن،رضایی", True), ("حسن «رضایی»", True), ("حسن", True), ("حسن ", True)]:
        p, w = persons._candidates(text)[0]  # («رضایی» is a first name too)
        assert persons._opens_no_name(text, p, w) is settled, text


def test_a_blocker_opens_no_name_before_any_window(persons):
    text = "امام خمینی"
    ((p, w),) = persons._candidates(text)
    assert persons._opens_no_name(text, p, w)
    assert persons.find(text) == []


def test_gate_sees_only_words_a_name_opens_on(persons):
    text = "مدیرکل آموزش و پرورش استان گفت که این طرح اجرا شد"
    assert persons._candidates(text) == []
    assert persons.find(text) == []


def test_own_lexicon_gets_its_own_gate():
    lex = P.default_lexicon()
    mine = P.NameLexicon(frozenset({"زریر"}), frozenset(), lex.title_honorifics, lex.lineage, lex.stopwords,
                         lex.blockers, lex.suffixes, lex.common_words, lex.surnames | {"پارسا"}, lex.noun_endings)
    pr = P.PersonRecognizer(mine)
    assert [m.name for m in pr.find("زریر پارسا و علی رضایی آمدند")] == ["زریر پارسا"]


def test_later_uses_of_a_surname_are_counted_on_tokens(news_sample):
    """``_recurs`` and ``_second_surname`` read the text: the same counts as on the token list."""
    for art in news_sample[:60]:
        t = normalize(art["text"]).text
        spans = token_spans(t)
        words = [t[a:b] for a, b in spans]
        for k in range(1, len(words), 7):
            w, before = words[k], words[k - 1]
            if not (w.replace("\u200c", "").isalpha() and before.replace("\u200c", "").isalpha()):
                continue  # (both are words of a name there)
            later = [j for j in range(k + 1, len(words)) if words[j] == w]
            assert list(P._occurrences(t, w, spans[k][1])) == [spans[j][0] for j in later]
            assert P._recurs(t, w, before, spans[k][1]) == sum(words[j - 1] != before for j in later)


@pytest.mark.parametrize("text", [
    "شاکری وزیر بهداشت گفت و",  # a bare surname as the first word: «the word before» is the text's last
    "شاکری وزیر بهداشت آمد.",
    "با حضور نخعی‌نژاد معاون وقت استاندار",
    "اقبال شاکری عضو سابق شورای شهر گفت",
])
def test_bare_surnames_before_titles_agree_with_every_token(persons, text):
    spans = [(m.start, m.end) for m in TitleRecognizer().find(text)]
    assert spans
    assert persons.find(text, spans) == _every_token(persons, text, spans)


@pytest.mark.parametrize("text", [
    "فیلم تازه او در پردیس سینمایی کوروش اکران می‌شود.",
    "بانک مرکزی اعلام کرد نرخ ارز در بازار آزاد ارز کاهش یافت.",
    "مردم خواستار عیدی کارگران شدند و عیدی کارگران باید زودتر پرداخت شود.",
])
def test_a_first_name_before_a_word_the_ner_corpora_never_tag_as_a_name_is_no_person(persons, text):
    """«اکران», «ارز», «کارگران» are frequent in the NER corpora and never inside a PER span
    (ner_common_words.txt): after «کوروش», «آزاد», «عیدی» they make no surname."""
    assert persons.find(normalize(text).text) == []


def test_a_common_word_surname_still_counts_with_a_title(persons):
    text = normalize("حمید جهانی، شهردار کرج، گفت: ۹۸ مسئله شهری شناسایی شد.").text
    titles = TitleRecognizer().find(text)
    assert [m.name for m in persons.find(text, [(t.start, t.end) for t in titles])] == ["حمید جهانی"]


def test_ner_common_words_hold_no_frequent_surname():
    from muni_ie.resources import packaged_lines

    words = set(packaged_lines("ner_common_words.txt"))
    assert {"تیم", "سینمایی", "اکران"} <= words
    assert not {"حسینی", "هاشمی", "رضایی", "عارف", "باقری", "کریمی"} & words


def test_a_common_word_before_a_light_verb_is_no_surname(persons):
    """«انجام شود» is a compound verb: after the first name «معین» («specific») the noun «انجام»
    makes no surname, and its later uses before a light verb are no references back to one."""
    text = normalize("تعیین مدیران با شاخصه‌های معین انجام شود. کار انجام شد و ارزیابی انجام می‌شود "
                     "و بازرسی هم انجام شد.").text
    assert persons.find(text) == []


def test_a_common_word_surname_that_comes_back_as_a_name_still_counts(persons):
    """«عارف» is a common word too, but it comes back alone before no light verb: a surname."""
    text = normalize("محمدرضا عارف در نشست مشترک سخن گفت. عارف با اشاره به عملکرد شهرداری افزود: "
                     "باید کار کنیم. عارف همچنین گفت: شورا مهم است.").text
    assert [m.name for m in persons.find(text)] == ["محمدرضا عارف"]


@pytest.mark.parametrize("text, names", [
    ("یک دکتر برش‌های کوچکی روی سر به وجود آورده است.", []),
    ("فیلم تازه را امید بازی‌های زیادی دید و شیرین قصه‌های تازه‌ای گفت.", []),
    ("سید محمد موسوی خوئینی‌ها در این نشست سخن گفت.", ["سید محمد موسوی خوئینی‌ها"]),
])
def test_a_plural_is_no_surname_but_a_family_name_in_i_ha_is(persons, text, names):
    """«برش‌های», «بازی‌های», «قصه‌های» are plurals; «خوئینی‌ها» is a known family name."""
    assert [m.name for m in persons.find(normalize(text).text)] == names


@pytest.mark.parametrize("text", [
    # «فرهنگ» is a first name and a common word; «ایرانی» comes back after nouns only: an adjective
    "پاسداری از فرهنگ ایرانی وظیفه ماست. هنر ایرانی و معماری ایرانی در جهان شناخته شده است.",
    "قیمت پروانه ساختمانی بالا رفت و عوارض ساختمانی و نقشه ساختمانی گران شد.",
])
def test_after_an_ambiguous_first_name_a_common_word_coming_back_after_nouns_is_no_surname(persons, text):
    assert persons.find(normalize(text).text) == []


def test_after_an_ambiguous_first_name_a_common_word_coming_back_after_a_mark_is_a_surname(persons):
    """The same common word counts when it comes back where a name stands: after a mark or a
    function word («گفت: ایرانی», «و ایرانی»)."""
    text = normalize("فرهنگ ایرانی در نشست سخن گفت. به گفته وی، ایرانی با اشاره به عملکرد شهرداری "
                     "افزود: باید کار کنیم و ایرانی همچنین گفت: شورا مهم است.").text
    assert [m.name for m in persons.find(text)] == ["فرهنگ ایرانی"]


@pytest.mark.parametrize("text", [
    "کریم می‌اندازد و می‌رود و کریم دوباره بازمی‌گردد.",
    "او گفت: رها نمی‌کردند و رها هم نمی‌کنند.",
])
def test_a_verb_with_its_prefix_is_no_surname(persons, text):
    """«می‌اندازد», «نمی‌کردند»: a word opening in «می‌»/«نمی‌» is a verb."""
    assert persons.find(normalize(text).text) == []


def test_a_free_zone_is_no_person(persons):
    """«منطقه آزاد انزلی»: after «منطقه» the first name «آزاد» opens no name."""
    text = normalize("سهام باشگاه به منطقه آزاد انزلی واگذار شد. سازمان منطقه آزاد انزلی حمایت کرد. "
                     "انزلی شهری بندری است.").text
    assert persons.find(text) == []


@pytest.mark.parametrize("text, names", [
    ("همان شب دفتر آیت‌الله العظمی جوادی آملی اطلاعیه‌ای صادر کرد.", ["جوادی آملی"]),
    ("در این مراسم حجت الاسلام و المسلمین حسین صنعت پور سخن گفت.", ["حسین صنعت‌پور"]),
    ("ممکن است در کنار هزاران قاضی و کارمند پاکدامن، متخلفی نیز باشد.", []),
    ("به گزارش ایسنا، امیر سرتیپ دوم خلبان علی عفیف فرمانده هوانیروز اصفهان گفت: آماده‌ایم.", ["علی عفیف"]),
])
def test_honorifics_of_two_words_and_the_clerical_tail(persons, text, names):
    """«آیت‌الله العظمی», «سرتیپ دوم» are one honorific; «و» joins «المسلمین» only, not the next noun."""
    assert [m.name for m in persons.find(normalize(text).text)] == names


@pytest.mark.parametrize("text", [
    "یک استاد علوم اجتماعی دانشگاه تهران گفت: شهر نیازمند برنامه است.",
    "قاضی پرونده در جلسه دادگاه حکم را قرائت کرد.",
    "خلبان هواپیما پس از پرواز به برج مراقبت خبر داد.",
])
def test_after_an_honorific_alone_a_common_word_is_no_surname(persons, text):
    assert persons.find(normalize(text).text) == []


def test_after_an_honorific_alone_a_common_word_used_again_as_a_name_is_a_surname(persons):
    """«آزمون» is a common word, but it comes back alone after a mark: the player's surname."""
    text = normalize("سردار آزمون در این بازی دو گل زد. آزمون افزود: کار ادامه دارد.").text
    assert [m.name for m in persons.find(text)] == ["آزمون"]


@pytest.mark.parametrize("text, names", [
    ("به گفته استاد مهندسی شیمی دانشگاه، این روش تازه است. در مهندسی مواد هم کار پیش رفت.", []),
    ("تا اینکه روزی آقای انتظامی به خانه من آمد و گفت کارگردان منتظر است.", ["انتظامی"]),
])
def test_after_a_profession_a_word_never_tagged_a_name_is_none_but_after_a_form_of_address_it_is(
        persons, text, names):
    """«مهندسی», «انتظامی» are words the NER corpora never tag as names: after «استاد» that is a
    field, after «آقای» a surname."""
    assert [m.name for m in persons.find(normalize(text).text)] == names


@pytest.mark.parametrize("text, names", [
    ("مجلس باید بر حسن اجرای قوانین نظارت کند. اجرای طرح‌ها و اجرای بودجه هم مهم است.", []),
    ("فیلم‌های تازه فرخنده سینمای ایران را نشان داد و سینمای جهان و سینمای کودک هم آمدند.", []),
    ("حامد کرزای رئیس‌جمهور پیشین افغانستان به تهران آمد.", ["حامد کرزای"]),
])
def test_a_common_noun_in_alef_with_its_ezafe_is_no_surname(persons, text, names):
    """«اجرای», «سینمای» are «اجرا», «سینما» with the ezafe «ی»; «کرزای» is no common noun."""
    assert [m.name for m in persons.find(normalize(text).text)] == names


def test_a_title_ending_in_a_body_head_takes_the_next_words_as_its_name(persons):
    """«عضو سازمان» wants the body's name: «پیمان آتلانتیک» after it is no person in apposition."""
    text = normalize("بلغارستان، این کشور فقیر عضو سازمان پیمان آتلانتیک شمالی، سرباز اعزام کرد.").text
    titles = [(t.start, t.end) for t in TitleRecognizer().find(text)]
    assert any(text[s:e].endswith("سازمان") for s, e in titles)
    assert persons.find(text, titles) == []


@pytest.mark.parametrize("text, names", [
    # «اسلامی», «قهرمانی» are common words: alone they would need more evidence
    ("حامد علیپور، زهره اسلامی و محمد بانوج از جمله بازیگران این فیلم هستند.",
     ["حامد علیپور", "زهره اسلامی", "محمد بانوج"]),
    ("هیئت داوران متشکل از کامران سپهران، محمدباقر قهرمانی و زهرا خسروی نامزدها را معرفی کرد.",
     ["کامران سپهران", "محمدباقر قهرمانی", "زهرا خسروی"]),
    # one more word before the comma belongs to the item
    ("بازیکنان علی عموری، بختیار رحمانی، مهدی چاه جویی، سعید خلافی و مهدی دغاغله هستند.",
     ["علی عموری", "بختیار رحمانی", "مهدی چاه جویی", "سعید خلافی", "مهدی دغاغله"]),
])
def test_a_name_short_of_evidence_counts_in_a_list_of_names(persons, text, names):
    assert [m.name for m in persons.find(normalize(text).text)] == names


def test_a_list_without_a_name_found_adds_no_weak_name(persons):
    """«زهره اسلامی» alone, in a list of plain nouns, stays short of evidence."""
    text = normalize("فرهنگ، زهره اسلامی و هنر در این نمایشگاه دیده می‌شود.").text
    assert persons.find(text) == []


@pytest.mark.parametrize("text, names", [
    ("در این رقابت حسینی وزن خود را کم کرد. وزن ورزشکاران پیش از مسابقه و وزن کشتی‌گیران ثبت شد.", []),
    ("در این مراسم هاشمی رفسنجانی سخن گفت و رفسنجانی افزود: کار ادامه دارد.", ["هاشمی رفسنجانی"]),
])
def test_a_first_name_that_is_a_first_name_plus_i_is_no_evidence_before_a_common_word(persons, text, names):
    """«حسینی» is «حسین» + «ی»: listed as a first name, mostly a surname; «وزن» after it is a noun."""
    assert [m.name for m in persons.find(normalize(text).text)] == names


@pytest.mark.parametrize("text, names", [
    ("صدور ۴۰ پروانه اکتشافی برای آن مناطق انجام شد. عملیات اکتشافی در این مناطق ادامه دارد.", []),
    ("مسابقه با حضور ۱۰۰ خانم دونده برگزار شد و دونده برتر جایزه گرفت.", []),
    ("در سال ۸۹ مریم ایراندوست به تیم ملی دعوت شد.", ["مریم ایراندوست"]),
])
def test_after_a_number_an_ambiguous_first_name_or_a_form_of_address_is_a_counted_noun(persons, text, names):
    assert [m.name for m in persons.find(normalize(text).text)] == names
