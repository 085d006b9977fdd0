package org.grassroots.crm.listsync.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.listsync.SyncFailure;
import org.grassroots.crm.listsync.SyncRun;

/** The members the email service refused in one run, each with its reason and a link to the supporter. */
class SyncFailuresDialog extends Dialog {

    static final int SHOWN = 500;

    final Grid<SyncFailure> grid = new Grid<>();

    SyncFailuresDialog(SyncRun run, List<SyncFailure> failures) {
        setHeaderTitle("Refused in the sync of " + ListCard.WHEN.format(run.startedAt()));
        addClassName("sync-failures-dialog");
        grid.addComponentColumn(failure -> failure.personId() == null ? new Span("(erased or unknown)")
                : new Anchor("supporters/" + failure.personId(), "Supporter #" + failure.personId()))
                .setHeader("Supporter").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(SyncFailure::reason).setHeader("Reason").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setItems(failures);
        grid.setWidth("min(48rem, 90vw)");
        Paragraph note = new Paragraph(ListCard.number(run.failed()) + " refused"
                + (run.failed() > failures.size() ? ", the first " + failures.size() + " shown" : "")
                + ". The next sync tries each of them again.");
        add(note, grid);
        getFooter().add(new Button("Close", e -> close()));
    }
}
