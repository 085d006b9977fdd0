package org.grassroots.crm.people.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.NewPhone;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.Phone;
import org.grassroots.crm.people.PhoneKind;
import org.grassroots.crm.ui.FieldErrors;

/** Phones in E.164; a number that cannot be read is refused beside the field. */
class PhonesCard extends Card {

    final TextField number = new TextField();
    final Select<PhoneKind> kind = new Select<>();
    final Button add = new Button("Add");

    PhonesCard(PersonDetails person, PersonService people, Consumer<PersonDetails> onChanged) {
        addClassName("phones-card");
        setTitle("Phones");
        FieldErrors errors = new FieldErrors().on("phone", number);
        for (Phone phone : person.phones()) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                try {
                    onChanged.accept(people.removePhone(person.id(), phone.id()));
                } catch (InvalidInputException error) {
                    errors.show(error);
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel("Remove " + phone.e164());
            Div row = new Div(new Span(phone.e164()), new Span(phone.kind().label()), remove);
            if (phone.primary()) {
                row.addComponentAtIndex(2, SupporterHeader.primaryBadge());
            }
            row.addClassName("phone-row");
            add(row);
        }
        if (person.phones().isEmpty()) {
            add(new Span("No phone yet."));
        }
        number.setPlaceholder("(512) 555-0123");
        number.setAriaLabel("New phone number");
        kind.setItems(PhoneKind.values());
        kind.setItemLabelGenerator(PhoneKind::label);
        kind.setValue(PhoneKind.MOBILE);
        kind.setAriaLabel("Phone type");
        kind.setWidth("8rem");
        number.setMinWidth("0");
        add.addClickListener(e -> {
            try {
                onChanged.accept(people.addPhone(person.id(), new NewPhone(number.getValue(), kind.getValue())));
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        HorizontalLayout adder = new HorizontalLayout(number, kind, add);
        adder.setFlexGrow(1, number);
        adder.setWidthFull();
        add(adder);
    }
}
