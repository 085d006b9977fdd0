package org.grassroots.crm.exports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDeliveryService;
import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.springframework.security.access.AccessDeniedException;

/** Ends a ready export early: its file is deleted and every link stops, with the reason kept in the audit log. */
class WithdrawDialog extends Dialog {

    final TextArea reason = new TextArea("Reason");
    final Button withdraw = new Button("Withdraw file");

    WithdrawDialog(ExportDefinition definition, ExportDeliveryService delivery, Runnable onWithdrawn) {
        setHeaderTitle("Withdraw the file of “" + definition.name() + "”?");
        setWidth("34rem");
        setMaxWidth("100%");
        addClassName("withdraw-export-dialog");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.setRequiredIndicatorVisible(true);
        FieldErrors errors = new FieldErrors().on("reason", reason);
        add(new Paragraph("The file is deleted now and every download link to it stops working. This cannot be "
                + "undone; a new export would need approval again."), reason);
        withdraw.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        withdraw.addClickListener(e -> {
            try {
                delivery.withdraw(definition.id(), reason.getValue());
                close();
                Feedback.success("Withdrew the file of “" + definition.name() + "”.");
                onWithdrawn.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            } catch (IllegalExportTransitionException | AccessDeniedException refused) {
                close();
                Feedback.error(refused.getMessage());
                onWithdrawn.run();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), withdraw);
    }
}
