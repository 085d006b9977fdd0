package org.grassroots.crm.exports.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportApprovalService;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportDraft;
import org.grassroots.crm.exports.ExportFormatInfo;
import org.grassroots.crm.exports.ExportFormats;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/**
 * Asks for an export: the partner, who (a segment of the people who consent to that partner), which allow-listed
 * fields, and the format. The number of people it would hold is counted live with the export's own query, and the
 * form says which approvals that number and the chosen fields will need.
 */
@Route("exports/new")
@PageTitle("New export")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
class NewExportView extends VerticalLayout {

    static final String CHOOSE_PARTNER = "Choose a partner to see how many people consent to it and match.";

    final TextField name = new TextField("Name");
    final ComboBox<Partner> partner = new ComboBox<>("Partner");
    final SegmentFields segment;
    final FieldChoice fields = new FieldChoice();
    final Select<ExportFormatInfo> format = new Select<>();
    final Paragraph count = new Paragraph(CHOOSE_PARTNER);
    final Paragraph thresholdNote = new Paragraph();
    final Paragraph donationNote = new Paragraph("Donation fields: a fundraiser must sign off as well.");
    final Button create = new Button("Ask for approval", VaadinIcon.PAPERPLANE.create());
    private final ExportDefinitionService definitions;
    private final long threshold;
    private final FieldErrors errors;

    NewExportView(ExportDefinitionService definitions, ExportApprovalService approvals, PartnerService partners,
            ExportFormats formats, PetitionService petitions, PersonService people) {
        this.definitions = definitions;
        this.threshold = approvals.secondApprovalThreshold();
        addClassName("new-export-view");
        segment = new SegmentFields(petitions.titles(), people.allTags());

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        name.setHelperText("What the partner and your colleagues will recognise, e.g. “Iowa water signers for "
                + "Clean Rivers”.");
        name.setWidthFull();
        List<Partner> all = partners.list();
        partner.setItems(all);
        partner.setItemLabelGenerator(Partner::name);
        partner.setRequiredIndicatorVisible(true);
        partner.setWidthFull();
        partner.setPlaceholder(all.isEmpty() ? "Add a partner on the Partners screen first" : "Choose the partner");
        Card what = card("Export", name, partner);
        Paragraph consentOnly = new Paragraph("Only people who currently consent to the partner are ever included; "
                + "these conditions narrow them further.");
        consentOnly.addClassName("muted");
        Card who = card("Who", consentOnly, segment);
        List<ExportFormatInfo> available = formats.available();
        format.setLabel("Format");
        format.setWidth("min(24rem, 100%)");
        format.setItems(available);
        format.setItemLabelGenerator(ExportFormatInfo::displayName);
        format.setValue(available.getFirst());
        format.addValueChangeListener(e -> describeFormat());
        Card columns = card("Fields and format", fields, format);
        describeFormat();

        count.addClassName("export-live-count");
        thresholdNote.addClassName("export-threshold-note");
        thresholdNote.setVisible(false);
        donationNote.addClassName("export-donation-note");
        donationNote.setVisible(false);
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> create());
        Paragraph approvalRule = new Paragraph("An administrator who did not ask for it must approve it before "
                + "any file is made.");
        approvalRule.addClassName("muted");
        HorizontalLayout buttons = new HorizontalLayout(create, new Anchor("exports", "Cancel"));
        buttons.setAlignItems(Alignment.CENTER);
        Card summary = card("People", count, thresholdNote, donationNote, approvalRule, buttons);
        summary.addClassName("new-export-summary");
        Div form = new Div(what, who, columns);
        form.addClassName("new-export-form");
        Div layout = new Div(form, summary);
        layout.addClassName("new-export-columns");
        add(layout);

        errors = new FieldErrors().on("name", name).on("partnerId", partner).on("fields", fields)
                .on("formatId", format).on("petitionIds", segment.petitions).on("tags", segment.tags)
                .on("joinedTo", segment.joinedTo);
        partner.addValueChangeListener(e -> updateCount());
        segment.onChange(this::updateCount);
        fields.onChange(() -> donationNote.setVisible(fields.includesDonationFields()));
    }

    private void updateCount() {
        Partner chosen = partner.getValue();
        count.removeClassName("export-count-error");
        thresholdNote.setVisible(false);
        if (chosen == null) {
            count.setText(CHOOSE_PARTNER);
            return;
        }
        try {
            long size = definitions.size(chosen.id(), segment.segment());
            count.setText(ExportWording.people(size) + (size == 1 ? " currently consents" : " currently consent")
                    + " to sharing with " + chosen.name() + " and " + (size == 1 ? "matches." : "match."));
            count.getElement().setAttribute("data-count", String.valueOf(size));
            thresholdNote.setText("That is over " + ExportWording.people(threshold) + ", so a second administrator "
                    + "must approve it too.");
            thresholdNote.setVisible(size > threshold);
        } catch (InvalidInputException refused) {
            count.setText(refused.getMessage());
            count.addClassName("export-count-error");
            count.getElement().removeAttribute("data-count");
            errors.show(refused);
        }
    }

    private void describeFormat() {
        ExportFormatInfo chosen = format.getValue();
        format.setHelperText(chosen != null && chosen.needsMatchKey()
                ? "Only e-mail and phone hashes, made with a key you agree with the partner: choose E-mail, Phone "
                + "or both." : chosen != null && chosen.opensInSpreadsheets()
                ? "Opens in spreadsheets; cells that could run as formulas are neutralised." : "");
    }

    private void create() {
        boolean complete = required(name.getValue().isBlank(), name, "Name the export.")
                & required(partner.getValue() == null, partner, "Choose the partner the export is for.")
                & required(fields.fields().isEmpty(), fields, "Choose at least one field to export.");
        if (!complete) {
            return;
        }
        try {
            ExportDefinition created = definitions.create(new ExportDraft(name.getValue(), partner.getValue().id(),
                    segment.segment(), fields.fields(), format.getValue().id()));
            Feedback.success("Asked for approval of “" + created.name() + "” (" + ExportWording.people(
                    created.sizeAtRequest()) + ").");
            getUI().ifPresent(ui -> ui.navigate("exports/" + created.id()));
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private static boolean required(boolean missing, HasValidation field, String message) {
        if (missing) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        return !missing;
    }

    private static Card card(String title, Component... content) {
        Card card = new Card();
        card.setTitle(title);
        card.add(content);
        card.addClassName("new-export-card");
        return card;
    }
}
