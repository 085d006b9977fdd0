package org.grassroots.crm.people;

import java.time.Clock;
import java.time.Instant;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.EmailRepository;
import org.grassroots.crm.people.internal.PersonEntity;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.people.internal.PersonRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the supporter services share when they change someone: loading a person that may still be changed (not
 * merged away, not erased), and giving them an e-mail address no one else has, with its first subscription event.
 * Runs inside the calling service's transaction and security check.
 */
@Component
class EditablePeople {

    private final PersonRepository people;
    private final EmailRepository emails;
    private final PersonHistory history;
    private final Clock clock;

    EditablePeople(PersonRepository people, EmailRepository emails, PersonHistory history, Clock clock) {
        this.people = people;
        this.emails = emails;
        this.history = history;
        this.clock = clock;
    }

    PersonEntity load(long id) {
        PersonEntity person = people.findById(id)
                .orElseThrow(() -> new InvalidInputException("id", "No supporter with id " + id + "."));
        if (person.getMergedIntoId() != null) {
            throw new InvalidInputException("id", "Supporter #" + id + " was merged into #"
                    + person.getMergedIntoId() + "; change that supporter instead.");
        }
        if (person.getErasedAt() != null) {
            throw new InvalidInputException("id", "Supporter #" + id + " was erased and cannot be changed.");
        }
        return person;
    }

    /** Refuses a normalised address that some supporter already has (this one when {@code ownerId} is them). */
    void checkEmailFree(String email, @Nullable Long ownerId) {
        emails.findByEmail(email).ifPresent(existing -> {
            if (ownerId != null && ownerId.equals(existing.getPerson().getId())) {
                throw new InvalidInputException("email", email + " is already on this supporter.");
            }
            throw new InvalidInputException("email", email + " belongs to another supporter (#"
                    + existing.getPerson().getId() + "). Merge the two if they are the same person.");
        });
    }

    /** Adds a checked, free address (primary when the person has none) and records it as subscribed. */
    void attachEmail(PersonEntity person, String email, String cause, @Nullable String source) {
        Instant now = clock.instant();
        person.addEmail(email, person.primaryEmail().isEmpty(), now);
        people.saveAndFlush(person);
        history.recordSubscription(person.getId(), email, SubscriptionStatus.SUBSCRIBED, cause,
                source == null ? staffSource() : source, now);
    }

    static String staffSource() {
        return "staff:" + CurrentUser.username();
    }
}
