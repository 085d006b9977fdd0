package org.grassroots.crm.volunteers;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.volunteers.internal.SignupQueries;
import org.grassroots.crm.volunteers.internal.SignupQueries.SignupHistoryEntry;
import org.springframework.stereotype.Component;

/**
 * Shift entries on the supporter timeline: each sign-up, status change and hours entry. Left out for users who may
 * not see volunteering (FUNDRAISER, ANALYST).
 */
@Component
class VolunteeringTimeline implements TimelineSource {

    static final String KIND = "SHIFT";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final SignupQueries signups;

    VolunteeringTimeline(SignupQueries signups) {
        this.signups = signups;
    }

    @Override
    public List<TimelineEntry> entriesFor(long personId, int limit) {
        if (!VolunteeringAccess.currentUserMaySeePeople() || limit <= 0) {
            return List.of();
        }
        return signups.history(personId, limit).stream().map(VolunteeringTimeline::entry).toList();
    }

    private static TimelineEntry entry(SignupHistoryEntry step) {
        VolunteerSignup signup = step.signup();
        String shift = "%s — %s, %s".formatted(signup.kind().label(),
                signup.place() != null ? signup.place() : signup.eventTitle(), WHEN.format(signup.startsAt()));
        String title = switch (step.change()) {
            case SIGNED_UP -> "Signed up for " + shift;
            case HOURS -> "Logged " + step.hours().stripTrailingZeros().toPlainString() + " hours at " + shift;
            case STATUS -> switch (step.status()) {
                case SIGNED_UP -> "Signed up again for " + shift;
                case CONFIRMED -> "Confirmed for " + shift;
                case ATTENDED -> "Attended " + shift;
                case NO_SHOW -> "Did not show up for " + shift;
                case CANCELLED -> "Cancelled the sign-up for " + shift;
            };
        };
        String detail = signup.place() != null ? signup.role() + " · " + signup.eventTitle() : signup.role();
        return new TimelineEntry(step.changedAt(), KIND, title, detail, "events/" + signup.eventId());
    }
}
