package org.grassroots.crm.petitions.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.Signature;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.Feedback;

/** Enters a signature from a paper form for a supporter found by their exact e-mail address. */
class SignatureDialog extends Dialog {

    final EmailField email = new EmailField("Supporter's e-mail");
    final TextField source = new TextField("Source");
    final TextArea comment = new TextArea("Comment");
    final Checkbox cosponsorConsent = new Checkbox("Ticked the box to share with the petition's co-sponsors");

    SignatureDialog(PetitionService petitions, PersonSearchService people, Petition petition, Runnable onSigned) {
        setHeaderTitle("Add a signature");
        email.setHelperText("The supporter must be in the CRM already; add them under Supporters first.");
        source.setValue("Paper");
        source.setMaxLength(100);
        comment.setMaxLength(2000);
        cosponsorConsent.setHelperText("Records consent to share with each co-sponsoring partner named on this "
                + "petition's page (none when it has no co-sponsors).");
        FieldErrors errors = new FieldErrors().on("personId", email).on("source", source).on("comment", comment);
        Button add = new Button("Add signature", e -> {
            String typed = email.getValue().strip().toLowerCase(Locale.ROOT);
            if (!typed.contains("@")) {
                email.setErrorMessage("Enter the supporter's whole e-mail address.");
                email.setInvalid(true);
                return;
            }
            List<PersonRow> found = people.page(new PersonQuery(typed, PersonFilter.none(), null, false), null, 0, 1)
                    .rows();
            if (found.isEmpty()) {
                email.setErrorMessage("No supporter has the address " + typed + ".");
                email.setInvalid(true);
                return;
            }
            try {
                Signature signature = petitions.sign(petition.id(), found.getFirst().id(), source.getValue(),
                        comment.getValue(), cosponsorConsent.getValue());
                close();
                Feedback.success(signature.personName() + " signed “" + petition.title() + "”.");
                onSigned.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(new FormLayout(email, source, comment, cosponsorConsent));
        setWidth("min(32rem, 100vw)");
        getFooter().add(new Button("Cancel", e -> close()), add);
        email.setAutofocus(true);
    }
}
