package org.grassroots.crm.exports.ui;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.DescriptionList;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportStatus;

/** What an export definition holds: partner, who, which fields, format, and how many people then and now. */
class ExportDetails extends Card {

    final DescriptionList facts = new DescriptionList();

    ExportDetails(ExportDefinition definition, String formatName, Map<Long, String> petitionTitles,
            long currentSize) {
        addClassName("export-details");
        setTitle("Definition");
        facts.addClassName("export-facts");
        fact("Partner", definition.partnerName());
        fact("Who", SegmentFields.describe(definition.segment(), petitionTitles, definition.partnerName()));
        fact("Fields", definition.fields().stream().map(ExportDetails::label).collect(Collectors.joining(", ")));
        fact("Format", formatName);
        fact("People when asked", ExportWording.people(definition.sizeAtRequest()));
        fact("People now", ExportWording.people(currentSize));
        if (definition.status() == ExportStatus.READY && definition.rowCount() != null) {
            fact("Rows in the file", ExportWording.number(definition.rowCount()));
        }
        add(facts);
    }

    private void fact(String term, String description) {
        facts.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    private static String label(ExportField field) {
        return field.donation() ? field.label() + " (donation)" : field.label();
    }
}
