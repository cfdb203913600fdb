"""Which date an event takes: the governing expression in its sentence, a nearby report date, a date carried
from the sentences before, the dateline; null with a reason otherwise."""


import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.dates import DateResolver
from kronik.events.dating import NO_DATE, TOLD, DatingSettings, EventDater

from articles import PUB, article_of


@pytest.fixture(scope="module")
def resolver():
    return DateResolver(("id", "en"))


@pytest.fixture(scope="module")
def dater(resolver):
    return EventDater(resolver)


def date_of(dater, text, words, published=PUB):
    start = text.index(words)
    return dater.date_of(article_of(text, published), start, start + len(words))


@pytest.mark.parametrize(
    "text, event_words, value, precision",
    [
        ("Indonesia dan Vietnam pada Senin (29/1/2024) sepakat memperluas patroli laut.", "sepakat memperluas",
         "2024-01-29", "day"),
        # the closest of two dates
        ("Pada 16 Januari polisi menggerebek gudang, lalu jaksa menahan pemiliknya pada 18 Januari.", "jaksa menahan",
         "2024-01-18", "day"),
        ("Pada 16 Januari polisi menggerebek gudang, lalu jaksa menahan pemiliknya pada 18 Januari.", "polisi menggerebek",
         "2024-01-16", "day"),
        # no date: null, never the publication day
        ("Pasukan itu menembaki pos perbatasan di utara.", "Pasukan itu menembaki", None, None),
        # anchored on the previous sentence's date
        ("Polisi menggerebek gudang pada 17 Januari. Dua hari kemudian, jaksa menahan pemiliknya.",
         "jaksa menahan", "2024-01-19", "day"),
        # a vague expression touching the words
        ("Kedua menteri bertemu di Riyadh pekan lalu.", "bertemu di Riyadh", None, None),
        # the date a neighbouring sentence gives for the statement
        ("Pemerintah akan menaikkan tarif listrik. Hal itu disampaikan menteri energi kepada wartawan, Rabu (17/1).",
         "Pemerintah akan menaikkan", "2024-01-17", "day"),
        # "N hari setelah X": X lies N days before the date of the main clause, which keeps its own date
        ("Polisi menggeledah rumah itu pada Kamis (18/1), dua hari setelah tim khusus menangkap pelaku di Bogor.",
         "menangkap pelaku", "2024-01-16", "day"),
        ("Polisi menggeledah rumah itu pada Kamis (18/1), dua hari setelah tim khusus menangkap pelaku di Bogor.",
         "menggeledah rumah", "2024-01-18", "day"),
        ("Jaksa menahan bendahara itu pada Jumat (19/1), sehari setelah penyidik menggeledah kantornya.",
         "menggeledah kantornya", "2024-01-18", "day"),
        ("Menteri itu tiba di Kairo pada Senin (15/1), dua hari sebelum perundingan gencatan senjata dimulai.",
         "perundingan gencatan", "2024-01-17", "day"),
        ("Police searched the house on Thursday, two days after officers arrested the suspect in Bogor.",
         "arrested the suspect", "2024-01-16", "day"),
        ("The minister arrived in Cairo on January 15, two days before the talks began.", "the talks began",
         "2024-01-17", "day"),
        # an adverbial "two days before," still counts back from the previous date
        ("The embassy was attacked on January 17. Two days before, police had arrested two men.",
         "police had arrested", "2024-01-15", "day"),
    ],
)
def test_dating_date_of_event_words(dater, text, event_words, value, precision):
    got = date_of(dater, text, event_words)
    assert got[:2] == (value, precision)
    assert got[2]


def test_dating_lead_takes_dateline(dater):
    text = ("Ratusan buruh menggelar aksi di luar kompleks DPR. Mereka membawa poster. "
            "Dilansir Reuters, Kamis (18/1/2024), unjuk rasa berlangsung damai. Polisi berjaga di sekitar lokasi.")
    assert date_of(dater, text, "Ratusan buruh menggelar")[:2] == ("2024-01-18", "day")
    assert date_of(dater, text, "Polisi berjaga")[:2] == ("2024-01-18", "day")  # a neighbour's report date
    longer = text + " Ia pulang. Lalu hujan turun."  # beyond the report neighbours: the story's relay date goes on
    assert date_of(dater, longer, "Lalu hujan")[:2] == ("2024-01-18", "day")
    no_story = EventDater(dater.resolver, DatingSettings(report_carry_sentences=0))
    assert date_of(no_story, longer, "Lalu hujan") == (None, None, NO_DATE)


def test_dating_says_why_when_null(dater):
    assert date_of(dater, "Pasukan itu menembaki pos perbatasan di utara.", "Pasukan itu") == (None, None, NO_DATE)


def test_dating_uses_stage_output(resolver, dater):
    article = resolver(article_of("Menteri tiba pada Selasa (16/1). Ia bertemu presiden."))
    start = article.text.index("Menteri")
    assert dater.date_of(article, start, start + 12)[:2] == ("2024-01-16", "day")


@pytest.mark.parametrize(
    "carry, value",
    [(0, None), (1, None), (2, "2024-01-16")],
)
def test_dating_carry_reaches_as_far_as_settings_say(resolver, carry, value):
    dater = EventDater(resolver, DatingSettings(report_neighbours=0, carry_sentences=carry, report_carry_sentences=0))
    text = "Pesawat tak berawak menyerang pangkalan itu pada Selasa (16/1). Gedungnya rusak. Iran mengecam serangan itu."
    got = date_of(dater, text, "Iran mengecam")
    assert got[0] == value
    assert got[2] != "" and (value is None) == (got[2] == NO_DATE)


def test_dating_carry_takes_only_day_precise_dates(resolver):
    dater = EventDater(resolver, DatingSettings(report_neighbours=0, carry_sentences=2))
    text = "Sengketa itu mulai memanas pada Desember 2023. Iran mengecam serangan itu."
    assert date_of(dater, text, "Iran mengecam") == (None, None, NO_DATE)


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # the day the words were said beats the day an outlet relayed them
        ("Presiden mengancam akan menutup perbatasan. Dikutip Antara, Jumat (19/1/2024), hal itu disampaikan "
         "presiden dalam rapat kabinet hari Rabu (17/1) waktu setempat.", "Presiden mengancam", "2024-01-17"),
        # a relay date alone still dates the report
        ("Menteri itu mengecam penangkapan tersebut. Dilansir Reuters, Kamis (18/1/2024), pernyataan itu keluar "
         "setelah rapat darurat.", "Menteri itu mengecam", "2024-01-18"),
        # a date inside a reported clause dates that clause's event, not the neighbouring statement
        ("Iran mengecam tindakan Amerika Serikat. Dilansir AFP, Jumat (19/1/2024), militer AS mengatakan "
         "pasukannya pada hari Kamis menyerang gudang senjata.", "Iran mengecam", "2024-01-19"),
        ("The ministry condemned the raid. Police said on Thursday that officers detained ten men.",
         "ministry condemned", None),
    ],
)
def test_dating_report_dates_of_neighbours(resolver, text, event_words, value):
    dater = EventDater(resolver, DatingSettings(report_neighbours=2, carry_sentences=0))
    assert date_of(dater, text, event_words)[0] == value


@pytest.mark.parametrize(
    "text, kind",
    [
        ('"Kami menolak," kata juru bicara itu kepada wartawan, Rabu (17/1).', "speech"),
        ("Dilansir AFP, Kamis (18/1/2024), pasukan itu mundur.", "relay"),
        ("Menurut laporan yang dikutip Reuters, Kamis (18/1/2024), kota itu sepi.", "relay"),
        ("Juru bicara itu mengatakan pasukan pada Kamis (18/1) menembaki pos itu.", None),
        ("Pasukan itu menembaki pos perbatasan pada Kamis (18/1).", None),
    ],
)
def test_dating_report_kind(resolver, text, kind):
    mention = resolver.resolve(text, PUB)[-1]
    assert resolver.report_kind(text, mention) == kind


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # a date right after an event noun names that event; it does not date the clause's verb
        ("Setelah serangan 7 Oktober, Netanyahu berjanji menghancurkan Hamas.", "berjanji", None),
        ("Presiden Lebanon mengecam pelanggaran terhadap gencatan senjata 27 November itu.", "mengecam", None),
        ("After the October 7 attack, Netanyahu vowed to destroy Hamas.", "vowed", None),
        ("Lebanon condemned the violation of the November 27 ceasefire.", "condemned", None),
        # ... but it dates the noun itself, and a date after "pada" dates the clause
        ("Hamas melancarkan serangan 7 Oktober 2023 ke Israel selatan.", "serangan", "2023-10-07"),
        ("Hamas melancarkan serangan pada 7 Oktober 2023 ke Israel selatan.", "melancarkan", "2023-10-07"),
        ("Hamas attacked southern Israel on October 7, 2023.", "attacked", "2023-10-07"),
    ],
)
def test_dating_date_naming_an_event_dates_only_its_noun(dater, text, event_words, value):
    got = date_of(dater, text, event_words)
    assert got[0] == value
    assert (value is None) == (got[2] == NO_DATE)


@pytest.mark.parametrize(
    "text, event_words",
    [
        ("Iran mengutuk serangan AS baru-baru ini di Bandar Abbas.", "mengutuk"),
        ("Menteri itu mengecam penangkapan aktivis pekan lalu oleh polisi.", "mengecam"),
    ],
)
def test_dating_vague_date_of_a_noun_is_not_the_verbs(dater, text, event_words):
    assert date_of(dater, text, event_words) == (None, None, NO_DATE)


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # a later sentence that restates the event ("Pertemuan antara ...", "Hal itu ...") gives it its date
        ("Menteri Pertahanan Iran menyerukan kerja sama melawan terorisme. Pertemuan antara kedua menteri digelar "
         "di Moskow pada Selasa (16/1).", "menyerukan", "2024-01-16"),
        ("Presiden meminta aparat menindak tegas pelaku korupsi. Presiden menegaskan tak ada yang kebal hukum. "
         "Hal itu terjadi dalam sidang kabinet di Istana Negara pada Senin (15/1).", "Presiden meminta", "2024-01-15"),
        ("Iran's defence minister called for closer cooperation against terrorism. The meeting was held in Moscow "
         "on Tuesday.", "called for", "2024-01-16"),
        # not when another date lies between
        ("Presiden meminta aparat menindak tegas pelaku korupsi. Polisi menangkap bupati itu pada 10 Januari. "
         "Hal itu terjadi dalam sidang kabinet pada Senin (15/1).", "Presiden meminta", None),
    ],
)
def test_dating_restating_sentence_gives_its_date(resolver, text, event_words, value):
    dater = EventDater(resolver, DatingSettings(report_neighbours=2, carry_sentences=1, report_carry_sentences=0))
    assert date_of(dater, text, event_words)[0] == value


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # the speech date nearby beats an outlet's relay date that is nearer
        ("Jenderal itu mengkritik pemerintah. Kritiknya diunggah di harian Maariv, Minggu (14/1/2024). Ia juga "
         "mengecam para menteri. \"Mereka gagal,\" ujarnya, mengutip Palestine Chronicle, Senin (15/1/2024).",
         "Ia juga mengecam", "2024-01-14"),
        # a relay date in the event's own sentence gives way to the story's own day
        ("Israel mengatakan pasukannya menyerang komandan Hamas di Gaza pada hari Selasa. \"Militer baru saja "
         "menyerang komandan itu,\" demikian pernyataan militer, dilansir AFP, Rabu (17/1/2024).",
         "baru saja menyerang", "2024-01-16"),
        ("Israel said its forces struck a Hamas commander in Gaza on Tuesday. The army struck the commander, "
         "according to AFP on Wednesday (17/1/2024).", "army struck", "2024-01-16"),
    ],
)
def test_dating_speech_date_beats_relay_date(dater, text, event_words, value):
    assert date_of(dater, text, event_words)[0] == value


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # an interview: the date the words were said holds until the story moves to another day
        ("\"Kami mendukung langkah itu,\" kata Ketua Komisi III kepada wartawan, Rabu (17/1/2024). Ia memuji "
         "kepolisian. Ia juga memuji kejaksaan. Menurutnya, KPK bekerja baik. Ia meminta polisi bekerja "
         "profesional.", "Ia meminta", "2024-01-17"),
        ("\"We support the move,\" the committee chairman told reporters on Wednesday. He praised the police. "
         "He praised the prosecutors. He said the agency works well. He urged police to act professionally.",
         "He urged", "2024-01-17"),
        # the day of the lead's news holds too
        ("Menlu Iran menelepon mitranya dari Pakistan pada Jumat (19/1). Keduanya membahas terorisme. Iran "
         "menyerukan kerja sama. Pakistan sepakat. Menlu Pakistan juga mengundang Menlu Iran ke Islamabad.",
         "mengundang", "2024-01-19"),
        # ... but not across another day's event, and a relay date does not move the story
        ("\"Kami mendukung langkah itu,\" kata Ketua Komisi III kepada wartawan, Rabu (17/1/2024). Ia memuji "
         "kepolisian. Polisi menangkap bupati itu pada 10 Januari. Bupati itu ditahan. Ia menolak berkomentar. "
         "Jaksa meminta hakim menolak gugatan.", "Jaksa meminta", None),
        ("Israel mengatakan pasukannya menyerang komandan Hamas di Gaza pada hari Selasa. \"Militer baru saja "
         "menyerang,\" demikian pernyataan militer, dilansir AFP, Rabu (17/1/2024). Komandan itu diangkat bulan "
         "lalu. Warga sipil terluka. Seorang perempuan tewas dalam serangan udara Israel.", "Seorang perempuan",
         "2024-01-16"),
    ],
)
def test_dating_story_date_holds_until_another_day(dater, text, event_words, value):
    got = date_of(dater, text, event_words)
    assert got[0] == value
    assert (value is None) == (got[2] == NO_DATE)


def test_dating_settings_from_config():
    from kronik.config import Config

    settings = DatingSettings.from_config(Config(date_report_carry_sentences=3))
    assert settings == DatingSettings(report_neighbours=2, carry_sentences=1, report_carry_sentences=3)


STORY = ("Menteri Luar Negeri Iran mengecam Israel dalam konferensi pers di Teheran, Kamis (17/10/2024). "
         "Ia menyebut serangan itu pelanggaran hukum. Ia meminta dunia bertindak. Ia juga menyerukan persatuan. "
         "Ia menuduh Amerika Serikat melindungi Israel. Pasukan Israel juga membunuh seorang komandan Hamas. "
         "Iran menolak tuduhan itu.")


@pytest.mark.parametrize(
    "event_words, category, value",
    [
        # a statement is made the day the story tells of, many sentences on
        ("Ia menuduh Amerika", "ACCUSE", "2024-10-17"),
        ("Iran menolak", "REJECT", "2024-10-17"),
        # a material act told in passing far from the story's day is background: it keeps no date
        ("Pasukan Israel juga membunuh", "ASSAULT", None),
        ("Pasukan Israel juga membunuh", "MOBILIZE", None),
        # without a category every rule applies, as before
        ("Pasukan Israel juga membunuh", None, "2024-10-17"),
    ],
)
def test_dating_story_day_dates_statements_not_background_acts(dater, event_words, category, value):
    start = STORY.index(event_words)
    got = dater.date_of(article_of(STORY), start, start + len(event_words), category)
    assert got[0] == value
    assert (value is None) == (got[2] == NO_DATE)


@pytest.mark.parametrize("reach, value", [(0, None), (2, None), (3, "2024-01-18"), (5, "2024-01-18")])
def test_dating_material_act_takes_story_day_only_nearby(resolver, reach, value):
    dater = EventDater(resolver, DatingSettings(report_neighbours=0, carry_sentences=0, material_carry_sentences=reach))
    text = ("Juru bicara militer Israel mengatakan kepada wartawan, Kamis (18/1/2024), bahwa operasi berlanjut. "
            "Ia tidak merinci. Situasi tegang. Rudal Iran menghantam kota itu.")
    start = text.index("Rudal Iran")
    assert dater.date_of(article_of(text), start, start + 20, "ASSAULT")[0] == value


@settings(max_examples=20, deadline=None)
@given(category=st.sampled_from(sorted(TOLD)))
def test_dating_told_categories_date_as_without_category(dater, category):
    start = STORY.index("Iran menolak")
    article = article_of(STORY)
    assert dater.date_of(article, start, start + 12, category) == dater.date_of(article, start, start + 12)


@pytest.mark.parametrize(
    "text, event_words, future, value",
    [
        # a future event takes the day ahead the text gives it in the sentences after it...
        ("KPK bakal memanggil mantan menteri itu sebagai saksi. Surat panggilan sudah dikirim. \"Surat sudah kami "
         "kirim,\" kata juru bicara KPK kepada wartawan, Jumat (19/1/2024). \"Pemeriksaannya besok,\" ujarnya.",
         "KPK bakal memanggil", True, "2024-01-21"),
        ("Kejaksaan akan memeriksa bupati itu sebagai tersangka. Pemeriksaan dijadwalkan pada Senin (22/1) "
         "mendatang di gedung Kejaksaan Agung.", "Kejaksaan akan memeriksa", True, "2024-01-22"),
        ("The prosecutor will question the governor as a suspect. The hearing is scheduled for Monday, "
         "January 22.", "will question", True, "2024-01-22"),
        # ... not a past event, which never takes a day after publication
        ("KPK memanggil mantan menteri itu sebagai saksi. Surat panggilan sudah dikirim. \"Surat sudah kami "
         "kirim,\" kata juru bicara KPK kepada wartawan, Jumat (19/1/2024). \"Pemeriksaannya besok,\" ujarnya.",
         "KPK memanggil", False, "2024-01-19"),
        # ... nor a day ahead told after another day's event
        ("Jaksa akan menahan bendahara itu. Polisi menangkap bupati itu pada Rabu (10/1). Sidangnya digelar besok.",
         "Jaksa akan menahan", True, None),
    ],
)
def test_dating_future_event_takes_day_ahead_told_after_it(resolver, text, event_words, future, value):
    dater = EventDater(resolver, DatingSettings(carry_sentences=0, report_carry_sentences=0))
    start = text.index(event_words)
    got = dater.date_of(article_of(text), start, start + len(event_words), "ACCUSE", future=future)
    assert got[0] == value
    assert (value is None) == (got[2] == NO_DATE)


@settings(max_examples=30, deadline=None)
@given(
    future_words=st.sampled_from(["besok", "Senin (22/1) mendatang", "pekan depan", "pada 25 Januari mendatang"]),
    category=st.sampled_from(sorted(TOLD | {"ASSAULT", "COERCE"})),
)
def test_dating_past_event_never_after_publication(dater, future_words, category):
    text = f"Polisi memeriksa saksi itu. Pemeriksaan lanjutan digelar {future_words}. Jaksa menahan tersangka."
    article = article_of(text)
    for words in ("Polisi memeriksa", "Jaksa menahan"):
        start = text.index(words)
        value = dater.date_of(article, start, start + len(words), category)[0]
        assert value is None or value[:10] <= PUB.isoformat()


@pytest.mark.parametrize(
    "text, event_words, value",
    [
        # a date inside an "after" clause dates that clause's event, not the main verb before it
        ("Iran memanggil duta besar Prancis setelah polisi Paris menangkap dua diplomatnya pada Kamis (18/1).",
         "Iran memanggil", None),
        ("Iran memanggil duta besar Prancis setelah polisi Paris menangkap dua diplomatnya pada Kamis (18/1).",
         "menangkap dua", "2024-01-18"),
        ("Kemlu mengecam penembakan itu sesudah kapal nelayan ditembaki di Laut Natuna pada Selasa (16/1).",
         "Kemlu mengecam", None),
        ("Iran summoned the French envoy after Paris police arrested two of its diplomats on Thursday.",
         "Iran summoned", None),
        ("Iran summoned the French envoy after Paris police arrested two of its diplomats on Thursday.",
         "police arrested", "2024-01-18"),
        # the main verb's own date still holds, and so does a date set off by a comma at the sentence's end
        ("KPK menahan bupati itu setelah pemeriksaan selama sembilan jam, Kamis (18/1).", "KPK menahan",
         "2024-01-18"),
        ("Kejaksaan menahan dua pejabat itu usai diperiksa sebagai saksi, Jumat (19/1).", "Kejaksaan menahan",
         "2024-01-19"),
        ("Iran memanggil duta besar Prancis pada Jumat (19/1) setelah polisi Paris menangkap dua diplomatnya.",
         "Iran memanggil", "2024-01-19"),
        ("Iran summoned the French envoy on Friday after Paris police arrested two of its diplomats.",
         "Iran summoned", "2024-01-19"),
    ],
)
def test_dating_after_clause_date_is_its_own_events(resolver, text, event_words, value):
    dater = EventDater(resolver, DatingSettings(carry_sentences=0, report_carry_sentences=0))
    got = date_of(dater, text, event_words)
    assert got[0] == value
    assert (value is None) == (got[2] == NO_DATE)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # published the day after its lead: "hari ini" is the lead's day
        ("Juru bicara kejaksaan mengatakan hal itu di Jakarta, Senin (15/1/2024). Hari ini jaksa memeriksa dua saksi.",
         dt.date(2024, 1, 16), "2024-01-15"),
        ('"Kami akan terus bekerja," kata menteri itu, Senin (15/1/2024). Menteri itu hari ini melantik dua pejabat.',
         dt.date(2024, 1, 16), "2024-01-15"),
        # published the same day as its lead, or with no dated lead: the publication day
        ("Juru bicara kejaksaan mengatakan hal itu di Jakarta, Selasa (16/1/2024). Hari ini jaksa memeriksa dua saksi.",
         dt.date(2024, 1, 16), "2024-01-16"),
        ("Jaksa memeriksa dua saksi hari ini di gedung kejaksaan.", dt.date(2024, 1, 16), "2024-01-16"),
    ],
)
def test_dating_today_is_the_day_of_the_lead(dater, text, published, value):
    words = next(w for w in ("jaksa memeriksa", "Jaksa memeriksa", "melantik") if w in text)
    assert date_of(dater, text, words, published)[:2] == (value, "day")
