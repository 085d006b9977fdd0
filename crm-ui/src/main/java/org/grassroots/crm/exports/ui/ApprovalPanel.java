package org.grassroots.crm.exports.ui;

import java.util.Optional;
import java.util.function.LongFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ApprovalCapacity;
import org.grassroots.crm.exports.ExportApproval;
import org.grassroots.crm.exports.ExportApprovalService;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;
import org.springframework.security.access.AccessDeniedException;

/**
 * An export's approvals so far, what it still needs, and the steps the signed-in user may take: approve (admins),
 * sign off the donation fields (fundraisers), reject with a reason. A step the rules refuse this user is shown
 * disabled, with the reason beside it.
 */
class ApprovalPanel extends Card {

    final Div given = new Div();
    final UnorderedList stillNeeded = new UnorderedList();
    final Div actions = new Div();
    private final ExportDefinition definition;
    private final ExportApprovalService approvals;
    private final Runnable onChanged;

    ApprovalPanel(ExportDefinition definition, ExportApprovalService approvals, long currentSize,
            AuthenticationContext authentication, Runnable onChanged) {
        this.definition = definition;
        this.approvals = approvals;
        this.onChanged = onChanged;
        addClassName("export-approvals");
        setTitle("Approvals");
        given.addClassName("export-approvals-given");
        if (definition.approvals().isEmpty()) {
            Paragraph none = new Paragraph("No approvals yet.");
            none.addClassName("muted");
            given.add(none);
        }
        definition.approvals().forEach(approval -> given.add(approvalRow(approval)));
        stillNeeded.addClassName("export-still-needed");
        actions.addClassName("export-approval-actions");
        add(given, outcome());
        if (definition.status() == ExportStatus.PENDING_APPROVAL) {
            addActions(authentication, currentSize);
            add(actions);
        }
    }

    private static Div approvalRow(ExportApproval approval) {
        Span who = new Span(approval.approver());
        who.addClassName("export-approver");
        Span what = new Span((approval.capacity() == ApprovalCapacity.ADMIN ? "Administrator's approval"
                : "Fundraiser's sign-off") + " · " + ExportWording.people(approval.size()) + " then · "
                + ExportWording.when(approval.approvedAt()));
        what.addClassName("muted");
        Div row = new Div(who, what);
        row.addClassName("export-approval");
        row.getElement().setAttribute("data-capacity", approval.capacity().name());
        return row;
    }

    private Component outcome() {
        return switch (definition.status()) {
            case PENDING_APPROVAL -> {
                approvals.stillNeeded(definition.id()).forEach(need -> stillNeeded.add(new ListItem(need)));
                Span label = new Span("Still needed:");
                label.addClassName("export-still-needed-label");
                yield new Div(label, stillNeeded);
            }
            case REJECTED -> paragraph("Rejected by " + definition.rejectedBy() + " on "
                    + ExportWording.when(definition.rejectedAt()) + ": " + definition.rejectionReason());
            default -> paragraph("Approved on " + ExportWording.when(definition.approvedAt()) + ".");
        };
    }

    private void addActions(AuthenticationContext authentication, long currentSize) {
        String me = authentication.getPrincipalName().orElse("");
        boolean admin = authentication.hasRole(Role.ADMIN_NAME);
        boolean fundraiser = authentication.hasRole(Role.FUNDRAISER_NAME);
        Optional<String> mine = whyNot(me);
        if (admin) {
            long adminApprovals = count(ApprovalCapacity.ADMIN);
            long adminsNeeded = currentSize > approvals.secondApprovalThreshold() ? 2 : 1;
            step("Approve", VaadinIcon.CHECK, mine.or(() -> adminApprovals >= adminsNeeded
                    ? Optional.of("It has the administrator approvals it needs.") : Optional.empty()),
                    approvals::approve, "Approved");
        }
        if (fundraiser && definition.includesDonationFields()) {
            step("Sign off donation fields", VaadinIcon.CHECK, mine.or(() -> count(ApprovalCapacity.FUNDRAISER) > 0
                    ? Optional.of("A fundraiser has signed off its donation fields.") : Optional.empty()),
                    approvals::signOffDonationFields, "Signed off the donation fields of");
        }
        if (admin || (fundraiser && definition.includesDonationFields())) {
            Button reject = new Button("Reject…", VaadinIcon.BAN.create(),
                    e -> new RejectDialog(definition, approvals, onChanged).open());
            reject.addThemeVariants(ButtonVariant.ERROR);
            actions.add(reject);
        }
    }

    /** Why this user may not approve at all: they asked for it, or they approved already. */
    private Optional<String> whyNot(String me) {
        if (me.equals(definition.requestedBy())) {
            return Optional.of("You asked for this export, so someone else must approve it.");
        }
        if (definition.approvals().stream().anyMatch(approval -> approval.approver().equals(me))) {
            return Optional.of("You approved this export already; the next approval must come from someone else.");
        }
        return Optional.empty();
    }

    private void step(String label, VaadinIcon icon, Optional<String> refusal, LongFunction<ExportDefinition> call,
            String done) {
        Button button = new Button(label, icon.create(), e -> run(call, done));
        button.addThemeVariants(ButtonVariant.PRIMARY);
        button.setEnabled(refusal.isEmpty());
        Div step = new Div(button);
        step.addClassName("export-approval-step");
        refusal.ifPresent(why -> {
            Span reason = new Span(why);
            reason.addClassName("export-approval-why");
            step.add(reason);
        });
        actions.add(step);
    }

    private void run(LongFunction<ExportDefinition> call, String done) {
        try {
            ExportDefinition after = call.apply(definition.id());
            Feedback.success(done + " “" + after.name() + "”. " + (after.status() == ExportStatus.APPROVED
                    ? "It has every approval it needs." : "It still needs more approvals."));
        } catch (InvalidInputException | IllegalExportTransitionException | AccessDeniedException refused) {
            Feedback.error(refused.getMessage());
        }
        onChanged.run();
    }

    private long count(ApprovalCapacity capacity) {
        return definition.approvals().stream().filter(approval -> approval.capacity() == capacity).count();
    }

    private static Paragraph paragraph(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("export-approval-outcome");
        return paragraph;
    }
}
