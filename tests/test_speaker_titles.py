"""Which official a title belongs to: anaphors, verbs of going on, shared complements, surnames."""

from __future__ import annotations

from collections import Counter

import muni_ie


def _titles(doc) -> dict[str, list[str]]:
    return {o.name: o.titles for o in doc.officials}


def _speakers(doc) -> Counter:
    return Counter(st.speaker for st in doc.statements)


def test_demonstrative_title_is_the_last_speaker():
    doc = muni_ie.extract("علیرضا کاظمی، شهردار کرج در جلسه امروز گفت: طرح توسعه ادامه دارد.\n"
                          "این عضو شورای عالی استان‌ها افزود: بودجه طرح تامین شده است.")
    assert _titles(doc)["علیرضا کاظمی"] == ["شهردار کرج", "عضو شورای عالی استان‌ها"]
    assert _speakers(doc) == {"علیرضا کاظمی": 2}


def test_title_before_a_verb_of_going_on_is_the_last_speaker():
    doc = muni_ie.extract("محمود نادری در نشست خبری گفت: پروژه تا پایان سال تمام می‌شود.\n"
                          "رئیس کمیسیون عمران شورای شهر ساری ادامه داد: اعتبار آن پیش‌بینی شده است.")
    assert _titles(doc)["محمود نادری"] == ["رئیس کمیسیون عمران شورای شهر ساری"]
    assert _speakers(doc) == {"محمود نادری": 2}


def test_a_title_with_also_or_a_plain_verb_is_someone_else():
    for second in ("رئیس کمیسیون عمران شورای شهر ساری نیز افزود: اعتبار آن پیش‌بینی شده است.",
                   "رئیس کمیسیون عمران شورای شهر ساری گفت: اعتبار آن پیش‌بینی شده است."):
        doc = muni_ie.extract("محمود نادری در نشست خبری گفت: پروژه تا پایان سال تمام می‌شود.\n" + second)
        assert _titles(doc)["محمود نادری"] == []
        assert _speakers(doc)["محمود نادری"] == 1


def test_demonstrative_title_of_someone_introduced_unnamed_is_not_the_last_speaker():
    doc = muni_ie.extract("محمود نادری گفت: پروژه تا پایان سال تمام می‌شود.\n"
                          "در همین ارتباط یک عضو شورای شهر ساری گفت: اعتبار آن کم است.\n"
                          "این عضو شورای شهر ساری افزود: باید بودجه بیشتری داد.")
    assert _titles(doc)["محمود نادری"] == []


def test_one_post_with_a_modifier_or_shortened_is_one_title():
    doc = muni_ie.extract("مهدی فرجی شهردار ساری شد. شورای شهر مهدی فرجی را به عنوان شهردار جدید ساری معرفی کرد.")
    assert _titles(doc)["مهدی فرجی"] == ["شهردار ساری"]
    doc = muni_ie.extract("حسن رضوانی، نماینده مردم بابل در مجلس شورای اسلامی گفت: طرح تصویب شد.\n"
                          "این نماینده مردم افزود: اجرای آن از سال آینده است.")
    assert _titles(doc)["حسن رضوانی"] == ["نماینده مردم بابل در مجلس شورای اسلامی"]


def test_title_inside_an_adjunct_is_not_the_subject():
    doc = muni_ie.extract("پیش از بازدید استاندار مازندران از این طرح، مهندس کریم صالحی، مدیرکل راه و شهرسازی "
                          "استان گفت: کار تمام شده است.\nحسین امیری تصریح کرد: افتتاح به زودی است.")
    assert _speakers(doc) == {"کریم صالحی": 1, "حسین امیری": 1}
    assert _titles(doc)["حسین امیری"] == []
    doc = muni_ie.extract("استاندار مازندران در بازدید از این طرح، با اشاره به پیشرفت کار گفت: کار تمام شده است.\n"
                          "حسین امیری در این بازدید افزود: افتتاح به زودی است.")
    assert _titles(doc)["حسین امیری"] == ["استاندار مازندران"]


def test_a_name_after_a_semicolon_opens_the_subject():
    doc = muni_ie.extract("این فیلم را مسعود کریمی ساخته است؛ رضا نوری مدیر فیلمبرداری این اثر گفت: کار سختی بود.")
    assert _speakers(doc) == {"رضا نوری": 1}


def test_coordinated_heads_share_one_body():
    doc = muni_ie.extract("علی کریمی به همراه مهندس حسن صدری، رئیس و تنی چند از اعضای شورای اسلامی شهر ساری "
                          "از این پروژه بازدید کرد.")
    assert _titles(doc)["حسن صدری"] == ["رئیس شورای اسلامی شهر ساری"]
    doc = muni_ie.extract("علی کریمی به همراه مهندس حسن صدری، رئیس و اعضای خانواده‌اش از این پروژه بازدید کرد.")
    assert _titles(doc)["حسن صدری"] == []


def test_title_after_the_surname_of_a_named_person():
    doc = muni_ie.extract("وزیر در پاسخ به سوال شکری نماینده بابل درباره این طرح گفت: طرح اجرا می‌شود.\n"
                          "وزیر افزود: آقای شکری گفتند که اجرای طرح کند است.")
    assert _titles(doc)["شکری"] == ["نماینده بابل"]
    # a word opening its line before the surname may be another person's first name
    doc = muni_ie.extract("بابک رضایی مدیر دفتر موسیقی گفت: اجرا خوب بود.\n"
                          "نادره رضایی، معاون امور هنری وزارت ارشاد، نیز گفت: برنامه ادامه دارد.")
    assert _titles(doc)["بابک رضایی"] == ["مدیر دفتر موسیقی"]


def test_lead_title_goes_to_the_person_named_with_its_fuller_form():
    doc = muni_ie.extract("وزیر راه در آیین افتتاح این بزرگراه گفت: کار تمام شد.\n"
                          "به گزارش ایرنا، محمد اسلامی، وزیر راه و شهرسازی در این آیین افزود: بزرگراه باز شد.")
    assert _speakers(doc) == {"محمد اسلامی": 2}


def test_a_surname_alone_later_names_the_earlier_full_name_before_speakers_are_resolved():
    """«کاشانچی ادامه داد» names the man whom «به گزارش ایرنا، پیروز کاشانچی … اظهار داشت»
    introduced (a first name the lists know only as a word): that clause and the «وی» after it
    are his too."""
    doc = muni_ie.extract(
        "شهردار کرج با اشاره به ساخت بیمارستان اعلام کرد: این طرح تا پایان سال آماده است.\n"
        "به گزارش ایرنا، پیروز کاشانچی شامگاه دوشنبه در جمع خبرنگاران اظهار داشت: بودجه طرح تامین شده است.\n"
        "وی در مورد زمان افتتاح گفت: افتتاح در بهار خواهد بود.\n"
        "کاشانچی ادامه داد: همکاری دستگاه‌ها لازم است.")
    assert _speakers(doc) == {"پیروز کاشانچی": 4}
    assert _titles(doc) == {"پیروز کاشانچی": ["شهردار کرج"]}
