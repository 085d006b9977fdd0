package org.grassroots.crm.people;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.EmailEntity;
import org.grassroots.crm.people.internal.PersonEntity;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.people.internal.PersonRepository;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supporter's e-mail addresses: normalised lower-case, each owned by one person, one primary, and a subscription
 * status whose every change is recorded with its cause and source.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PersonEmailService {

    private final PersonRepository people;
    private final EditablePeople editable;
    private final PersonHistory history;
    private final ContactRules rules;
    private final PersonService details;
    private final Clock clock;

    PersonEmailService(PersonRepository people, EditablePeople editable, PersonHistory history, ContactRules rules,
            PersonService details, Clock clock) {
        this.people = people;
        this.editable = editable;
        this.history = history;
        this.rules = rules;
        this.details = details;
        this.clock = clock;
    }

    /** Adds a subscribed address; it becomes primary when the supporter has none. */
    @Transactional
    public PersonDetails addEmail(long personId, String email) {
        PersonEntity person = editable.load(personId);
        String normalised = rules.email(email);
        editable.checkEmailFree(normalised, person.getId());
        editable.attachEmail(person, normalised, "Added by staff", null);
        return reload(personId);
    }

    /** Removes an address; when it was the primary one, the oldest remaining address becomes primary. */
    @Transactional
    public PersonDetails removeEmail(long personId, String email) {
        PersonEntity person = editable.load(personId);
        EmailEntity removed = owned(person, email);
        if (person.getEmails().size() == 1 && person.getFirstName() == null && person.getLastName() == null) {
            throw new InvalidInputException("email", "A supporter without a name needs an e-mail address.");
        }
        person.getEmails().remove(removed);
        people.flush();
        if (removed.isPrimary() && !person.getEmails().isEmpty()) {
            person.getEmails().getFirst().setPrimary(true);
        }
        person.touch(clock.instant());
        people.saveAndFlush(person);
        return reload(personId);
    }

    @Transactional
    public PersonDetails setPrimary(long personId, String email) {
        PersonEntity person = editable.load(personId);
        EmailEntity chosen = owned(person, email);
        person.primaryEmail().filter(current -> current != chosen).ifPresent(current -> {
            current.setPrimary(false);
            // the one-primary index is checked per row: the old primary must be cleared before the new one is set
            people.flush();
        });
        chosen.setPrimary(true);
        person.touch(clock.instant());
        people.saveAndFlush(person);
        return reload(personId);
    }

    /**
     * Sets an address's subscription status and records the change with its cause and source (the current staff
     * member when {@code source} is null). Setting the status it already has changes and records nothing.
     */
    @Transactional
    public PersonDetails changeStatus(long personId, String email, SubscriptionStatus status, String cause,
            @Nullable String source) {
        PersonEntity person = editable.load(personId);
        EmailEntity address = owned(person, email);
        if (status == null) {
            throw new InvalidInputException("status", "Choose a subscription status.");
        }
        String why = cause == null || cause.isBlank() ? "Changed by staff" : cause.trim();
        if (why.length() > 200) {
            throw new InvalidInputException("cause", "Describe the cause in at most 200 characters.");
        }
        if (address.getStatus() != status) {
            Instant now = clock.instant();
            address.setStatus(status, now);
            person.touch(now);
            people.saveAndFlush(person);
            history.recordSubscription(person.getId(), address.getEmail(), status, why,
                    source == null || source.isBlank() ? EditablePeople.staffSource() : source.trim(), now);
        }
        return reload(personId);
    }

    private EmailEntity owned(PersonEntity person, String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return person.email(normalised).orElseThrow(() -> new InvalidInputException("email",
                normalised + " is not an address of this supporter."));
    }

    private PersonDetails reload(long personId) {
        return details.findById(personId).orElseThrow();
    }
}
