package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.internal.ManagedSkill;
import org.grassroots.crm.volunteers.internal.ManagedSkillRepository;
import org.grassroots.crm.volunteers.internal.PersonLookup;
import org.grassroots.crm.volunteers.internal.SignupQueries;
import org.grassroots.crm.volunteers.internal.Volunteer;
import org.grassroots.crm.volunteers.internal.VolunteerQueries;
import org.grassroots.crm.volunteers.internal.VolunteerRepository;
import org.grassroots.crm.volunteers.internal.VolunteeringMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer profiles: enrolling a supporter, their status, skills, languages and weekly availability, the
 * volunteers list and a volunteer's hours. Personal data, so only the roles that run volunteering may call it.
 */
@Service
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
public class VolunteerService {

    static final String TARGET = "volunteer";
    private static final int MAX_PAGE = 500;

    private final VolunteerRepository volunteers;
    private final ManagedSkillRepository skills;
    private final PersonLookup people;
    private final VolunteerQueries queries;
    private final SignupQueries signups;
    private final VolunteeringMapper mapper;
    private final EventCalendar calendar;
    private final AuditLog audit;

    VolunteerService(VolunteerRepository volunteers, ManagedSkillRepository skills, PersonLookup people,
            VolunteerQueries queries, SignupQueries signups, VolunteeringMapper mapper, EventCalendar calendar,
            AuditLog audit) {
        this.volunteers = volunteers;
        this.skills = skills;
        this.people = people;
        this.queries = queries;
        this.signups = signups;
        this.mapper = mapper;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The supporter with this id, whether or not they volunteer. */
    @Transactional(readOnly = true)
    public Optional<PersonRef> person(long personId) {
        return people.find(personId);
    }

    /** The supporter with this e-mail address (any case, surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public Optional<PersonRef> personByEmail(String email) {
        return email == null || email.isBlank() ? Optional.empty()
                : people.findByEmail(email.trim().toLowerCase(Locale.ROOT));
    }

    @Transactional
    public VolunteerProfile enrol(long personId) {
        PersonRef person = people.find(personId)
                .orElseThrow(() -> new InvalidInputException("personId",
                        "No supporter has the number " + personId + "."));
        if (volunteers.existsById(personId)) {
            throw new InvalidInputException("personId", person.name() + " is already a volunteer.");
        }
        volunteers.saveAndFlush(new Volunteer(personId, calendar.timestamp()));
        audit.record(AuditEntry.of(AuditAction.VOLUNTEER_ENROLLED, TARGET, personId, Map.of()));
        return profile(personId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<VolunteerProfile> profile(long personId) {
        return volunteers.findById(personId).flatMap(volunteer -> people.find(personId).map(person ->
                new VolunteerProfile(person, volunteer.getStatus(),
                        skills.findAllInNameOrder(volunteer.getSkillIds()).stream().map(mapper::toSkill).toList(),
                        volunteer.getLanguages(), volunteer.getNotes(),
                        volunteer.getAvailability().stream().map(mapper::toWindow).toList(),
                        queries.totalHours(personId), volunteer.getCreatedAt())));
    }

    /** Replaces the profile's status, skills, languages, notes and availability; refuses it all on any bad value. */
    @Transactional
    public VolunteerProfile updateProfile(long personId, ProfileUpdate update) {
        Volunteer volunteer = volunteers.findById(personId)
                .orElseThrow(() -> new InvalidInputException("personId",
                        "Supporter " + personId + " is not a volunteer."));
        if (update.status() == null) {
            throw new InvalidInputException("status", "Choose a status.");
        }
        List<ManagedSkill> chosen = checkSkills(update, volunteer);
        List<String> languages = Languages.normalise(update.languages());
        String notes = update.notes() == null || update.notes().isBlank() ? null : update.notes().strip();
        if (notes != null && notes.length() > 4000) {
            throw new InvalidInputException("notes", "Keep the notes under 4,000 characters.");
        }
        List<AvailabilityWindow> availability = WeeklyAvailability.check(update.availability());

        Map<String, Object> details = new LinkedHashMap<>();
        if (volunteer.getStatus() != update.status()) {
            details.put("statusBefore", volunteer.getStatus().name());
            details.put("status", update.status().name());
        }
        details.put("skills", chosen.stream().map(ManagedSkill::getName).toList());
        details.put("languages", languages);
        details.put("availabilityWindows", availability.size());
        details.put("notesChanged", !Objects.equals(notes, volunteer.getNotes()));
        volunteer.update(update.status(), chosen.stream().map(ManagedSkill::getId).toList(), languages, notes,
                availability.stream().map(mapper::toSlot).toList(), calendar.timestamp());
        volunteers.saveAndFlush(volunteer);
        audit.record(AuditEntry.of(AuditAction.VOLUNTEER_UPDATED, TARGET, personId, details));
        return profile(personId).orElseThrow();
    }

    /** A page of volunteers in name order from an offset, for a lazy grid (no total count). */
    @Transactional(readOnly = true)
    public List<VolunteerRow> find(VolunteerFilter filter, int offset, int limit) {
        return queries.find(normalised(filter), Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    /** The page right after {@code cursor} (the last row seen): as fast deep in the list as at its start. */
    @Transactional(readOnly = true)
    public List<VolunteerRow> findAfter(VolunteerFilter filter, VolunteerCursor cursor, int limit) {
        return queries.findAfter(normalised(filter), cursor, Math.clamp(limit, 0, MAX_PAGE));
    }

    /** Language names to suggest in pickers; any other language name may be typed too. */
    public List<String> languageSuggestions() {
        return Languages.COMMON;
    }

    /** Hours logged on the shifts the person attended. */
    @Transactional(readOnly = true)
    public BigDecimal totalHours(long personId) {
        return queries.totalHours(personId);
    }

    /** Status, skills, total hours and next shift for the supporter page; empty for someone who does not volunteer. */
    @Transactional(readOnly = true)
    public Optional<VolunteeringSummary> summary(long personId) {
        return volunteers.findById(personId).map(volunteer -> new VolunteeringSummary(volunteer.getStatus(),
                queries.skillNames(personId), queries.totalHours(personId),
                signups.nextShift(personId, calendar.now()).orElse(null)));
    }

    private static VolunteerFilter normalised(VolunteerFilter filter) {
        return new VolunteerFilter(filter.status(), filter.skillId(),
                filter.language() == null ? null : Languages.normaliseOne(filter.language()), filter.name());
    }

    private List<ManagedSkill> checkSkills(ProfileUpdate update, Volunteer volunteer) {
        List<ManagedSkill> chosen = skills.findAllInNameOrder(update.skillIds());
        if (chosen.size() != update.skillIds().size()) {
            throw new InvalidInputException("skills",
                    "A chosen skill no longer exists; reload the page and choose again.");
        }
        for (ManagedSkill skill : chosen) {
            if (!skill.isActive() && !volunteer.getSkillIds().contains(skill.getId())) {
                throw new InvalidInputException("skills", "The skill " + skill.getName() + " is no longer offered.");
            }
        }
        return chosen;
    }
}
