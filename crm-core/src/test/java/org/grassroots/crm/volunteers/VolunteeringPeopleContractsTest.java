package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.eventDraft;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.unique;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.people.PersonCriterion;
import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Volunteering as the people feature sees it: the filter criterion, timeline entries, merge, erase and export. */
class VolunteeringPeopleContractsTest extends VolunteeringIntegrationTest {

    /** Saturday 14 November 2026, 10:00, the example the supporter timeline is designed around. */
    static final LocalDateTime SATURDAY = LocalDateTime.of(2026, 11, 14, 10, 0);

    @Autowired
    List<TimelineSource> timelineSources;

    @Autowired
    List<PersonDataParticipant> participants;

    @Autowired
    List<PersonCriterion> criteria;

    @Test
    void theIsVolunteerCriterionSelectsExactlyTheVolunteers() {
        PersonCriterion criterion = criteria.stream().filter(c -> c.key().equals("is-volunteer")).findFirst()
                .orElseThrow();
        long volunteer = fixtures.person();
        long supporter = fixtures.person();
        volunteers.enrol(volunteer);

        List<Long> matching = jdbc.sql("SELECT p.id FROM person p WHERE p.id IN (:ids) AND " + criterion.sqlCondition())
                .param("ids", List.of(volunteer, supporter)).query(Long.class).list();

        assertThat(criterion.label()).isEqualTo("Is a volunteer");
        assertThat(matching).containsExactly(volunteer);
    }

    @Test
    void theTimelineTellsEachSignupStepNewestFirst() {
        long person = fixtures.person();
        EventDetails event = events.create(eventDraft(unique("GOTV"), SATURDAY, SATURDAY.plusHours(4)));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Caller", SATURDAY, SATURDAY.plusHours(3), 5));
        SignupRow signup = signups.signUp(shift.id(), person);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);
        signups.logHours(signup.id(), new BigDecimal("2.50"));

        List<TimelineEntry> entries = timeline().entriesFor(person, 10);

        assertThat(entries).extracting(TimelineEntry::kind, TimelineEntry::title, TimelineEntry::detail,
                TimelineEntry::link).containsExactly(
                tuple("SHIFT", "Logged 2.5 hours at Phone bank — Des Moines, Sat 14 Nov 10:00",
                        "Caller · " + event.title(), "events/" + event.id()),
                tuple("SHIFT", "Attended Phone bank — Des Moines, Sat 14 Nov 10:00",
                        "Caller · " + event.title(), "events/" + event.id()),
                tuple("SHIFT", "Signed up for Phone bank — Des Moines, Sat 14 Nov 10:00",
                        "Caller · " + event.title(), "events/" + event.id()));
        assertThat(entries.get(0).occurredAt()).isAfterOrEqualTo(entries.get(2).occurredAt());
        assertThat(timeline().entriesFor(person, 1)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "ANALYST"})
    void theTimelineShowsNoShiftsToFundraisersAndAnalysts(Role role) {
        long person = fixtures.person();
        signUp(person, "Caller", 5);
        signInAs("someone", role);

        assertThat(timeline().entriesFor(person, 10)).isEmpty();
    }

    @Test
    void mergingMovesTheProfileAndSignupsWhenOnlyTheDuplicateVolunteers() {
        long survivor = fixtures.person();
        long duplicate = fixtures.person();
        Skill skill = skills.create(unique("Driving"));
        volunteers.enrol(duplicate);
        volunteers.updateProfile(duplicate, new ProfileUpdate(VolunteerStatus.INACTIVE, Set.of(skill.id()),
                List.of("Korean"), "Has a van", List.of(saturday(9, 12))));
        SignupRow signup = signUp(duplicate, "Driver", 2);

        participant().moveAll(duplicate, survivor);

        VolunteerProfile profile = volunteers.profile(survivor).orElseThrow();
        assertThat(profile.status()).isEqualTo(VolunteerStatus.INACTIVE);
        assertThat(profile.skills()).extracting(Skill::id).containsExactly(skill.id());
        assertThat(profile.languages()).containsExactly("Korean");
        assertThat(profile.notes()).isEqualTo("Has a van");
        assertThat(profile.availability()).containsExactly(saturday(9, 12));
        assertThat(volunteers.profile(duplicate)).isEmpty();
        assertThat(signups.forShift(signup.shiftId(), 0, 10)).singleElement()
                .satisfies(row -> assertThat(row.person().id()).isEqualTo(survivor));
    }

    @Test
    void mergingTwoVolunteersKeepsTheSurvivorsProfileAndUnitesTheRest() {
        long survivor = fixtures.person();
        long duplicate = fixtures.person();
        Skill calling = skills.create(unique("Calling"));
        Skill driving = skills.create(unique("Driving"));
        volunteers.enrol(survivor);
        volunteers.enrol(duplicate);
        volunteers.updateProfile(survivor, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(calling.id()),
                List.of("Spanish"), "Survivor's note", List.of(saturday(9, 12))));
        volunteers.updateProfile(duplicate, new ProfileUpdate(VolunteerStatus.INACTIVE, Set.of(driving.id()),
                List.of("Spanish", "Tagalog"), "Duplicate's note", List.of(saturday(11, 14),
                        new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(20, 0)))));
        ShiftRow shared = shift("Caller", 5);
        signups.signUp(shared.id(), survivor);
        SignupRow attendedOnDuplicate = signups.signUp(shared.id(), duplicate);
        signups.changeStatus(attendedOnDuplicate.id(), SignupStatus.ATTENDED);
        signups.logHours(attendedOnDuplicate.id(), new BigDecimal("2"));
        SignupRow onlyDuplicate = signUp(duplicate, "Host", 2);

        participant().moveAll(duplicate, survivor);

        VolunteerProfile profile = volunteers.profile(survivor).orElseThrow();
        assertThat(profile.status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThat(profile.notes()).isEqualTo("Survivor's note");
        assertThat(profile.skills()).extracting(Skill::id).containsExactlyInAnyOrder(calling.id(), driving.id());
        assertThat(profile.languages()).containsExactly("Spanish", "Tagalog");
        assertThat(profile.availability()).containsExactly(
                new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(20, 0)), saturday(9, 14));
        assertThat(signups.forShift(shared.id(), 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.person().id()).isEqualTo(survivor);
            assertThat(row.status()).isEqualTo(SignupStatus.ATTENDED);
            assertThat(row.hours()).isEqualByComparingTo("2");
        });
        assertThat(signups.forShift(onlyDuplicate.shiftId(), 0, 10)).singleElement()
                .satisfies(row -> assertThat(row.person().id()).isEqualTo(survivor));
        assertThat(volunteers.totalHours(survivor)).isEqualByComparingTo("2");
        assertThat(volunteers.profile(duplicate)).isEmpty();
        assertThat(timeline().entriesFor(survivor, 20)).hasSize(5);
    }

    @Test
    void aDoNotContactRequestSurvivesAMerge() {
        long survivor = fixtures.person();
        long duplicate = fixtures.person();
        volunteers.enrol(survivor);
        volunteers.enrol(duplicate);
        volunteers.updateProfile(duplicate, new ProfileUpdate(VolunteerStatus.DO_NOT_CONTACT, Set.of(), List.of(),
                null, List.of()));

        participant().moveAll(duplicate, survivor);

        assertThat(volunteers.profile(survivor).orElseThrow().status()).isEqualTo(VolunteerStatus.DO_NOT_CONTACT);
    }

    @Test
    void erasingDeletesTheProfileAndUnlinksSignupsWhoseFiguresStay() {
        long person = fixtures.person();
        Skill skill = skills.create(unique("Photography"));
        volunteers.enrol(person);
        volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(skill.id()),
                List.of("Arabic"), "Call after 6", List.of(saturday(10, 12))));
        SignupRow signup = signUp(person, "Photographer", 3);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);
        signups.logHours(signup.id(), new BigDecimal("1.5"));

        participant().erase(person);

        assertThat(volunteers.profile(person)).isEmpty();
        assertThat(fixtures.count("SELECT count(*) FROM volunteer_skill WHERE person_id = ?", person)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM availability WHERE person_id = ?", person)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM signup WHERE person_id = ?", person)).isZero();
        assertThat(signups.forShift(signup.shiftId(), 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.person()).isNull();
            assertThat(row.status()).isEqualTo(SignupStatus.ATTENDED);
            assertThat(row.hours()).isEqualByComparingTo("1.5");
        });
        assertThat(events.shifts(eventOf(signup))).singleElement()
                .extracting(ShiftRow::fillLevel).isEqualTo("1 / 3");
        assertThat(timeline().entriesFor(person, 10)).isEmpty();
        assertThat(participant().export(person)).isEmpty();
    }

    @Test
    void theExportListsTheProfileAndEverySignup() {
        long person = fixtures.person();
        Skill skill = skills.create(unique("Spanish calls"));
        volunteers.enrol(person);
        volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(skill.id()),
                List.of("Spanish"), "Evenings", List.of(saturday(10, 12))));
        SignupRow signup = signUp(person, "Caller", 3);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);

        List<Map<String, Object>> export = participant().export(person);

        assertThat(participant().section()).isEqualTo("volunteering");
        assertThat(export).hasSize(2);
        assertThat(export.get(0)).containsEntry("record", "profile").containsEntry("status", "ACTIVE")
                .containsEntry("skills", List.of(skill.name())).containsEntry("languages", List.of("Spanish"))
                .containsEntry("notes", "Evenings")
                .containsEntry("availability", List.of(Map.of("dayOfWeek", 6, "start", "10:00", "end", "12:00")));
        assertThat(export.get(1)).containsEntry("record", "signup").containsEntry("role", "Caller")
                .containsEntry("kind", "PHONE_BANK").containsEntry("place", "Des Moines").containsEntry("state", "IA")
                .containsEntry("status", "ATTENDED").containsEntry("startsAt", "2026-11-14T10:00");
    }

    private SignupRow signUp(long person, String role, int capacity) {
        return signups.signUp(shift(role, capacity).id(), person);
    }

    private ShiftRow shift(String role, int capacity) {
        EventDetails event = events.create(eventDraft(unique("Phone bank"), SATURDAY, SATURDAY.plusHours(4)));
        return events.addShift(event.id(), new ShiftDraft(role, SATURDAY, SATURDAY.plusHours(3), capacity));
    }

    private long eventOf(SignupRow signup) {
        return fixtures.count("SELECT event_id FROM shift WHERE id = ?", signup.shiftId());
    }

    private static AvailabilityWindow saturday(int fromHour, int toHour) {
        return new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    private TimelineSource timeline() {
        return timelineSources.stream().filter(VolunteeringTimeline.class::isInstance).findFirst().orElseThrow();
    }

    private PersonDataParticipant participant() {
        return participants.stream().filter(p -> p.section().equals("volunteering")).findFirst().orElseThrow();
    }
}
