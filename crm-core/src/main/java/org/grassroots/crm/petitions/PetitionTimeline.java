package org.grassroots.crm.petitions;

import java.util.List;

import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.petitions.internal.SignatureSql;
import org.springframework.stereotype.Component;

/**
 * Signatures on the supporter timeline: "Signed Save the river", with the comment and source beneath, linking to the
 * petition. Left out for analysts.
 */
@Component
class PetitionTimeline implements TimelineSource {

    static final String KIND = "SIGNATURE";

    private final SignatureSql signatures;

    PetitionTimeline(SignatureSql signatures) {
        this.signatures = signatures;
    }

    @Override
    public List<TimelineEntry> entriesFor(long personId, int limit) {
        if (!PetitionAccess.currentUserMaySeeSignatures() || limit <= 0) {
            return List.of();
        }
        return signatures.forPerson(personId, limit).stream().map(PetitionTimeline::entry).toList();
    }

    private static TimelineEntry entry(Signature signature) {
        String detail = signature.comment() == null ? signature.source()
                : signature.source() == null ? "“" + signature.comment() + "”"
                : "“" + signature.comment() + "” · " + signature.source();
        return new TimelineEntry(signature.signedAt(), KIND, "Signed " + signature.petitionTitle(), detail,
                "petitions/" + signature.petitionId());
    }
}
