package org.grassroots.crm.exports.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerConsent;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

/**
 * Records a consent a member of staff learnt of (a paper form, a phone call, an e-mail reply): the partner, the
 * notice the supporter saw, word for word, and the day they agreed.
 */
class GrantConsentDialog extends Dialog {

    final ComboBox<Partner> partner = new ComboBox<>("Partner");
    final TextArea notice = new TextArea("Notice shown to the supporter");
    final DatePicker agreedOn = new DatePicker("Agreed on");
    final Button grant = new Button("Record consent");
    private final long personId;
    private final ConsentService consents;
    private final Runnable onGranted;
    private final FieldErrors errors;

    GrantConsentDialog(long personId, ConsentService consents, PartnerService partners, List<Long> consentingTo,
            Runnable onGranted) {
        this.personId = personId;
        this.consents = consents;
        this.onGranted = onGranted;
        setHeaderTitle("Record consent to share");
        setWidth("40rem");
        setMaxWidth("100%");
        addClassName("grant-consent-dialog");

        List<Partner> choices = partners.list().stream().filter(p -> !consentingTo.contains(p.id())).toList();
        partner.setItems(choices);
        partner.setItemLabelGenerator(Partner::name);
        partner.setRequiredIndicatorVisible(true);
        partner.setPlaceholder(choices.isEmpty() ? "No partner left to choose" : "Choose the partner");
        partner.setHelperText(choices.isEmpty() ? "They already consent to every partner, or none is set up yet."
                : "Partners they already consent to are not listed.");
        notice.setRequiredIndicatorVisible(true);
        notice.setMaxLength(5000);
        notice.setHelperText("Word for word what the supporter read and agreed to.");
        notice.setMinHeight("7rem");
        agreedOn.setMax(LocalDate.now());
        agreedOn.setValue(LocalDate.now());
        agreedOn.setHelperText("Today records the current time.");
        TextField source = new TextField("Source");
        source.setValue("Entered by staff");
        source.setReadOnly(true);
        errors = new FieldErrors().on("partnerId", partner).on("noticeText", notice).on("givenAt", agreedOn);

        FormLayout form = new FormLayout(partner, notice, agreedOn, source);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        form.setColspan(partner, 2);
        form.setColspan(notice, 2);
        add(form);

        grant.addThemeVariants(ButtonVariant.PRIMARY);
        grant.addClickListener(e -> grant());
        getFooter().add(new Button("Cancel", e -> close()), grant);
    }

    private void grant() {
        Partner chosen = partner.getValue();
        if (chosen == null) {
            partner.setErrorMessage("Choose the partner they agreed to share with.");
            partner.setInvalid(true);
            return;
        }
        if (agreedOn.isInvalid() || agreedOn.getValue() == null) {
            agreedOn.setErrorMessage("Enter the day they agreed, today or earlier.");
            agreedOn.setInvalid(true);
            return;
        }
        try {
            PartnerConsent granted = consents.grant(personId, chosen.id(), new ConsentGrant(notice.getValue(),
                    ConsentSource.manual(), givenAt(agreedOn.getValue())));
            close();
            Feedback.success("Recorded consent to share with " + granted.partnerName() + ".");
            onGranted.run();
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    /** Today means now; an earlier day, its start. */
    static @Nullable Instant givenAt(LocalDate day) {
        return day.equals(LocalDate.now()) ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
}
