"""Date resolution: expressions found and resolved, the date of an event span, and invariants."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.dates import (
    KINDS,
    DateResolver,
    infer_year,
    nearest_weekday,
    year_from_weekday,
)
from kronik.lang import load_entries

from articles import PUB, article_of


@pytest.fixture(scope="module")
def resolver():
    return DateResolver(("id", "en"))


def only(resolver, text, published=PUB):
    mentions = resolver.resolve(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    "text, published, expression, value, precision",
    [
        # explicit dates
        ("Kedua menteri bertemu di Jakarta pada 16 Januari 2024.", PUB, "pada 16 Januari 2024", "2024-01-16", "day"),
        ("Kedua menteri bertemu pada 16 Januari.", PUB, "pada 16 Januari", "2024-01-16", "day"),
        ("Harga beras naik sejak Januari 2024.", PUB, "sejak Januari 2024", "2024-01", "month"),
        ("Presiden tiba di Bandung (29/1/2024).", dt.date(2024, 1, 30), "(29/1/2024)", "2024-01-29", "day"),
        ("Indonesia dan Malaysia pada Senin (29/1/2024) sepakat.", dt.date(2024, 1, 30), "pada Senin (29/1/2024)",
         "2024-01-29", "day"),
        ("Rapat kabinet digelar di Bogor pada Selasa (16/02).", dt.date(2016, 2, 18), "pada Selasa (16/02)",
         "2016-02-16", "day"),
        ("Gubernur meninjau lokasi banjir (19/1).", PUB, "(19/1)", "2024-01-19", "day"),
        ("Sidang putusan digelar 19/1 di Jakarta.", PUB, "19/1", "2024-01-19", "day"),
        ("Dokumen itu bertanggal 2024-01-16.", PUB, "2024-01-16", "2024-01-16", "day"),
        ("The ceasefire took effect on January 16, 2024.", PUB, "on January 16, 2024", "2024-01-16", "day"),
        ("The talks were held on 16 January in Islamabad.", PUB, "on 16 January", "2024-01-16", "day"),
        # the year that puts a day/month on or before publication
        ("Polisi menangkap dua tersangka (29/12).", dt.date(2024, 1, 3), "(29/12)", "2023-12-29", "day"),
        # weekdays
        ("Menteri itu tiba di Jakarta pada hari Kamis.", PUB, "pada hari Kamis", "2024-01-18", "day"),
        ("Kedua pemimpin bertemu Kamis lalu di Istanbul.", PUB, "Kamis lalu", "2024-01-18", "day"),
        ("Polisi menangkap tersangka pada Kamis (18/1) malam.", PUB, "pada Kamis (18/1) malam", "2024-01-18", "day"),
        ("The army launched air strikes on Thursday.", PUB, "on Thursday", "2024-01-18", "day"),
        ("Wakil presiden meresmikan jembatan itu pada Senin.", dt.date(2025, 6, 19), "pada Senin", "2025-06-16",
         "day"),
        # relative to the publication day
        ("Presiden melantik tiga menteri hari ini.", PUB, "hari ini", "2024-01-20", "day"),
        ("Gubernur meninjau lokasi banjir kemarin.", PUB, "kemarin", "2024-01-19", "day"),
        ("Kapal itu ditahan kemarin lusa di Natuna.", PUB, "kemarin lusa", "2024-01-18", "day"),
        ("Rudal menghantam pelabuhan itu tadi malam.", PUB, "tadi malam", "2024-01-19", "day"),
        ("Gempa kecil terasa di Bogor semalam.", PUB, "semalam", "2024-01-19", "day"),
        ("Menteri Luar Negeri bertolak ke Brussel besok.", PUB, "besok", "2024-01-21", "day"),
        ("Kedua negara memulihkan hubungan bulan lalu.", PUB, "bulan lalu", "2023-12", "month"),
        ("Kedua negara saling serang bulan ini.", PUB, "bulan ini", "2024-01", "month"),
        ("Undang-undang itu disahkan tahun lalu.", PUB, "tahun lalu", "2023", "year"),
        ("Anggaran pertahanan naik tahun ini.", PUB, "tahun ini", "2024", "year"),
        ("The two countries restored ties last month.", PUB, "last month", "2023-12", "month"),
        ("The governor visited the district yesterday.", PUB, "yesterday", "2024-01-19", "day"),
        # months and years in date contexts
        ("Gudang senjata itu terbakar pada awal Mei.", dt.date(2026, 5, 27), "pada awal Mei", "2026-05", "month"),
        ("Pemerintah melonggarkan impor pada akhir April lalu.", dt.date(2025, 6, 18), "pada akhir April lalu",
         "2025-04", "month"),
        ("Banjir besar terjadi pada bulan Desember di Demak.", PUB, "pada bulan Desember", "2023-12", "month"),
        ("Larangan ekspor diberlakukan sejak Maret lalu.", dt.date(2025, 6, 18), "sejak Maret lalu", "2025-03", "month"),
        ("Nota kesepahaman itu diteken pada tahun 2023.", PUB, "pada tahun 2023", "2023", "year"),
        ("Partai itu didirikan pada 2012 di Surabaya.", PUB, "pada 2012", "2012", "year"),
        ("The memorandum was signed in 2023.", PUB, "in 2023", "2023", "year"),
    ],
)
def test_dates_resolves_expression(resolver, text, published, expression, value, precision):
    mention = only(resolver, text, published)
    assert (mention.text, mention.value, mention.precision) == (expression, value, precision)
    assert text[mention.start : mention.end] == mention.text
    assert mention.rule and ":" not in mention.rule


@pytest.mark.parametrize(
    "text, reason_word",
    [
        ("Kedua menteri sudah bertemu di Riyadh pekan lalu.", "week"),
        ("Kedua menteri sudah bertemu di Riyadh minggu lalu.", "week"),
        ("Harga beras naik tajam dalam sepekan terakhir.", "recent"),
        ("The two ministers met in Riyadh last week.", "week"),
    ],
)
def test_dates_vague_expression_has_no_value_and_says_why(resolver, text, reason_word):
    mention = only(resolver, text)
    assert mention.value is None and mention.precision is None
    assert reason_word in mention.rule


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah mengalokasikan Rp 9 miliar untuk program itu.",
        "Surat itu bernomor NK/6/IV/2023 dan ditandatangani panglima.",
        "Skor akhir pertandingan itu 3-1 untuk tuan rumah.",
        "Rapat dimulai pukul 19.40 WIB.",
        "Dia bilang mungkin Mei akan ikut.",
    ],
)
def test_dates_ignores_numbers_that_are_not_dates(resolver, text):
    assert resolver.resolve(text, PUB) == ()


def test_dates_future_marker_puts_day_month_ahead(resolver):
    mention = only(resolver, "KPK akan memeriksa saksi itu pada Kamis (25/1).")
    assert mention.value == "2024-01-25"
    past = only(resolver, "KPK memeriksa saksi itu pada Kamis (18/1).")
    assert past.value == "2024-01-18"


def test_dates_future_words_resolve_after_publication(resolver):
    assert only(resolver, "Pemungutan suara ulang digelar pada 14 Juli mendatang.").value == "2024-07-14"
    assert only(resolver, "Sidang lanjutan akan digelar Senin mendatang.").value == "2024-01-22"


@pytest.mark.parametrize(
    "text, published, value",
    [
        # the publication weekday itself is the publication day (news of the day)...
        ("Menteri itu tiba di Jakarta pada hari Sabtu.", PUB, "2024-01-20"),
        # ... but "Sabtu lalu" is the Saturday before it
        ("Menteri itu tiba di Jakarta Sabtu lalu.", PUB, "2024-01-13"),
        ("Tim SAR menemukan korban pada hari Selasa.", PUB, "2024-01-16"),
    ],
)
def test_dates_publication_weekday_means_publication_day(resolver, text, published, value):
    assert only(resolver, text, published).value == value


def test_dates_year_from_weekday_when_publication_unknown():
    resolver = DateResolver(("id",), today=dt.date(2025, 6, 1))
    mention = only(resolver, "Kedua menteri berbicara melalui telepon pada Jumat (19/1).", None)
    assert mention.value == "2024-01-19"  # 19 January 2024 was a Friday
    bare = only(resolver, "Kedua menteri berbicara pada hari Jumat.", None)
    assert bare.value is None and "unknown" in bare.rule


def test_dates_anchored_phrase_counts_from_earlier_date(resolver):
    text = "Polisi menggerebek gudang pada 16 Januari. Dua hari kemudian, jaksa menahan pemiliknya. Keesokan harinya, ia bebas."
    values = [m.value for m in resolver.resolve(text, PUB)]
    assert values == ["2024-01-16", "2024-01-18", "2024-01-19"]


def test_dates_anchored_phrase_without_anchor_is_unresolved(resolver):
    mention = only(resolver, "Dua hari kemudian, jaksa menahan pemilik gudang itu.")
    assert mention.value is None and "no earlier date" in mention.rule


def test_dates_stage_assigns_dates(resolver):
    assert (resolver.name, resolver.requires, resolver.assigns) == ("dates", ("text", "sentences", "published"),
                                                                  ("dates",))
    article = resolver(article_of("Presiden tiba di Kairo pada Senin (15/1)."))
    assert [m.value for m in article.dates] == ["2024-01-15"]


@pytest.mark.parametrize("code", ["id", "en"])
def test_dates_every_entry_example_matches_its_pattern(code):
    resolver = DateResolver((code,))
    examples = {entry["id"]: entry["example"] for entry in load_entries(code, "dates")}
    for rule in resolver.rules:
        assert rule.kind in KINDS
        assert rule.regex.search(examples[rule.id]), f"{code}/{rule.id}: example does not match"


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Kedua pihak saling menuduh melanggar gencatan senjata 27 November.", "gencatan senjata"),
        ("Netanyahu bersumpah membalas setelah serangan Hamas 7 Oktober.", "serangan"),
        ("Iran mengutuk serangan AS baru-baru ini.", "serangan"),
        ("Hamas melancarkan serangan pada 7 Oktober 2023.", None),
        ("Both sides accuse each other of breaking the November 27 ceasefire.", "ceasefire"),
        ("Netanyahu vowed revenge after the 7 October attacks.", "attacks"),
        ("Hamas attacked Israel on October 7, 2023.", None),
    ],
)
def test_dates_named_noun_of_a_date(resolver, text, noun):
    mention = resolver.resolve(text, PUB)[-1]
    span = resolver.named_noun(text, mention)
    assert (text[span[0] : span[1]] if span else None) == noun


@pytest.mark.parametrize(
    "text, kind",
    [
        # the reporting word nearest the date decides
        ('"Mereka gagal," ujarnya, mengutip kantor berita Antara, Senin (15/1/2024).', "relay"),
        ("Kritik itu diunggah di akun resmi kementerian, Minggu (14/1/2024).", "speech"),
        ("Hal itu diungkap Presiden dalam sidang kabinet, Senin (15/1) lalu.", "speech"),
        ("The remarks were posted on the ministry's account on Sunday.", "speech"),
    ],
)
def test_dates_report_kind_by_nearest_marker(resolver, text, kind):
    mention = resolver.resolve(text, PUB)[-1]
    assert resolver.report_kind(text, mention) == kind


@pytest.mark.parametrize(
    "sentence, restates",
    [
        ("Hal itu disampaikan Presiden dalam rapat terbatas, Senin (15/1).", True),
        ('"Pertemuan antara kedua menteri digelar di Kairo pada Selasa (16/1).', True),
        ("Pernyataan tersebut dikeluarkan setelah rapat darurat.", True),
        ("The remarks were made at a cabinet meeting on Monday.", True),
        ("Presiden tiba di Kairo pada Selasa (16/1).", False),
        ("Police arrested two men on Monday.", False),
    ],
)
def test_dates_restating_sentence(resolver, sentence, restates):
    assert resolver.restates(sentence) is restates


@pytest.mark.parametrize(
    "text",
    [
        "Menteri itu berpidato pada Rabu (17/1), beberapa jam setelah parlemen menolak rancangan anggaran.",
        "Presiden tiba di Kairo pada Rabu (17/1), dua jam sebelum perundingan dimulai.",
        "The minister spoke on Wednesday, hours after parliament rejected the budget.",
        "The president landed in Cairo on Wednesday, a few hours before the talks began.",
    ],
)
def test_dates_hours_after_is_the_same_day(resolver, text):
    first, hours = resolver.resolve(text, PUB)
    assert hours.value == first.value == "2024-01-17"
    assert resolver.reaches_forward(hours)


# --- the date of an event -------------------------------------------------------------------------------------
# --- invariants -----------------------------------------------------------------------------------------------
PAST_PARTS = st.sampled_from(
    [
        "pada hari {weekday}", "{weekday} lalu", "pada {weekday}", "({day}/{month})", "{weekday} ({day}/{month})",
        "{day} {month_name}", "pada bulan {month_name}", "awal {month_name}", "sejak {month_name} lalu",
        "kemarin", "kemarin lusa", "hari ini", "tadi malam", "bulan lalu", "bulan ini", "tahun lalu", "tahun ini",
        "on {weekday_en}", "last {weekday_en}", "yesterday", "last month",
    ]
)
# "Minggu mendatang" is read as "next week" (no day), so the future weekdays leave Sunday out
FUTURE_PARTS = st.sampled_from(["besok", "{day} {month_name} mendatang", "{workday} mendatang", "bulan depan"])
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def fill(template, draw):
    return template.format(
        weekday=draw(st.sampled_from(WEEKDAYS)),
        workday=draw(st.sampled_from(WEEKDAYS[:-1])),
        weekday_en=draw(st.sampled_from(WEEKDAYS_EN)),
        day=draw(st.integers(1, 28)),
        month=draw(st.integers(1, 12)),
        month_name=draw(st.sampled_from(MONTHS)),
    )


@st.composite
def sentences_with(draw, parts):
    return f"Menteri itu bertemu mitranya {fill(draw(parts), draw)} di Jakarta."


def not_after(value, published):
    return value <= published.isoformat()[: len(value)]


def not_before(value, published):
    return value >= published.isoformat()[: len(value)]


DATES = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=sentences_with(PAST_PARTS), published=DATES)
def test_dates_never_after_publication_without_future_words(resolver, text, published):
    for mention in resolver.resolve(text, published):
        assert mention.value is None or not_after(mention.value, published), (text, mention)


@settings(max_examples=200, deadline=None)
@given(text=sentences_with(FUTURE_PARTS), published=DATES)
def test_dates_future_words_never_before_publication(resolver, text, published):
    mentions = resolver.resolve(text, published)
    assert mentions
    for mention in mentions:
        assert mention.value is not None and not_before(mention.value, published), (text, mention)


@settings(max_examples=100, deadline=None)
@given(text=sentences_with(PAST_PARTS), published=st.none() | DATES)
def test_dates_resolution_is_deterministic(resolver, text, published):
    assert resolver.resolve(text, published) == resolver.resolve(text, published)
    assert resolver.resolve(text, published) == DateResolver(("id", "en")).resolve(text, published)


@given(published=DATES, weekday=st.integers(0, 6))
def test_dates_nearest_weekday_lies_within_a_week(published, weekday):
    for direction, low, high in (("past", -6, 0), ("before", -7, -1), ("future", 1, 7)):
        day = dt.date.fromisoformat(nearest_weekday(weekday, published, direction))
        assert day.weekday() == weekday and low <= (day - published).days <= high


@given(published=DATES, month=st.integers(1, 12), day=st.integers(1, 28))
def test_dates_infer_year_brackets_publication(published, month, day):
    past = dt.date(infer_year(month, day, published), month, day)
    future = dt.date(infer_year(month, day, published, "future"), month, day)
    assert past <= published < past.replace(year=past.year + 1)
    assert future >= published > future.replace(year=future.year - 1)


@given(today=st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)), month=st.integers(1, 12),
       day=st.integers(1, 28), weekday=st.integers(0, 6))
def test_dates_year_from_weekday_matches_weekday(today, month, day, weekday):
    year = year_from_weekday(month, day, weekday, today)
    assert year is not None
    assert dt.date(year, month, day).weekday() == weekday and dt.date(year, month, day) <= today
