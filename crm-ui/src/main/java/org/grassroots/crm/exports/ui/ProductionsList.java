package org.grassroots.crm.exports.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.grassroots.crm.exports.ExportProductionRun;

/** Every attempt to produce the export's file, newest first: how it ended, how many people, who and when. */
class ProductionsList extends Div {

    final UnorderedList items = new UnorderedList();

    ProductionsList(List<ExportProductionRun> runs) {
        addClassName("export-productions");
        items.addClassName("export-production-items");
        runs.forEach(run -> items.add(new ListItem(describe(run))));
        add(new H4("Produced"), items);
    }

    private static String describe(ExportProductionRun run) {
        String outcome = run.outcome() == null ? "Under way" : run.outcome().label();
        String rows = run.rowCount() == null ? "" : " · " + ExportWording.people(run.rowCount());
        String deleted = run.fileDeletedAt() == null ? ""
                : " · file deleted " + ExportWording.when(run.fileDeletedAt())
                        + (run.deletedBy() == null ? "" : " by " + run.deletedBy())
                        + (run.deletionReason() == null ? "" : ": " + run.deletionReason());
        return outcome + rows + " · asked for by " + run.requestedBy() + " on " + ExportWording.when(run.requestedAt())
                + deleted;
    }
}
