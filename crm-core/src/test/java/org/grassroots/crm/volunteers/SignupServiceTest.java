package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.assertInvalid;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.eventDraft;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

class SignupServiceTest extends VolunteeringIntegrationTest {

    static final LocalDateTime SATURDAY = LocalDate.now(ZoneId.of("America/New_York")).plusWeeks(2).atTime(10, 0);

    @Test
    void signingUpASupporterEnrolsThemAndTakesAPlace() {
        ShiftRow shift = shift(3, 3);
        long person = fixtures.person("Dee", unique("Okafor"));

        SignupRow signup = signups.signUp(shift.id(), person);

        assertThat(signup.status()).isEqualTo(SignupStatus.SIGNED_UP);
        assertThat(signup.person().id()).isEqualTo(person);
        assertThat(signup.person().email()).isEqualTo(fixtures.emailOf(person));
        assertThat(volunteers.profile(person)).hasValueSatisfying(profile ->
                assertThat(profile.status()).isEqualTo(VolunteerStatus.ACTIVE));
        assertThat(events.shifts(shift.eventId())).singleElement()
                .extracting(ShiftRow::fillLevel).isEqualTo("1 / 3");
        assertThat(signups.forShift(shift.id(), 0, 50)).containsExactly(signup);
        assertThat(fixtures.auditActions("signup", signup.id())).containsExactly("SIGNUP_CREATED");
        assertThat(fixtures.auditActions("volunteer", person)).isEmpty();
    }

    @Test
    void signingUpByEmailFindsTheSupporterInAnyCase() {
        ShiftRow shift = shift(3, 3);
        long person = fixtures.person();

        SignupRow signup = signups.signUpByEmail(shift.id(), "  " + fixtures.emailOf(person).toUpperCase() + " ");

        assertThat(signup.person().id()).isEqualTo(person);
        assertInvalid(() -> signups.signUpByEmail(shift.id(), unique("nobody") + "@example.org"), "email")
                .hasMessageContaining("No supporter has the e-mail address");
    }

    @Test
    void aFullShiftRefusesTheNextPersonWithAClearMessage() {
        ShiftRow shift = shift(3, 2);
        signups.signUp(shift.id(), fixtures.person());
        SignupRow second = signups.signUp(shift.id(), fixtures.person());
        signups.changeStatus(second.id(), SignupStatus.ATTENDED);
        long latecomer = fixtures.person();

        assertInvalid(() -> signups.signUp(shift.id(), latecomer), "shiftId")
                .hasMessage("The shift Caller is full: 2 of 2 places are taken.");

        assertThat(signups.forShift(shift.id(), 0, 50)).hasSize(2);
        assertThat(volunteers.profile(latecomer)).isEmpty();
    }

    @Test
    void twoCoordinatorsSigningPeopleUpAtOnceCannotBothTakeTheLastPlace() throws Exception {
        ShiftRow shift = shift(3, 1);
        List<Long> people = List.of(fixtures.person(), fixtures.person(), fixtures.person(), fixtures.person());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (long person : people) {
                attempts.add(pool.submit(() -> {
                    signInAs("coordinator-" + person, Role.VOLUNTEER_COORDINATOR);
                    start.await();
                    try {
                        signups.signUp(shift.id(), person);
                        return true;
                    } catch (InvalidInputException full) {
                        return false;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            long succeeded = 0;
            for (Future<Boolean> attempt : attempts) {
                succeeded += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(signups.forShift(shift.id(), 0, 10)).hasSize(1);
    }

    @Test
    void aCancelledSignupFreesItsPlaceAndCannotTakeItBackWhenTheShiftFilledUp() {
        ShiftRow shift = shift(3, 1);
        SignupRow first = signups.signUp(shift.id(), fixtures.person());
        signups.changeStatus(first.id(), SignupStatus.CANCELLED);
        signups.signUp(shift.id(), fixtures.person());

        assertInvalid(() -> signups.changeStatus(first.id(), SignupStatus.CONFIRMED), "status")
                .hasMessageContaining("is full");

        assertThat(signups.forShift(shift.id(), 0, 50)).extracting(SignupRow::status)
                .containsExactly(SignupStatus.CANCELLED, SignupStatus.SIGNED_UP);
    }

    @Test
    void aSecondSignupForTheSameShiftIsRefused() {
        ShiftRow shift = shift(3, 5);
        long person = fixtures.person("Eli", unique("Park"));
        SignupRow signup = signups.signUp(shift.id(), person);
        signups.changeStatus(signup.id(), SignupStatus.CANCELLED);

        assertInvalid(() -> signups.signUp(shift.id(), person), "personId")
                .hasMessageEndingWith("is already on this shift (cancelled).");

        assertThat(signups.forShift(shift.id(), 0, 50)).hasSize(1);
    }

    @Test
    void someoneWhoAskedNotToBeContactedIsNotSignedUp() {
        ShiftRow shift = shift(3, 5);
        long person = fixtures.person();
        volunteers.enrol(person);
        volunteers.updateProfile(person, new ProfileUpdate(VolunteerStatus.DO_NOT_CONTACT, Set.of(), List.of(), null,
                List.of()));

        assertInvalid(() -> signups.signUp(shift.id(), person), "personId")
                .hasMessageContaining("asked not to be contacted");

        assertThat(signups.forShift(shift.id(), 0, 50)).isEmpty();
    }

    @Test
    void hoursAreLoggedForAttendanceAndAddUpToTheVolunteersTotal() {
        long person = fixtures.person();
        SignupRow morning = signups.signUp(shift(3, 5).id(), person);
        SignupRow evening = signups.signUp(shift(2, 5).id(), person);
        signups.changeStatus(morning.id(), SignupStatus.ATTENDED);
        signups.changeStatus(evening.id(), SignupStatus.ATTENDED);

        assertThat(signups.logHours(morning.id(), new BigDecimal("2.5")).hours()).isEqualByComparingTo("2.5");
        signups.logHours(morning.id(), new BigDecimal("3"));
        signups.logHours(evening.id(), new BigDecimal("1.75"));

        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("4.75");
        assertThat(volunteers.profile(person).orElseThrow().totalHours()).isEqualByComparingTo("4.75");
        assertThat(fixtures.auditActions("signup", morning.id()))
                .containsExactly("SIGNUP_CREATED", "SIGNUP_STATUS_CHANGED", "HOURS_LOGGED", "HOURS_LOGGED");
    }

    @Test
    void hoursOnASignupThatWasNotAttendedAreRefused() {
        SignupRow signup = signups.signUp(shift(3, 5).id(), fixtures.person());
        signups.changeStatus(signup.id(), SignupStatus.CONFIRMED);

        assertInvalid(() -> signups.logHours(signup.id(), BigDecimal.ONE), "hours")
                .hasMessageContaining("set the status to Attended first");

        assertThat(signups.forShift(signup.shiftId(), 0, 1)).singleElement()
                .satisfies(row -> assertThat(row.hours()).isNull());
        assertThat(fixtures.auditActions("signup", signup.id()))
                .containsExactly("SIGNUP_CREATED", "SIGNUP_STATUS_CHANGED");
    }

    @Test
    void hoursBeyondTheShiftLengthOrTheDayAreRefused() {
        long person = fixtures.person();
        SignupRow signup = signups.signUp(shift(3, 5).id(), person);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);

        assertInvalid(() -> signups.logHours(signup.id(), new BigDecimal("3.25")), "hours")
                .hasMessage("The shift lasts 3 hours; log at most 3 hours.");
        assertInvalid(() -> signups.logHours(signup.id(), new BigDecimal("-1")), "hours");
        assertInvalid(() -> signups.logHours(signup.id(), new BigDecimal("25")), "hours")
                .hasMessage("Enter between 0 and 24 hours.");
        assertInvalid(() -> signups.logHours(signup.id(), new BigDecimal("1.125")), "hours");
        assertInvalid(() -> signups.logHours(signup.id(), null), "hours");

        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("0");
        assertThat(fixtures.auditActions("signup", signup.id()))
                .containsExactly("SIGNUP_CREATED", "SIGNUP_STATUS_CHANGED");
    }

    @Test
    void leavingAttendedClearsTheHours() {
        long person = fixtures.person();
        SignupRow signup = signups.signUp(shift(3, 5).id(), person);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);
        signups.logHours(signup.id(), new BigDecimal("2"));

        SignupRow noShow = signups.changeStatus(signup.id(), SignupStatus.NO_SHOW);

        assertThat(noShow.hours()).isNull();
        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("0");
    }

    @Test
    void aPersonsSignupsListTheLatestShiftFirst() {
        long person = fixtures.person();
        ShiftRow earlier = shift(2, 5);
        ShiftRow later = events.addShift(earlier.eventId(), new ShiftDraft("Driver", SATURDAY.plusHours(3),
                SATURDAY.plusHours(5), 2));
        signups.signUp(earlier.id(), person);
        signups.signUp(later.id(), person);

        assertThat(signups.forPerson(person, 0, 50)).extracting(VolunteerSignup::shiftId)
                .containsExactly(later.id(), earlier.id());
        assertThat(volunteers.summary(person)).hasValueSatisfying(summary -> {
            assertThat(summary.nextShift().shiftId()).isEqualTo(earlier.id());
            assertThat(summary.totalHours()).isEqualByComparingTo("0");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "ANALYST"})
    void fundraisersAndAnalystsCannotSeeOrChangeSignups(Role role) {
        ShiftRow shift = shift(3, 5);
        long person = fixtures.person();
        SignupRow signup = signups.signUp(shift.id(), person);
        signInAs("someone", role);

        assertThatThrownBy(() -> signups.forShift(shift.id(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signups.forPerson(person, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signups.signUp(shift.id(), fixtures.person()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signups.changeStatus(signup.id(), SignupStatus.ATTENDED))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** A shift of {@code hours} hours for {@code capacity} people at the start of a new event. */
    private ShiftRow shift(int hours, int capacity) {
        EventDetails event = events.create(eventDraft(unique("Phone bank"), SATURDAY, SATURDAY.plusHours(8)));
        return events.addShift(event.id(), new ShiftDraft("Caller", SATURDAY, SATURDAY.plusHours(hours), capacity));
    }
}
