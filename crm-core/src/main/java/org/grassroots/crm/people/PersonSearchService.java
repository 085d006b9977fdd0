package org.grassroots.crm.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.PersonListSql;
import org.grassroots.crm.people.internal.PersonListSql.Match;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds supporters for the list: exact e-mail or phone, fuzzy name (3 characters at least), filters and sorts,
 * paged for a lazy grid that never counts the whole table.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PersonSearchService {

    public static final int MIN_NAME_CHARACTERS = ContactRules.MIN_NAME_SEARCH;
    static final int MAX_PAGE = 500;

    private final PersonListSql sql;
    private final ContactRules rules;
    private final PersonCriteria criteria;

    PersonSearchService(PersonListSql sql, ContactRules rules, PersonCriteria criteria) {
        this.sql = sql;
        this.rules = rules;
        this.criteria = criteria;
    }

    /**
     * One page of the list. With {@code after} (where the previous page ended) the page continues from that row;
     * otherwise it starts {@code offset} rows in. A name search shorter than 3 characters is refused on "search".
     */
    @Transactional(readOnly = true)
    public PersonPage page(PersonQuery query, @Nullable PageKey after, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return sql.page(spec(query), after, offset, Math.min(limit, MAX_PAGE));
    }

    /** A stateful reader for one query that continues sequential scrolling by keyset. */
    public PersonListing listing(PersonQuery query) {
        spec(query);
        return new PersonListing(this, query);
    }

    /**
     * How many rows the list will have, when that is known without counting: the unfiltered list is the number of
     * active supporters, kept by the database. Empty for searches and filters.
     */
    @Transactional(readOnly = true)
    public Optional<Long> knownSize(PersonQuery query) {
        return query.text() == null && query.filter().isEmpty() ? Optional.of(sql.activeCount()) : Optional.empty();
    }

    /** The yes/no filters other features offer ("Has donated" …). */
    public List<CriterionOption> criteria() {
        return criteria.yesNoOptions();
    }

    /** The filters other features offer that need one thing picked ("Signed petition …"). */
    public List<CriterionOption> choiceCriteria() {
        return criteria.choiceOptions();
    }

    /**
     * A page of what can be picked for the choice filter {@code key}, in the order its feature chooses (at most 200).
     *
     * @param text only choices whose label contains this (any case); null or blank for all
     */
    @Transactional(readOnly = true)
    public List<CriterionChoice> choices(String key, @Nullable String text, int offset, int limit) {
        return criteria.choices(key, text, offset, limit);
    }

    /** The choice with this id of the choice filter {@code key}, to show a filter that arrived in a link. */
    @Transactional(readOnly = true)
    public Optional<CriterionChoice> choice(String key, long id) {
        return criteria.choice(key, id);
    }

    private PersonListSql.Spec spec(PersonQuery query) {
        var conditions = criteria.conditions(query.filter().criteria(), query.filter().choices());
        String text = query.text();
        Match match;
        String term = null;
        if (text == null) {
            match = Match.ALL;
        } else if (text.contains("@")) {
            match = Match.EMAIL;
            term = text.toLowerCase(Locale.ROOT);
        } else if (rules.parsePhone(text).isPresent()) {
            match = Match.PHONE;
            term = rules.parsePhone(text).get();
        } else {
            term = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (term.length() < MIN_NAME_CHARACTERS) {
                throw new InvalidInputException("search", "Type at least " + MIN_NAME_CHARACTERS
                        + " characters to search by name, or a whole e-mail address or phone number.");
            }
            match = Match.NAME;
        }
        return new PersonListSql.Spec(match, term, query.filter(), conditions, query.sort(), query.descending());
    }
}
