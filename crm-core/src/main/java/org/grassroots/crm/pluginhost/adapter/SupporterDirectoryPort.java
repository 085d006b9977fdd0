package org.grassroots.crm.pluginhost.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.SupporterSelection;
import org.grassroots.crm.people.SupporterSnapshots;
import org.grassroots.crm.petitions.PetitionSlugs;
import org.grassroots.crm.petitions.SignedPetitionCriterion;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.plugin.api.supporters.SupporterDirectory;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@link SupporterDirectory} port over the people feature's {@link SupporterSnapshots}: read-only, as the
 * system (no signed-in user needed), records mapped with MapStruct. A segment's petition slug becomes the petition's
 * id here, and the selection carries it to the petitions feature's "signed petition" criterion.
 */
@Component
class SupporterDirectoryPort implements PluginPortSource<SupporterDirectory> {

    private final SupporterSnapshots supporters;
    private final PetitionSlugs petitions;
    private final SupporterPortMapper mapper;

    SupporterDirectoryPort(SupporterSnapshots supporters, PetitionSlugs petitions, SupporterPortMapper mapper) {
        this.supporters = supporters;
        this.petitions = petitions;
        this.mapper = mapper;
    }

    @Override
    public Class<SupporterDirectory> portType() {
        return SupporterDirectory.class;
    }

    @Override
    public SupporterDirectory forPlugin(PluginScope scope) {
        return new Directory();
    }

    private final class Directory implements SupporterDirectory {

        @Override
        public Optional<SupporterRecord> find(long id) {
            return supporters.find(id).map(mapper::toRecord);
        }

        @Override
        public Optional<SupporterRecord> findByEmail(String email) {
            return supporters.findByEmail(email).map(mapper::toRecord);
        }

        @Override
        public long count(Segment segment) {
            SupporterSelection selection = selection(segment);
            return selection == null ? 0 : supporters.count(selection);
        }

        @Override
        public long forEach(Segment segment, @Nullable Instant changedSince, Consumer<SupporterRecord> action) {
            SupporterSelection selection = selection(segment);
            return selection == null ? 0
                    : supporters.forEach(selection, changedSince, snapshot -> action.accept(mapper.toRecord(snapshot)));
        }

        /** The people feature's selection, or null when the segment can match nobody. */
        private @Nullable SupporterSelection selection(Segment segment) {
            Map<String, Long> signed = segment.petitionSlug() == null ? Map.of()
                    : Map.of(SignedPetitionCriterion.KEY, petitionId(segment.petitionSlug()));
            // erased people have no address left, so ERASED selects nobody
            Set<SubscriptionStatus> statuses = segment.emailStatuses().stream()
                    .filter(status -> status != EmailStatus.ERASED).map(mapper::toSubscriptionStatus)
                    .collect(Collectors.toSet());
            if (statuses.isEmpty() && !segment.emailStatuses().isEmpty()) {
                return null;
            }
            return new SupporterSelection(segment.tags(), segment.states(), statuses, signed);
        }

        private long petitionId(String slug) {
            return petitions.petitionId(slug).orElseThrow(() -> new IllegalArgumentException(
                    "No petition has the slug “" + slug + "”. Check the segment's petition link name, or leave it "
                            + "empty to select supporters whether they signed or not."));
        }
    }
}
