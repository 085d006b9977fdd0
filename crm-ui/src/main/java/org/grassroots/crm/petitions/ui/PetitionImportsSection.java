package org.grassroots.crm.petitions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.ui.Feedback;

/**
 * A petition's imports, newest first (dry runs left out): when, which file, by whom, what each added, its rejected
 * rows, and rolling one back behind a confirmation that says what goes and what stays. For organizers and admins.
 */
class PetitionImportsSection extends Div {

    static final int SHOWN = 50;
    static final String EMPTY = "No imports yet. Use Import signatures above to add signatures from a CSV file.";

    final Grid<ImportBatch> grid = new Grid<>();
    private final ImportBatchService batches;
    private final Runnable onRolledBack;
    private long petitionId;

    PetitionImportsSection(ImportBatchService batches, Runnable onRolledBack) {
        this.batches = batches;
        this.onRolledBack = onRolledBack;
        addClassName("petition-imports");
        grid.addClassName("petition-imports-grid");
        grid.addColumn(batch -> PetitionView.WHEN.format(batch.createdAt())).setHeader("Date").setKey("date")
                .setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(ImportBatch::fileName).setHeader("File").setKey("file").setWidth("9rem").setFlexGrow(2)
                .setTooltipGenerator(batch -> batch.fileName() + " · source " + batch.source());
        grid.addColumn(ImportBatch::requestedBy).setHeader("By").setKey("by").setWidth("7rem").setFlexGrow(1);
        grid.addColumn(batch -> ImportResultPanel.number(batch.counts().newSignatures())).setHeader("New signatures")
                .setKey("signatures").setWidth("7.5rem").setFlexGrow(0).setPartNameGenerator(batch -> "numeric");
        grid.addColumn(batch -> ImportResultPanel.number(batch.counts().newPeople())).setHeader("New people")
                .setKey("people").setWidth("6.5rem").setFlexGrow(0).setPartNameGenerator(batch -> "numeric");
        grid.addComponentColumn(this::rejected).setHeader("Rejected").setKey("rejected").setWidth("6rem")
                .setFlexGrow(0).setPartNameGenerator(batch -> "numeric");
        grid.addColumn(PetitionImportsSection::state).setHeader("State").setKey("state").setWidth("8rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("8rem").setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(EMPTY);
        add(new H3("Imports"), grid);
    }

    void show(long shownPetitionId) {
        this.petitionId = shownPetitionId;
        grid.setItems(batches.ofPetition(shownPetitionId, SHOWN));
    }

    static String state(ImportBatch batch) {
        return batch.rolledBack() ? "Rolled back by " + batch.rolledBackBy() + " on "
                + PetitionsView.DAY.format(batch.rolledBackAt()) : "Imported";
    }

    /** The rejected and duplicate rows, as a link to download them when there are any. */
    private Component rejected(ImportBatch batch) {
        String count = ImportResultPanel.number(batch.counts().rejected() + batch.counts().duplicatesInFile());
        return ImportResultPanel.hasRejectedRows(batch) ? ImportResultPanel.rejectedRowsLink(batch, batches, count)
                : new Span(count);
    }

    private Component actions(ImportBatch batch) {
        Div actions = new Div();
        actions.addClassName("petition-import-actions");
        if (!batch.rolledBack()) {
            Button rollBack = new Button("Roll back", VaadinIcon.ARROW_BACKWARD.create(), e -> confirm(batch));
            rollBack.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            rollBack.setAriaLabel("Roll back the import of " + batch.fileName());
            actions.add(rollBack);
        }
        return actions;
    }

    private void confirm(ImportBatch batch) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Roll back the import of " + batch.fileName() + "?");
        confirm.setText(rollbackText(batch));
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.setConfirmText("Roll back");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> rollBack(batch));
        confirm.open();
    }

    static String rollbackText(ImportBatch batch) {
        return "This removes the " + ImportResultPanel.plural(batch.counts().newSignatures(), "signature")
                + " it added, the supporters it created who have no other history in the CRM (up to "
                + ImportResultPanel.number(batch.counts().newPeople()) + "), and the e-mail subscriptions it"
                + " started that nothing has changed since. Supporters who were in the CRM before, or have donated,"
                + " volunteered, signed elsewhere or been edited since, stay; empty fields it filled stay filled."
                + " It cannot be undone, but the file can be imported again.";
    }

    private void rollBack(ImportBatch batch) {
        try {
            ImportBatch rolledBack = batches.rollBack(batch.id());
            Feedback.success("Rolled back the import of " + batch.fileName() + ": removed "
                    + ImportResultPanel.plural(batch.counts().newSignatures(), "signature") + " and "
                    + ImportResultPanel.plural(rolledBack.peopleRemoved() == null ? 0 : rolledBack.peopleRemoved(),
                    "supporter") + ".");
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        }
        show(petitionId);
        onRolledBack.run();
    }
}
