"""Schema test: every language data file loads, every entry has an id and an example."""

import pytest

from kronik.lang import available_languages, data_files, load_entries


def test_lang_languages_present():
    assert {"id", "en"} <= set(available_languages())


@pytest.mark.parametrize("code", available_languages())
def test_lang_every_file_loads_with_ids_and_examples(code):
    files = data_files(code)
    assert files, f"lang/{code} has no data files"
    for name in files:
        entries = load_entries(code, name)
        assert entries, f"lang/{code}/{name}.yaml has no entries"
        for entry in entries:
            assert str(entry["id"]).strip() and str(entry["example"]).strip()
