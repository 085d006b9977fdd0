package org.grassroots.crm.reports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.reports.ReportRun;

/** The numbers behind one state of a report (its top ZIPs and cities), protected like the report. */
class DrillDownDialog extends Dialog {

    final ReportGrid grid = new ReportGrid(row -> { });

    DrillDownDialog(ReportRun drill) {
        addClassName("report-drill-down");
        setHeaderTitle(drill.title());
        setWidth("min(40rem, 95vw)");
        grid.show(drill);
        add(grid);
        drill.footnotes().forEach(note -> add(new Paragraph(note)));
        getFooter().add(new Button("Close", e -> close()));
    }

    /** The dialog for a category that has no drill-down. */
    static Dialog none(String category) {
        Dialog dialog = new Dialog();
        dialog.addClassName("report-drill-down");
        dialog.setHeaderTitle(category);
        dialog.add(new Paragraph("This report has no breakdown for " + category + "."));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        return dialog;
    }
}
