package org.grassroots.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.DonorService;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs the generator (and the {@code --demo-data} runner) against a scratch database of its own, since it only fills
 * a database without real data.
 */
@SpringBootTest
class DemoDataServiceTest {

    private static final int SUPPORTERS = 3_000;

    @Autowired
    JdbcClient mainDatabase;

    @Autowired
    AuditLog audit;

    @Autowired
    DonorService donors;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JobService jobs;

    @Value("${spring.datasource.url}")
    String mainUrl;

    JdbcClient scratch;
    DemoDataService demoData;

    @BeforeEach
    void scratchDatabase() {
        String name = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        mainDatabase.sql("CREATE DATABASE " + name).update();
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                mainUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1"), "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        scratch = JdbcClient.create(dataSource);
        demoData = new DemoDataService(dataSource, scratch, audit, Clock.systemUTC(), donors);
    }

    @Test
    void loadsRealisticMarkedSupportersWhoseZipMatchesTheirState() {
        List<String> progress = new ArrayList<>();
        DemoDataReport report = demoData.generate(SUPPORTERS, 7, progress::add);

        assertThat(report.supporters()).isEqualTo(SUPPORTERS);
        assertThat(count("SELECT count(*) FROM person WHERE demo AND source = 'demo'")).isEqualTo(SUPPORTERS);
        assertThat(count("SELECT count(*) FROM person_email WHERE is_primary")).isEqualTo(SUPPORTERS);
        assertThat(count("""
                SELECT count(*) FROM person p JOIN zip3_state z ON z.zip3 = substr(p.zip, 1, 3)
                WHERE z.state = p.state""")).isEqualTo(SUPPORTERS);
        assertThat(count("SELECT count(*) FROM subscription_event")).isGreaterThan(SUPPORTERS);
        assertThat(count("SELECT count(*) FROM person_email WHERE status <> 'SUBSCRIBED'"))
                .isBetween((long) (SUPPORTERS * 0.06), (long) (SUPPORTERS * 0.20));
        assertThat(count("SELECT count(*) FROM person_phone")).isBetween(SUPPORTERS * 35L / 100, SUPPORTERS * 55L / 100);
        // weighted by population: California has far more supporters than Wyoming
        assertThat(count("SELECT count(*) FROM person WHERE state = 'CA'"))
                .isGreaterThan(10 * count("SELECT count(*) FROM person WHERE state = 'WY'"));
        assertThat(demoData.isPresent()).isTrue();
        // giving: about a third donate, with a long tail of amounts, and some give monthly
        long donors = count("SELECT count(DISTINCT person_id) FROM donation");
        assertThat(donors).isBetween(SUPPORTERS * 25L / 100, SUPPORTERS * 45L / 100);
        assertThat(count("SELECT count(*) FROM recurring_plan")).isPositive();
        assertThat(count("SELECT count(*) FROM donation WHERE amount >= 1000")).isPositive()
                .isLessThan(count("SELECT count(*) FROM donation WHERE amount < 100"));
        assertThat(count("SELECT count(*) FROM donation d JOIN recurring_plan r ON r.id = d.recurring_plan_id "
                + "WHERE r.person_id <> d.person_id")).isZero();
        // volunteering: one in twelve, every sign-up within its shift's capacity
        assertThat(count("SELECT count(*) FROM volunteer")).isBetween(SUPPORTERS / 20L, SUPPORTERS / 8L);
        assertThat(count("SELECT count(*) FROM signup")).isPositive();
        assertThat(count("SELECT count(*) FROM (SELECT s.id FROM shift s JOIN signup g ON g.shift_id = s.id "
                + "GROUP BY s.id, s.capacity HAVING count(*) > s.capacity) over_full")).isZero();
        assertThat(count("SELECT count(*) FROM signup WHERE hours IS NOT NULL AND status <> 'ATTENDED'")).isZero();
        // events happen in the daytime: nothing starts before 9:00 or ends after 21:00
        assertThat(count("SELECT count(*) FROM event WHERE starts_at::time < '09:00' OR ends_at::time > '21:00' "
                + "OR ends_at::date <> starts_at::date")).isZero();
        assertThat(progress).anyMatch(step -> step.contains("indexes"));
        // the dropped indexes and keys are back
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'person_search_name_trgm'")).isOne();
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'person_email'::regclass AND contype = 'f'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'person_email_uk'")).isOne();
    }

    @Test
    void demoDataLoadedAtStartUpQueuesAReportStatisticsRefresh() {
        long before = latestStatsRefreshJob();

        new DemoDataRunner(demoData, events).run(new DefaultApplicationArguments("--demo-data=50", "--demo-seed=5"));

        assertThat(count("SELECT count(*) FROM person WHERE demo")).isEqualTo(50);
        long queued = latestStatsRefreshJob();
        assertThat(queued).as("a stats-refresh job queued after the load").isGreaterThan(before);
        TestSecurity.signInAs("admin", Role.ADMIN);
        try {
            var job = jobs.find(queued).orElseThrow();
            assertThat(job.requestedBy()).isEqualTo("system");
            assertThat(job.scheduleId()).as("not a tick of the 15-minute schedule").isNull();
            jobs.cancel(queued);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        demoData.generate(50, 99, step -> { });
        List<String> first = scratch.sql("SELECT first_name || last_name || zip FROM person ORDER BY id")
                .query(String.class).list();
        scratch.sql("TRUNCATE person CASCADE").update();

        demoData.generate(50, 99, step -> { });

        assertThat(scratch.sql("SELECT first_name || last_name || zip FROM person ORDER BY id").query(String.class)
                .list()).isEqualTo(first);
    }

    @Test
    void refusesADatabaseWithRealSupportersAndWritesNothing() {
        scratch.sql("INSERT INTO person (first_name, last_name) VALUES ('Real', 'Person')").update();

        assertThatThrownBy(() -> demoData.generate(10, 1, step -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 real supporters");
        assertThat(count("SELECT count(*) FROM person")).isOne();
    }

    @Test
    void refusesAnUnreasonableSize() {
        assertThatThrownBy(() -> demoData.generate(0, 1, step -> { })).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> demoData.generate(DemoDataService.MAX_SUPPORTERS + 1, 1, step -> { }))
                .isInstanceOf(InvalidInputException.class);
    }

    /** The id of the newest stats-refresh job in the application's database, 0 when there is none. */
    private long latestStatsRefreshJob() {
        return mainDatabase.sql("SELECT coalesce(max(id), 0) FROM job WHERE type = 'stats-refresh'")
                .query(Long.class).single();
    }

    private long count(String sql) {
        return scratch.sql(sql).query(Long.class).single();
    }
}
