package org.grassroots.crm.exports.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.exports.OverlapReport;
import org.grassroots.crm.exports.OverlapService;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/**
 * How many supporters we share with a partner, without either side handing over its list: the partner sends a file
 * of hashes made with a key agreed for this exchange, and this screen counts our supporters whose e-mail address or
 * phone number hash to one of its lines, naming those who consent to that partner. The key is never shown back,
 * kept or logged.
 */
@Route("exports/overlap")
@PageTitle("Overlap with a partner")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
class OverlapView extends VerticalLayout {

    final ComboBox<Partner> partner = new ComboBox<>("Partner");
    final PasswordField key = new PasswordField("Agreed key");
    final HashedFileUpload file = new HashedFileUpload();
    final Button calculate = new Button("Find the overlap", VaadinIcon.SEARCH.create());
    final OverlapResult result = new OverlapResult();
    private final OverlapService overlap;
    private final FieldErrors errors;

    OverlapView(OverlapService overlap, PartnerService partners) {
        this.overlap = overlap;
        addClassName("overlap-view");
        Paragraph intro = new Paragraph("Learn how many supporters you share with a partner without swapping lists. "
                + "The partner hashes its e-mail addresses and phone numbers with a key you both agreed on and sends "
                + "you the file of hashes; the CRM hashes ours the same way and counts the matches. Neither side "
                + "sees the other's list, and the key and the file are not kept.");
        intro.addClassName("overlap-intro");

        List<Partner> all = partners.list();
        partner.setItems(all);
        partner.setItemLabelGenerator(Partner::name);
        partner.setRequiredIndicatorVisible(true);
        partner.setPlaceholder(all.isEmpty() ? "Add a partner on the Partners screen first" : "Choose the partner");
        partner.setWidth("min(24rem, 100%)");
        key.setRevealButtonVisible(false);
        // only this screen says when the key is missing or short: clearing it after use is no error
        key.setManualValidation(true);
        key.addValueChangeListener(e -> key.setInvalid(false));
        key.setRequiredIndicatorVisible(true);
        key.setHelperText("At least " + MatchKey.MIN_LENGTH + " characters, exactly as the partner used it. Agree "
                + "it by phone or in person, not in the e-mail that carries the file.");
        key.setWidth("min(24rem, 100%)");
        key.getElement().setAttribute("autocomplete", "off");
        calculate.addThemeVariants(ButtonVariant.PRIMARY);
        calculate.addClickListener(e -> calculate());
        errors = new FieldErrors().on("partnerId", partner).on("key", key);

        Card input = new Card();
        input.setTitle("Their file");
        input.add(partner, key, file, calculate);
        input.addClassName("overlap-input");
        add(intro, input, howTheyMakeIt(), result, new Anchor("exports", "Back to exports"));
    }

    private void calculate() {
        Partner chosen = partner.getValue();
        Optional<Path> uploaded = file.file();
        if (chosen == null) {
            partner.setErrorMessage("Choose the partner who sent the file.");
            partner.setInvalid(true);
        }
        if (uploaded.isEmpty()) {
            file.refuse("Upload the partner's hashed file first. " + HashedFileUpload.HINT);
        }
        if (chosen == null || uploaded.isEmpty()) {
            return;
        }
        try (InputStream in = Files.newInputStream(uploaded.get())) {
            OverlapReport report = overlap.overlap(chosen.id(), in, file.fileName(), MatchKey.of(key.getValue()),
                    OverlapService.MAX_LISTED);
            result.show(report, chosen.name());
            key.clear();
        } catch (InvalidInputException refused) {
            result.clear();
            if ("key".equals(refused.field()) || "partnerId".equals(refused.field())) {
                errors.show(refused);
            } else {
                file.refuse(refused.getMessage());
            }
        } catch (IOException unreadable) {
            result.clear();
            Feedback.error("Could not read the uploaded file again: " + unreadable.getMessage()
                    + ". Upload it once more.");
        }
    }

    private static Details howTheyMakeIt() {
        Paragraph layout = new Paragraph("One line of headers, email_hmac and/or phone_hmac, then one line per "
                + "person: the lower-case hexadecimal HMAC-SHA-256 of the e-mail address (trimmed, lower case) and "
                + "of the phone number in E.164 form (+15125550123), keyed with the agreed key. For example:");
        Pre example = new Pre("printf '%s' 'ann@example.org' | openssl dgst -sha256 -hmac \"$KEY\"");
        Paragraph ours = new Paragraph("An export in the hashed match file format makes the same file from our "
                + "side.");
        Details details = new Details("How the partner makes the file", new Div(layout, example, ours));
        details.addClassName("overlap-how");
        return details;
    }
}
