-- Initial schema: runs, articles with their processing results, event and entity mentions, actors, links.
-- Nested values are JSON text in VARCHAR columns (no extension needed, works offline).

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    input VARCHAR,
    kronik_version VARCHAR,
    config VARCHAR,          -- JSON object: the resolved Config
    stage_versions VARCHAR,  -- JSON object: stage name -> version
    counts VARCHAR           -- JSON object: what the run produced
);

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published DATE,
    published_source VARCHAR,
    language VARCHAR,
    text VARCHAR,
    raw_text VARCHAR,
    origin VARCHAR,
    removed VARCHAR,    -- JSON list of {text, rule}
    sentences VARCHAR,  -- JSON list of {index, start, end, text}
    dates VARCHAR,      -- JSON list of {start, end, text, value, precision, rule}
    stages VARCHAR,     -- JSON list of stage names, in order
    content_hash VARCHAR,
    run_id VARCHAR
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,  -- order of the mention in its article
    category VARCHAR,
    mode VARCHAR,
    context VARCHAR,     -- JSON list
    actors VARCHAR,      -- JSON list of ACTOR
    recipients VARCHAR,  -- JSON list of ACTOR
    date VARCHAR,
    date_precision VARCHAR,
    date_text VARCHAR,
    location VARCHAR,    -- JSON {name, country, lat, lon} or NULL
    sentence_index INTEGER,
    sentence VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    score DOUBLE,
    entry_ids VARCHAR,   -- JSON list
    run_id VARCHAR
);

CREATE TABLE entity_mentions (
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,
    type VARCHAR,
    rule VARCHAR,
    actor_id VARCHAR,
    actor_name VARCHAR,
    actor_kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    actor_aliases VARCHAR  -- JSON list: the aliases of the actor as resolved in this article
);

CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    aliases VARCHAR  -- JSON list
);

CREATE TABLE article_links (
    article_id VARCHAR PRIMARY KEY,
    story_id VARCHAR,
    duplicate_of VARCHAR
);

