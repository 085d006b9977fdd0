package org.grassroots.crm.petitions.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.PetitionSummary;
import org.grassroots.crm.security.Role;

/**
 * Every petition, newest first, with how many have signed; organizers and admins start new ones and import files of
 * signatures from here.
 */
@Route("petitions")
@PageTitle("Petitions")
@Menu(order = 25, icon = "vaadin:file-text-o")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
class PetitionsView extends VerticalLayout {

    static final String EMPTY = "No petitions yet.";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final Grid<PetitionSummary> grid = new Grid<>();

    PetitionsView(PetitionService petitions, AuthenticationContext authentication) {
        addClassName("petitions-view");
        setSizeFull();
        if (authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME)) {
            Button create = new Button("New petition", VaadinIcon.PLUS.create(), e -> new PetitionDialog(petitions,
                    null, saved -> getUI().ifPresent(ui -> ui.navigate("petitions/" + saved.id()))).open());
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Button importFile = new Button("Import signatures", VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ImportWizardView.class)));
            HorizontalLayout actions = new HorizontalLayout(create, importFile);
            actions.setWrap(true);
            add(actions);
        }
        grid.addColumn(PetitionSummary::title).setHeader("Petition").setFlexGrow(2);
        grid.addColumn(row -> row.target() == null ? "" : row.target()).setHeader("Addressed to").setFlexGrow(1);
        grid.addColumn(PetitionsView::signatures).setHeader("Signatures").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(row -> "numeric");
        grid.addColumn(row -> DAY.format(row.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(EMPTY);
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("petitions/" + e.getItem().id())));
        grid.setSizeFull();
        // no count query: the grid pages on as long as full pages come back
        grid.setItems(query -> petitions.list(query.getOffset(), query.getLimit()).stream());
        add(grid);
    }

    static String signatures(PetitionSummary row) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        return row.goal() == null ? number.format(row.signatureCount())
                : number.format(row.signatureCount()) + " of " + number.format(row.goal());
    }
}
