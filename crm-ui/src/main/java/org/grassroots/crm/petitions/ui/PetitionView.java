package org.grassroots.crm.petitions.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Comparator;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.ui.SupportersLink;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.Signature;
import org.grassroots.crm.petitions.SignedPetitionCriterion;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.RouteIds;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One petition: whom it addresses, its description, how many signed against the goal, the newest signatures, and a
 * link to all its signers in the supporters list (filtered there, so they can be narrowed further).
 * Organizers and admins edit it here, enter signatures from paper forms, import a file of signatures, and see and
 * roll back its imports. Other features add their sections ({@link PetitionSection}) below the signatures.
 */
@Route("petitions/:id")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
class PetitionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NO_SIGNATURES = "Nobody has signed yet.";
    static final String SIGNERS_LINK = "See signers in Supporters";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final PetitionService petitions;
    private final Paragraph summary = new Paragraph();
    private final Paragraph description = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Anchor signersLink = new Anchor("", SIGNERS_LINK);
    private final Grid<Signature> signatures = new Grid<>();
    private final @Nullable PetitionImportsSection imports;
    private final ObjectProvider<PetitionSection> sections;
    private final Div otherSections = new Div();
    private Petition petition;

    PetitionView(PetitionService petitions, PersonSearchService people, ImportBatchService batches,
            ObjectProvider<PetitionSection> sections, AuthenticationContext authentication) {
        this.petitions = petitions;
        this.sections = sections;
        addClassName("petition-view");
        summary.addClassName("page-summary");
        description.addClassName("petition-description");
        count.addClassName("petition-count");
        progress.setWidth("min(20rem, 100%)");
        add(summary);
        if (authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME)) {
            Button sign = new Button("Add signature", VaadinIcon.PLUS.create(),
                    e -> new SignatureDialog(petitions, people, petition, () -> show(petition)).open());
            sign.addThemeVariants(ButtonVariant.PRIMARY);
            Button edit = new Button("Edit petition", VaadinIcon.EDIT.create(),
                    e -> new PetitionDialog(petitions, petition, this::show).open());
            Button importFile = new Button("Import signatures", VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ImportWizardView.class, QueryParameters.of(
                            ImportWizardView.PETITION_PARAMETER, Long.toString(petition.id())))));
            HorizontalLayout actions = new HorizontalLayout(sign, importFile, edit);
            actions.setWrap(true);
            add(actions);
            imports = new PetitionImportsSection(batches, () -> show(petition));
        } else {
            imports = null;
        }

        signatures.addComponentColumn(row -> new Anchor("supporters/" + row.personId(), row.personName()))
                .setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        signatures.addColumn(row -> WHEN.format(row.signedAt())).setHeader("Signed").setAutoWidth(true)
                .setFlexGrow(0);
        signatures.addColumn(row -> row.source() == null ? "" : row.source()).setHeader("Source")
                .setAutoWidth(true).setFlexGrow(0);
        signatures.addColumn(row -> row.comment() == null ? "" : row.comment()).setHeader("Comment")
                .setFlexGrow(2);
        signatures.addClassName("petition-signatures");
        signatures.setEmptyStateText(NO_SIGNATURES);
        signatures.addThemeVariants(GridVariant.ROW_STRIPES);
        signatures.setHeight("28rem");
        Div tally = new Div(count, progress);
        tally.addClassName("petition-tally");
        signersLink.addClassName("petition-signers-link");
        HorizontalLayout newest = new HorizontalLayout(new H3("Newest signatures"), signersLink);
        newest.setAlignItems(Alignment.BASELINE);
        newest.setWrap(true);
        otherSections.addClassName("petition-sections");
        add(description, tally, newest, signatures, otherSections);
        if (imports != null) {
            add(imports);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        RouteIds.number(enter, "id").flatMap(petitions::find)
                .ifPresentOrElse(this::show, () -> enter.rerouteToError(NotFoundException.class));
    }

    @Override
    public String getPageTitle() {
        return petition == null ? "Petition" : petition.title();
    }

    private void show(Petition shown) {
        this.petition = shown;
        summary.setText((shown.target() == null ? "" : "To " + shown.target() + " · ") + "petitions/" + shown.slug()
                + " · created " + PetitionsView.DAY.format(shown.createdAt()) + " by " + shown.createdBy());
        description.setText(shown.description() == null ? "" : shown.description());
        description.setVisible(shown.description() != null);
        long signed = petitions.signatureCount(shown.id());
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        count.setText(number.format(signed) + (signed == 1 ? " signature" : " signatures")
                + (shown.goal() == null ? "" : " of a goal of " + number.format(shown.goal())));
        progress.setVisible(shown.goal() != null);
        if (shown.goal() != null) {
            progress.setValue(0);
            progress.setMax(shown.goal());
            progress.setValue(Math.min(signed, shown.goal()));
        }
        signersLink.setHref(SupportersLink.filteredBy(SignedPetitionCriterion.KEY, shown.id()));
        long petitionId = shown.id();
        // newest first, paged by the grid; no count query
        signatures.setItems(query -> petitions.signatures(petitionId, query.getOffset(), query.getLimit()).stream());
        if (imports != null) {
            imports.show(petitionId);
        }
        otherSections.removeAll();
        sections.orderedStream().sorted(Comparator.comparingInt(PetitionSection::order))
                .forEach(section -> section.sectionFor(petitionId).ifPresent(otherSections::add));
    }
}
