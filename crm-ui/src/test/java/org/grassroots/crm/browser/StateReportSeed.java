package org.grassroots.crm.browser;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small, deliberate set of supporters for the state reports, all from one made-up source so a report filtered by
 * it sees only them whatever else the shared test database holds: 28 in Iowa over four ZIP codes and three cities,
 * 6 in New Hampshire (every count of theirs below 10), 15 in California, 3 in Texas and 2 without a state, created
 * over the last five weeks, with signatures on one petition, gifts (one in Canadian dollars) and volunteer sign-ups
 * with hours. The expected figures are computed from this plan, never read off a screen.
 */
final class StateReportSeed {

    /** One planned supporter; {@code signup} is a sign-up status or null. */
    record Supporter(int n, @Nullable String state, @Nullable String city, @Nullable String zip, boolean subscribed,
            boolean signs, @Nullable BigDecimal giftUsd, boolean giftCad, @Nullable String signup,
            @Nullable BigDecimal hours, LocalDate created) {

        boolean isDonor() {
            return giftUsd != null || giftCad;
        }

        boolean isActiveVolunteer() {
            return signup != null && List.of("SIGNED_UP", "CONFIRMED", "ATTENDED").contains(signup);
        }
    }

    /** A ZIP code or city of a state's drill-down, with its supporters and their signatures. */
    record Area(String kind, String name, long supporters, long signatures) {
    }

    final String source;
    final List<Supporter> supporters = new ArrayList<>();
    final LocalDate today;

    StateReportSeed(String source, LocalDate today) {
        this.source = source;
        this.today = today;
        for (int i = 0; i < 28; i++) {
            String[] place = i < 8 ? new String[] {"Des Moines", "50309"}
                    : i < 13 ? new String[] {"Des Moines", "50310"}
                    : i < 24 ? new String[] {"Ames", "50010"}
                    : new String[] {"Iowa City", "52240"};
            String signup = i <= 10 ? "ATTENDED" : i <= 12 ? "CONFIRMED" : i == 13 ? "NO_SHOW" : i == 14 ? "CANCELLED"
                    : null;
            add("IA", place[0], place[1], i != 5 && i != 15 && i != 25, i < 20,
                    i < 12 ? new BigDecimal("10.50").add(BigDecimal.valueOf(5L * i)) : null, i == 12, signup,
                    i <= 10 ? new BigDecimal("2.50") : null);
        }
        for (int i = 0; i < 6; i++) {
            add("NH", "Manchester", "03101", true, i < 5, i < 2 ? new BigDecimal("100.00") : null, false,
                    i == 0 ? "ATTENDED" : null, i == 0 ? new BigDecimal("3.00") : null);
        }
        for (int i = 0; i < 15; i++) {
            add("CA", "Los Angeles", "90012", true, i < 10, i < 10 ? new BigDecimal("25.00") : null, false, null, null);
        }
        for (int i = 0; i < 3; i++) {
            add("TX", "Austin", "78701", true, false, null, false, null, null);
        }
        for (int i = 0; i < 2; i++) {
            add(null, null, null, true, false, null, false, null, null);
        }
    }

    private void add(@Nullable String state, @Nullable String city, @Nullable String zip, boolean subscribed,
            boolean signs, @Nullable BigDecimal giftUsd, boolean giftCad, @Nullable String signup,
            @Nullable BigDecimal hours) {
        int n = supporters.size();
        supporters.add(new Supporter(n, state, city, zip, subscribed, signs, giftUsd, giftCad, signup, hours,
                today.minusDays(2 + 7L * (n % 5))));
    }

    /** Writes the plan with plain SQL: people, e-mail addresses, a petition, signatures, gifts, a shift, sign-ups. */
    void write(JdbcClient jdbc) {
        long petition = jdbc.sql("INSERT INTO petition (slug, title, created_by) VALUES (?, ?, 'test') RETURNING id")
                .params(source, "State report petition " + source).query(Long.class).single();
        long event = jdbc.sql("""
                INSERT INTO event (kind, title, starts_at, ends_at, state, created_by)
                VALUES ('CANVASS', ?, ?, ?, 'IA', 'test') RETURNING id""")
                .params(source, shiftStart(), shiftStart().plusHours(4)).query(Long.class).single();
        long shift = jdbc.sql("""
                INSERT INTO shift (event_id, role, starts_at, ends_at, capacity)
                VALUES (?, 'Canvasser', ?, ?, 100) RETURNING id""")
                .params(event, shiftStart(), shiftStart().plusHours(4)).query(Long.class).single();
        for (Supporter s : supporters) {
            OffsetDateTime created = s.created().atTime(12, 0).atOffset(ZoneOffset.UTC);
            long person = jdbc.sql("""
                    INSERT INTO person (first_name, last_name, city, state, zip, source, created_at)
                    VALUES ('Report', ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params("Seed " + s.n(), s.city(), s.state(), s.zip(), source, created).query(Long.class).single();
            jdbc.sql("INSERT INTO person_email (person_id, email, is_primary, status) VALUES (?, ?, TRUE, ?)")
                    .params(person, source + "-" + s.n() + "@example.org", s.subscribed() ? "SUBSCRIBED"
                            : "UNSUBSCRIBED").update();
            if (s.signs()) {
                jdbc.sql("INSERT INTO signature (petition_id, person_id, signed_at, source) VALUES (?, ?, ?, 'Web')")
                        .params(petition, person, created.plusHours(1)).update();
            }
            if (s.giftUsd() != null || s.giftCad()) {
                jdbc.sql("""
                        INSERT INTO donation (person_id, amount, currency, received_on, method, source_platform)
                        VALUES (?, ?, ?, ?, 'CARD', 'MANUAL')""")
                        .params(person, s.giftCad() ? new BigDecimal("50.00") : s.giftUsd(),
                                s.giftCad() ? "CAD" : "USD", s.created()).update();
            }
            if (s.signup() != null) {
                jdbc.sql("INSERT INTO signup (shift_id, person_id, status, hours) VALUES (?, ?, ?, ?)")
                        .params(shift, person, s.signup(), s.hours()).update();
            }
        }
    }

    private java.time.LocalDateTime shiftStart() {
        return today.minusDays(10).atTime(10, 0);
    }

    List<Supporter> in(@Nullable String state) {
        return supporters.stream().filter(s -> Objects.equals(s.state(), state)).toList();
    }

    long count(@Nullable String state, Predicate<Supporter> which) {
        return in(state).stream().filter(which).count();
    }

    /** The state's US-dollar gifts. */
    BigDecimal donations(String state) {
        return in(state).stream().map(Supporter::giftUsd).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    BigDecimal hours(String state) {
        return in(state).stream().map(Supporter::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** The state's ZIP codes, then its cities, each by supporters (most first, ties by name). */
    List<Area> areas(String state) {
        List<Area> areas = new ArrayList<>(areas(state, "ZIP code", Supporter::zip));
        areas.addAll(areas(state, "City", Supporter::city));
        return areas;
    }

    private List<Area> areas(String state, String kind, Function<Supporter, String> key) {
        Map<String, List<Supporter>> byArea = in(state).stream().collect(Collectors.groupingBy(key));
        return byArea.entrySet().stream()
                .map(e -> new Area(kind, e.getKey(), e.getValue().size(),
                        e.getValue().stream().filter(Supporter::signs).count()))
                .sorted(Comparator.comparingLong(Area::supporters).reversed().thenComparing(Area::name)).toList();
    }

    /** New supporters of the state per week (keyed by the week's Monday). */
    Map<LocalDate, Long> newPerWeek(String state) {
        return in(state).stream().collect(Collectors.groupingBy(
                s -> s.created().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), Collectors.counting()));
    }
}
