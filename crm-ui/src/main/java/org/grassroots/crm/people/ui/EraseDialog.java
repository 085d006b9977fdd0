package org.grassroots.crm.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.ui.Feedback;

/** GDPR erasure, for administrators: cannot be undone, so the name must be typed to confirm. */
class EraseDialog extends ConfirmDialog {

    final TextField typedName = new TextField("Type the name to confirm");
    final Button erase = new Button("Erase for good");

    EraseDialog(PersonDetails person, PersonPrivacyService privacy, Runnable onErased) {
        String name = person.displayName();
        setHeader("Erase " + name + "?");
        typedName.setPlaceholder(name);
        typedName.setWidthFull();
        typedName.setValueChangeMode(ValueChangeMode.EAGER);
        typedName.addValueChangeListener(e -> erase.setEnabled(name.equals(e.getValue().trim())));
        setText(new Div(new Paragraph("Names, address, phones, tags, notes and e-mail addresses are removed for "
                + "good. Only a keyed hash of each address is kept, so an import cannot bring them back as "
                + "subscribed. Donations and other records stay, unlinked."), typedName));
        erase.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        erase.setEnabled(false);
        erase.addClickListener(e -> {
            try {
                privacy.erase(person.id());
                Feedback.success("Erased supporter #" + person.id() + ".");
                close();
                onErased.run();
            } catch (InvalidInputException error) {
                Feedback.error(error.getMessage());
            }
        });
        setConfirmButton(erase);
        setCancelable(true);
        setCancelText("Keep");
    }
}
