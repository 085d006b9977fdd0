package org.grassroots.crm.exports.ui;

import java.util.stream.Stream;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.exports.OverlapMatch;
import org.grassroots.crm.exports.OverlapReport;

/** What an overlap found: how many lines the file had, how many supporters we share, and who of them consents. */
class OverlapResult extends Card {

    final Paragraph counts = new Paragraph();
    final Paragraph consenting = new Paragraph();
    final Grid<OverlapMatch> people = new Grid<>();

    OverlapResult() {
        addClassName("overlap-result");
        setTitle("Overlap");
        counts.addClassName("overlap-counts");
        consenting.addClassName("overlap-consenting");
        people.addComponentColumn(match -> new Anchor("supporters/" + match.personId(), name(match)))
                .setHeader("Supporter").setFlexGrow(1);
        people.addColumn(match -> match.email() == null ? "" : match.email()).setHeader("E-mail").setFlexGrow(1);
        people.addThemeVariants(GridVariant.ROW_STRIPES);
        people.addClassName("overlap-people");
        people.setHeight("24rem");
        add(counts, consenting, people);
        setVisible(false);
    }

    void show(OverlapReport report, String partnerName) {
        counts.setText("Their file has " + ExportWording.number(report.partnerRows()) + " hash "
                + (report.partnerRows() == 1 ? "line" : "lines") + ". " + ExportWording.people(report.shared())
                + " on it " + (report.shared() == 1 ? "is" : "are") + " our supporters.");
        counts.getElement().setAttribute("data-shared", String.valueOf(report.shared()));
        if (report.sharedWithConsent() == 0) {
            consenting.setText(report.shared() == 0 ? "" : "None of them consents to sharing with " + partnerName
                    + ", so nobody is named.");
        } else {
            long listed = report.consenting().size();
            consenting.setText(ExportWording.number(report.sharedWithConsent()) + " of them "
                    + (report.sharedWithConsent() == 1 ? "consents" : "consent") + " to sharing with " + partnerName
                    + (listed < report.sharedWithConsent() ? "; the first " + ExportWording.number(listed)
                    + " are listed." : ":"));
        }
        consenting.setVisible(!consenting.getText().isEmpty());
        people.setItems(report.consenting());
        people.setVisible(!report.consenting().isEmpty());
        setVisible(true);
    }

    void clear() {
        people.setItems(java.util.List.of());
        setVisible(false);
    }

    private static String name(OverlapMatch match) {
        String name = Stream.of(match.firstName(), match.lastName()).filter(part -> part != null && !part.isBlank())
                .reduce((first, last) -> first + " " + last).orElse("");
        return name.isEmpty() ? "Supporter #" + match.personId() : name;
    }
}
