package org.grassroots.crm.exports.ui;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportFormatInfo;
import org.grassroots.crm.exports.ExportFormats;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.security.Role;

/**
 * Export definitions, newest first, with where each stands; narrowed by status. Organizers and admins ask for new
 * exports here; admins approve and fundraisers sign off donation fields on an export's page.
 */
@Route("exports")
@PageTitle("Exports")
@Menu(order = 54, icon = "vaadin:share-square")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
class ExportsView extends VerticalLayout {

    static final String EMPTY_REQUESTER = "No exports yet. Choose “New export” to share consenting supporters with "
            + "a partner; an administrator approves it before any file is made.";
    static final String EMPTY_READER = "No exports yet. Organizers ask for them; you will find them here to approve "
            + "or sign off.";

    final Select<ExportStatus> status = new Select<>();
    final Grid<ExportDefinition> grid = new Grid<>();
    private final ExportDefinitionService definitions;
    private final String emptyText;

    ExportsView(ExportDefinitionService definitions, ExportFormats formats, AuthenticationContext authentication) {
        this.definitions = definitions;
        addClassName("exports-view");
        setSizeFull();
        boolean requester = authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME);
        emptyText = requester ? EMPTY_REQUESTER : EMPTY_READER;

        status.setItems(ExportStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setAriaLabel("Status");
        status.addClassName("exports-status-filter");
        status.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(status);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("exports-toolbar");
        if (requester) {
            Button create = new Button("New export", VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(NewExportView.class)));
            create.addThemeVariants(ButtonVariant.PRIMARY);
            toolbar.add(create, new Anchor("exports/overlap", "Overlap with a partner"));
        }
        toolbar.add(new Anchor("partners", "Partners"));

        Map<String, String> formatNames = formats.available().stream()
                .collect(Collectors.toMap(ExportFormatInfo::id, ExportFormatInfo::displayName));
        grid.addColumn(ExportDefinition::name).setHeader("Export").setKey("name").setFlexGrow(2);
        grid.addColumn(ExportDefinition::partnerName).setHeader("Partner").setKey("partner").setFlexGrow(1);
        grid.addComponentColumn(row -> ExportWording.status(row.status())).setHeader("Status").setKey("status")
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(row -> ExportWording.number(row.sizeAtRequest())).setHeader("People").setKey("people")
                .setAutoWidth(true).setFlexGrow(0).setPartNameGenerator(row -> "numeric")
                .setTooltipGenerator(row -> "When requested");
        grid.addColumn(row -> formatNames.getOrDefault(row.formatId(), row.formatId())).setHeader("Format")
                .setKey("format").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.requestedBy() + " · " + ExportWording.day(row.requestedAt())).setHeader("Requested")
                .setKey("requested").setAutoWidth(true).setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.NO_BORDER);
        grid.addClassName("exports-grid");
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("exports/" + e.getItem().id())));
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        ExportStatus shown = status.getValue();
        grid.setEmptyStateText(shown == null ? emptyText : "No exports are " + shown.label().toLowerCase() + ".");
        // newest first, paged by the grid; no count query
        grid.setItems(query -> definitions.list(shown, query.getOffset(), query.getLimit()).stream());
    }
}
