package org.grassroots.crm.people;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.MergeSql;
import org.grassroots.crm.people.internal.MergeSql.Locked;
import org.grassroots.crm.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the supporter who survives, in one transaction: chosen field values, e-mails (with their
 * statuses), phones, tags, notes, subscription history and every {@link PersonDataParticipant}'s data move over;
 * the duplicate is hidden and its id resolves to the survivor from then on. One audit event.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PersonMergeService {

    private final MergeSql sql;
    private final ObjectProvider<PersonDataParticipant> participants;
    private final AuditLog audit;

    PersonMergeService(MergeSql sql, ObjectProvider<PersonDataParticipant> participants, AuditLog audit) {
        this.sql = sql;
        this.participants = participants;
        this.audit = audit;
    }

    @Transactional
    public void merge(MergeRequest request) {
        long survivorId = request.survivorId();
        long duplicateId = request.duplicateId();
        if (survivorId == duplicateId) {
            throw new InvalidInputException("duplicate", "Choose another supporter: one cannot be merged with itself.");
        }
        List<Locked> rows = sql.lock(survivorId, duplicateId);
        Locked survivor = find(rows, survivorId, "survivor");
        Locked duplicate = find(rows, duplicateId, "duplicate");

        sql.keepValues(survivorId, pick(request.names(), survivor, duplicate),
                pick(request.address(), survivor, duplicate), pick(request.source(), survivor, duplicate));
        sql.moveEmails(duplicateId, survivorId);
        sql.movePhones(duplicateId, survivorId);
        sql.moveTagsNotesAndHistory(duplicateId, survivorId);
        participants.orderedStream().forEach(participant -> participant.moveAll(duplicateId, survivorId));
        sql.markMerged(duplicateId, survivorId);
        audit.record(AuditEntry.of(AuditAction.PERSON_MERGED, PersonService.TARGET, survivorId,
                Map.of("duplicate", duplicateId, "survivor", survivorId, "names", request.names().name(),
                        "address", request.address().name(), "source", request.source().name())));
    }

    private static Locked find(List<Locked> rows, long id, String field) {
        Locked row = rows.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "No supporter with id " + id + "."));
        if (row.mergedIntoId() != null) {
            throw new InvalidInputException(field, "Supporter #" + id + " was already merged into #"
                    + row.mergedIntoId() + ".");
        }
        if (row.erasedAt() != null) {
            throw new InvalidInputException(field, "Supporter #" + id + " was erased and cannot be merged.");
        }
        return row;
    }

    private static Locked pick(MergeChoice choice, Locked survivor, Locked duplicate) {
        return choice == MergeChoice.DUPLICATE ? duplicate : survivor;
    }
}
