"""Tests for kronik.clean: boilerplate rules, glued words, fragments, repeated lines, idempotence."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.clean import Cleaner, find_repeated_lines, join_fragments, mend_glued
from kronik.records import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
BODY = ("Menteri Luar Negeri Indonesia bertemu mitranya dari Malaysia di Kuala Lumpur pada Senin (3/6/2024) "
        "untuk membahas batas laut kedua negara yang belum disepakati sejak lama.")
BODY2 = "Kedua menteri sepakat membentuk tim teknis bersama yang akan bekerja mulai bulan depan di Jakarta."


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(("id", "en"))


def clean(cleaner, text, outlet=None):
    return cleaner.clean_text(text, outlet)[0]


@pytest.mark.parametrize(
    "noise",
    [
        "Baca Juga : Presiden Resmikan Bendungan Baru di Jawa Tengah",
        "Baca juga: Menlu Bertemu Sekjen PBB di New York",
        "ADVERTISEMENT",
        "Advertisement",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Baca berita tanpa iklan. Gabung Kompas.com+",
        "Salin Artikel",
        "Story Code : 7654321",
        "[Gambas:Video 20detik]",
        "Simak Video 'Presiden Tinjau Banjir di Kalimantan':",
        "Lihat juga Video: Warga Antre Sembako di Pasar Senen",
        "Tonton juga video \"Menteri Tinjau Pelabuhan\" di sini:",
        "Simak berita selengkapnya di halaman selanjutnya.",
        "News Ticker",
        "(Foto: Dokumentasi Kementerian Luar Negeri)",
        "Kamis, 05/11/2015 09:25 WIB",
    ],
)
def test_clean_removes_boilerplate_lines(cleaner, noise):
    text = clean(cleaner, f"{BODY}\n{noise}\n{BODY2}")
    assert text == f"{BODY}\n{BODY2}"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (f"{BODY} (Baca juga: Presiden Tinjau Banjir di Kalimantan) {BODY2}", f"{BODY} {BODY2}"),
        (f"{BODY}[Gambas:Video 20detik]", BODY),
        (f"Presiden tiba (Foto: Dok. Istana) di Bogor. {BODY2}", f"Presiden tiba di Bogor. {BODY2}"),
        (f"Rapat berlangsung lama.Baca juga: Menlu Bertemu Sekjen PBB di New York Sebelumnya pada hari itu "
         f"menteri berbicara.", "Rapat berlangsung lama. Sebelumnya pada hari itu menteri berbicara."),
        ("Serangan terjadi di perbatasan.Baca JugaPresiden Tinjau BanjirMenlu Bertemu SekjenMedia setempat "
         "melaporkan korban.", "Serangan terjadi di perbatasan. Media setempat melaporkan korban."),
    ],
)
def test_clean_removes_inline_boilerplate(cleaner, raw, expected):
    assert clean(cleaner, raw) == expected


def test_clean_related_marker_alone_takes_next_headline_only(cleaner):
    text = f"{BODY}\nBaca juga:\nPresiden Tinjau Banjir di Kalimantan\n{BODY2}"
    assert clean(cleaner, text) == f"{BODY}\n{BODY2}"
    liputan_style = f"{BODY}\nBaca Juga\n{BODY2}"
    assert clean(cleaner, liputan_style) == f"{BODY}\n{BODY2}"


@pytest.mark.parametrize(
    "ending",
    [
        "Leave a Reply\nYour email address will not be published. Required fields are marked *",
        "Tinggalkan Balasan\nNama\nEmail",
        "Berita Terkini Lainnya\nJudul Lain Satu\nJudul Lain Dua",
        "(abc/xyz)\npolitik\nkabinet",
        "About Kabar Harian (1234 Articles)\nMedia Rakyat",
    ],
)
def test_clean_cuts_after_article_end(cleaner, ending):
    text = f"{BODY}\n{BODY2}\n{BODY}\n{ending}"
    assert clean(cleaner, text) == f"{BODY}\n{BODY2}\n{BODY}"


def test_clean_end_marker_near_start_removes_only_its_line(cleaner):
    assert clean(cleaner, f"Komentar\n{BODY}") == BODY


def test_clean_records_removed_pieces_with_rules(cleaner):
    article = Article(id="a", raw_text=f"{BODY}\nADVERTISEMENT\n{BODY2}")
    cleaned = cleaner(article)
    assert cleaned.text == f"{BODY}\n{BODY2}"
    assert [(r.text, r.rule) for r in cleaned.removed] == [("ADVERTISEMENT", "id:ad-marker")]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("serangan terhadapIran meningkat", "serangan terhadap Iran meningkat"),
        ("ketegangan antaraIsraeldan Iran", "ketegangan antara Israeldan Iran"),
        ("dikutip dari lamanAP pada Kamis", "dikutip dari laman AP pada Kamis"),
        ("di wilayahnya.Baca laporan itu", "di wilayahnya. Baca laporan itu"),
        ("kata dia lainnya.Dia menambahkan", "kata dia lainnya. Dia menambahkan"),
        ("Media Iran,Tasnim melaporkan", "Media Iran, Tasnim melaporkan"),
        ("membeli iPhone baru", "membeli iPhone baru"),
        ("makan di McDonald kemarin", "makan di McDonald kemarin"),
        ("dikutip detikINET dan detikNews", "dikutip detikINET dan detikNews"),
        ("diunggah ke YouTube dan WhatsApp", "diunggah ke YouTube dan WhatsApp"),
        ("pemerintah A.S. dan U.S. Navy", "pemerintah A.S. dan U.S. Navy"),
        ("naik 1.500 orang atau 3,5 persen", "naik 1.500 orang atau 3,5 persen"),
        ("lihat situs kompas.com hari ini", "lihat situs kompas.com hari ini"),
        ("kata PresidenPrabowo di Istana", "kata Presiden Prabowo di Istana"),
        ("Bogor - InstagramSebuah unggahan beredar", "Bogor - Instagram Sebuah unggahan beredar"),
        ("Menteri Luar Negeri ASPete Hegseth tiba", "Menteri Luar Negeri AS Pete Hegseth tiba"),
        ("kepada PresidenAS Joe Biden", "kepada Presiden AS Joe Biden"),
        ("Albanesemengatakan bahwa Canberra", "Albanese mengatakan bahwa Canberra"),
        ("Menlu Wongjuga hadir", "Menlu Wong juga hadir"),
        ("Khameneitelah berpidato", "Khamenei telah berpidato"),
        ("aplikasi milik ByteDance dan KapanLagi", "aplikasi milik ByteDance dan KapanLagi"),
        ("Perayaan Ramadan dan Idulfitri", "Perayaan Ramadan dan Idulfitri"),
        ("Warga Sudan mengungsi ke Chad", "Warga Sudan mengungsi ke Chad"),
        ("umat Hindu bersembahyang di Pura", "umat Hindu bersembahyang di Pura"),
        ("Pasokan Terbatas dan Mendalam", "Pasokan Terbatas dan Mendalam"),
        ("Setelah itu Sesudah rapat", "Setelah itu Sesudah rapat"),
        ("diunggah ke WhatsApp dan MacBook", "diunggah ke WhatsApp dan MacBook"),
        ("siaran CNNIndonesia pagi ini", "siaran CNN Indonesia pagi ini"),
        ("badan UNHCR dan UNRWA", "badan UNHCR dan UNRWA"),
        ("aplikasi BRImo milik BRI", "aplikasi BRImo milik BRI"),
    ],
)
def test_clean_mend_glued(cleaner, raw, expected):
    rules = cleaner.rules
    assert mend_glued(raw, rules.keep_glued, rules.glued_tail) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Jakarta", "-", "Serangan Israel", "menewaskan dua orang di", "Lebanon", "pada Selasa."],
         ["Jakarta - Serangan Israel menewaskan dua orang di Lebanon pada Selasa."]),
        (["dilansir kantor berita", "AFP", ", Selasa (10/6).", "Paragraf baru dimulai."],
         ["dilansir kantor berita AFP, Selasa (10/6).", "Paragraf baru dimulai."]),
        (["Judul Berita Tanpa Titik", "Kedua negara sepakat memperbaiki hubungan."],
         ["Judul Berita Tanpa Titik", "Kedua negara sepakat memperbaiki hubungan."]),
        (["Kalimat selesai.", "lalu huruf kecil"], ["Kalimat selesai.", "lalu huruf kecil"]),
    ],
)
def test_clean_join_fragments(lines, expected):
    assert join_fragments(lines) == expected


def test_clean_repeated_lines_of_an_outlet(cleaner):
    furniture = "Ikuti kanal kami untuk berita harian"
    articles = [Article(id=str(i), raw_text=f"{BODY} {i}.\n{furniture}", outlet="harian") for i in range(4)]
    articles.append(Article(id="x", raw_text=f"{BODY}\n{furniture}", outlet="kecil"))
    repeated = find_repeated_lines(articles, min_articles=3, min_share=0.5)
    assert repeated == {"harian": frozenset({furniture})}
    cleaned = Cleaner(("id",), repeated)(articles[0])
    assert furniture not in cleaned.text and cleaned.text.startswith(BODY)
    assert Cleaner(("id",), repeated)(articles[-1]).text.endswith(furniture)


def test_clean_repeated_lines_share_threshold():
    articles = [Article(id=str(i), raw_text=("Garis tetap\n" if i < 3 else "") + f"{BODY} {i}", outlet="o") for i in range(10)]
    assert find_repeated_lines(articles, min_articles=3, min_share=0.5) == {}
    assert find_repeated_lines(articles, min_articles=3, min_share=0.3) == {"o": frozenset({"Garis tetap"})}


def test_clean_keeps_body_of_plain_article(cleaner):
    text = f"{BODY}\n\n{BODY2}\n"
    assert clean(cleaner, text) == f"{BODY}\n{BODY2}"


PIECES = st.sampled_from([
    BODY, BODY2, "Baca juga:", "Baca Juga : Menlu Bertemu Sekjen", "ADVERTISEMENT", "Jakarta", "-", "AFP",
    ", Selasa (3/6).", "seranganIsrael", "lainnya.Dia", "(Foto: Istana)", "Leave a Reply", "(abc/xyz)", "  ",
    "Judul Pendek", "dan", "[Gambas:Video 20detik]", "Baca JugaJudul SatuJudul Dua", "“Kami siap.”",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PIECES, st.sampled_from(["\n", " ", "", "\n\n"])), max_size=12))
def test_clean_is_idempotent(parts):
    cleaner = Cleaner(("id", "en"))
    text = "".join(piece + sep for piece, sep in parts)
    once = cleaner.clean_text(text)[0]
    assert cleaner.clean_text(once)[0] == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aiAI .,:-()\n/\"”Bbcj")), max_size=120))
def test_clean_is_idempotent_on_any_text(text):
    cleaner = Cleaner(("id", "en"))
    once = cleaner.clean_text(text)[0]
    assert cleaner.clean_text(once)[0] == once


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", ["dev", "dev2"])
def test_clean_gold_checks_pass(name):
    folder = SHARED / "eval" / name
    if not (folder / "corpus.jsonl").exists():
        pytest.skip(f"{folder} is absent: the shared evaluation data is not available here")
    from kronik.extract import to_article
    from kronik.read import read_input

    articles = [to_article(raw, ("id", "en")) for raw in read_input(folder / "corpus.jsonl")]
    cleaner = Cleaner(("id", "en"), find_repeated_lines(articles, 3, 0.5))
    gold = {json.loads(line)["id"]: json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")}
    passed = total = 0
    for article in articles:
        text = collapse(cleaner(article).text)
        for snippet in gold[article.id]["must_include"]:
            passed += collapse(snippet) in text
            total += 1
        for snippet in gold[article.id]["must_exclude"]:
            passed += collapse(snippet) not in text
            total += 1
    assert total and passed / total >= 0.95
