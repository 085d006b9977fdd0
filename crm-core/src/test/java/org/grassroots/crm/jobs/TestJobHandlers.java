package org.grassroots.crm.jobs;

import java.time.Duration;
import java.util.Optional;

import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.jobs.RetryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Job types that exist only in the tests, each doing real work against the job machinery. */
@Configuration(proxyBeanMethods = false)
class TestJobHandlers {

    static final String COUNT = "test:count";
    static final String FLAKY = "test:flaky";
    static final String ALWAYS_FAILS = "test:always-fails";
    static final String RETRY_IN_AN_HOUR = "test:retry-in-an-hour";
    static final String UNTIL_CANCELLED = "test:until-cancelled";
    static final String RECORD = "test:record";
    static final String FROM_SOURCE = "test-source:echo";
    /** Recorded runs: which instance ran which job, for which schedule tick. */
    static final String RUNS_TABLE = """
            CREATE TABLE IF NOT EXISTS test_job_run (
                job_id BIGINT NOT NULL, schedule_id TEXT, scheduled_for TIMESTAMPTZ, node TEXT NOT NULL,
                ran_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())""";

    /** Counts to {@code n}: progress, two counters in a fixed order, a log line every ten. */
    @Bean
    JobHandler countingHandler() {
        return handler(COUNT, RetryPolicy.NONE, job -> {
            int n = Integer.parseInt(job.parameters().get("n"));
            for (int i = 1; i <= n; i++) {
                job.count("zebra rows", 1);
                if (i % 2 == 0) {
                    job.count("apple rows", 1);
                }
                if (i % 10 == 0) {
                    job.log("Counted " + i);
                }
                job.progress(i, n);
                job.checkCancelled();
            }
        });
    }

    /** Fails its first {@code failures} attempts; three attempts, retries after 100 ms, 200 ms. */
    @Bean
    JobHandler flakyHandler() {
        return handler(FLAKY, RetryPolicy.of(3, Duration.ofMillis(100)), job -> {
            if (job.attempt() <= Integer.parseInt(job.parameters().get("failures"))) {
                throw new IllegalStateException("The remote list said no (attempt " + job.attempt() + ")");
            }
            job.count("synced", 7);
        });
    }

    @Bean
    JobHandler alwaysFailingHandler() {
        return handler(ALWAYS_FAILS, RetryPolicy.of(2, Duration.ofMillis(50)), job -> {
            throw new IllegalStateException("The mail service is down");
        });
    }

    @Bean
    JobHandler retryInAnHourHandler() {
        return handler(RETRY_IN_AN_HOUR, RetryPolicy.of(2, Duration.ofHours(1)), job -> {
            throw new IllegalStateException("Not now");
        });
    }

    /** Works in small steps until cancelled; gives up with an error after 30 s so a broken cancel fails a test. */
    @Bean
    JobHandler untilCancelledHandler() {
        return handler(UNTIL_CANCELLED, RetryPolicy.NONE, job -> {
            long started = System.nanoTime();
            for (long step = 1; System.nanoTime() - started < Duration.ofSeconds(30).toNanos(); step++) {
                job.progress(step, -1);
                job.checkCancelled();
                Thread.sleep(20);
            }
            throw new IllegalStateException("Nobody cancelled me");
        });
    }

    /** Records that this job ran, where, and for which tick; sleeps {@code millis} if given. */
    @Bean
    JobHandler recordingHandler(JdbcClient jdbc) {
        return handler(RECORD, RetryPolicy.NONE, job -> {
            jdbc.sql("INSERT INTO test_job_run (job_id, schedule_id, scheduled_for, node) "
                    + "SELECT id, schedule_id, scheduled_for, node FROM job WHERE id = :id")
                    .param("id", job.jobId()).update();
            String millis = job.parameters().get("millis");
            if (millis != null) {
                Thread.sleep(Long.parseLong(millis));
            }
        });
    }

    /** A source of dynamic types, as the plugin host is; it also claims {@code test:count}, which a bean owns. */
    @Bean
    JobHandlerSource testSource() {
        return type -> switch (type) {
            case FROM_SOURCE -> Optional.of(handler(FROM_SOURCE, RetryPolicy.NONE,
                    job -> job.count(job.parameters().get("say"), 1)));
            case COUNT -> Optional.of(handler(COUNT, RetryPolicy.NONE, job -> {
                throw new IllegalStateException("the source must not win over a bean");
            }));
            default -> Optional.empty();
        };
    }

    interface Body {
        void run(JobContext job) throws Exception;
    }

    static JobHandler handler(String type, RetryPolicy policy, Body body) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public RetryPolicy retryPolicy() {
                return policy;
            }

            @Override
            public void run(JobContext job) throws Exception {
                body.run(job);
            }
        };
    }
}
