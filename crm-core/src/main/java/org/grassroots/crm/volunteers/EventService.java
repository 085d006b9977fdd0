package org.grassroots.crm.volunteers;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.internal.Event;
import org.grassroots.crm.volunteers.internal.EventQueries;
import org.grassroots.crm.volunteers.internal.EventRepository;
import org.grassroots.crm.volunteers.internal.Shift;
import org.grassroots.crm.volunteers.internal.ShiftRepository;
import org.grassroots.crm.volunteers.internal.SignupRepository;
import org.grassroots.crm.volunteers.internal.VolunteeringMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Events (phone banks, canvasses …) and their shifts. Times are local to where the event happens. */
@Service
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
public class EventService {

    static final String EVENT = "event";
    static final String SHIFT = "shift";
    private static final int MAX_PAGE = 500;
    private static final int MAX_CAPACITY = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final EventRepository events;
    private final ShiftRepository shifts;
    private final SignupRepository signups;
    private final EventQueries queries;
    private final VolunteeringMapper mapper;
    private final EventCalendar calendar;
    private final AuditLog audit;

    EventService(EventRepository events, ShiftRepository shifts, SignupRepository signups, EventQueries queries,
            VolunteeringMapper mapper, EventCalendar calendar, AuditLog audit) {
        this.events = events;
        this.shifts = shifts;
        this.signups = signups;
        this.queries = queries;
        this.mapper = mapper;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    public EventDetails create(EventDraft draft) {
        Event event = new Event(currentUser(), calendar.timestamp());
        describe(event, draft);
        events.saveAndFlush(event);
        audit.record(AuditEntry.of(AuditAction.EVENT_CREATED, EVENT, event.getId(), eventFacts(event)));
        return mapper.toDetails(event);
    }

    /** Changes an event; refused when one of its shifts would fall outside the new times. */
    @Transactional
    public EventDetails update(long eventId, EventDraft draft) {
        Event event = loadEvent(eventId);
        describe(event, draft);
        for (Shift shift : shifts.findByEventIdOrderByStartsAtAscIdAsc(eventId)) {
            if (shift.getStartsAt().isBefore(event.getStartsAt())) {
                throw new InvalidInputException("startsAt",
                        "The shift %s starts at %s, before the event would start; move it first."
                                .formatted(shift.getRole(), TIME.format(shift.getStartsAt())));
            }
            if (shift.getEndsAt().isAfter(event.getEndsAt())) {
                throw new InvalidInputException("endsAt",
                        "The shift %s ends at %s, after the event would end; move it first."
                                .formatted(shift.getRole(), TIME.format(shift.getEndsAt())));
            }
        }
        events.saveAndFlush(event);
        audit.record(AuditEntry.of(AuditAction.EVENT_UPDATED, EVENT, eventId, eventFacts(event)));
        return mapper.toDetails(event);
    }

    @Transactional(readOnly = true)
    public Optional<EventDetails> find(long eventId) {
        return events.findById(eventId).map(mapper::toDetails);
    }

    /** A page of upcoming or past events, optionally of one kind or in one state, for a lazy grid (no count). */
    @Transactional(readOnly = true)
    public List<EventRow> find(EventPeriod period, @Nullable EventKind kind, @Nullable UsState state, int offset,
            int limit) {
        return queries.find(period, calendar.startOfToday(), kind, state, Math.max(0, offset),
                Math.clamp(limit, 0, MAX_PAGE));
    }

    @Transactional(readOnly = true)
    public List<ShiftRow> shifts(long eventId) {
        return queries.shifts(eventId);
    }

    @Transactional
    public ShiftRow addShift(long eventId, ShiftDraft draft) {
        Event event = loadEvent(eventId);
        Shift shift = new Shift(eventId);
        describe(shift, draft, event);
        shifts.saveAndFlush(shift);
        audit.record(AuditEntry.of(AuditAction.SHIFT_CREATED, SHIFT, shift.getId(), shiftFacts(shift)));
        return queries.shift(shift.getId());
    }

    /** Changes a shift; its capacity cannot drop below the places already taken. */
    @Transactional
    public ShiftRow updateShift(long shiftId, ShiftDraft draft) {
        Shift shift = shifts.findForUpdate(shiftId)
                .orElseThrow(() -> new InvalidInputException("shiftId", "No shift with id " + shiftId + "."));
        describe(shift, draft, loadEvent(shift.getEventId()));
        long taken = signups.countByShiftIdAndStatusIn(shiftId, SignupStatus.HOLDING_A_PLACE);
        if (shift.getCapacity() < taken) {
            throw new InvalidInputException("capacity",
                    taken + " people hold a place on this shift; the capacity cannot be lower than that.");
        }
        shifts.saveAndFlush(shift);
        audit.record(AuditEntry.of(AuditAction.SHIFT_UPDATED, SHIFT, shiftId, shiftFacts(shift)));
        return queries.shift(shiftId);
    }

    private void describe(Event event, EventDraft draft) {
        if (draft.kind() == null) {
            throw new InvalidInputException("kind", "Choose what kind of event this is.");
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "Enter a title of 1 to 200 characters.");
        }
        checkTimes(draft.startsAt(), draft.endsAt(), "The event");
        String place = draft.place() == null || draft.place().isBlank() ? null : draft.place().strip();
        if (place != null && place.length() > 200) {
            throw new InvalidInputException("place", "Keep the place under 200 characters.");
        }
        String state = null;
        if (draft.state() != null && !draft.state().isBlank()) {
            String typed = draft.state().strip();
            state = UsState.parse(typed).map(UsState::name).orElseThrow(() ->
                    new InvalidInputException("state", "“" + typed + "” is not a US state or territory."));
        }
        event.describe(draft.kind(), title, draft.startsAt(), draft.endsAt(), place, state);
    }

    private static void describe(Shift shift, ShiftDraft draft, Event event) {
        String role = draft.role() == null ? "" : draft.role().strip();
        if (role.isEmpty() || role.length() > 100) {
            throw new InvalidInputException("role", "Enter a role of 1 to 100 characters, e.g. Caller or Canvasser.");
        }
        checkTimes(draft.startsAt(), draft.endsAt(), "The shift");
        if (draft.startsAt().isBefore(event.getStartsAt())) {
            throw new InvalidInputException("startsAt",
                    "The shift must start during the event, which starts " + TIME.format(event.getStartsAt()) + ".");
        }
        if (draft.endsAt().isAfter(event.getEndsAt())) {
            throw new InvalidInputException("endsAt",
                    "The shift must end during the event, which ends " + TIME.format(event.getEndsAt()) + ".");
        }
        if (draft.capacity() == null || draft.capacity() < 1 || draft.capacity() > MAX_CAPACITY) {
            throw new InvalidInputException("capacity", "Enter a capacity of 1 to " + MAX_CAPACITY + " people.");
        }
        shift.describe(role, draft.startsAt(), draft.endsAt(), draft.capacity());
    }

    private static void checkTimes(LocalDateTime startsAt, LocalDateTime endsAt, String what) {
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "Enter when " + what.toLowerCase(Locale.ROOT) + " starts.");
        }
        if (endsAt == null) {
            throw new InvalidInputException("endsAt", "Enter when " + what.toLowerCase(Locale.ROOT) + " ends.");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", what + " must end after it starts.");
        }
    }

    private Event loadEvent(long eventId) {
        return events.findById(eventId)
                .orElseThrow(() -> new InvalidInputException("eventId", "No event with id " + eventId + "."));
    }

    private static Map<String, Object> eventFacts(Event event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", event.getKind().name());
        facts.put("title", event.getTitle());
        facts.put("startsAt", event.getStartsAt().toString());
        facts.put("endsAt", event.getEndsAt().toString());
        facts.put("state", event.getState() == null ? "" : event.getState());
        return facts;
    }

    private static Map<String, Object> shiftFacts(Shift shift) {
        return Map.of("eventId", shift.getEventId(), "role", shift.getRole(),
                "startsAt", shift.getStartsAt().toString(), "endsAt", shift.getEndsAt().toString(),
                "capacity", shift.getCapacity());
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
