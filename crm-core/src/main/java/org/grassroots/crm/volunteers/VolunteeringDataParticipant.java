package org.grassroots.crm.volunteers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.volunteers.internal.AvailabilitySlot;
import org.grassroots.crm.volunteers.internal.ManagedSkill;
import org.grassroots.crm.volunteers.internal.ManagedSkillRepository;
import org.grassroots.crm.volunteers.internal.SignupQueries;
import org.grassroots.crm.volunteers.internal.SignupTransfer;
import org.grassroots.crm.volunteers.internal.Volunteer;
import org.grassroots.crm.volunteers.internal.VolunteerRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteering's part in merging, erasing and exporting a supporter. Runs inside the people feature's transaction,
 * which checks access and writes the one audit event for the merge or erasure, so nothing is audited here.
 */
@Component
class VolunteeringDataParticipant implements PersonDataParticipant {

    private final VolunteerRepository volunteers;
    private final ManagedSkillRepository skills;
    private final SignupTransfer transfer;
    private final SignupQueries signups;
    private final EventCalendar calendar;

    VolunteeringDataParticipant(VolunteerRepository volunteers, ManagedSkillRepository skills, SignupTransfer transfer,
            SignupQueries signups, EventCalendar calendar) {
        this.volunteers = volunteers;
        this.skills = skills;
        this.transfer = transfer;
        this.signups = signups;
        this.calendar = calendar;
    }

    @Override
    public String section() {
        return "volunteering";
    }

    /**
     * Sign-ups move to the survivor (a duplicate for the same shift is dropped, see {@link SignupTransfer#move}).
     * When both have a profile the survivor's status and notes stay, except that a do-not-contact request is never
     * lost; skills, languages and availability are united, overlapping windows joined.
     */
    @Override
    @Transactional
    public void moveAll(long fromPersonId, long intoPersonId) {
        if (fromPersonId == intoPersonId) {
            return;
        }
        transfer.move(fromPersonId, intoPersonId);
        Optional<Volunteer> merged = volunteers.findById(fromPersonId);
        if (merged.isEmpty()) {
            return;
        }
        Volunteer from = merged.get();
        Optional<Volunteer> existing = volunteers.findById(intoPersonId);
        Volunteer into = existing.orElseGet(() -> new Volunteer(intoPersonId, from.getCreatedAt()));
        VolunteerStatus status = existing.isEmpty() || from.getStatus() == VolunteerStatus.DO_NOT_CONTACT
                ? from.getStatus() : into.getStatus();
        Set<Long> skillIds = new LinkedHashSet<>(into.getSkillIds());
        skillIds.addAll(from.getSkillIds());
        List<String> languages = new ArrayList<>(into.getLanguages());
        languages.addAll(from.getLanguages());
        List<AvailabilitySlot> availability = new ArrayList<>(into.getAvailability());
        availability.addAll(from.getAvailability());
        into.update(status, skillIds, Languages.normalise(languages),
                into.getNotes() != null ? into.getNotes() : from.getNotes(), joinOverlapping(availability),
                calendar.timestamp());
        volunteers.delete(from);
        volunteers.saveAndFlush(into);
    }

    /**
     * Deletes the profile with its skills and availability. Sign-ups are kept but unlinked from the person, so events
     * keep their attendance and hours figures without anything that identifies who it was.
     */
    @Override
    @Transactional
    public void erase(long personId) {
        volunteers.flush();
        transfer.unlink(personId);
        transfer.deleteProfile(personId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(long personId) {
        List<Map<String, Object>> records = new ArrayList<>();
        volunteers.findById(personId).ifPresent(volunteer -> {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("record", "profile");
            profile.put("status", volunteer.getStatus().name());
            profile.put("skills", skills.findAllInNameOrder(volunteer.getSkillIds()).stream()
                    .map(ManagedSkill::getName).toList());
            profile.put("languages", volunteer.getLanguages());
            profile.put("notes", volunteer.getNotes());
            profile.put("availability", volunteer.getAvailability().stream().map(slot -> Map.of(
                    "dayOfWeek", (int) slot.dayOfWeek(), "start", slot.startTime().toString(),
                    "end", slot.endTime().toString())).toList());
            profile.put("volunteerSince", volunteer.getCreatedAt().toString());
            records.add(profile);
        });
        for (VolunteerSignup signup : signups.forPerson(personId, 0, Integer.MAX_VALUE)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("record", "signup");
            row.put("event", signup.eventTitle());
            row.put("kind", signup.kind().name());
            row.put("place", signup.place());
            row.put("state", signup.state() == null ? null : signup.state().name());
            row.put("role", signup.role());
            row.put("startsAt", signup.startsAt().toString());
            row.put("endsAt", signup.endsAt().toString());
            row.put("status", signup.status().name());
            row.put("hours", signup.hours());
            records.add(row);
        }
        return records;
    }

    /** The windows with overlapping or touching ones on the same day joined into one. */
    static List<AvailabilitySlot> joinOverlapping(List<AvailabilitySlot> slots) {
        List<AvailabilitySlot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparing(AvailabilitySlot::dayOfWeek).thenComparing(AvailabilitySlot::startTime));
        List<AvailabilitySlot> joined = new ArrayList<>();
        for (AvailabilitySlot slot : sorted) {
            AvailabilitySlot last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && last.dayOfWeek() == slot.dayOfWeek() && !slot.startTime().isAfter(last.endTime())) {
                joined.set(joined.size() - 1, new AvailabilitySlot(last.dayOfWeek(), last.startTime(),
                        slot.endTime().isAfter(last.endTime()) ? slot.endTime() : last.endTime()));
            } else {
                joined.add(slot);
            }
        }
        return joined;
    }
}
