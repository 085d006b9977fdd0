package org.grassroots.crm.donations;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.donations.internal.DonationQueries;
import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Gifts on a supporter's timeline. Fundraisers and admins read "Donated $25.00 via ActBlue"; organizers and volunteer
 * coordinators only "Donated via ActBlue", and the entry links nowhere they cannot go. Analysts get nothing.
 */
@Component
class DonationTimeline implements TimelineSource {

    static final String KIND = "DONATION";
    /** Gifts carry a date, not a time: noon UTC falls on the same calendar day in every US time zone. */
    private static final LocalTime SHOWN_AT = LocalTime.NOON;

    private final DonationQueries queries;

    DonationTimeline(DonationQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<TimelineEntry> entriesFor(long personId, int limit) {
        Set<String> roles = currentAuthorities();
        boolean seesAmounts = roles.contains(Role.FUNDRAISER.authority()) || roles.contains(Role.ADMIN.authority());
        boolean seesGifts = seesAmounts || roles.contains(Role.ORGANIZER.authority())
                || roles.contains(Role.VOLUNTEER_COORDINATOR.authority());
        if (!seesGifts || limit <= 0) {
            return List.of();
        }
        return queries.forPerson(personId, limit).stream().map(donation -> entry(donation, seesAmounts)).toList();
    }

    private static TimelineEntry entry(Donation donation, boolean seesAmounts) {
        StringBuilder title = new StringBuilder("Donated");
        if (seesAmounts) {
            title.append(' ').append(Dollars.format(donation.amount()));
        }
        if (donation.platform() == DonationPlatform.MANUAL || donation.platform() == DonationPlatform.OTHER) {
            String phrase = donation.method().phrase();
            if (!phrase.isEmpty()) {
                title.append(' ').append(phrase);
            }
        } else {
            title.append(" via ").append(donation.platform().label());
        }
        String detail = donation.campaign() == null ? null : "Campaign: " + donation.campaign();
        if (donation.recurringPlanId() != null) {
            detail = detail == null ? "Recurring gift" : "Recurring gift · " + detail;
        }
        String link = seesAmounts ? "donations?person=" + donation.personId() : null;
        return new TimelineEntry(donation.receivedOn().atTime(SHOWN_AT).toInstant(ZoneOffset.UTC), KIND,
                title.toString(), detail, link);
    }

    private static Set<String> currentAuthorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
