-- Report statistics, second shape (docs/adr/0013-report-statistics-per-person-activity.md, superseding the storage
-- part of ADR 0010): each person's activity as sorted day arrays with running totals, so a filtered report is one
-- pass over its population with no fact table, plus small rollups for unfiltered reports. All tables are derived,
-- UNLOGGED and rebuilt by reports.internal.StatsRebuild; emptying stats_refresh makes the next start rebuild them.
DROP TABLE stats_fact;
DROP TABLE stats_daily;
DROP TABLE stats_person;
DELETE FROM stats_refresh;

-- One row per active person (not merged, not erased). Days are UTC dates. In the day arrays, width_bucket(d, days)
-- is the number of elements on or before d, so elements within [from, to] are
-- width_bucket(to, days) - width_bucket(from - 1, days), and a running total at that position is a sum up to d.
CREATE UNLOGGED TABLE stats_person (
    person_id        BIGINT  NOT NULL,
    -- 'XX' when the person has no state
    state            CHAR(2) NOT NULL,
    zip5             TEXT,
    city             TEXT,
    source           TEXT,
    created_on       DATE    NOT NULL,
    -- the primary address is SUBSCRIBED now
    subscribed       BOOLEAN NOT NULL,
    tag_ids          BIGINT[],
    -- the petitions signed, ascending, and the day of each signature (same order)
    signed_petitions BIGINT[],
    signed_on        DATE[],
    -- the day of every signature, ascending (a day repeats when several were signed on it)
    signature_days   DATE[],
    -- the days with a gift in any currency, ascending, and the US-dollar cents given up to and including each
    gift_days        DATE[],
    gift_cents       BIGINT[],
    -- the days with a sign-up SIGNED_UP, CONFIRMED or ATTENDED, ascending, and the hundredths of an hour logged on
    -- ATTENDED sign-ups up to and including each
    volunteer_days   DATE[],
    volunteer_hours  BIGINT[]
);
CREATE INDEX stats_person_state_idx ON stats_person (state);

-- People by creation day, state, source and subscription: supporters, subscribed and new supporters of unfiltered
-- reports.
CREATE UNLOGGED TABLE stats_cohort (
    created_on DATE    NOT NULL,
    state      CHAR(2) NOT NULL,
    source     TEXT,
    subscribed BOOLEAN NOT NULL,
    people     BIGINT  NOT NULL
);

-- The people with a gift or a sign-up, narrow: donors and active volunteers of unfiltered reports.
CREATE UNLOGGED TABLE stats_active (
    state          CHAR(2) NOT NULL,
    source         TEXT,
    gift_days      DATE[],
    volunteer_days DATE[]
);

-- Signatures, US-dollar cents and hundredths of hours by day, state and source: sums of unfiltered reports.
-- kind: 1 signatures, 2 gifts, 3 volunteer hours.
CREATE UNLOGGED TABLE stats_daily (
    day    DATE     NOT NULL,
    kind   SMALLINT NOT NULL,
    state  CHAR(2)  NOT NULL,
    source TEXT,
    value  BIGINT   NOT NULL
);
CREATE INDEX stats_daily_day_idx ON stats_daily (day);

-- Donors (kind 2) and active volunteers (kind 3) per Monday-to-Sunday week, state and source: weekly series of
-- unfiltered reports.
CREATE UNLOGGED TABLE stats_weekly_active (
    week   DATE     NOT NULL,
    kind   SMALLINT NOT NULL,
    state  CHAR(2)  NOT NULL,
    source TEXT,
    people BIGINT   NOT NULL
);
