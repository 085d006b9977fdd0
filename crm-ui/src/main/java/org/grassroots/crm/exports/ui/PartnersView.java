package org.grassroots.crm.exports.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;

/**
 * The coalition partners supporters may agree to share their details with. Organizers and admins add and edit them;
 * fundraisers, who sign off exports to partners, read them.
 */
@Route("partners")
@PageTitle("Partners")
@Menu(order = 52, icon = "vaadin:office")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
class PartnersView extends VerticalLayout {

    static final String EMPTY_EDITOR = "No partners yet. Choose “New partner” to add a coalition partner: then "
            + "supporters can agree to share with it, petitions can name it as co-sponsor, and exports can go to it.";
    static final String EMPTY_READER = "No partners yet. An organizer or admin adds the coalition partners here.";

    final Grid<Partner> grid = new Grid<>();
    private final PartnerService partners;
    private final boolean editor;

    PartnersView(PartnerService partners, AuthenticationContext authentication) {
        this.partners = partners;
        this.editor = authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME);
        addClassName("partners-view");
        setSizeFull();

        Paragraph intro = new Paragraph("Organisations we share lists with. A supporter is shared with a partner only "
                + "after agreeing to share with that partner, and only through an approved export.");
        intro.addClassName("partners-intro");
        HorizontalLayout toolbar = new HorizontalLayout(intro);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("partners-toolbar");
        if (editor) {
            Button create = new Button("New partner", VaadinIcon.PLUS.create(),
                    e -> new PartnerDialog(partners, null, saved -> refresh()).open());
            create.addThemeVariants(ButtonVariant.PRIMARY);
            toolbar.add(create);
        }
        toolbar.add(new Anchor("exports", "Exports"));
        if (editor) {
            toolbar.add(new Anchor("exports/overlap", "Overlap with a partner"));
        }

        grid.addColumn(Partner::name).setHeader("Partner").setKey("name").setFlexGrow(2)
                .setComparator(partner -> partner.name().toLowerCase(Locale.ROOT));
        grid.addColumn(partner -> text(partner.contactName())).setHeader("Contact").setKey("contact").setFlexGrow(1);
        grid.addColumn(partner -> text(partner.contactEmail())).setHeader("Contact e-mail").setKey("email")
                .setFlexGrow(1);
        grid.addColumn(partner -> text(partner.notes())).setHeader("Notes").setKey("notes").setFlexGrow(2)
                .setTooltipGenerator(partner -> text(partner.notes()));
        grid.addColumn(partner -> ExportWording.day(partner.updatedAt())).setHeader("Changed").setKey("changed")
                .setAutoWidth(true).setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.NO_BORDER);
        grid.setEmptyStateText(editor ? EMPTY_EDITOR : EMPTY_READER);
        grid.addClassName("partners-grid");
        grid.setSizeFull();
        if (editor) {
            grid.addItemClickListener(e -> new PartnerDialog(partners, e.getItem(), saved -> refresh()).open());
        }
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        // a coalition has tens of partners, so the whole list is read at once
        grid.setItems(partners.list());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
