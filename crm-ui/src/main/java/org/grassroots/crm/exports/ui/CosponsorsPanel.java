package org.grassroots.crm.exports.ui;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.Cosponsor;
import org.grassroots.crm.exports.CosponsorConsents;
import org.grassroots.crm.exports.CosponsorService;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/**
 * A petition's co-sponsoring partners and the notice beside its co-sponsor box. Editors change them and record each
 * co-sponsor's consent for the signers who ticked the box.
 */
class CosponsorsPanel extends Div {

    static final String NONE = "No partner co-sponsors this petition.";

    final Paragraph names = new Paragraph();
    final Paragraph notice = new Paragraph();
    final Paragraph result = new Paragraph();
    final Div editor = new Div();
    final MultiSelectComboBox<Partner> partnerPicker = new MultiSelectComboBox<>("Co-sponsoring partners");
    final TextArea noticeText = new TextArea("Notice beside the co-sponsor box");
    final Button edit = new Button("Edit co-sponsors", VaadinIcon.EDIT.create());
    final Button record = new Button("Record consent for consenting signers", VaadinIcon.CHECK.create());
    private final long petitionId;
    private final CosponsorService cosponsors;
    private final PartnerService partners;
    private final FieldErrors errors;

    CosponsorsPanel(long petitionId, CosponsorService cosponsors, PartnerService partners, boolean canEdit) {
        this.petitionId = petitionId;
        this.cosponsors = cosponsors;
        this.partners = partners;
        addClassName("petition-cosponsors");
        names.addClassName("cosponsor-names");
        notice.addClassName("cosponsor-notice");
        result.addClassName("cosponsor-result");
        result.setVisible(false);
        add(new H3("Co-sponsors"), names, notice);
        errors = new FieldErrors().on("partnerId", partnerPicker).on("noticeText", noticeText);
        if (canEdit) {
            configureEditor();
            record.addClickListener(e -> recordConsents());
            edit.addClickListener(e -> openEditor());
            HorizontalLayout actions = new HorizontalLayout(edit, record);
            actions.setWrap(true);
            add(actions, result, editor);
        }
        show(cosponsors.cosponsors(petitionId));
    }

    private void show(List<Cosponsor> current) {
        if (current.isEmpty()) {
            names.setText(NONE);
            notice.setVisible(false);
        } else {
            names.setText("Co-sponsored with " + current.stream().map(Cosponsor::partnerName)
                    .collect(Collectors.joining(", ")) + ". Signers who ticked the co-sponsor box agreed to share "
                    + "with them.");
            notice.setText("Notice: “" + current.getFirst().noticeText() + "”");
            notice.setVisible(true);
        }
        record.setEnabled(!current.isEmpty());
    }

    private void configureEditor() {
        partnerPicker.setItemLabelGenerator(Partner::name);
        partnerPicker.setPlaceholder("None");
        partnerPicker.setWidthFull();
        noticeText.setWidthFull();
        noticeText.setMaxLength(5000);
        noticeText.setHelperText("Word for word what signers read beside the box, e.g. “Share my details with the "
                + "co-sponsors so they can keep me updated.”");
        Button save = new Button("Save co-sponsors", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", e -> editor.setVisible(false));
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        editor.add(partnerPicker, noticeText, buttons);
        editor.addClassName("cosponsor-editor");
        editor.setVisible(false);
    }

    private void openEditor() {
        List<Cosponsor> current = cosponsors.cosponsors(petitionId);
        List<Partner> all = partners.list();
        partnerPicker.setItems(all);
        partnerPicker.setValue(new LinkedHashSet<>(all.stream()
                .filter(p -> current.stream().anyMatch(c -> c.partnerId() == p.id())).toList()));
        noticeText.setValue(current.isEmpty() ? "" : current.getFirst().noticeText());
        editor.setVisible(true);
    }

    private void save() {
        List<Long> chosen = partnerPicker.getValue().stream().sorted(Comparator.comparing(Partner::name))
                .map(Partner::id).toList();
        try {
            List<Cosponsor> saved = cosponsors.setCosponsors(petitionId, chosen, noticeText.getValue());
            editor.setVisible(false);
            show(saved);
            Feedback.success(saved.isEmpty() ? "This petition has no co-sponsors now."
                    : "Saved the co-sponsors. Record consent for the signers who ticked the box when you are ready.");
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private void recordConsents() {
        try {
            CosponsorConsents recorded = cosponsors.recordConsents(petitionId);
            result.setText(describe(recorded));
            result.setVisible(true);
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        }
    }

    private String describe(CosponsorConsents recorded) {
        if (recorded.total() == 0) {
            return "No new consents: every signer who ticked the box already consents to each co-sponsor (or "
                    + "withdrew after signing).";
        }
        Map<Long, String> partnerNames = cosponsors.cosponsors(petitionId).stream()
                .collect(Collectors.toMap(Cosponsor::partnerId, Cosponsor::partnerName));
        String perPartner = recorded.grantedByPartner().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> partnerNames.getOrDefault(entry.getKey(), "partner #" + entry.getKey()) + ": "
                        + ExportWording.number(entry.getValue()))
                .collect(Collectors.joining(", "));
        return "Recorded " + ExportWording.number(recorded.total()) + (recorded.total() == 1 ? " new consent" :
                " new consents") + " (" + perPartner + ").";
    }
}
