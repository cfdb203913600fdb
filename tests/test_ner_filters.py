import pytest

from kronik.records import Article, Sentence


@pytest.mark.parametrize(
    "sentence, region",
    [
        ("Pakistan adalah salah satu negara Asia Selatan yang berpenduduk besar.", "Asia Selatan"),
        ("Ketegangan di Timur Tengah meningkat sejak pekan lalu.", "Timur Tengah"),
        ("Delegasi itu berkeliling Amerika Latin selama dua pekan.", "Amerika Latin"),
        ("Negara-negara Eropa Timur menambah anggaran pertahanan.", "Eropa Timur"),
        ("Tensions in the Middle East rose after the strike.", "Middle East"),
    ],
)
def test_ner_filters_world_regions_are_places_without_a_state(recognizer, sentence, region):
    mention = next(m for m in recognizer.tag(sentence) if m.text == region)
    assert mention.type == "LOC" and mention.actor is None


@pytest.mark.parametrize(
    "sentence, name, state",
    [
        ("Presiden Cyril Ramaphosa kembali ke Afrika Selatan pada Minggu.", "Afrika Selatan", "ZAF"),
        ("Kunjungan itu berlanjut ke Korea Selatan.", "Korea Selatan", "KOR"),
        ("Banjir melanda Jakarta Selatan pada Senin pagi.", "Jakarta Selatan", "IDN"),
        ("Gubernur negara bagian Wisconsin menandatangani aturan itu.", "Wisconsin", "USA"),
    ],
)
def test_ner_filters_states_and_places_keep_their_state(recognizer, sentence, name, state):
    mention = next(m for m in recognizer.tag(sentence) if m.text.endswith(name))
    assert mention.type == "LOC" and mention.actor is not None and mention.actor.country == state


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Kapolda Papua Irjen Patrige Renwarin membenarkan kejadian itu.",
            {("Papua", "LOC"), ("Patrige Renwarin", "PER")},
        ),
        ("Ketua KPK Komjen Firli Bahuri hadir dalam rapat itu.", {("KPK", "ORG"), ("Firli Bahuri", "PER")}),
        (
            "Kabid Humas Polda Sumut Kombes Hadi Wahyudi menjelaskan kronologinya.",
            {("Polda Sumut", "ORG"), ("Hadi Wahyudi", "PER")},
        ),
    ],
)
def test_ner_filters_a_second_title_starts_a_new_name(recognizer, sentence, expected):
    assert {(m.text, m.type) for m in recognizer.tag(sentence)} == expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Koalisi itu terdiri dari beberapa lembaga, seperti KontraS dan lainnya.", "KontraS"),
        ("Video itu diunggah ke YouTube pada Selasa malam.", "YouTube"),
    ],
)
def test_ner_filters_words_with_inner_capitals_are_names(recognizer, sentence, name):
    assert name in {m.text for m in recognizer.tag(sentence)}


@pytest.mark.parametrize(
    "text",
    [
        "Menteri Luar Negeri Iran Hossein Amir-Abdollahian tiba di Islamabad. Ia bertemu Jilani di kota Rawalpindi.",
        "Militer Israel menyerang Gaza pada Selasa. Sebelah Selatan kota itu rusak berat, kata Hamdan.",
        "The film \"Road House\" was shown in London. Sharif said the talks went well.",
    ],
)
def test_ner_filters_pipeline_and_tag_agree(recognizer, text):
    """The stage and `kronik tag` share one path: without generic mentions, they find the same names."""
    cut = text.index(". ") + 1
    sentences = (Sentence(0, 0, cut, text[:cut]), Sentence(1, cut + 1, len(text), text[cut + 1 :]))
    article = recognizer(Article(id="a", raw_text=text, text=text, language="id", sentences=sentences))
    staged = {(m.start, m.end, m.type) for m in article.entities if not m.rule.startswith("generic:")}
    assert staged == {(m.start, m.end, m.type) for m in recognizer.tag(text)}
