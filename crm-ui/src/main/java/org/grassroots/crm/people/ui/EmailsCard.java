package org.grassroots.crm.people.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.EmailAddress;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonEmailService;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.ui.FieldErrors;

/** The supporter's e-mail addresses: status per address (every change recorded), primary, add and remove. */
class EmailsCard extends Card {

    static final String STAFF_CAUSE = "Changed by staff on the supporter page";

    final EmailField newEmail = new EmailField();
    final Button add = new Button("Add");
    private final FieldErrors errors = new FieldErrors().on("email", newEmail);
    private final Consumer<PersonDetails> onChanged;

    EmailsCard(PersonDetails person, PersonEmailService emails, Consumer<PersonDetails> onChanged) {
        this.onChanged = onChanged;
        addClassName("emails-card");
        setTitle("E-mail addresses");
        for (EmailAddress email : person.emails()) {
            add(row(person.id(), email, emails));
        }
        if (person.emails().isEmpty()) {
            add(new Span("No e-mail address yet."));
        }
        newEmail.setPlaceholder("another@example.org");
        newEmail.setAriaLabel("New e-mail address");
        newEmail.setErrorMessage("Enter an e-mail address like name@example.org.");
        add.addClickListener(e -> {
            if (!newEmail.isInvalid() && !newEmail.isEmpty()) {
                apply(() -> emails.addEmail(person.id(), newEmail.getValue()));
            }
        });
        HorizontalLayout adder = new HorizontalLayout(newEmail, add);
        adder.setFlexGrow(1, newEmail);
        adder.setWidthFull();
        add(adder);
    }

    private Div row(long personId, EmailAddress email, PersonEmailService emails) {
        Span address = new Span(email.email());
        address.addClassName("email-address");
        Select<SubscriptionStatus> status = new Select<>();
        status.setItems(SubscriptionStatus.values());
        status.setItemLabelGenerator(SubscriptionStatus::label);
        status.setValue(email.status());
        status.setAriaLabel("Subscription status of " + email.email());
        status.setWidth("11rem");
        status.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(() -> emails.changeStatus(personId, email.email(), e.getValue(), STAFF_CAUSE, null));
            }
        });
        Div row = new Div(address);
        if (email.primary()) {
            row.add(SupporterHeader.primaryBadge());
        } else {
            Button primary = new Button("Make primary", e -> apply(() -> emails.setPrimary(personId, email.email())));
            primary.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(primary);
        }
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(),
                e -> apply(() -> emails.removeEmail(personId, email.email())));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel("Remove " + email.email());
        row.add(status, remove);
        row.addClassName("email-row");
        return row;
    }

    private void apply(Supplier<PersonDetails> change) {
        try {
            onChanged.accept(change.get());
        } catch (InvalidInputException error) {
            errors.show(error);
        }
    }
}
