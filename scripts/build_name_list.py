"""Build `src/kronik/data/ner_names.tsv`, the person-name words the recogniser takes as evidence of a person.

Source: the PyPI package names-dataset 3.3.1 (Apache-2.0; first and last names with per-country popularity
ranks), which is too large to load at run time (about 900 MB of memory). This script keeps the single-word
first names ranked within the top FIRST_RANK of at least one country and the last names ranked within the top
LAST_RANK, folded to lower case, and writes them as `name<TAB>first|last|both`. Deterministic.

Run:
    pip download names-dataset==3.3.1 --no-deps -d /tmp/nd && unzip -q /tmp/nd/names_dataset-*.whl -d /tmp/nd/x
    python scripts/build_name_list.py /tmp/nd/x [--out src/kronik/data/ner_names.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import unicodedata
from pathlib import Path

FIRST_RANK = 1000
LAST_RANK = 300
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package_dir", type=Path, help="unpacked names-dataset wheel (holds names_dataset/v3/)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/kronik/data/ner_names.tsv")
    args = parser.parse_args()
    data = args.package_dir / "names_dataset" / "v3"
    first = ranked_names(data / "first_names.pkl.gz", FIRST_RANK)
    last = ranked_names(data / "last_names.pkl.gz", LAST_RANK)
    lines = [
        "# Person-name words: built by scripts/build_name_list.py from the PyPI package names-dataset 3.3.1",
        f"# (Apache-2.0). first: first names ranked <= {FIRST_RANK} in some country; last: last names ranked",
        f"# <= {LAST_RANK}; both: both. Folded to lower case. name<TAB>kind",
    ]
    for name in sorted(first | last):
        kind = "both" if name in first and name in last else "first" if name in first else "last"
        lines.append(f"{name}\t{kind}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 3} names to {args.out}")


if __name__ == "__main__":
    main()
