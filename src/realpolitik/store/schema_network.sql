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
