package org.grassroots.crm.people.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.SubscriptionStatus;

/** The card at the top of the supporter page: who they are at a glance. */
final class SupporterHeader {

    private SupporterHeader() {
    }

    static Card of(PersonDetails person) {
        Card card = new Card();
        card.addClassName("supporter-header");
        H2 name = new H2(person.displayName());
        name.addClassName("supporter-name");
        card.setTitle(name);
        card.setSubtitle(new Span("#" + person.id() + (person.source() == null ? "" : " · " + person.source())
                + " · added " + SupportersView.DATE.format(person.createdAt())));
        Div facts = new Div();
        facts.addClassName("supporter-facts");
        person.primaryEmail().ifPresent(email -> facts.add(new Span(email.email()), statusBadge(email.status())));
        if (person.address().state() != null) {
            facts.add(new Span(person.address().state().displayName()));
        }
        person.tags().forEach(tag -> facts.add(badge(tag, BadgeVariant.CONTRAST)));
        if (person.demo()) {
            facts.add(badge("Demo data", BadgeVariant.WARNING));
        }
        if (person.erased()) {
            facts.add(badge("Erased", BadgeVariant.ERROR));
        }
        card.add(facts);
        return card;
    }

    static Badge statusBadge(SubscriptionStatus status) {
        return badge(status.label(), switch (status) {
            case SUBSCRIBED -> BadgeVariant.SUCCESS;
            case NOT_SUBSCRIBED, UNSUBSCRIBED -> BadgeVariant.CONTRAST;
            case BOUNCING, SPAM_COMPLAINT -> BadgeVariant.ERROR;
        });
    }

    static Badge primaryBadge() {
        return badge("Primary", BadgeVariant.SMALL);
    }

    static Badge badge(String text, BadgeVariant variant) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(variant);
        return badge;
    }
}
