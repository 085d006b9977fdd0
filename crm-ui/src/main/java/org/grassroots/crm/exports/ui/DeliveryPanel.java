package org.grassroots.crm.exports.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.exports.ExportDefinition;

/**
 * The export's file, at the foot of its page. For now it says where the export stands on the way to a file; the
 * delivery job adds its actions here ("Produce file" for an approved export, the download links of a ready one).
 */
class DeliveryPanel extends Card {

    final Paragraph state = new Paragraph();

    DeliveryPanel(ExportDefinition definition) {
        addClassName("export-delivery");
        setTitle("File");
        state.addClassName("export-delivery-state");
        state.setText(switch (definition.status()) {
            case PENDING_APPROVAL -> "A file can be made once the export has every approval it needs.";
            case APPROVED -> "Approved on " + ExportWording.when(definition.approvedAt())
                    + ": the file can be produced.";
            case READY -> "Ready since " + ExportWording.when(definition.readyAt()) + "; its download links expire on "
                    + ExportWording.when(definition.expiresAt()) + ".";
            case REJECTED -> "Rejected: no file will be made.";
            case EXPIRED -> "Expired on " + ExportWording.when(definition.expiredAt()) + ": its file is deleted.";
        });
        add(state);
    }
}
