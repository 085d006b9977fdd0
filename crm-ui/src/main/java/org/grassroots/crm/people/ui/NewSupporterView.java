package org.grassroots.crm.people.ui;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.NewPhone;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PhoneKind;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;

/** Adds one supporter. Every field is checked; on any refusal the message shows beside its field and nothing is saved. */
@Route("supporters/new")
@PageTitle("New supporter")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
class NewSupporterView extends VerticalLayout {

    private final PersonService people;
    final ContactFields contact = new ContactFields();
    final EmailField email = new EmailField("E-mail");
    final TextField phone = new TextField("Phone");
    final Select<PhoneKind> phoneKind = new Select<>();
    final TextField tags = new TextField("Tags");
    final Button save = new Button("Add supporter");

    NewSupporterView(PersonService people) {
        this.people = people;
        addClassName("new-supporter-view");
        setMaxWidth("60em");

        email.setErrorMessage("Enter an e-mail address like name@example.org.");
        email.setHelperText("Starts subscribed; more addresses can be added on the supporter page");
        phone.setHelperText("US numbers need no +1");
        phoneKind.setLabel("Phone type");
        phoneKind.setItems(PhoneKind.values());
        phoneKind.setItemLabelGenerator(PhoneKind::label);
        phoneKind.setValue(PhoneKind.MOBILE);
        tags.setHelperText("Separate tags with commas");
        contact.errors.on("email", email).on("phone", phone).on("tags", tags);
        contact.binder.setBean(new ContactDraft());

        FormLayout form = contact.layout();
        form.addComponentAtIndex(2, email);
        phoneKind.setWidth("8rem");
        HorizontalLayout phoneRow = new HorizontalLayout(phone, phoneKind);
        phoneRow.setFlexGrow(1, phone);
        phoneRow.setWidthFull();
        phone.setMinWidth("0");
        form.addComponentAtIndex(3, phoneRow);
        form.add(tags);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate(SupportersView.class)));
        add(new H2("New supporter"), new Paragraph("Enter at least a name or an e-mail address."), form,
                new HorizontalLayout(save, cancel));
    }

    void save() {
        contact.clearServiceErrors();
        if (!contact.binder.validate().isOk() || email.isInvalid()) {
            return;
        }
        ContactDraft draft = contact.binder.getBean();
        List<String> tagNames = Arrays.stream(tags.getValue().split(",")).map(String::trim)
                .filter(tag -> !tag.isEmpty()).toList();
        List<NewPhone> phones = phone.getValue().isBlank() ? List.of()
                : List.of(new NewPhone(phone.getValue(), phoneKind.getValue()));
        try {
            PersonDetails created = people.create(new NewPerson(draft.getFirstName(), draft.getLastName(),
                    email.getValue().isBlank() ? List.of() : List.of(email.getValue()), phones, draft.address(),
                    draft.getSource(), tagNames));
            Feedback.success("Added " + created.displayName() + ".");
            getUI().ifPresent(ui -> ui.navigate(SupporterView.class,
                    new RouteParameters(SupporterView.ID, String.valueOf(created.id()))));
        } catch (InvalidInputException error) {
            contact.errors.show(error);
        }
    }
}
