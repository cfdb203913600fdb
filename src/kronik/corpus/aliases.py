"""Alias merging: actors that are spellings, short forms or abbreviations of one actor, across articles.

Per-article stages give an actor found only in text the id `"new:" + slug(name)`, so "Amir-Abdollahian" and
"Amirabdollahian", or "Kemnaker" and "Kementerian Ketenagakerjaan", end up as different actors. This corpus
stage proposes `Merge`s (from one actor id into another) by four rules, each with evidence:

- `spelling`: equal spelling keys (folded, hyphens and particles such as al-/ul-/el- normalised, the
  transliteration variants of `data/transliteration.yaml` applied, double letters collapsed);
- `similar-spelling`: spelling keys at least `similarity` alike (Levenshtein), for long enough names, and for
  people word by word (two people sharing a surname but not a given name stay apart);
- `abbreviation` / `name-prefix`: within one article, an acronym or syllabic abbreviation ("APKASI",
  "Kemnaker") or a leading part ("Komisi III") of exactly one longer organisation name;
- `short-form`: a one-word person name equal to the last name of exactly one full name in the same story
  (or, outside stories, of the same country).

Every merge needs the same kind (organisations and groups count as one), compatible countries (equal, or one
unknown) and never joins two curated (`kb:`) actors or a state. A rule that works inside articles must agree
in every article where the short form appears. Candidates come from blocks (a spelling key, a word of the key,
an article, a last name), never from all pairs. The merges are recorded in the database and applied when
reading (`MergeMap`), so undoing one is deleting its row.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein
from scipy.cluster.hierarchy import DisjointSet

from kronik.corpus.abbreviations import expansion_rule, initials_only, kind_key
from kronik.corpus.introductions import NicknameLinks, introductions
from kronik.errors import KronikError
from kronik.gazetteer import fold
from kronik.knowledge import is_curated
from kronik.records import Actor, Article
from kronik.serialize import named_mentions
from kronik.spelling import WORD, Transliteration

NUMBER = re.compile(r"\d+|\b[IVXLCDM]{1,6}\b")
LARGE_BLOCK = 400  # a word shared by more actors than this is too common to block on
MANUAL = "manual"  # the rule of a merge made by hand
SHORT_RULES = frozenset({"abbreviation", "name-prefix", "short-form", "introduced", "nickname", "initials-prefix"})  # rules joining a short form (right side)


@dataclass(frozen=True)
class Merge:
    """`from_id` is the same actor as `into_id`, by `rule` with `score` (0..1)."""

    from_id: str
    into_id: str
    rule: str
    score: float = 1.0


@dataclass
class Sighting:
    """An actor as seen across the corpus: the forms it is written in, its articles and mention count."""

    actor: Actor
    forms: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    countries: Counter[str] = field(default_factory=Counter)  # the countries the articles gave this actor

    def see(self, actor: Actor, article_id: str) -> None:
        self.articles.add(article_id)
        if actor.country:
            self.countries[actor.country] += 1

    def settled(self) -> Sighting:
        """The actor with the country most articles gave it (ties: alphabetical), whatever the article order."""
        if not self.countries:
            return self
        country = min(self.countries, key=lambda c: (-self.countries[c], c))
        return replace(self, actor=replace(self.actor, country=country))

    @property
    def mentions(self) -> int:
        return sum(self.forms.values()) or len(self.articles)


class AliasMerger:
    """The corpus stage: proposes merges over processed articles and their stories."""

    name = "aliases"
    version = "1"

    def __init__(
        self,
        transliteration: Transliteration,
        titles: Iterable[str] = (),
        similarity: float = 0.9,
        min_similar_chars: int = 8,
        links: NicknameLinks | None = None,
    ):
        """`titles`: words written before names ("Menteri", "Presiden"); a name holding one is not taken for a
        full name (it may be a title the recogniser took into the name). `links`: the words between a name and
        a nickname (default: every language's `lang/<code>/aliases.yaml`)."""
        if not 0.0 < similarity <= 1.0:
            raise KronikError("E057", f"aliases: similarity must be in (0, 1], got {similarity}")
        self.spelling = transliteration
        self.titles = frozenset(fold(t) for title in titles for t in WORD.findall(title))
        self.similarity = similarity
        self.min_similar_chars = min_similar_chars
        self.links = links or NicknameLinks.load()

    def __call__(self, articles: Sequence[Article], stories: Mapping[str, str | None] | None = None) -> tuple[Merge, ...]:
        """The merges over these articles (`stories`: article id -> story id), sorted, each actor merged once."""
        sightings, by_article = collect_sightings(articles)
        clusters = Clusters(sightings)
        self._merge_spellings(clusters, sightings)
        self._merge_similar(clusters, sightings)
        self._merge_introduced(clusters, sightings, articles)
        self._merge_abbreviations(clusters, sightings, by_article)
        self._merge_short_forms(clusters, sightings, by_article, stories or {})
        return clusters.merges()

    # --- spelling ---

    def _merge_spellings(self, clusters: Clusters, sightings: Mapping[str, Sighting]) -> None:
        by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        for actor_id in sorted(sightings):
            actor = sightings[actor_id].actor
            for name in self.full_names(sightings[actor_id]):
                key = self.spelling.key(name)
                if len(key) >= 3:
                    by_key[(kind_key(actor.kind), key)].append(actor_id)
        for members in by_key.values():
            for other in dict.fromkeys(members[1:]):
                if same_numbers(sightings[members[0]].actor.name, sightings[other].actor.name):
                    clusters.join(members[0], other, "spelling", 1.0)

    def full_names(self, sighting: Sighting) -> list[str]:
        """The canonical name and every other name of two words or more (a lone word may be a short form)."""
        names = names_of(sighting)
        return [names[0], *(n for n in names[1:] if len(self.spelling.words(n)) >= 2)]

    def _merge_similar(self, clusters: Clusters, sightings: Mapping[str, Sighting]) -> None:
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        words = {actor_id: self.spelling.words(sightings[actor_id].actor.name) for actor_id in sorted(sightings)}
        for actor_id, parts in words.items():
            for part in set(parts):
                if len(part) >= 4:
                    blocks[(kind_key(sightings[actor_id].actor.kind), part)].append(actor_id)
        compared: set[tuple[str, str]] = set()
        for members in blocks.values():
            if len(members) > LARGE_BLOCK:
                continue
            for i, left in enumerate(members):
                for right in members[i + 1 :]:
                    if (left, right) in compared or clusters.same(left, right):
                        continue
                    compared.add((left, right))
                    score = self.similar(words[left], words[right], sightings[left].actor.kind)
                    if score is not None and same_numbers(sightings[left].actor.name, sightings[right].actor.name):
                        clusters.join(left, right, "similar-spelling", score)

    def similar(self, left: tuple[str, ...], right: tuple[str, ...], kind: str) -> float | None:
        """The similarity of two names' spelling keys when they count as one name, else None."""
        joined_left, joined_right = "".join(left), "".join(right)
        if min(len(joined_left), len(joined_right)) < self.min_similar_chars:
            return None
        score = Levenshtein.normalized_similarity(joined_left, joined_right)
        if score < self.similarity:
            return None
        if kind == "person" and not same_words(left, right, self.similarity):
            return None
        return round(score, 3)

    # --- names an article introduces for another (brackets, nickname links, initials) ---

    def _merge_introduced(self, clusters: Clusters, sightings: Mapping[str, Sighting], articles: Sequence[Article]) -> None:
        """A short id merges into the one actor every article introducing it introduces it for."""
        targets: dict[str, dict[str, str]] = defaultdict(dict)  # short id -> long id -> rule
        for article in articles:
            for long_id, short_id, rule in introductions(article, self.links):
                if long_id in sightings and short_id in sightings:
                    targets[short_id].setdefault(long_id, rule)
        for short_id in sorted(targets):
            found = targets[short_id]
            if len({clusters.root(i) for i in found}) == 1:
                long_id = sorted(found)[0]
                clusters.join(long_id, short_id, found[long_id], 1.0)

    # --- abbreviations and leading parts, inside articles ---

    def _merge_abbreviations(
        self, clusters: Clusters, sightings: Mapping[str, Sighting], by_article: Mapping[str, list[str]]
    ) -> None:
        """A short form merges when every article naming it names exactly one longer form, the same (a short
        form also used alone may stand for something else there: its id is shared by the whole corpus)."""
        targets: dict[str, set[str]] = defaultdict(set)
        ambiguous: set[str] = set()
        rules: dict[str, str] = {}
        for article_id in sorted(by_article):
            present = by_article[article_id]
            for short_id in present:
                if is_curated(short_id) or short_id in ambiguous:
                    continue
                found = self._expansions(short_id, present, sightings, clusters)
                if len(found) != 1:
                    ambiguous.add(short_id)
                for into, rule in found.values():
                    targets[short_id].add(into)
                    rules[short_id] = rule
        for short_id in sorted(set(targets) - ambiguous):
            into = sorted(targets[short_id])
            if len({clusters.root(i) for i in into}) == 1:
                clusters.join(into[0], short_id, rules[short_id], 1.0)

    def _expansions(
        self, short_id: str, present: Sequence[str], sightings: Mapping[str, Sighting], clusters: Clusters
    ) -> dict[str, tuple[str, str]]:
        """Cluster root -> (a member id, rule) for each cluster in an article that the short form abbreviates."""
        short = sightings[short_id]
        found: dict[str, tuple[str, str]] = {}
        for other_id in present:
            if other_id == short_id or clusters.same(short_id, other_id):
                continue
            other = sightings[other_id]
            rule = expansion_rule(short.actor, other.actor, names_of(short), names_of(other))
            if rule is not None:
                found.setdefault(clusters.root(other_id), (other_id, rule))
        return found

    # --- short forms of people's names ---

    def _merge_short_forms(
        self,
        clusters: Clusters,
        sightings: Mapping[str, Sighting],
        by_article: Mapping[str, list[str]],
        stories: Mapping[str, str | None],
    ) -> None:
        last_names: dict[str, set[str]] = defaultdict(set)  # spelling key of a last name -> full-name actor ids
        for actor_id, sighting in sightings.items():
            if sighting.actor.kind != "person":
                continue
            for name in names_of(sighting):
                parts = self.spelling.words(name)
                if len(parts) >= 2 and self.looks_like_full_name(name):
                    last_names[parts[-1]].add(actor_id)
        in_story: dict[str, set[str]] = defaultdict(set)
        for article_id, present in by_article.items():
            in_story[stories.get(article_id) or article_id].update(present)
        for short_id in sorted(sightings):
            short = sightings[short_id].actor
            if short.kind != "person" or is_curated(short_id) or not re.fullmatch(r"[^\W\d_]{3,}", short.name):
                continue
            candidates = last_names.get(self.spelling.key(short.name), set()) - {short_id}
            into = self._short_form_target(short_id, candidates, sightings, clusters, in_story, stories)
            if into is not None:
                clusters.join(into, short_id, "short-form", 1.0)

    def looks_like_full_name(self, name: str) -> bool:
        """Two or more capitalised words without digits or titles: "Hossein Amir-Abdollahian"."""
        words = name.split()
        return all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words) and not any(
            fold(w) in self.titles for w in WORD.findall(name)
        )

    def _short_form_target(
        self,
        short_id: str,
        candidates: set[str],
        sightings: Mapping[str, Sighting],
        clusters: Clusters,
        in_story: Mapping[str, set[str]],
        stories: Mapping[str, str | None],
    ) -> str | None:
        if not candidates:
            return None
        chosen: dict[str, str] = {}
        for article_id in sorted(sightings[short_id].articles):
            nearby = in_story.get(stories.get(article_id) or article_id, set())
            roots = {clusters.root(c): c for c in sorted(candidates & nearby)}
            if len(roots) > 1:
                return None
            chosen.update(roots)
        if not chosen:
            country = sightings[short_id].actor.country
            same_country = sorted(c for c in candidates if country and sightings[c].actor.country == country)
            chosen = {clusters.root(c): c for c in same_country}
        return next(iter(chosen.values())) if len(chosen) == 1 else None


# --- clusters of actor ids -------------------------------------------------------------------------------


class Clusters:
    """Actor ids joined into clusters, refusing joins that would put two countries, two curated actors, a
    state or two kinds into one cluster; each join remembers its rule and score."""

    def __init__(self, sightings: Mapping[str, Sighting]):
        self.sightings = sightings
        self.sets = DisjointSet(sightings)
        self.reasons: dict[str, tuple[str, float]] = {}
        self.short: set[str] = set()  # ids joined as the short form of another

    def root(self, actor_id: str) -> str:
        return self.sets[actor_id]

    def same(self, left: str, right: str) -> bool:
        return self.sets.connected(left, right)

    def can_join(self, left: str, right: str) -> bool:
        actors = [self.sightings[m].actor for m in self.sets.subset(left) | self.sets.subset(right)]
        if any(a.kind == "state" for a in actors) or sum(is_curated(a.id) for a in actors) > 1:
            return False
        if len({a.country for a in actors if a.country}) > 1:
            return False
        return len({kind_key(a.kind) for a in actors if not initials_only(a)}) <= 1

    def join(self, left: str, right: str, rule: str, score: float) -> bool:
        if self.same(left, right) or not self.can_join(left, right):
            return False
        for actor_id in (left, right):
            self.reasons.setdefault(actor_id, (rule, score))
        if rule in SHORT_RULES:
            self.short.add(right)
        self.sets.merge(left, right)
        return True

    def merges(self) -> tuple[Merge, ...]:
        found = []
        for members in self.sets.subsets():
            if len(members) < 2:
                continue
            into = canonical([self.sightings[m] for m in sorted(members)], self.short).actor.id
            for member in sorted(members):
                if member != into:
                    rule, score = self.reasons.get(member, self.reasons.get(into, ("spelling", 1.0)))
                    found.append(Merge(member, into, rule, score))
        return tuple(sorted(found, key=lambda m: (m.into_id, m.from_id)))


def canonical(sightings: Sequence[Sighting], short: set[str] = frozenset()) -> Sighting:
    """The member a cluster is merged into: the curated actor, else a long form (not an abbreviation or a short
    form), the one whose name the articles write most often, then the most mentioned, the fullest name."""
    written: Counter[str] = Counter()
    for sighting in sightings:
        written.update(sighting.forms)
    return min(
        sightings,
        key=lambda s: (
            not is_curated(s.actor.id), s.actor.id in short, initials_only(s.actor), -written[s.actor.name],
            -s.mentions, -len(s.actor.name), s.actor.id,
        ),
    )


# --- reading the corpus ------------------------------------------------------------------------------------


def collect_sightings(articles: Sequence[Article]) -> tuple[dict[str, Sighting], dict[str, list[str]]]:
    """Every actor named or taking part in an event (unresolved names as `unresolved:` actors), and the actor
    ids of each article in order of appearance."""
    sightings: dict[str, Sighting] = {}
    by_article: dict[str, list[str]] = {}
    for article in articles:
        present: dict[str, None] = {}
        for entity in named_mentions(article.entities):
            actor = entity.actor
            sighting = sightings.setdefault(actor.id, Sighting(actor))
            sighting.forms[entity.text] += 1
            sighting.see(actor, article.id)
            present[actor.id] = None
        for event in article.events:
            for actor in event.actors + event.recipients:
                sightings.setdefault(actor.id, Sighting(actor)).see(actor, article.id)
                present[actor.id] = None
        by_article[article.id] = list(present)
    return {key: sighting.settled() for key, sighting in sightings.items()}, by_article


def names_of(sighting: Sighting) -> list[str]:
    """The canonical name, the aliases and the forms used in text, each once."""
    return list(dict.fromkeys([sighting.actor.name, *sighting.actor.aliases, *sighting.forms]))


def same_numbers(left: str, right: str) -> bool:
    """Names with numbers (digits, Roman numerals) name one thing only if the numbers are equal: "Komisi XI"
    and "Komisi XII", "Pasal 5" and "Pasal 55" stay apart."""
    return NUMBER.findall(left) == NUMBER.findall(right)


def same_words(left: tuple[str, ...], right: tuple[str, ...], similarity: float) -> bool:
    """People's names word by word: as many words, each pair alike (a given name differing is a new person)."""
    if len(left) != len(right):
        return "".join(left) == "".join(right)
    return all(a == b or Levenshtein.normalized_similarity(a, b) >= min(similarity, 0.75) for a, b in zip(left, right))


# --- applying merges when reading --------------------------------------------------------------------------


class MergeMap:
    """Recorded merges (from id -> into id), resolved through chains, and the merged actors they give."""

    def __init__(self, merges: Mapping[str, str]):
        self.into = dict(merges)

    def resolve(self, actor_id: str) -> str:
        seen = {actor_id}
        while actor_id in self.into:
            actor_id = self.into[actor_id]
            if actor_id in seen:
                raise KronikError("E211", f"actor merges form a cycle through {actor_id!r}")
            seen.add(actor_id)
        return actor_id

    def members(self) -> dict[str, list[str]]:
        """Canonical id -> the ids merged into it (itself first)."""
        groups: dict[str, list[str]] = defaultdict(list)
        for actor_id in sorted(self.into):
            groups[self.resolve(actor_id)].append(actor_id)
        return {root: [root, *found] for root, found in groups.items()}

    def merged_actors(self, known: Mapping[str, Actor]) -> dict[str, Actor]:
        """Every canonical and merged-from id -> the merged actor: the canonical one with the others' names as
        aliases, and their country or sector where it has none and they agree."""
        result: dict[str, Actor] = {}
        for root, ids in self.members().items():
            actors = [known[i] for i in ids if i in known]
            if not actors:
                continue
            base = known.get(root) or actors[0]
            merged = merge_actors(replace(base, id=root), actors)
            result.update({i: merged for i in ids})
        return result

    def __bool__(self) -> bool:
        return bool(self.into)


def merge_actors(base: Actor, others: Sequence[Actor]) -> Actor:
    names = [n for a in others for n in (a.name, *a.aliases)]
    aliases = tuple(dict.fromkeys(n for n in (*base.aliases, *names) if n != base.name))
    countries = {a.country for a in others if a.country}
    sectors = {a.sector for a in others if a.sector}
    return replace(
        base,
        aliases=aliases,
        country=base.country or (countries.pop() if len(countries) == 1 else None),
        sector=base.sector or (sectors.pop() if len(sectors) == 1 else None),
    )
