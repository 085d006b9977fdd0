package org.grassroots.crm.exports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.PartnerConsent;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/** Records that a supporter no longer agrees to share with a partner, from now on, with an optional note. */
class WithdrawConsentDialog extends Dialog {

    final TextArea note = new TextArea("Note (optional)");
    final Button withdraw = new Button("Withdraw consent");

    WithdrawConsentDialog(long personId, PartnerConsent consent, ConsentService consents, Runnable onWithdrawn) {
        setHeaderTitle("Withdraw consent for " + consent.partnerName() + "?");
        setWidth("34rem");
        setMaxWidth("100%");
        addClassName("withdraw-consent-dialog");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setPlaceholder("How they told us, e.g. “Asked by phone to stop sharing”");
        FieldErrors errors = new FieldErrors().on("note", note);
        add(new Paragraph("From now on no export to " + consent.partnerName() + " includes this supporter. The "
                + "consent they gave stays in the history."), note);
        withdraw.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        withdraw.addClickListener(e -> {
            try {
                consents.withdraw(personId, consent.partnerId(), note.getValue());
                close();
                Feedback.success("Withdrew consent to share with " + consent.partnerName() + ".");
                onWithdrawn.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(new Button("Keep it", e -> close()), withdraw);
    }
}
