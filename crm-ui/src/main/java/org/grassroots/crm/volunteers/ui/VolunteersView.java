package org.grassroots.crm.volunteers.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.Skill;
import org.grassroots.crm.volunteers.SkillService;
import org.grassroots.crm.volunteers.VolunteerCursor;
import org.grassroots.crm.volunteers.VolunteerFilter;
import org.grassroots.crm.volunteers.VolunteerRow;
import org.grassroots.crm.volunteers.VolunteerService;
import org.grassroots.crm.volunteers.VolunteerStatus;

/** Every volunteer with status, skills, languages and hours, filtered; a row opens the volunteer's profile. */
@Route("volunteers")
@PageTitle("Volunteers")
@Menu(order = 30, icon = "vaadin:handshake")
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
class VolunteersView extends VerticalLayout {

    static final String NO_VOLUNTEERS = "No volunteers match. Enrol a supporter with “Enrol volunteer”, or sign "
            + "someone up for a shift on an event page: they become a volunteer on the way.";

    private final VolunteerService volunteers;
    private final TextField name = new TextField();
    private final Select<VolunteerStatus> status = new Select<>();
    private final ComboBox<Skill> skill = new ComboBox<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final Grid<VolunteerRow> grid = new Grid<>();

    VolunteersView(VolunteerService volunteers, SkillService skills, AuthenticationContext authentication) {
        this.volunteers = volunteers;
        addClassName("volunteers-view");
        setSizeFull();

        name.setPlaceholder("Name (3+ letters)");
        name.setAriaLabel("Name");
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        status.setItems(VolunteerStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setAriaLabel("Status");
        skill.setItems(skills.all());
        skill.setItemLabelGenerator(Skill::name);
        skill.setPlaceholder("Any skill");
        skill.setAriaLabel("Skill");
        skill.setClearButtonVisible(true);
        language.setItems(volunteers.languageSuggestions());
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
        language.setPlaceholder("Any language");
        language.setAriaLabel("Language");
        language.setClearButtonVisible(true);

        Button enrol = new Button("Enrol volunteer", VaadinIcon.PLUS.create(), e -> new EnrolDialog(volunteers,
                personId -> getUI().ifPresent(ui -> ui.navigate("volunteers/" + personId))).open());
        enrol.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(name, status, skill, language, enrol);
        if (authentication.hasAnyRole(Role.ADMIN_NAME, Role.VOLUNTEER_COORDINATOR_NAME)) {
            toolbar.add(new Button("Skills", VaadinIcon.TAGS.create(), e -> new SkillsDialog(skills, () -> {
                Skill chosen = skill.getValue();
                skill.setItems(skills.all());
                skill.setValue(chosen);
            }).open()));
        }
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("volunteers-toolbar");

        var summary = grid.addComponentColumn(row -> Cells.twoLines(row.name(), Stream.of(row.status().label(),
                String.join(", ", row.skills()), String.join(", ", row.languages())).filter(text -> !text.isEmpty())
                .collect(Collectors.joining(" · ")))).setHeader("Volunteer").setFlexGrow(1);
        List<Grid.Column<VolunteerRow>> wide = List.of(
                grid.addColumn(VolunteerRow::name).setHeader("Name").setFlexGrow(2),
                grid.addColumn(row -> row.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(row -> String.join(", ", row.skills())).setHeader("Skills").setFlexGrow(2),
                grid.addColumn(row -> String.join(", ", row.languages())).setHeader("Languages").setFlexGrow(1));
        grid.addColumn(row -> When.hours(row.totalHours())).setHeader("Hours").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        NarrowScreen.follow(this, narrow -> {
            summary.setVisible(narrow);
            wide.forEach(column -> column.setVisible(!narrow));
        });
        grid.setEmptyStateText(NO_VOLUNTEERS);
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("volunteers/" + e.getItem().personId())));
        grid.setSizeFull();

        name.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        skill.addValueChangeListener(e -> refresh());
        language.addValueChangeListener(e -> refresh());
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        VolunteerFilter filter = new VolunteerFilter(status.getValue(),
                skill.getValue() == null ? null : skill.getValue().id(), language.getValue(), name.getValue());
        // where each fetched page ended, by the offset of the row after it: scrolling on continues from there
        Map<Integer, VolunteerCursor> pageEnds = new HashMap<>();
        // no count query: the grid pages on as long as full pages come back
        grid.setItems(query -> {
            VolunteerCursor after = pageEnds.get(query.getOffset());
            List<VolunteerRow> rows = query.getOffset() > 0 && after != null
                    ? volunteers.findAfter(filter, after, query.getLimit())
                    : volunteers.find(filter, query.getOffset(), query.getLimit());
            if (!rows.isEmpty()) {
                pageEnds.put(query.getOffset() + rows.size(), rows.getLast().cursor());
            }
            return rows.stream();
        });
    }
}
