"""Rules of the fifth NER round: a person acting, lists sharing a type, acronyms in parentheses, abbreviations
of common nouns, bodies named for their state, and the parts split out of entities.py (names, bodies)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.ner.cues import CueBook, Token
from kronik.ner.filters import UNSURE_RULE
from kronik.ner.lists import LIST_RULES, propagate_list_types
from kronik.ner.names import NameFinder, is_acronym
from kronik.ner.shortforms import parenthetical_acronyms
from kronik.records import EntityMention
from mentions import tagged


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Pada tahun yang sama Wiratmoko menerbitkan novel keduanya.", "Wiratmoko"),
        ("Selain menulis, Wiratmoko juga mengajar di sebuah kampus.", "Wiratmoko"),
        ("Menurut laporan itu, Rakotomalala tidak hadir dalam rapat.", "Rakotomalala"),
        ("Musim itu Szczesnowski tampil sebagai pemain pengganti.", "Szczesnowski"),
    ],
)
def test_ner_rules_a_run_followed_by_an_action_is_a_person(recognizer, sentence, name):
    assert (name, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Film keduanya, Stormbreak, dirilis pada tahun 2009.", "Stormbreak"),  # comma: a title, not an agent
        ("Kuartet itu membawakan lagu Moonfall di akhir konser.", "Moonfall"),  # no action after
        ("Harga Moonfall naik.", "Moonfall"),  # "naik" is no prefixed verb or adverb of the list
    ],
)
def test_ner_rules_no_action_no_person(recognizer, sentence, word):
    assert (word, "PER") not in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Hadir dalam acara itu Dahlan Iskan, Wiratmoko Sastrodiharjo, dan Joko Widodo.",
            ("Wiratmoko Sastrodiharjo", "PER"),
        ),
        ("Rombongan itu melewati Bandung, Cimahi, Ngamprah dan Garut.", ("Ngamprah", "LOC")),
    ],
)
def test_ner_rules_list_items_share_the_type_of_the_others(recognizer, sentence, expected):
    assert expected in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Wisatawan biasa singgah di Sawangan, Ngerombo, Watuleter dan Kalisongo.", ("Watuleter", "LOC")),
        ("Desa itu terbagi atas Padukuhan Kedungrejo, Ngerombo, Watuleter dan Kalisongo.", ("Ngerombo", "LOC")),
        ("Ombaknya besar di pantai Ngerombo, Watuleter, Kalisongo dan lainnya.", ("pantai Ngerombo", "LOC")),
    ],
)
def test_ner_rules_a_place_word_before_a_list_leads_all_its_items(recognizer, sentence, expected):
    assert expected in tagged(recognizer, sentence)


def test_ner_rules_two_items_do_not_make_a_list(recognizer):
    # "Bob Dylan dan Moonfall": a person and a band; two items say nothing about each other
    assert ("Moonfall", "PER") not in tagged(recognizer, "Ia mengagumi Bob Dylan dan Moonfall.")


def _mention(text, word, kind, rule):
    start = text.index(word)
    return EntityMention(start, start + len(word), word, kind, None, rule)


@pytest.mark.parametrize("items", [["Aa", "Bb", "Cc"], ["Aa", "Bb", "Cc", "Dd"]])
def test_ner_rules_propagate_list_types_keeps_common_words_unsure(items):
    text = ", ".join(items[:-1]) + " dan " + items[-1]
    mentions = [_mention(text, items[0], "LOC", "place:city"), _mention(text, items[1], "LOC", "place:city")]
    mentions += [_mention(text, word, "PER", UNSURE_RULE) for word in items[2:]]
    common = {"dd"}
    result = propagate_list_types(text, mentions, lambda key: key in common)
    assert [m.rule for m in result[2:]] == [LIST_RULES["LOC"] if w.lower() not in common else UNSURE_RULE for w in items[2:]]


@given(st.lists(st.sampled_from(["PER", "LOC", "ORG"]), min_size=1, max_size=6))
@settings(max_examples=50, deadline=None)
def test_ner_rules_propagation_never_retypes_mentions_with_evidence(kinds):
    words = [f"Nama{chr(65 + i)}" for i in range(len(kinds))]
    text = ", ".join(words)
    mentions = [_mention(text, w, k, "place:city") for w, k in zip(words, kinds)]
    assert propagate_list_types(text, mentions, lambda key: False) == mentions


@pytest.mark.parametrize(
    "sentence, acronym, expected_type",
    [
        ("Ia kuliah di Universitas Kristen Indonesia (UKI) sejak 1999.", "UKI", "ORG"),
        ("Ia kuliah di Universitas Kristen Indonesia ( UKI ) sejak 1999.", "UKI", "ORG"),
        ("Kementerian Luar Negeri (Kemlu) memanggil duta besar itu.", "Kemlu", "ORG"),
    ],
)
def test_ner_rules_acronym_in_parentheses_follows_its_name(recognizer, sentence, acronym, expected_type):
    assert (acronym, expected_type) in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, acronym",
    [
        ("Sekolah itu memakai kurikulum berbasis kompetensi (KBK) sejak 2004.", "KBK"),
        ("The school follows the national curriculum (NCX) since 2004.", "NCX"),
    ],
)
def test_ner_rules_acronym_in_parentheses_after_no_name_is_dropped(recognizer, sentence, acronym):
    assert acronym not in {text for text, _ in tagged(recognizer, sentence)}


def test_ner_rules_parenthetical_acronym_takes_the_actor(recognizer):
    text = "Ia kuliah di Universitas Kristen Indonesia (UKI) sejak 1999."
    found = {m.text: m for m in parenthetical_acronyms(text, [c.mention for c in recognizer.candidates(text)[1]])}
    assert found["UKI"].actor == found["Universitas Kristen Indonesia"].actor


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("CEO perusahaan itu mundur pekan lalu.", "CEO"),
        ("Pemerintah menaikkan harga BBM bulan ini.", "BBM"),
        ("Peningkatan SDM menjadi prioritas daerah itu.", "SDM"),
        ("The CEO resigned after the merger.", "CEO"),
        ("He earned a PhD in Leiden.", "PhD"),
    ],
)
def test_ner_rules_abbreviations_of_common_nouns_are_no_names(recognizer, sentence, word):
    assert word not in {text for text, _ in tagged(recognizer, sentence)}


@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        ("Pemain itu pindah ke Arema Indonesia musim lalu.", ("Arema Indonesia", "ORG"), ("Indonesia", "LOC")),
        ("The singer signed with Zentrix Malaysia last year.", ("Zentrix Malaysia", "ORG"), ("Malaysia", "LOC")),
        ("Presiden Joko Widodo tiba di Indonesia.", ("Indonesia", "LOC"), ("Widodo Indonesia", "ORG")),
        ("Kunjungan Budi Indonesia berjalan lancar.", ("Indonesia", "LOC"), ("Budi Indonesia", "ORG")),
    ],
)
def test_ner_rules_a_body_named_for_its_state(recognizer, sentence, expected, absent):
    found = tagged(recognizer, sentence)
    assert expected in found and absent not in found


@pytest.mark.parametrize(
    "word, expected",
    [("KPK", True), ("AKB48", True), ("NATO", True), ("K2", False), ("Jokowi", False), ("A", False), ("S.H", False)],
)
def test_ner_rules_is_acronym(word, expected):
    assert is_acronym(Token(0, len(word), word, word.lower())) is expected


def test_ner_rules_name_finder_runs_keep_particles_and_initials(kb):
    finder = NameFinder(kb, CueBook(("id", "en")))
    text = "Kemudian Stephen R. Covey dan Faisal bin Farhan tiba."
    tokens = finder.tokens(text, 0, len(text))
    words = [t.text for t in tokens]
    first = words.index("Stephen")
    assert [t.text for t in tokens[first : finder.run_end(text, tokens, first)]] == ["Stephen", "R", "Covey"]
    second = words.index("Faisal")
    assert [t.text for t in tokens[second : finder.run_end(text, tokens, second)]] == ["Faisal", "bin", "Farhan"]


def test_ner_rules_generic_bodies_still_found_in_the_pipeline_path(recognizer):
    text = "Militer Israel menyerang Gaza, sementara polisi Iran menangkap dua orang."
    rules = {m.text: m.rule for m in recognizer.recognise(text, [(0, len(text))])}
    assert rules["Militer Israel"].startswith("generic:") and rules["polisi Iran"].startswith("generic:")


# --- round 7: occupations, characters in quotes, groups by context, place nouns, works, suffixes, pairs ---


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Lagu itu kemudian dibawakan ulang oleh penyanyi Rossalinda pada 2012.", "Rossalinda"),
        ("Film itu dibintangi aktris Wulandaru dan aktor Tegar Pramuditya.", "Tegar Pramuditya"),
        ('Ia berperan sebagai "Kirana Wastu" dalam sinetron itu.', "Kirana Wastu"),
        ("Ia lebih dikenal dengan nama Kang Ujo di kampungnya.", "Kang Ujo"),
        ("The song was covered by singer Rossalinda in 2012.", "Rossalinda"),
        ("Aktris Catherine Zeta-Jones tiba di Jakarta.", "Catherine Zeta-Jones"),
    ],
)
def test_ner_rules_a_name_after_an_occupation_is_a_person(recognizer, sentence, name):
    assert (name, "PER") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, word",
    [
        ('Ia bermain dalam film "Lintang Senja" bersama teman lamanya.', "Lintang Senja"),  # a title in quotes
        ("Ia bermain dalam serial Rumah Kacawa pada musim ketiga.", "Rumah Kacawa"),  # a work, no quotes
        ("Ia tampil dalam film The Quiet Harbourline tahun lalu.", "Quiet Harbourline"),
        ("She starred in the series Glasshouse Bay last year.", "Glasshouse Bay"),
        ("Ia dinyatakan sebagai Aktor Terbaik tahun itu.", "Terbaik"),  # an award after an occupation title
    ],
)
def test_ner_rules_titles_of_works_are_no_names(recognizer, sentence, word):
    assert not any(text.endswith(word) for text, _ in tagged(recognizer, sentence))


def test_ner_rules_an_acronym_after_a_work_noun_stays(recognizer):
    assert ("SBS", "ORG") in tagged(recognizer, "Serial drama SBS itu tayang pada 2003.")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Ia pernah menjadi gitaris band Moonraker sebelum bersolo karier.", "Moonraker"),
        ("Album itu dirilis oleh label Arunika Records tahun lalu.", "Arunika Records"),
        ("Ia bergabung dengan klub Persikaba musim ini.", "Persikaba"),
        ("He played guitar in the band Moonraker before going solo.", "Moonraker"),
    ],
)
def test_ner_rules_a_name_after_a_group_noun_is_an_organisation(recognizer, sentence, name):
    assert (name, "ORG") in tagged(recognizer, sentence)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Warga desa Kutukan berkumpul di balai desa.", "desa Kutukan"),
        ("Kantornya berada di jalan Menoreh Raya.", "jalan Menoreh Raya"),
        ("Pembangunan di sekitar stasiun Clarke Quay berjalan cepat.", "stasiun Clarke Quay"),
    ],
)
def test_ner_rules_a_name_after_a_place_noun_is_a_place(recognizer, sentence, place):
    assert (place, "LOC") in tagged(recognizer, sentence)


def test_ner_rules_bersama_opens_a_sentence_without_joining_the_name(recognizer):
    found = tagged(recognizer, "Bersama Persekabpas dia menjuarai turnamen itu.")
    assert not any(text.startswith("Bersama") for text, _ in found)


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Penyanyi Harry Belafonte, Jr. tampil di Jakarta.", "Harry Belafonte, Jr."),
        ("Sammy Davis Jr. tampil di Jakarta tahun itu.", "Sammy Davis Jr."),
        ("Lagu itu dibawakan oleh Sammy Davis Jr.", "Sammy Davis Jr."),
        ("Ia bertemu Harold Belafonte , Jr . di Paris .", "Harold Belafonte , Jr ."),  # tokenised text
        ("The singer Harry Belafonte, Jr. performed in Jakarta.", "Harry Belafonte, Jr."),
    ],
)
def test_ner_rules_a_generational_suffix_ends_the_person(recognizer, sentence, person):
    found = tagged(recognizer, sentence)
    assert (person, "PER") in found
    assert not any(text in ("Jr", "Sr") for text, _ in found)


def test_ner_rules_sr_before_a_name_is_no_suffix(recognizer):
    found = tagged(recognizer, "Menurut Budi Santoso, Sr. Maria juga hadir.")  # Sr. = Suster, a title
    assert ("Budi Santoso", "PER") in found


@pytest.mark.parametrize(
    "sentence, places, whole",
    [
        ("Pesawat itu terbang di rute Wakatobi-Kendari setiap pekan.", {"Wakatobi", "Kendari"}, "Wakatobi-Kendari"),
        ("Kemarin aktris Catherine Zeta-Jones datang.", set(), None),  # a person's hyphenated name stays whole
    ],
)
def test_ner_rules_hyphenated_pairs_of_indonesian_regions_split(recognizer, sentence, places, whole):
    found = tagged(recognizer, sentence)
    assert places <= {text for text, kind in found if kind == "LOC"}
    if whole:
        assert not any(whole in text for text, _ in found)
    else:
        assert ("Catherine Zeta-Jones", "PER") in found


@given(st.sampled_from(["Jr", "Sr", "Jnr"]), st.sampled_from([", ", " "]), st.sampled_from(["", "."]))
@settings(max_examples=20, deadline=None)
def test_ner_rules_suffix_join_keeps_mentions_inside_the_text(suffix, gap, dot):
    from kronik.ner.names import join_name_suffixes

    text = f"Kemarin Harold Wiranata{gap}{suffix}{dot} datang."
    person = EntityMention(8, 23, "Harold Wiranata", "PER", None, "name:sequence")
    alone_at = text.index(suffix)
    alone = EntityMention(alone_at, alone_at + len(suffix), suffix, "PER", None, "name:single")
    joined = join_name_suffixes(text, [person, alone], frozenset({"jr", "sr", "jnr"}))
    assert len(joined) == 1
    assert joined[0].text == text[joined[0].start : joined[0].end]
    assert joined[0].text.endswith(suffix + dot)


@pytest.mark.parametrize(
    "sentence, name, absent",
    [
        ('Lagu "Senja di Pelabuhan" (Rossalinda) menjadi hit.', "Rossalinda", None),  # the performer of a title
        ("Kyai Sumadi memimpin pengajian itu.", "Sumadi", "Kyai Sumadi"),  # honorifics stay out of the span
        ("Ki Ageng Wirasaba dimakamkan di desa itu.", "Ageng Wirasaba", "Ki Ageng Wirasaba"),
        ("Bersama Drs Sabarudin, ia mendirikan sekolah itu.", "Sabarudin", "Drs Sabarudin"),
    ],
)
def test_ner_rules_performers_and_honorifics(recognizer, sentence, name, absent):
    found = tagged(recognizer, sentence)
    assert (name, "PER") in found
    assert absent is None or not any(text == absent for text, _ in found)


def test_ner_rules_a_parenthesis_after_an_unquoted_word_is_no_performer(recognizer):
    assert ("KPK", "PER") not in tagged(recognizer, "Komisi Pemberantasan Korupsi (KPK) memeriksa saksi.")
