package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.assertInvalid;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.unique;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class VolunteerServiceTest extends VolunteeringIntegrationTest {

    @Test
    void enrolCreatesAnActiveProfileAndAuditsIt() {
        long person = fixtures.person("Ana", unique("Lopez"));

        VolunteerProfile profile = volunteers.enrol(person);

        assertThat(profile.person().id()).isEqualTo(person);
        assertThat(profile.person().email()).isEqualTo(fixtures.emailOf(person));
        assertThat(profile.status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThat(profile.skills()).isEmpty();
        assertThat(profile.totalHours()).isEqualByComparingTo("0");
        assertThat(fixtures.auditActions("volunteer", person)).containsExactly("VOLUNTEER_ENROLLED");
    }

    @Test
    void enrolRefusesATwiceEnrolledOrUnknownPerson() {
        long person = fixtures.person();
        volunteers.enrol(person);

        assertInvalid(() -> volunteers.enrol(person), "personId").hasMessageContaining("already a volunteer");
        assertInvalid(() -> volunteers.enrol(-1), "personId").hasMessageContaining("No supporter");
        assertThat(fixtures.auditActions("volunteer", person)).containsExactly("VOLUNTEER_ENROLLED");
    }

    @Test
    void updateProfileStoresSkillsLanguagesNotesAndAvailability() {
        long person = fixtures.person();
        volunteers.enrol(person);
        Skill spanish = skills.create(unique("Phone banking"));
        Skill driver = skills.create(unique("Driver"));

        VolunteerProfile updated = volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.INACTIVE,
                Set.of(spanish.id(), driver.id()), List.of(" spanish ", "Haitian creole", "Spanish", "ASL"),
                "  Prefers evenings  ", List.of(
                        new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(21, 0)),
                        new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
                        new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)))));

        assertThat(updated.status()).isEqualTo(VolunteerStatus.INACTIVE);
        assertThat(updated.skills()).extracting(Skill::id).containsExactlyInAnyOrder(spanish.id(), driver.id());
        assertThat(updated.languages()).containsExactly("Spanish", "Haitian creole", "ASL");
        assertThat(updated.notes()).isEqualTo("Prefers evenings");
        assertThat(updated.availability()).containsExactly(
                new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
                new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(21, 0)));
        assertThat(volunteers.profile(person)).contains(updated);
        assertThat(fixtures.auditActions("volunteer", person))
                .containsExactly("VOLUNTEER_ENROLLED", "VOLUNTEER_UPDATED");
    }

    @Test
    void overlappingAvailabilityIsRefusedAndNothingIsSaved() {
        long person = fixtures.person();
        volunteers.enrol(person);
        Skill skill = skills.create(unique("Canvassing"));

        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.INACTIVE,
                Set.of(skill.id()), List.of("French"), "note", List.of(
                        new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(13, 0)),
                        new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(12, 30), LocalTime.of(15, 0))))),
                "availability").hasMessage("Saturday: 12:30–15:00 overlaps 10:00–13:00.");

        assertUnchanged(person);
    }

    @Test
    void availabilityThatEndsBeforeItStartsIsRefused() {
        long person = fixtures.person();
        volunteers.enrol(person);

        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(),
                List.of(), null, List.of(new AvailabilityWindow(DayOfWeek.SUNDAY, LocalTime.of(17, 0),
                        LocalTime.of(17, 0))))), "availability").hasMessageContaining("end must be after the start");
        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(),
                List.of(), null, List.of(new AvailabilityWindow(DayOfWeek.SUNDAY, null, LocalTime.of(17, 0))))),
                "availability");

        assertUnchanged(person);
    }

    @Test
    void badLanguagesUnknownSkillsAndMissingStatusAreRefused() {
        long person = fixtures.person();
        volunteers.enrol(person);

        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(),
                List.of("<script>"), null, List.of())), "languages");
        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE,
                Set.of(-5L), List.of(), null, List.of())), "skills");
        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(null, Set.of(), List.of(), null,
                List.of())), "status");
        assertInvalid(() -> volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(),
                List.of(), "x".repeat(4001), List.of())), "notes");

        assertUnchanged(person);
    }

    @Test
    void aRetiredSkillStaysWithItsHoldersButCannotBeNewlyGiven() {
        long holder = fixtures.person();
        long newcomer = fixtures.person();
        volunteers.enrol(holder);
        volunteers.enrol(newcomer);
        Skill skill = skills.create(unique("Data entry"));
        volunteers.updateProfile(holder, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(skill.id()), List.of(),
                null, List.of()));
        skills.setActive(skill.id(), false);

        volunteers.updateProfile(holder, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(skill.id()), List.of(),
                "still has it", List.of()));
        assertInvalid(() -> volunteers.updateProfile(newcomer, new ProfileUpdate(VolunteerStatus.ACTIVE,
                Set.of(skill.id()), List.of(), null, List.of())), "skills").hasMessageContaining("no longer offered");

        assertThat(volunteers.profile(holder).orElseThrow().skills()).extracting(Skill::id).containsExactly(skill.id());
        assertThat(volunteers.profile(newcomer).orElseThrow().skills()).isEmpty();
    }

    @Test
    void theListFiltersByStatusSkillLanguageAndNameInNameOrder() {
        String family = unique("Zed");
        long second = fixtures.person("Bea", family + "b");
        long first = fixtures.person("Al", family + "a");
        long inactive = fixtures.person("Cy", family + "c");
        Skill skill = skills.create(unique("Translation"));
        for (long person : List.of(first, second, inactive)) {
            volunteers.enrol(person);
        }
        volunteers.updateProfile(first, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(skill.id()),
                List.of("Vietnamese"), null, List.of()));
        volunteers.updateProfile(inactive, new ProfileUpdate(VolunteerStatus.INACTIVE, Set.of(), List.of(), null,
                List.of()));

        assertThat(volunteers.find(new VolunteerFilter(null, null, null, family), 0, 50))
                .extracting(VolunteerRow::personId).containsExactly(first, second, inactive);
        assertThat(volunteers.find(new VolunteerFilter(VolunteerStatus.INACTIVE, null, null, family), 0, 50))
                .extracting(VolunteerRow::personId).containsExactly(inactive);
        assertThat(volunteers.find(new VolunteerFilter(null, skill.id(), null, null), 0, 50))
                .singleElement().satisfies(row -> {
                    assertThat(row.personId()).isEqualTo(first);
                    assertThat(row.name()).isEqualTo("Al " + family + "a");
                    assertThat(row.skills()).containsExactly(skill.name());
                    assertThat(row.languages()).containsExactly("Vietnamese");
                    assertThat(row.totalHours()).isEqualByComparingTo(BigDecimal.ZERO);
                });
        assertThat(volunteers.find(new VolunteerFilter(null, null, "vietnamese", family), 0, 50))
                .extracting(VolunteerRow::personId).containsExactly(first);
        assertThat(volunteers.find(new VolunteerFilter(null, null, null, family), 1, 1))
                .extracting(VolunteerRow::personId).containsExactly(second);
    }

    @Test
    void pagingOnAfterTheLastRowSeenGivesTheSameOrderAsOffsetsWithTheNamelessLast() {
        Skill marker = skills.create(unique("Keyset"));
        String family = unique("Ybarra");
        List<Long> people = new ArrayList<>();
        for (String suffix : List.of("c", "a", "b", "a", "d")) {
            people.add(fixtures.person("Vol", family + suffix));
        }
        people.add(fixtures.person("Nameless", null));
        people.add(fixtures.person("Also nameless", null));
        for (long person : people) {
            volunteers.enrol(person);
            volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.ACTIVE, Set.of(marker.id()), List.of(),
                    null, List.of()));
        }
        VolunteerFilter filter = new VolunteerFilter(null, marker.id(), null, null);

        List<VolunteerRow> all = volunteers.find(filter, 0, 50);
        List<VolunteerRow> walked = new ArrayList<>(volunteers.find(filter, 0, 2));
        for (int page = 0; page < 10; page++) {
            List<VolunteerRow> next = volunteers.findAfter(filter, walked.getLast().cursor(), 2);
            if (next.isEmpty()) {
                break;
            }
            walked.addAll(next);
        }

        assertThat(all).extracting(VolunteerRow::personId).containsExactly(people.get(1), people.get(3),
                people.get(2), people.get(0), people.get(4), people.get(5), people.get(6));
        assertThat(walked).isEqualTo(all);
        assertThat(volunteers.find(filter, 5, 2)).extracting(VolunteerRow::personId)
                .containsExactly(people.get(5), people.get(6));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "ANALYST"})
    void fundraisersAndAnalystsGetNoPersonalVolunteerData(Role role) {
        long person = fixtures.person();
        volunteers.enrol(person);
        signInAs("someone", role);

        assertThatThrownBy(() -> volunteers.profile(person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> volunteers.find(VolunteerFilter.none(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> volunteers.summary(person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> volunteers.totalHours(person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> volunteers.enrol(fixtures.person())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> skills.create(unique("Skill"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void organizersWorkWithVolunteersButOnlyCoordinatorsAndAdminsKeepTheSkillList() {
        signInAs("organizer", Role.ORGANIZER);
        long person = fixtures.person();
        assertThat(volunteers.enrol(person).status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThatThrownBy(() -> skills.create(unique("Skill"))).isInstanceOf(AccessDeniedException.class);

        signInAs("admin", Role.ADMIN);
        Skill skill = skills.create(unique("Skill"));
        assertThat(skills.rename(skill.id(), skill.name() + " 2").name()).isEqualTo(skill.name() + " 2");
    }

    @Test
    void skillNamesAreUniqueIgnoringCase() {
        String name = unique("Graphic design");
        Skill skill = skills.create(name);

        assertInvalid(() -> skills.create(name.toUpperCase()), "name").hasMessageContaining("already on the list");
        assertInvalid(() -> skills.create("  "), "name");
        assertThat(skills.all()).filteredOn(s -> s.name().equalsIgnoreCase(name)).containsExactly(skill);
        assertThat(fixtures.auditActions("skill", skill.id())).containsExactly("SKILL_CREATED");
    }

    private void assertUnchanged(long person) {
        VolunteerProfile profile = volunteers.profile(person).orElseThrow();
        assertThat(profile.status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThat(profile.skills()).isEmpty();
        assertThat(profile.languages()).isEmpty();
        assertThat(profile.notes()).isNull();
        assertThat(profile.availability()).isEmpty();
        assertThat(fixtures.auditActions("volunteer", person)).containsExactly("VOLUNTEER_ENROLLED");
    }
}
