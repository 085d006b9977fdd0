package org.grassroots.crm.exports.ui;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.exports.ExportApprovalService;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportDeliveryService;
import org.grassroots.crm.exports.ExportFormatInfo;
import org.grassroots.crm.exports.ExportFormats;
import org.grassroots.crm.exports.ExportLinkService;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.PetitionTitle;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.LiveUpdates;
import org.grassroots.crm.ui.RouteIds;

/**
 * One export definition: what it holds and for whom, its approvals so far and what it still needs, the approval
 * actions the signed-in user may take, and (from the delivery job) its file.
 */
@Route("exports/:id")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
class ExportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ExportDefinitionService definitions;
    private final ExportApprovalService approvals;
    private final ExportFormats formats;
    private final PetitionService petitions;
    private final AuthenticationContext authentication;
    private final DeliveryServices delivery;
    private String title = "Export";

    ExportView(ExportDefinitionService definitions, ExportApprovalService approvals, ExportFormats formats,
            PetitionService petitions, AuthenticationContext authentication, ExportDeliveryService deliveries,
            ExportLinkService links, JobService jobs, LiveUpdates liveUpdates) {
        this.definitions = definitions;
        this.approvals = approvals;
        this.formats = formats;
        this.petitions = petitions;
        this.authentication = authentication;
        this.delivery = new DeliveryServices(deliveries, links, jobs, liveUpdates);
        addClassName("export-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.number(event, "id").flatMap(definitions::find).ifPresentOrElse(this::show,
                () -> showNotFound(event.getRouteParameters().get("id").orElse("")));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload(long id) {
        definitions.find(id).ifPresentOrElse(this::show, () -> showNotFound(String.valueOf(id)));
    }

    private void show(ExportDefinition definition) {
        removeAll();
        title = definition.name();
        Span partner = new Span("For " + definition.partnerName() + " · asked for by " + definition.requestedBy()
                + " on " + ExportWording.when(definition.requestedAt()));
        partner.addClassName("page-summary");
        Div heading = new Div(ExportWording.status(definition.status()), partner);
        heading.addClassName("export-heading");
        ExportFormatInfo format = formats.available().stream().filter(f -> f.id().equals(definition.formatId()))
                .findFirst().orElse(new ExportFormatInfo(definition.formatId(), definition.formatId(), "bin",
                        "application/octet-stream", false, false));
        Map<Long, String> petitionTitles = definition.segment().petitionIds().isEmpty() ? Map.of()
                : petitions.titles().stream().collect(Collectors.toMap(PetitionTitle::id, PetitionTitle::title));
        long currentSize = definitions.currentSize(definition.id());
        ApprovalPanel approval = new ApprovalPanel(definition, approvals, currentSize, authentication,
                () -> reload(definition.id()));
        Div columns = new Div(new ExportDetails(definition, format.displayName(), petitionTitles, currentSize), approval);
        columns.addClassName("export-columns");
        boolean mayAct = authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME);
        add(heading, columns, new DeliveryPanel(definition, format, delivery, mayAct, () -> reload(definition.id())));
    }

    private void showNotFound(String raw) {
        removeAll();
        title = "Export not found";
        add(new H2("No export with id " + raw), new Paragraph("The link may be mistyped, or the export never existed "
                + "here."), new RouterLink("Back to exports", ExportsView.class));
    }
}
