package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.assertInvalid;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.eventDraft;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.unique;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class EventServiceTest extends VolunteeringIntegrationTest {

    static final LocalDateTime SATURDAY = LocalDate.now(ZoneId.of("America/New_York")).plusWeeks(3).atTime(10, 0);

    @Test
    void createStoresTheEventWithItsAuthorAndAuditsIt() {
        String title = unique("GOTV phone bank");

        EventDetails event = events.create(new EventDraft(EventKind.CANVASS, "  " + title + " ", SATURDAY,
                SATURDAY.plusHours(6), " Des Moines ", "iowa"));

        assertThat(event.title()).isEqualTo(title);
        assertThat(event.kind()).isEqualTo(EventKind.CANVASS);
        assertThat(event.place()).isEqualTo("Des Moines");
        assertThat(event.state()).isEqualTo(UsState.IA);
        assertThat(event.createdBy()).isEqualTo("coordinator");
        assertThat(events.find(event.id())).contains(event);
        assertThat(fixtures.auditActions("event", event.id())).containsExactly("EVENT_CREATED");
    }

    @Test
    void badEventsAreRefusedWithTheFieldAndNothingIsSaved() {
        String title = unique("Broken");
        long before = fixtures.count("SELECT count(*) FROM event");

        assertInvalid(() -> events.create(new EventDraft(null, title, SATURDAY, SATURDAY.plusHours(1), null, null)),
                "kind");
        assertInvalid(() -> events.create(new EventDraft(EventKind.RALLY, " ", SATURDAY, SATURDAY.plusHours(1),
                null, null)), "title");
        assertInvalid(() -> events.create(new EventDraft(EventKind.RALLY, title, null, SATURDAY, null, null)),
                "startsAt");
        assertInvalid(() -> events.create(new EventDraft(EventKind.RALLY, title, SATURDAY, SATURDAY, null, null)),
                "endsAt").hasMessage("The event must end after it starts.");
        assertInvalid(() -> events.create(new EventDraft(EventKind.RALLY, title, SATURDAY, SATURDAY.plusHours(1),
                null, "Narnia")), "state").hasMessageContaining("not a US state");

        assertThat(fixtures.count("SELECT count(*) FROM event")).isEqualTo(before);
    }

    @Test
    void shiftsShowTheirFillLevelInTimeOrder() {
        EventDetails event = events.create(eventDraft(unique("Phone bank"), SATURDAY, SATURDAY.plusHours(8)));

        ShiftRow afternoon = events.addShift(event.id(), new ShiftDraft("Caller", SATURDAY.plusHours(4),
                SATURDAY.plusHours(8), 10));
        ShiftRow morning = events.addShift(event.id(), new ShiftDraft(" Host ", SATURDAY, SATURDAY.plusHours(4), 2));
        signups.signUp(morning.id(), fixtures.person());

        assertThat(events.shifts(event.id())).extracting(ShiftRow::id, ShiftRow::role, ShiftRow::fillLevel)
                .containsExactly(
                        tuple(morning.id(), "Host", "1 / 2"),
                        tuple(afternoon.id(), "Caller", "0 / 10"));
        assertThat(events.find(EventPeriod.UPCOMING, null, UsState.IA, 0, 500))
                .filteredOn(row -> row.id() == event.id()).singleElement()
                .satisfies(row -> assertThat(row.fillLevel()).isEqualTo("1 / 12"));
        assertThat(fixtures.auditActions("shift", morning.id())).containsExactly("SHIFT_CREATED");
    }

    @Test
    void aShiftOutsideItsEventIsRefusedAndNotSaved() {
        EventDetails event = events.create(eventDraft(unique("Canvass"), SATURDAY, SATURDAY.plusHours(4)));

        assertInvalid(() -> events.addShift(event.id(), new ShiftDraft("Canvasser", SATURDAY.minusMinutes(30),
                SATURDAY.plusHours(2), 5)), "startsAt").hasMessageContaining("must start during the event");
        assertInvalid(() -> events.addShift(event.id(), new ShiftDraft("Canvasser", SATURDAY.plusHours(2),
                SATURDAY.plusHours(5), 5)), "endsAt").hasMessageContaining("must end during the event");
        assertInvalid(() -> events.addShift(event.id(), new ShiftDraft("Canvasser", SATURDAY.plusHours(2),
                SATURDAY.plusHours(1), 5)), "endsAt");
        assertInvalid(() -> events.addShift(event.id(), new ShiftDraft("Canvasser", SATURDAY, SATURDAY.plusHours(1),
                0)), "capacity");
        assertInvalid(() -> events.addShift(event.id(), new ShiftDraft("", SATURDAY, SATURDAY.plusHours(1), 3)),
                "role");

        assertThat(events.shifts(event.id())).isEmpty();
    }

    @Test
    void anEventCannotShrinkAwayFromItsShifts() {
        EventDetails event = events.create(eventDraft(unique("Training"), SATURDAY, SATURDAY.plusHours(4)));
        events.addShift(event.id(), new ShiftDraft("Trainer", SATURDAY, SATURDAY.plusHours(3), 1));

        assertInvalid(() -> events.update(event.id(), eventDraft(event.title(), SATURDAY.plusHours(1),
                SATURDAY.plusHours(4))), "startsAt").hasMessageContaining("Trainer");
        assertInvalid(() -> events.update(event.id(), eventDraft(event.title(), SATURDAY, SATURDAY.plusHours(2))),
                "endsAt");
        assertThat(events.find(event.id())).contains(event);

        EventDetails longer = events.update(event.id(), eventDraft(event.title() + " (long)", SATURDAY.minusHours(1),
                SATURDAY.plusHours(5)));
        assertThat(longer.startsAt()).isEqualTo(SATURDAY.minusHours(1));
        assertThat(fixtures.auditActions("event", event.id())).containsExactly("EVENT_CREATED", "EVENT_UPDATED");
    }

    @Test
    void aShiftCapacityCannotDropBelowThePlacesTaken() {
        EventDetails event = events.create(eventDraft(unique("Text bank"), SATURDAY, SATURDAY.plusHours(4)));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Texter", SATURDAY, SATURDAY.plusHours(2), 3));
        signups.signUp(shift.id(), fixtures.person());
        signups.signUp(shift.id(), fixtures.person());

        assertInvalid(() -> events.updateShift(shift.id(), new ShiftDraft("Texter", SATURDAY, SATURDAY.plusHours(2),
                1)), "capacity").hasMessageContaining("2 people hold a place");

        assertThat(events.updateShift(shift.id(), new ShiftDraft("Lead texter", SATURDAY, SATURDAY.plusHours(3), 2)))
                .extracting(ShiftRow::role, ShiftRow::fillLevel).containsExactly("Lead texter", "2 / 2");
        assertThat(fixtures.auditActions("shift", shift.id())).containsExactly("SHIFT_CREATED", "SHIFT_UPDATED");
    }

    @Test
    void upcomingAndPastListsSplitAtTodayAndPageWithoutGaps() {
        String kindTitle = unique("Rally");
        LocalDateTime lastYear = SATURDAY.minusYears(1);
        EventDetails past = events.create(new EventDraft(EventKind.RALLY, kindTitle, lastYear, lastYear.plusHours(2),
                null, "VI"));
        EventDetails soon = events.create(new EventDraft(EventKind.RALLY, kindTitle, SATURDAY, SATURDAY.plusHours(2),
                null, "VI"));
        EventDetails later = events.create(new EventDraft(EventKind.RALLY, kindTitle, SATURDAY.plusDays(1),
                SATURDAY.plusDays(1).plusHours(2), null, "VI"));

        assertThat(events.find(EventPeriod.UPCOMING, EventKind.RALLY, UsState.VI, 0, 500))
                .filteredOn(row -> row.title().equals(kindTitle)).extracting(EventRow::id)
                .containsExactly(soon.id(), later.id());
        assertThat(events.find(EventPeriod.PAST, EventKind.RALLY, UsState.VI, 0, 500))
                .filteredOn(row -> row.title().equals(kindTitle)).extracting(EventRow::id).containsExactly(past.id());
        assertThat(events.find(EventPeriod.UPCOMING, EventKind.TRAINING, UsState.VI, 0, 500))
                .noneMatch(row -> row.title().equals(kindTitle));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "ANALYST"})
    void fundraisersAndAnalystsCannotOpenOrPlanEvents(Role role) {
        EventDetails event = events.create(eventDraft(unique("Canvass"), SATURDAY, SATURDAY.plusHours(2)));
        signInAs("someone", role);

        assertThatThrownBy(() -> events.find(event.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> events.shifts(event.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> events.create(eventDraft("x", SATURDAY, SATURDAY.plusHours(1))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
