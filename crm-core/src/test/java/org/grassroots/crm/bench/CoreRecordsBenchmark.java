package org.grassroots.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.grassroots.crm.demo.DemoDataService;
import org.grassroots.crm.donations.DonorService;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PersonTimelineService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 3's server-side targets at the size given by {@code crm.bench.supporters} (1.2M by default): loads demo data
 * into the benchmark's own throw-away database, then times the supporter screens' queries through the real services.
 * Baseline: a primary-key lookup of one supporter over the same connection pool, measured in the same run.
 * Run with {@code ./mvnw -Pbench verify -pl crm-core -am}.
 */
@SpringBootTest
class CoreRecordsBenchmark {

    private static final int PAGE = 50;

    @Autowired
    DemoDataService demoData;

    @Autowired
    PersonSearchService search;

    @Autowired
    PersonService people;

    @Autowired
    PersonTimelineService timelines;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    DonorService donors;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supporterScreensAtScale() {
        int supporters = Integer.getInteger("crm.bench.supporters", 1_200_000);
        Timings timings = new Timings("Supporters, " + String.format("%,d", supporters) + " people ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        DemoLoad.ensure(demoData, jdbc, supporters, timings);
        signInAsAdmin();

        long minId = jdbc.sql("SELECT min(id) FROM person").query(Long.class).single();
        long maxId = jdbc.sql("SELECT max(id) FROM person").query(Long.class).single();
        SplittableRandom random = new SplittableRandom(7);
        List<String> emails = sample("SELECT email FROM person_email TABLESAMPLE SYSTEM (1) LIMIT 500");
        List<String> names = sample("SELECT first_name || ' ' || last_name FROM person TABLESAMPLE SYSTEM (1) LIMIT 500");
        List<String> lastNames = sample("SELECT last_name FROM person TABLESAMPLE SYSTEM (1) LIMIT 500");

        timings.baseline("primary-key lookup (baseline)", 50, 500, i -> jdbc
                .sql("SELECT id, first_name, last_name FROM person WHERE id = ?")
                .param(random.nextLong(minId, maxId + 1)).query((rs, row) -> rs.getLong(1)).list());
        timings.measure("supporters grid: first page", "< 150 ms", 20, 200,
                i -> assertThat(search.listing(PersonQuery.all()).fetch(0, PAGE)).hasSize(PAGE));
        timings.measure("supporters grid: jump deep into the list", "< 150 ms", 20, 200, i -> assertThat(
                search.listing(PersonQuery.all()).fetch(random.nextInt(supporters / 4, supporters * 3 / 4), PAGE))
                .hasSize(PAGE));
        timings.measure("exact e-mail search", "< 20 ms", 20, 300, i -> assertThat(
                search.listing(query(emails.get(i % emails.size()))).fetch(0, PAGE)).hasSize(1));
        timings.measure("fuzzy name search: first and last name", "p95 < 150 ms", 20, 200,
                i -> search.listing(query(names.get(i % names.size()))).fetch(0, PAGE));
        timings.measure("fuzzy name search: last name only", "p95 < 150 ms", 20, 200,
                i -> search.listing(query(lastNames.get(i % lastNames.size()))).fetch(0, PAGE));
        timings.measure("supporter page with full timeline", "< 100 ms", 20, 300, i -> {
            long id = random.nextLong(minId, maxId + 1);
            assertThat(people.findById(id)).isPresent();
            timelines.timeline(id);
        });
        List<Long> donorIds = jdbc.sql("SELECT person_id FROM donor_summary TABLESAMPLE SYSTEM (5) LIMIT 500")
                .query(Long.class).list();
        timings.measure("donor summary", "< 50 ms", 20, 300,
                i -> assertThat(donors.summaryFor(donorIds.get(i % donorIds.size()))).isPresent());
        timings.measure("FEC follow-up list: first page", "< 500 ms", 5, 50,
                i -> donors.fecFollowUp(0, PAGE));
        timings.measure("FEC follow-up list: page 100", "< 500 ms", 5, 50,
                i -> donors.fecFollowUp(100 * PAGE, PAGE));
        timings.report();
    }

    private PersonQuery query(String text) {
        return new PersonQuery(text, null, null, false);
    }

    private List<String> sample(String sql) {
        List<String> values = jdbc.sql(sql).query(String.class).list();
        assertThat(values).isNotEmpty();
        return values;
    }

    private void signInAsAdmin() {
        var admin = userDetails.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }
}
