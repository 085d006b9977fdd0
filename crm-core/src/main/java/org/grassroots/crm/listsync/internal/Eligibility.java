package org.grassroots.crm.listsync.internal;

import java.util.Map;
import java.util.Set;

import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.SupporterSelection;
import org.grassroots.crm.people.SupporterSelectionSql;
import org.grassroots.crm.people.SupporterSnapshots;
import org.grassroots.crm.petitions.PetitionSlugs;
import org.grassroots.crm.petitions.SignedPetitionCriterion;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who a list may receive as subscribed: the provider's {@link EmailListProvider#segment() segment}, narrowed to
 * primary addresses the CRM has as subscribed, as the people feature's own selection SQL.
 */
@Component
class Eligibility {

    private final SupporterSnapshots supporters;
    private final PetitionSlugs petitions;

    Eligibility(SupporterSnapshots supporters, PetitionSlugs petitions) {
        this.supporters = supporters;
        this.petitions = petitions;
    }

    /**
     * The eligible supporters as SQL, or null when the segment admits no subscribed address (it names only other
     * statuses), so nobody is eligible.
     *
     * @throws IllegalArgumentException when the segment names a petition slug no petition has
     */
    @Nullable SupporterSelectionSql eligible(Segment segment) {
        if (!segment.emailStatuses().isEmpty() && !segment.emailStatuses().contains(EmailStatus.SUBSCRIBED)) {
            return null;
        }
        Map<String, Long> signed = segment.petitionSlug() == null ? Map.of()
                : Map.of(SignedPetitionCriterion.KEY, petitions.petitionId(segment.petitionSlug())
                        .orElseThrow(() -> new IllegalArgumentException("The list's segment names the petition \u201c"
                                + segment.petitionSlug() + "\u201d, which no petition has as its link name; fix the "
                                + "segment in the plugin's settings.")));
        return supporters.selectionSql(new SupporterSelection(segment.tags(), segment.states(),
                Set.of(SubscriptionStatus.SUBSCRIBED), signed));
    }
}
