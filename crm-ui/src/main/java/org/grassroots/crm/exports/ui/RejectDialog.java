package org.grassroots.crm.exports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportApprovalService;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.springframework.security.access.AccessDeniedException;

/** Refuses an export for good, with the reason the person who asked for it will read. */
class RejectDialog extends Dialog {

    final TextArea reason = new TextArea("Reason");
    final Button reject = new Button("Reject export");

    RejectDialog(ExportDefinition definition, ExportApprovalService approvals, Runnable onRejected) {
        setHeaderTitle("Reject “" + definition.name() + "”?");
        setWidth("34rem");
        setMaxWidth("100%");
        addClassName("reject-export-dialog");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText(definition.requestedBy() + " reads this. A rejected export cannot be approved later; "
                + "they can ask for a new one.");
        FieldErrors errors = new FieldErrors().on("reason", reason);
        add(new Paragraph("No file will be made for " + definition.partnerName() + "."), reason);
        reject.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        reject.addClickListener(e -> {
            try {
                approvals.reject(definition.id(), reason.getValue());
                close();
                Feedback.success("Rejected “" + definition.name() + "”.");
                onRejected.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            } catch (IllegalExportTransitionException | AccessDeniedException refused) {
                close();
                Feedback.error(refused.getMessage());
                onRejected.run();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), reject);
    }
}
