package org.grassroots.crm.volunteers.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.Skill;
import org.grassroots.crm.volunteers.SkillService;

/**
 * The managed skill list (admins and volunteer coordinators): add, rename, retire. A retired skill stays on the
 * volunteers who have it but is no longer offered.
 */
class SkillsDialog extends Dialog {

    private final SkillService skills;
    private final Runnable onChanged;
    final TextField name = new TextField();
    final Button save = new Button("Add skill");
    final Grid<Skill> grid = new Grid<>();
    private final FieldErrors errors;
    private Skill renaming;

    SkillsDialog(SkillService skills, Runnable onChanged) {
        this.skills = skills;
        this.onChanged = onChanged;
        setHeaderTitle("Volunteer skills");
        name.setPlaceholder("e.g. Spanish phone banking");
        name.setAriaLabel("Skill name");
        name.setMaxLength(60);
        name.setMinWidth("14em");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER).listenOn(name);
        errors = new FieldErrors().on("name", name);
        HorizontalLayout form = new HorizontalLayout(name, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addColumn(Skill::name).setHeader("Skill").setFlexGrow(1);
        grid.addComponentColumn(skill -> {
            Span state = new Span(skill.active() ? "Offered" : "Retired");
            if (!skill.active()) {
                state.addClassName("muted");
            }
            return state;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No skills yet. Add the skills you recruit for, e.g. “Spanish speaker” or “Driver”.");
        grid.setAllRowsVisible(true);
        add(form, grid);
        setWidth("min(36rem, 100vw)");
        getFooter().add(new Button("Close", e -> close()));
        refresh();
    }

    private HorizontalLayout actions(Skill skill) {
        Button rename = new Button("Rename", e -> {
            renaming = skill;
            name.setValue(skill.name());
            save.setText("Save name");
            name.focus();
        });
        Button toggle = new Button(skill.active() ? "Retire" : "Offer again", e -> {
            skills.setActive(skill.id(), !skill.active());
            refresh();
        });
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(rename, toggle);
    }

    private void save() {
        try {
            Skill saved = renaming == null ? skills.create(name.getValue())
                    : skills.rename(renaming.id(), name.getValue());
            Feedback.success(renaming == null ? "Added " + saved.name() + "." : "Renamed to " + saved.name() + ".");
            renaming = null;
            save.setText("Add skill");
            name.clear();
            name.setInvalid(false);
            refresh();
        } catch (InvalidInputException error) {
            errors.show(error);
        }
    }

    private void refresh() {
        grid.setItems(skills.all());
        onChanged.run();
    }
}
