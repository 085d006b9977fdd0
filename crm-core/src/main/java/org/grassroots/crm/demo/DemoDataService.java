package org.grassroots.crm.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.database.BulkLoadWindow;
import org.grassroots.crm.demo.internal.DonationsLoader;
import org.grassroots.crm.demo.internal.PeopleLoader;
import org.grassroots.crm.demo.internal.VolunteeringLoader;
import org.grassroots.crm.donations.DonorService;
import org.grassroots.crm.demo.internal.SyntheticPeople;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Fills an empty database with realistic synthetic data, marked {@code demo}, through COPY on one connection and in
 * one transaction: it all lands or none of it does. Refuses a database that already holds real supporters.
 */
@Service
public class DemoDataService {

    public static final int MAX_SUPPORTERS = 20_000_000;
    private static final String[] BULK_TABLES = {"person", "person_email", "subscription_event", "person_phone",
            "person_tag", "recurring_plan", "donation", "volunteer", "volunteer_skill", "availability", "event",
            "shift", "signup"};
    private static final String[] EXPLICIT_ID_TABLES = {"person", "recurring_plan", "donation", "event", "shift"};

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final DonorService donors;

    DemoDataService(DataSource dataSource, JdbcClient jdbc, AuditLog audit, Clock clock, DonorService donors) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.donors = donors;
    }

    /** Whether any demo data is loaded, so the UI can say so on every screen. */
    public boolean isPresent() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person WHERE demo)").query(Boolean.class).single();
    }

    public DemoDataReport generate(int supporters, long seed, Consumer<String> progress) {
        if (supporters < 1 || supporters > MAX_SUPPORTERS) {
            throw new InvalidInputException("supporters",
                    "Ask for between 1 and " + MAX_SUPPORTERS + " supporters (got " + supporters + ").");
        }
        long real = jdbc.sql("SELECT count(*) FROM person WHERE NOT demo").query(Long.class).single();
        if (real > 0) {
            throw new InvalidInputException("supporters", "This database already holds " + real
                    + " real supporters; demo data is only loaded into a database without real data.");
        }
        Instant start = clock.instant();
        long firstId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM person").query(Long.class).single();
        SyntheticPeople people = new SyntheticPeople(seed, firstId, start, zip3ByState());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                load(connection, people, supporters, progress);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw new IllegalStateException("Demo data was not loaded (nothing was written): " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database to load demo data: " + e.getMessage(), e);
        }
        analyze();
        progress.accept("building donor summaries");
        asSystem(donors::refreshAll);
        Duration took = Duration.between(start, clock.instant());
        audit.record(new AuditEntry("system", AuditAction.DEMO_DATA_GENERATED, "demo-data", Long.toString(seed), null,
                Map.of("supporters", supporters, "seconds", took.toSeconds())));
        return new DemoDataReport(supporters, seed, took);
    }

    private void load(Connection connection, SyntheticPeople people, int supporters, Consumer<String> progress)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit = off");
        }
        long firstDonationId = nextId("donation");
        long firstPlanId = nextId("recurring_plan");
        BulkLoadWindow window = BulkLoadWindow.open(connection, BULK_TABLES);
        new PeopleLoader(connection, people, supporters, progress).load();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        new DonationsLoader(connection, people, supporters, firstDonationId, firstPlanId, now.toLocalDate(), progress)
                .load();
        new VolunteeringLoader(connection, people, supporters, now, progress).load();
        progress.accept("checking keys and rebuilding indexes");
        window.close();
        try (Statement statement = connection.createStatement()) {
            for (String table : EXPLICIT_ID_TABLES) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "(SELECT coalesce(max(id), 1) FROM " + table + "))");
            }
        }
    }

    private void analyze() {
        for (String table : BULK_TABLES) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    private long nextId(String table) {
        return jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM " + table).query(Long.class).single();
    }

    /** The donor rollup is a fundraiser's operation; the loader runs it as the system on their behalf. */
    private static void asSystem(Runnable action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Map<UsState, List<String>> zip3ByState() {
        return jdbc.sql("SELECT zip3, state FROM zip3_state ORDER BY zip3")
                .query((rs, row) -> Map.entry(UsState.valueOf(rs.getString("state")), rs.getString("zip3")))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
