-- realpolitik's event store.  One DuckDB file; every table is keyed so re-ingesting is
-- idempotent.  Events from imported datasets (GDELT, ICEWS, ACLED, POLECAT, TKG) share the
-- events table, with `dataset` and `original_id` for provenance and no article.

CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR PRIMARY KEY,
    date         DATE NOT NULL,
    title        VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    origin       VARCHAR,
    line         INTEGER,
    body_start   INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id   VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    actor_id     VARCHAR NOT NULL,
    actor_name   VARCHAR,
    country      VARCHAR,
    sector       VARCHAR,
    cameo        VARCHAR,
    PRIMARY KEY (article_id, start_char, end_char, actor_id)
);

CREATE TABLE IF NOT EXISTS events (
    event_id         VARCHAR PRIMARY KEY,
    dataset          VARCHAR NOT NULL,
    original_id      VARCHAR,
    article_id       VARCHAR,
    date             DATE NOT NULL,
    source_text      VARCHAR,
    source_id        VARCHAR,
    source_name      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    source_cameo     VARCHAR,
    target_text      VARCHAR,
    target_id        VARCHAR,
    target_name      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    target_cameo     VARCHAR,
    plover_event     VARCHAR,
    plover_mode      VARCHAR,
    plover_context   VARCHAR,
    cameo_code       VARCHAR,
    cameo_root       VARCHAR,
    quad_class       TINYINT,
    goldstein        DOUBLE,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    location_precision VARCHAR,
    confidence       DOUBLE,
    evidence_text    VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    trigger_start    INTEGER,
    trigger_end      INTEGER
);

CREATE TABLE IF NOT EXISTS facts (
    fact_id          VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    date             DATE NOT NULL,
    kind             VARCHAR NOT NULL,
    value            DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    qualifier        VARCHAR NOT NULL,
    of_what          VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    location_precision VARCHAR,
    attribution      VARCHAR,
    perpetrator      VARCHAR,
    cumulative       BOOLEAN,
    evidence_text    VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER
);
