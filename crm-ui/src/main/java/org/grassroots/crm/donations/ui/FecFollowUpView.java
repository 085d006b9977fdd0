package org.grassroots.crm.donations.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.DonorService;
import org.grassroots.crm.donations.ElectionCycle;
import org.grassroots.crm.donations.FecFollowUpDonor;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;

/**
 * Donors past $200 this election cycle whose employer and occupation are not on file, biggest totals first, each
 * linked to their supporter page so staff can follow up and record the answer.
 */
@Route("donations/fec-follow-up")
@PageTitle("Employer/occupation follow-up")
@RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
class FecFollowUpView extends VerticalLayout {

    private final DonorService donors;
    private final Grid<FecFollowUpDonor> grid = new Grid<>();
    private final Span count = new Span();

    FecFollowUpView(DonorService donors) {
        this.donors = donors;
        addClassName("donations-view");
        setSizeFull();
        ElectionCycle cycle = ElectionCycle.containing(LocalDate.now());
        Paragraph rule = new Paragraph("Federal rules (11 CFR 104.7) ask committees to make best efforts to collect "
                + "the employer and occupation of every donor whose gifts add up to more than $200 in an election "
                + "cycle: ask when soliciting, then send one follow-up request within 30 days of the gift. These "
                + "donors passed $200 in the " + cycle.label() + " cycle and no gift on file carries both. Open a "
                + "supporter to contact them, then record the answer on their gift.");
        rule.addClassName("fec-rule");
        count.addClassName("fec-count");
        Button rebuild = new Button("Recalculate donor totals", event -> rebuild());
        rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rebuild.setTooltipText("Only needed after donations were imported or loaded outside these screens.");
        HorizontalLayout summary = new HorizontalLayout(count, rebuild);
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setWrap(true);
        configureGrid();
        add(new DonationsNavigation(), rule, summary, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(LitRenderer.<FecFollowUpDonor>of("<a href=\"supporters/${item.id}\">${item.name}</a>")
                .withProperty("id", FecFollowUpDonor::personId).withProperty("name", FecFollowUpDonor::name))
                .setHeader("Donor").setFlexGrow(2);
        var email = grid.addColumn(donor -> donor.email() == null ? "No email on file" : donor.email())
                .setHeader("Email").setFlexGrow(2);
        grid.addColumn(donor -> Dollars.format(donor.cycleTotal())).setHeader("Given this cycle")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        var gifts = grid.addColumn(FecFollowUpDonor::cycleCount).setHeader("Gifts").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        var lastGift = grid.addColumn(donor -> DonationsNavigation.DATE.format(donor.lastGiftOn()))
                .setHeader("Last gift").setAutoWidth(true).setFlexGrow(0);
        NarrowWindowColumns.hideOnPhones(this, grid, List.of(email, gifts, lastGift));
        grid.setEmptyStateText("Nobody needs a follow-up: every donor past $200 this cycle has employer and "
                + "occupation on file.");
        grid.setItems(query -> donors.fecFollowUp(query.getOffset(), query.getLimit()).stream());
    }

    private void refresh() {
        long needed = donors.fecFollowUpCount();
        count.setText(needed == 1 ? "1 donor needs a follow-up."
                : NumberFormat.getIntegerInstance(Locale.US).format(needed) + " donors need a follow-up.");
        grid.getDataProvider().refreshAll();
    }

    private void rebuild() {
        int changed = donors.refreshAll();
        Feedback.success("Donor totals recalculated; " + changed + (changed == 1 ? " donor" : " donors")
                + " changed.");
        refresh();
    }
}
