package org.grassroots.crm.people;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.PersonDetailsMapper;
import org.grassroots.crm.people.internal.PersonEntity;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.people.internal.PersonRepository;
import org.grassroots.crm.people.internal.TagEntity;
import org.grassroots.crm.people.internal.TagRepository;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporters for staff who work with people: create, read, edit contact data, phones, tags and notes. An ANALYST
 * never gets here: every method returns or changes personal data. E-mail addresses live in
 * {@link PersonEmailService}; merge and erasure have their own services.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PersonService {

    static final String TARGET = "person";
    static final int NOTES_SHOWN = 200;

    private final PersonRepository people;
    private final TagRepository tags;
    private final PersonHistory history;
    private final PersonDetailsMapper mapper;
    private final ContactRules rules;
    private final EditablePeople editable;
    private final AuditLog audit;
    private final Clock clock;

    PersonService(PersonRepository people, TagRepository tags, PersonHistory history, PersonDetailsMapper mapper,
            ContactRules rules, EditablePeople editable, AuditLog audit, Clock clock) {
        this.people = people;
        this.tags = tags;
        this.history = history;
        this.mapper = mapper;
        this.rules = rules;
        this.editable = editable;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PersonDetails create(NewPerson request) {
        String firstName = rules.name("firstName", request.firstName());
        String lastName = rules.name("lastName", request.lastName());
        Set<String> addresses = new LinkedHashSet<>();
        for (String email : request.emails()) {
            if (email != null && !email.isBlank() && !addresses.add(rules.email(email))) {
                throw new InvalidInputException("email", rules.email(email) + " is listed twice.");
            }
        }
        if (firstName == null && lastName == null && addresses.isEmpty()) {
            throw new InvalidInputException("firstName", "Enter a name or an e-mail address.");
        }
        addresses.forEach(email -> editable.checkEmailFree(email, null));
        Map<String, PhoneKind> phones = new LinkedHashMap<>();
        for (NewPhone phone : request.phones()) {
            if (phone != null && phone.number() != null && !phone.number().isBlank()) {
                phones.putIfAbsent(rules.phone(phone.number()), phone.kindOrDefault());
            }
        }
        PostalAddress address = rules.address(request.address());
        String source = rules.source(request.source());
        List<String> tagNames = request.tags().stream().filter(t -> t != null && !t.isBlank()).map(rules::tag)
                .toList();

        PersonEntity person = new PersonEntity(clock.instant());
        setContact(person, firstName, lastName, address, source);
        phones.forEach((e164, kind) -> person.addPhone(e164, kind.name(), clock.instant()));
        tagNames.forEach(name -> person.getTags().add(tag(name)));
        people.saveAndFlush(person);
        for (String email : addresses) {
            editable.attachEmail(person, email, "Added with the new supporter", source);
        }
        people.flush();
        audit.record(AuditEntry.of(AuditAction.PERSON_CREATED, TARGET, person.getId(),
                Map.of("emails", addresses.size(), "phones", phones.size(), "source", source == null ? "" : source)));
        return details(person);
    }

    @Transactional
    public PersonDetails updateContact(ContactUpdate update) {
        PersonEntity person = editable.load(update.id());
        if (person.getVersion() != update.version()) {
            throw new InvalidInputException("version",
                    "Someone else changed this supporter meanwhile. Reload the page to see their change.");
        }
        String firstName = rules.name("firstName", update.firstName());
        String lastName = rules.name("lastName", update.lastName());
        if (firstName == null && lastName == null && person.getEmails().isEmpty()) {
            throw new InvalidInputException("firstName", "A supporter without an e-mail address needs a name.");
        }
        PostalAddress address = rules.address(update.address());
        setContact(person, firstName, lastName, address, rules.source(update.source()));
        people.saveAndFlush(person);
        return details(person);
    }

    /** The supporter, or the one they were merged into; erased supporters come back with their fields empty. */
    @Transactional(readOnly = true)
    public Optional<PersonDetails> findById(long id) {
        return history.survivorOf(id).flatMap(people::findById).map(this::details);
    }

    /** The id a supporter id leads to now (itself, or the survivor of the merges it went through). */
    @Transactional(readOnly = true)
    public Optional<Long> currentId(long id) {
        return history.survivorOf(id);
    }

    @Transactional
    public PersonDetails addPhone(long personId, NewPhone phone) {
        PersonEntity person = editable.load(personId);
        String e164 = rules.phone(phone.number());
        if (person.getPhones().stream().anyMatch(p -> p.getE164().equals(e164))) {
            throw new InvalidInputException("phone", e164 + " is already on this supporter.");
        }
        person.addPhone(e164, phone.kindOrDefault().name(), clock.instant());
        return details(people.saveAndFlush(person));
    }

    @Transactional
    public PersonDetails removePhone(long personId, long phoneId) {
        PersonEntity person = editable.load(personId);
        boolean wasPrimary = person.getPhones().stream().anyMatch(p -> p.getId() == phoneId && p.isPrimary());
        if (!person.getPhones().removeIf(p -> p.getId() == phoneId)) {
            throw new InvalidInputException("phone", "That phone is not on this supporter.");
        }
        people.flush();
        if (wasPrimary && !person.getPhones().isEmpty()) {
            person.getPhones().getFirst().setPrimary(true);
        }
        person.touch(clock.instant());
        return details(people.saveAndFlush(person));
    }

    /** Adds a tag by name, creating it when no tag of that name (in any case) exists yet. */
    @Transactional
    public PersonDetails addTag(long personId, String name) {
        PersonEntity person = editable.load(personId);
        person.getTags().add(tag(rules.tag(name)));
        person.touch(clock.instant());
        return details(people.saveAndFlush(person));
    }

    @Transactional
    public PersonDetails removeTag(long personId, String name) {
        PersonEntity person = editable.load(personId);
        person.getTags().removeIf(tag -> tag.getName().equalsIgnoreCase(name == null ? "" : name.trim()));
        person.touch(clock.instant());
        return details(people.saveAndFlush(person));
    }

    /** Every tag name, for pickers and filters. */
    @Transactional(readOnly = true)
    public List<String> allTags() {
        return tags.findAllByOrderByNameAsc().stream().map(TagEntity::getName).toList();
    }

    /** Adds a note signed with the current user's username. */
    @Transactional
    public PersonDetails addNote(long personId, String body) {
        PersonEntity person = editable.load(personId);
        history.addNote(person.getId(), CurrentUser.username(), rules.note(body));
        person.touch(clock.instant());
        return details(people.saveAndFlush(person));
    }

    private TagEntity tag(String name) {
        return tags.findFirstByNameIgnoreCase(name).orElseGet(() -> tags.save(new TagEntity(name)));
    }

    private void setContact(PersonEntity person, String firstName, String lastName, PostalAddress address,
            String source) {
        person.setContact(firstName, lastName, address.street(), address.city(),
                address.state() == null ? null : address.state().name(), address.zip(), source, clock.instant());
    }

    private PersonDetails details(PersonEntity person) {
        return mapper.toDetails(person, history.notes(person.getId(), NOTES_SHOWN));
    }
}
