package org.grassroots.crm.volunteers.ui;

import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.PersonRef;
import org.grassroots.crm.volunteers.VolunteerService;

/** Enrols an existing supporter, found by e-mail, as a volunteer. */
class EnrolDialog extends Dialog {

    final EmailField email = new EmailField("Supporter's e-mail");

    EnrolDialog(VolunteerService volunteers, LongConsumer onEnrolled) {
        setHeaderTitle("Enrol volunteer");
        email.setWidthFull();
        email.setPlaceholder("supporter@example.org");
        FieldErrors errors = new FieldErrors().on("email", email).on("personId", email);
        Button enrol = new Button("Enrol", e -> {
            try {
                PersonRef person = volunteers.personByEmail(email.getValue()).orElseThrow(() ->
                        new InvalidInputException("email", "No supporter has this e-mail address. "
                                + "Add them as a supporter first."));
                volunteers.enrol(person.id());
                Feedback.success(person.name() + " is now a volunteer.");
                close();
                onEnrolled.accept(person.id());
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        enrol.addThemeVariants(ButtonVariant.PRIMARY);
        add(new Paragraph("The supporter must already be in the CRM. Their profile opens next, to add skills, "
                + "languages and availability."), email);
        setWidth("min(32rem, 100vw)");
        getFooter().add(new Button("Cancel", e -> close()), enrol);
    }
}
