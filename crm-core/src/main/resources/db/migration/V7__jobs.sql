-- Background jobs (ADR 0005): db-scheduler's execution table, our job records with their logs, and cron schedules.

-- db-scheduler 16's own PostgreSQL table, as published with the library (priority column and its indexes included).
-- Each row is one due or running execution; instances claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per submitted job: what staff see on the Jobs screen. The db-scheduler execution only triggers a run;
-- this row is the truth about the job's state.
CREATE TABLE job (
    id               BIGSERIAL PRIMARY KEY,
    type             TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    parameters       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    requested_by     TEXT        NOT NULL,
    state            TEXT        NOT NULL DEFAULT 'QUEUED'
        CHECK (state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress_done    BIGINT      NOT NULL DEFAULT 0,
    progress_total   BIGINT      NOT NULL DEFAULT -1,  -- -1: not known (yet)
    counts           JSONB       NOT NULL DEFAULT '[]'::jsonb,  -- [["sent", 12], ["failed", 1]] in first-counted order
    error            TEXT,
    attempt          INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL DEFAULT 1 CHECK (max_attempts >= 1),
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    schedule_id      TEXT,
    scheduled_for    TIMESTAMPTZ,  -- the cron tick that submitted it
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    node             TEXT          -- the instance (host:pid) that ran the latest attempt
);

-- "Recent jobs" pages newest first by the primary key; a non-admin sees their own.
CREATE INDEX job_requester_idx ON job (requested_by, id DESC);
-- A schedule's tick is skipped while an earlier run of it is still active.
CREATE INDEX job_schedule_active_idx ON job (schedule_id, id DESC)
    WHERE schedule_id IS NOT NULL AND state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT');

-- A job's log, bounded: the runner keeps the newest 200 lines of each job.
CREATE TABLE job_log (
    id        BIGSERIAL PRIMARY KEY,
    job_id    BIGINT      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    logged_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    line      TEXT        NOT NULL
);

CREATE INDEX job_log_job_idx ON job_log (job_id, id);

-- Cron schedules shared by every instance; each has one db-scheduler execution ('crm-schedule', schedule_id) that
-- fires at next_run_at and moves itself on.
CREATE TABLE job_schedule (
    schedule_id    TEXT        PRIMARY KEY CHECK (length(schedule_id) BETWEEN 1 AND 200),
    cron           TEXT        NOT NULL,
    job_type       TEXT        NOT NULL,
    job_title      TEXT        NOT NULL,
    job_parameters JSONB       NOT NULL DEFAULT '{}'::jsonb,
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    last_job_id    BIGINT      REFERENCES job (id) ON DELETE SET NULL,
    last_tick_at   TIMESTAMPTZ,  -- the newest tick handled, so a replayed tick never submits twice
    next_run_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
