package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.internal.PersonLookup;
import org.grassroots.crm.volunteers.internal.Shift;
import org.grassroots.crm.volunteers.internal.ShiftRepository;
import org.grassroots.crm.volunteers.internal.Signup;
import org.grassroots.crm.volunteers.internal.SignupChange;
import org.grassroots.crm.volunteers.internal.SignupChangeRepository;
import org.grassroots.crm.volunteers.internal.SignupQueries;
import org.grassroots.crm.volunteers.internal.SignupRepository;
import org.grassroots.crm.volunteers.internal.Volunteer;
import org.grassroots.crm.volunteers.internal.VolunteerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ups for shifts: signing people up (a supporter who does not volunteer yet is enrolled on the way), moving a
 * sign-up through its statuses and logging the hours worked. A shift's row is locked while its places are counted,
 * so two coordinators cannot both give away its last place.
 */
@Service
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
public class SignupService {

    static final String TARGET = "signup";
    private static final int MAX_PAGE = 500;
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final ShiftRepository shifts;
    private final SignupRepository signups;
    private final SignupChangeRepository changes;
    private final VolunteerRepository volunteers;
    private final PersonLookup people;
    private final SignupQueries queries;
    private final EventCalendar calendar;
    private final AuditLog audit;

    SignupService(ShiftRepository shifts, SignupRepository signups, SignupChangeRepository changes,
            VolunteerRepository volunteers, PersonLookup people, SignupQueries queries, EventCalendar calendar,
            AuditLog audit) {
        this.shifts = shifts;
        this.signups = signups;
        this.changes = changes;
        this.volunteers = volunteers;
        this.people = people;
        this.queries = queries;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Signs a supporter up; refused for a full shift, a second sign-up, or someone who asked not to be contacted. */
    @Transactional
    public SignupRow signUp(long shiftId, long personId) {
        Shift shift = lockShift(shiftId);
        PersonRef person = people.find(personId).orElseThrow(() ->
                new InvalidInputException("personId", "No supporter has the number " + personId + "."));
        Optional<Volunteer> volunteer = volunteers.findById(personId);
        if (volunteer.isPresent() && volunteer.get().getStatus() == VolunteerStatus.DO_NOT_CONTACT) {
            throw new InvalidInputException("personId",
                    person.name() + " asked not to be contacted about volunteering and cannot be signed up.");
        }
        signups.findByShiftIdAndPersonId(shiftId, personId).ifPresent(existing -> {
            throw new InvalidInputException("personId", person.name() + " is already on this shift ("
                    + existing.getStatus().label().toLowerCase(Locale.ROOT) + ").");
        });
        checkPlaceLeft(shift, "shiftId");
        Instant now = calendar.timestamp();
        if (volunteer.isEmpty()) {
            volunteers.save(new Volunteer(personId, now));
        }
        Signup signup = signups.saveAndFlush(new Signup(shiftId, personId, now));
        changes.saveAndFlush(new SignupChange(signup, SignupChange.Kind.SIGNED_UP, now));
        audit.record(AuditEntry.of(AuditAction.SIGNUP_CREATED, TARGET, signup.getId(),
                Map.of("shiftId", shiftId, "personId", personId, "enrolledAsVolunteer", volunteer.isEmpty())));
        return queries.row(signup.getId());
    }

    /** Signs up the supporter with this e-mail address. */
    @Transactional
    public SignupRow signUpByEmail(long shiftId, String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email", "Enter the e-mail address of the person to sign up.");
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        PersonRef person = people.findByEmail(address).orElseThrow(() -> new InvalidInputException("email",
                "No supporter has the e-mail address " + address + ". Add them as a supporter first."));
        return signUp(shiftId, person.id());
    }

    /**
     * Moves a sign-up to another status. Taking a place again (from no-show or cancelled) needs a free place;
     * leaving "attended" clears the hours logged.
     */
    @Transactional
    public SignupRow changeStatus(long signupId, SignupStatus status) {
        Signup signup = load(signupId);
        if (status == null) {
            throw new InvalidInputException("status", "Choose a status.");
        }
        SignupStatus before = signup.getStatus();
        if (before == status) {
            return queries.row(signupId);
        }
        Shift shift = lockShift(signup.getShiftId());
        if (status.holdsAPlace() && !before.holdsAPlace()) {
            boolean doNotContact = signup.getPersonId() != null && volunteers.findById(signup.getPersonId())
                    .map(volunteer -> volunteer.getStatus() == VolunteerStatus.DO_NOT_CONTACT).orElse(false);
            if (doNotContact && status != SignupStatus.ATTENDED) {
                throw new InvalidInputException("status",
                        "This volunteer asked not to be contacted; they cannot be signed up again.");
            }
            checkPlaceLeft(shift, "status");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.name());
        details.put("status", status.name());
        if (signup.getHours() != null && status != SignupStatus.ATTENDED) {
            details.put("hoursCleared", signup.getHours());
        }
        Instant now = calendar.timestamp();
        signup.changeStatus(status, now);
        signups.saveAndFlush(signup);
        changes.saveAndFlush(new SignupChange(signup, SignupChange.Kind.STATUS, now));
        audit.record(AuditEntry.of(AuditAction.SIGNUP_STATUS_CHANGED, TARGET, signupId, details));
        return queries.row(signupId);
    }

    /** Logs the hours someone worked on a shift they attended: 0 to 24, and no more than the shift lasted. */
    @Transactional
    public SignupRow logHours(long signupId, BigDecimal hours) {
        Signup signup = load(signupId);
        if (signup.getStatus() != SignupStatus.ATTENDED) {
            throw new InvalidInputException("hours",
                    "Hours can only be logged for someone who attended; set the status to Attended first.");
        }
        if (hours == null || hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new InvalidInputException("hours", "Enter between 0 and 24 hours.");
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("hours", "Use at most two decimals, e.g. 2.5 or 2.25.");
        }
        Shift shift = shifts.findById(signup.getShiftId()).orElseThrow();
        long shiftMinutes = shift.length().toMinutes();
        if (hours.multiply(MINUTES_PER_HOUR).compareTo(BigDecimal.valueOf(shiftMinutes)) > 0) {
            String length = BigDecimal.valueOf(shiftMinutes).divide(MINUTES_PER_HOUR, 2, RoundingMode.DOWN)
                    .stripTrailingZeros().toPlainString();
            throw new InvalidInputException("hours",
                    "The shift lasts " + length + " hours; log at most " + length + " hours.");
        }
        BigDecimal before = signup.getHours();
        Instant now = calendar.timestamp();
        signup.logHours(hours.setScale(2), now);
        signups.saveAndFlush(signup);
        changes.saveAndFlush(new SignupChange(signup, SignupChange.Kind.HOURS, now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hours", signup.getHours());
        if (before != null) {
            details.put("hoursBefore", before);
        }
        audit.record(AuditEntry.of(AuditAction.HOURS_LOGGED, TARGET, signupId, details));
        return queries.row(signupId);
    }

    /** A page of a shift's sign-ups in the order they were made. */
    @Transactional(readOnly = true)
    public List<SignupRow> forShift(long shiftId, int offset, int limit) {
        return queries.forShift(shiftId, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    /** A page of a person's sign-ups, latest shift first. */
    @Transactional(readOnly = true)
    public List<VolunteerSignup> forPerson(long personId, int offset, int limit) {
        return queries.forPerson(personId, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    private void checkPlaceLeft(Shift shift, String field) {
        long taken = signups.countByShiftIdAndStatusIn(shift.getId(), SignupStatus.HOLDING_A_PLACE);
        if (taken >= shift.getCapacity()) {
            throw new InvalidInputException(field, "The shift %s is full: %d of %d places are taken."
                    .formatted(shift.getRole(), taken, shift.getCapacity()));
        }
    }

    private Shift lockShift(long shiftId) {
        return shifts.findForUpdate(shiftId)
                .orElseThrow(() -> new InvalidInputException("shiftId", "No shift with id " + shiftId + "."));
    }

    private Signup load(long signupId) {
        return signups.findById(signupId)
                .orElseThrow(() -> new InvalidInputException("signupId", "No sign-up with id " + signupId + "."));
    }
}
