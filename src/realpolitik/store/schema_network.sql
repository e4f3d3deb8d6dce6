-- Provenance of imported rows, read by the clustering, dyad and network queries in
-- realpolitik.store.analytics.  One row per imported event report.  (No extra indexes:
-- DuckDB's zone maps serve the date and dyad scans, and ART indexes would slow bulk loads.)

CREATE TABLE IF NOT EXISTS event_meta (
    event_id      VARCHAR PRIMARY KEY,
    report_source VARCHAR,   -- the outlet or URL the row was coded from (publisher, SOURCEURL)
    story_id      VARCHAR,   -- the dataset's story/article id, when it has one
    n_articles    INTEGER,   -- reports the row already stands for (GDELT NumArticles)
    n_sources     INTEGER,   -- sources the row already stands for (GDELT NumSources)
    version       BIGINT     -- the dataset's row version (ACLED timestamp)
);

-- Events: the clusters of reports that realpolitik.store.analytics describes ("Event ≠
-- report"), for the default window of one day.  Kept up to date by every write to the events
-- table, inside the same transaction (re-clustering only the touched dyads and acts from
-- the first touched date on), so that the dyad and network queries read events directly.
-- Rows are written ordered by dyad, so zone maps serve the one-dyad scans of `relations`.
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id       VARCHAR,   -- the smallest id among its reports
    k0               UBIGINT,   -- hash of the clustering key (dataset, dyad, act)
    dataset          VARCHAR,
    date             DATE,      -- the first report's date
    last_date        DATE,
    source_id        VARCHAR,
    target_id        VARCHAR,
    source_name      VARCHAR,
    target_name      VARCHAR,
    source_country   VARCHAR,
    target_country   VARCHAR,
    location_country VARCHAR,
    cameo_root       VARCHAR,
    cameo_code       VARCHAR,   -- the most common code among its reports
    plover_event     VARCHAR,
    quad_class       TINYINT,
    goldstein        DOUBLE,    -- mean of its reports'
    n_rows           INTEGER,   -- stored report rows
    n_reports        BIGINT,    -- reports (a GDELT row stands for NumArticles)
    n_sources        BIGINT,
    report_ids       VARCHAR[], -- every report, by date and id
    evidence_text    VARCHAR
);

-- Small facts about the store itself (e.g. which version of the clusters table it holds).
CREATE TABLE IF NOT EXISTS store_state (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
