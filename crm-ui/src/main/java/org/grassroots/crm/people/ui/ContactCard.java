package org.grassroots.crm.people.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.ui.Feedback;

/** Names, address and source, read-only until Edit; Save checks through the Binder and the service. */
class ContactCard extends Card {

    final ContactFields fields = new ContactFields();
    final Button edit = new Button("Edit");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final PersonDetails person;
    private final PersonService people;
    private final Consumer<PersonDetails> onSaved;

    ContactCard(PersonDetails person, PersonService people, Consumer<PersonDetails> onSaved) {
        this.person = person;
        this.people = people;
        this.onSaved = onSaved;
        addClassName("contact-card");
        setTitle("Contact");
        fields.binder.readBean(ContactDraft.of(person));
        fields.setReadOnly(true);
        add(fields.layout());

        edit.addClickListener(e -> editing(true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> {
            fields.binder.readBean(ContactDraft.of(person));
            fields.clearServiceErrors();
            editing(false);
        });
        setHeaderSuffix(new HorizontalLayout(edit, save, cancel));
        editing(false);
    }

    private void editing(boolean on) {
        fields.setReadOnly(!on);
        edit.setVisible(!on);
        save.setVisible(on);
        cancel.setVisible(on);
    }

    void save() {
        fields.clearServiceErrors();
        ContactDraft draft = ContactDraft.of(person);
        if (!fields.binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            PersonDetails saved = people.updateContact(draft.toUpdate(person.id(), person.version()));
            Feedback.success("Saved.");
            onSaved.accept(saved);
        } catch (InvalidInputException error) {
            fields.errors.show(error);
        }
    }
}
