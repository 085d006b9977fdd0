package org.grassroots.crm.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.grassroots.crm.database.CopyStream;
import org.grassroots.crm.demo.internal.SyntheticPeople.Person;

/**
 * Synthetic volunteering: one supporter in twelve volunteers, with skills, languages and weekly availability;
 * phone banks and canvasses over the past year and the coming two months, weighted to the early states; and about
 * two and a half sign-ups per volunteer, spread round-robin over the shifts so none is over capacity. Past shifts
 * end attended (with hours), no-show or cancelled; future ones signed up or confirmed.
 */
public final class VolunteeringLoader {

    static final String[] SKILLS = {"Phone banking", "Canvassing", "Data entry", "Spanish speaker", "Driving",
            "Event setup", "Social media", "Graphic design"};
    private static final String[] EARLY_STATES = {"IA", "NH", "NV", "SC"};
    private static final String[] KINDS = {"PHONE_BANK", "PHONE_BANK", "CANVASS", "CANVASS", "TEXT_BANK", "TRAINING"};
    private static final String[] ROLES = {"Caller", "Canvasser", "Team lead", "Check-in"};
    private static final int SHIFTS_PER_EVENT = 3;
    private static final int SHIFT_HOURS = 3;

    private final Connection connection;
    private final SyntheticPeople people;
    private final int count;
    private final LocalDateTime now;
    private final Consumer<String> progress;

    public VolunteeringLoader(Connection connection, SyntheticPeople people, int count, LocalDateTime now,
            Consumer<String> progress) {
        this.connection = connection;
        this.people = people;
        this.count = count;
        this.now = now;
        this.progress = progress;
    }

    private record Shift(long id, LocalDateTime startsAt) {
    }

    private static boolean volunteers(Person person) {
        return person.random().split().split().nextInt(12) == 0;
    }

    public void load() throws SQLException {
        List<Long> skillIds = skills();
        int volunteers = copyVolunteers(skillIds);
        List<Shift> shifts = copyEventsAndShifts(Math.max(1, volunteers / 20));
        long signups = copySignups(shifts);
        progress.accept("volunteering: " + volunteers + " volunteers, " + shifts.size() + " shifts, " + signups
                + " sign-ups");
    }

    private List<Long> skills() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO skill (name) VALUES (?)
                ON CONFLICT (lower(name)) DO UPDATE SET active = skill.active RETURNING id""")) {
            for (String skill : SKILLS) {
                upsert.setString(1, skill);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private int copyVolunteers(List<Long> skillIds) throws SQLException {
        int volunteers = 0;
        try (CopyStream copy = CopyStream.open(connection, "volunteer", "person_id", "status", "languages")) {
            for (int i = 0; i < count; i++) {
                Person person = people.person(i);
                if (volunteers(person)) {
                    SplittableRandom random = person.random().split().split();
                    int roll = random.nextInt(100);
                    copy.value(person.id()).value(roll < 85 ? "ACTIVE" : roll < 98 ? "INACTIVE" : "DO_NOT_CONTACT")
                            .raw(roll % 7 == 0 ? "{en,es}" : roll % 31 == 0 ? "{en,vi}" : "{en}");
                    copy.endRow();
                    volunteers++;
                }
            }
        }
        try (CopyStream copy = CopyStream.open(connection, "volunteer_skill", "person_id", "skill_id")) {
            for (int i = 0; i < count; i++) {
                Person person = people.person(i);
                if (volunteers(person)) {
                    SplittableRandom random = person.random().split();
                    int first = random.nextInt(skillIds.size());
                    int skills = random.nextInt(4);
                    for (int s = 0; s < skills; s++) {
                        copy.value(person.id()).value(skillIds.get((first + s) % skillIds.size()));
                        copy.endRow();
                    }
                }
            }
        }
        try (CopyStream copy = CopyStream.open(connection, "availability", "person_id", "day_of_week",
                "start_time", "end_time")) {
            for (int i = 0; i < count; i++) {
                Person person = people.person(i);
                if (volunteers(person)) {
                    int day = 1 + (int) (person.id() % 7);
                    copy.value(person.id()).value(day).value("18:00").value("21:00");
                    copy.endRow();
                    if (person.id() % 3 == 0) {
                        copy.value(person.id()).value(day % 7 + 1).value("10:00").value("14:00");
                        copy.endRow();
                    }
                }
            }
        }
        return volunteers;
    }

    private List<Shift> copyEventsAndShifts(int events) throws SQLException {
        long firstEventId = nextId("event");
        long shiftId = nextId("shift");
        SplittableRandom random = new SplittableRandom(events * 31L);
        List<Shift> shifts = new ArrayList<>();
        List<LocalDateTime> starts = new ArrayList<>();
        try (CopyStream copy = CopyStream.open(connection, "event", "id", "kind", "title", "starts_at", "ends_at",
                "place", "state", "created_by")) {
            for (int e = 0; e < events; e++) {
                LocalDate day = now.toLocalDate().minusDays(365).plusDays(random.nextInt(425));
                LocalDateTime start = day.atTime(LocalTime.of(9 + random.nextInt(4), 0));
                String state = random.nextInt(100) < 60 ? EARLY_STATES[random.nextInt(EARLY_STATES.length)]
                        : people.person(random.nextInt(count)).state().name();
                String kind = KINDS[random.nextInt(KINDS.length)];
                copy.value(firstEventId + e).value(kind).value(title(kind) + " — " + state).value(start.toString())
                        .value(start.plusHours(SHIFTS_PER_EVENT * SHIFT_HOURS).toString())
                        .value("Field office " + (1 + random.nextInt(40))).value(state).value("demo");
                copy.endRow();
                starts.add(start);
            }
        }
        try (CopyStream copy = CopyStream.open(connection, "shift", "id", "event_id", "role", "starts_at", "ends_at",
                "capacity")) {
            for (int e = 0; e < events; e++) {
                for (int s = 0; s < SHIFTS_PER_EVENT; s++) {
                    LocalDateTime start = starts.get(e).plusHours((long) s * SHIFT_HOURS);
                    copy.value(shiftId).value(firstEventId + e).value(ROLES[s % ROLES.length])
                            .value(start.toString()).value(start.plusHours(SHIFT_HOURS).toString()).value(25);
                    copy.endRow();
                    shifts.add(new Shift(shiftId++, start));
                }
            }
        }
        return shifts;
    }

    private long copySignups(List<Shift> shifts) throws SQLException {
        long next = 0;
        try (CopyStream copy = CopyStream.open(connection, "signup", "shift_id", "person_id", "status", "hours",
                "created_at")) {
            for (int i = 0; i < count; i++) {
                Person person = people.person(i);
                if (!volunteers(person)) {
                    continue;
                }
                int signups = Math.min(1 + (int) (person.id() % 4), shifts.size());
                for (int s = 0; s < signups; s++) {
                    Shift shift = shifts.get((int) (next++ % shifts.size()));
                    boolean past = shift.startsAt().isBefore(now);
                    int roll = (int) ((person.id() * 7 + s) % 100);
                    String status = past ? (roll < 70 ? "ATTENDED" : roll < 85 ? "NO_SHOW" : "CANCELLED")
                            : (roll < 50 ? "SIGNED_UP" : "CONFIRMED");
                    copy.value(shift.id()).value(person.id()).value(status)
                            .value("ATTENDED".equals(status) ? Integer.toString(SHIFT_HOURS) : null)
                            .value(shift.startsAt().minusDays(7).toString());
                    copy.endRow();
                }
            }
            return copy.rows();
        }
    }

    private long nextId(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM " + table);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String title(String kind) {
        return switch (kind) {
            case "PHONE_BANK" -> "Phone bank";
            case "CANVASS" -> "Canvass";
            case "TEXT_BANK" -> "Text bank";
            default -> "Volunteer training";
        };
    }
}
