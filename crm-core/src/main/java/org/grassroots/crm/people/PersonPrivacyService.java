package org.grassroots.crm.people;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.ErasedEmails;
import org.grassroots.crm.people.internal.ErasureSql;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.people.internal.SubscriptionLedgerSql;
import org.grassroots.crm.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR for supporters, for administrators: erasure (personal fields gone, a keyed hash of each address kept so an
 * import cannot bring the person back as subscribed, an "erased" entry with the address's SHA-256 in the
 * subscription ledger so e-mail list syncs delete it remotely, other features unlink their data) and the
 * subject-access export as one JSON document. Both are audited without personal data in the event.
 */
@Service
public class PersonPrivacyService {

    private final ErasureSql erasure;
    private final ErasedEmails erasedEmails;
    private final SubscriptionLedgerSql ledger;
    private final PersonHistory history;
    private final PersonService people;
    private final ObjectProvider<PersonDataParticipant> participants;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    PersonPrivacyService(ErasureSql erasure, ErasedEmails erasedEmails, SubscriptionLedgerSql ledger,
            PersonHistory history, PersonService people, ObjectProvider<PersonDataParticipant> participants,
            AuditLog audit, Clock clock) {
        this.erasure = erasure;
        this.erasedEmails = erasedEmails;
        this.ledger = ledger;
        this.history = history;
        this.people = people;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void erase(long personId) {
        ErasureSql.State state = erasure.lock(personId)
                .orElseThrow(() -> new InvalidInputException("id", "No supporter with id " + personId + "."));
        if (state.merged()) {
            throw new InvalidInputException("id", "Supporter #" + personId
                    + " was merged into another supporter; erase that one instead.");
        }
        if (state.erased()) {
            throw new InvalidInputException("id", "Supporter #" + personId + " is already erased.");
        }
        List<String> emails = erasure.emails(personId);
        emails.forEach(erasedEmails::remember);
        ledger.recordErasure(personId, emails);
        participants.orderedStream().forEach(participant -> participant.erase(personId));
        erasure.erase(personId);
        audit.record(AuditEntry.of(AuditAction.PERSON_ERASED, PersonService.TARGET, personId,
                Map.of("emailsHashed", emails.size())));
    }

    /** Whether an address belonged to someone who was erased; importers keep such addresses out. */
    @RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
    @Transactional(readOnly = true)
    public boolean isErasedEmail(String email) {
        return email != null && !email.isBlank() && erasedEmails.contains(email.trim().toLowerCase(Locale.ROOT));
    }

    /** Everything the CRM holds about the person (after following merges), as one JSON document. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional // not read-only: the export's audit event is written in the same transaction
    public String exportJson(long personId) {
        PersonDetails person = people.findById(personId)
                .orElseThrow(() -> new InvalidInputException("id", "No supporter with id " + personId + "."));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", clock.instant().toString());
        document.put("supporter", supporter(person));
        document.put("subscriptionHistory", history.subscriptionChanges(person.id()).stream()
                .map(change -> ordered("occurredAt", change.occurredAt().toString(), "email", change.email(),
                        "status", change.status().name(), "cause", change.cause(), "source", change.source()))
                .toList());
        Map<String, Object> sections = new LinkedHashMap<>();
        participants.orderedStream().forEach(participant ->
                sections.put(participant.section(), participant.export(person.id())));
        document.put("sections", sections);
        audit.record(AuditEntry.of(AuditAction.PERSON_EXPORTED, PersonService.TARGET, person.id(), Map.of()));
        return json.writeValueAsString(document);
    }

    private static Map<String, Object> supporter(PersonDetails person) {
        PostalAddress address = person.address();
        return ordered("id", person.id(), "firstName", person.firstName(), "lastName", person.lastName(),
                "emails", person.emails().stream().map(e -> ordered("email", e.email(), "primary", e.primary(),
                        "status", e.status().name(), "statusChangedAt", e.statusChangedAt().toString())).toList(),
                "phones", person.phones().stream().map(p -> ordered("number", p.e164(), "kind", p.kind().name(),
                        "primary", p.primary())).toList(),
                "address", ordered("street", address.street(), "city", address.city(),
                        "state", address.state() == null ? null : address.state().name(), "zip", address.zip()),
                "tags", person.tags(),
                "notes", person.notes().stream().map(n -> ordered("author", n.author(), "body", n.body(),
                        "createdAt", n.createdAt().toString())).toList(),
                "source", person.source(),
                "createdAt", person.createdAt().toString(),
                "updatedAt", person.updatedAt().toString(),
                "erasedAt", person.erasedAt() == null ? null : person.erasedAt().toString());
    }

    /** A map that keeps the given key order and allows null values (unlike {@code Map.of}). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
