-- Report statistics (docs/adr/0010-report-statistics.md): derived tables rebuilt as a whole by the stats refresh job
-- (reports.internal.StatsRebuild) and swapped in by rename, so a report never joins the base tables. They are UNLOGGED:
-- after a crash PostgreSQL empties them, and the application rebuilds empty statistics at startup.
-- The refresh creates each table's successor with CREATE TABLE … (LIKE …) and the indexes named in StatsRebuild.

-- One row per active person (not merged away, not erased): everything a distinct count needs. Days are UTC dates.
CREATE UNLOGGED TABLE stats_person (
    person_id           BIGINT  NOT NULL,
    -- 'XX' when the person has no state
    state               CHAR(2) NOT NULL,
    zip5                TEXT,
    city                TEXT,
    source              TEXT,
    created_on          DATE    NOT NULL,
    -- the primary address is SUBSCRIBED now
    subscribed          BOOLEAN NOT NULL,
    tag_ids             BIGINT[],
    -- the petitions signed, ascending, and the day of each signature (same order)
    signed_petitions    BIGINT[],
    signed_on           DATE[],
    -- days with a gift, and the weeks (Monday to Sunday) with a gift
    donation_days       DATEMULTIRANGE,
    donation_weeks      DATEMULTIRANGE,
    -- days and weeks with a shift the person attended or is signed up for
    volunteer_days      DATEMULTIRANGE,
    volunteer_weeks     DATEMULTIRANGE
);
CREATE INDEX stats_person_state_idx ON stats_person (state);

-- One row per signature, gift and attended sign-up with hours of an active person, in day order, with the person's
-- population attributes copied in, for reports filtered by tag or petition. value: 1 per signature, cents per gift,
-- hundredths of an hour per sign-up.
CREATE UNLOGGED TABLE stats_fact (
    day              DATE     NOT NULL,
    kind             SMALLINT NOT NULL,
    state            CHAR(2)  NOT NULL,
    source           TEXT,
    petition_id      BIGINT,
    tag_ids          BIGINT[],
    signed_petitions BIGINT[],
    value            BIGINT   NOT NULL
);
CREATE INDEX stats_fact_day_brin ON stats_fact USING brin (day);

-- stats_fact summed by day, state, source and kind, for reports without a tag or petition filter.
CREATE UNLOGGED TABLE stats_daily (
    day    DATE     NOT NULL,
    kind   SMALLINT NOT NULL,
    state  CHAR(2)  NOT NULL,
    source TEXT,
    value  BIGINT   NOT NULL
);
CREATE INDEX stats_daily_day_idx ON stats_daily (day);

-- When the statistics were last rebuilt; one row at most.
CREATE TABLE stats_refresh (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    refreshed_at TIMESTAMPTZ NOT NULL,
    took_ms      BIGINT      NOT NULL,
    people       BIGINT      NOT NULL
);
