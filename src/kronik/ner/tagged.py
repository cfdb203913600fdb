"""Reading token-per-line tagged text (`token<TAB>tag`, a blank line between sentences): the format of
nlp-id's tagged corpus, used to train the span typer, and of the NER data kronik is measured on."""

from __future__ import annotations

from pathlib import Path


def read_tagged_sentences(path: Path, empty_tag: str = "") -> list[list[tuple[str, str]]]:
    """Sentences as lists of (token, tag); a token without a tag gets `empty_tag`."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.partition("\t")
        current.append((token, tag.split("\t")[0].strip() or empty_tag))
    if current:
        sentences.append(current)
    return sentences
