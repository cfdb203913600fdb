-- Actor merges (corpus stage `aliases`, or by hand with `kronik actors merge`): `from_id` is the same actor
-- as `into_id`. Merges are applied when reading, so undoing one is deleting its row; an undone merge is kept
-- in actor_merge_rejections so that later runs do not make it again.

CREATE TABLE actor_merges (
    from_id VARCHAR PRIMARY KEY,
    into_id VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,   -- spelling, similar-spelling, abbreviation, name-prefix, short-form or manual
    score DOUBLE,            -- the evidence, 0..1
    run_id VARCHAR,          -- the run that made it (NULL for a merge by hand)
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE actor_merge_rejections (
    from_id VARCHAR NOT NULL,
    into_id VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (from_id, into_id)
);
