package org.grassroots.crm.petitions.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

/**
 * Creates a petition, or edits one when given it. The form checks what it can before sending; the service checks
 * again and its refusals (a slug already in use) appear beside the field they concern.
 */
class PetitionDialog extends Dialog {

    final TextField title = new TextField("Title");
    final TextField slug = new TextField("Link name");
    final TextField target = new TextField("Addressed to");
    final IntegerField goal = new IntegerField("Signature goal");
    final TextArea description = new TextArea("Description");
    private final Binder<PetitionDraft> binder = new Binder<>(PetitionDraft.class);

    PetitionDialog(PetitionService petitions, @Nullable Petition existing, Consumer<Petition> onSaved) {
        setHeaderTitle(existing == null ? "New petition" : "Edit petition");
        title.setMaxLength(200);
        title.setPlaceholder("e.g. Keep the Eastside library open");
        slug.setMaxLength(80);
        slug.setHelperText(existing == null
                ? "Used in links: lower-case letters, digits and dashes. Leave empty to make one from the title."
                : "Changing it breaks links already shared. Leave empty to keep it.");
        target.setMaxLength(200);
        target.setPlaceholder("e.g. Des Moines City Council");
        goal.setMin(1);
        goal.setHelperText("Optional.");
        description.setMaxLength(20_000);
        description.setMinHeight("8em");

        binder.forField(title).asRequired("Enter a title.")
                .withValidator(new StringLengthValidator("Enter a title of 1 to 200 characters.", 1, 200))
                .bind("title");
        binder.forField(slug)
                .withValidator(new RegexpValidator("Use lower-case letters, digits and single dashes.",
                        "^$|[a-z0-9]+(-[a-z0-9]+)*"))
                .bind("slug");
        binder.forField(target).bind("target");
        binder.forField(goal)
                .withValidator(value -> value == null || value >= 1, "A goal must be at least 1, or left empty.")
                .bind("goal");
        binder.forField(description).bind("description");
        FieldErrors errors = new FieldErrors().on("title", title).on("slug", slug).on("target", target)
                .on("goal", goal).on("description", description);
        if (existing != null) {
            binder.readRecord(new PetitionDraft(existing.title(), existing.slug(), existing.description(),
                    existing.target(), existing.goal()));
        }

        FormLayout form = new FormLayout(title, slug, target, goal, description);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        Button save = new Button(existing == null ? "Create petition" : "Save changes", e -> {
            PetitionDraft draft;
            try {
                draft = binder.writeRecord();
            } catch (ValidationException invalid) {
                return;
            }
            try {
                Petition saved = existing == null ? petitions.create(draft) : petitions.update(existing.id(), draft);
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(form);
        setWidth("min(40rem, 100vw)");
        getFooter().add(new Button("Cancel", e -> close()), save);
        title.setAutofocus(true);
    }
}
