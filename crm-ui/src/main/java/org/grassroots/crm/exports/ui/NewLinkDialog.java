package org.grassroots.crm.exports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportLinkService;
import org.grassroots.crm.exports.NewExportLink;
import org.grassroots.crm.ui.FieldErrors;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Makes a download link, then shows its full address once: only a hash of the token is kept, so the address cannot
 * be shown again.
 */
class NewLinkDialog extends Dialog {

    final TextField note = new TextField("Note (optional)");
    final TextField url = new TextField("Download address");
    final Button create = new Button("Make link");
    final Paragraph warning = new Paragraph();

    NewLinkDialog(ExportDefinition definition, ExportLinkService links, Runnable onCreated) {
        setHeaderTitle("New download link for “" + definition.name() + "”");
        setWidth("40rem");
        setMaxWidth("100%");
        addClassName("new-export-link-dialog");
        note.setWidthFull();
        note.setMaxLength(200);
        note.setHelperText("Who the link is for, for example “Maria Lopez at " + definition.partnerName() + "”.");
        FieldErrors errors = new FieldErrors().on("note", note);
        Paragraph who = new Paragraph("Whoever opens the link must sign in here as staff" + (definition
                .includesDonationFields() ? " (a fundraiser or an administrator: the file has donation fields)" : "")
                + "; each download is logged.");
        add(who, note);
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> {
            try {
                NewExportLink made = links.create(definition.id(), note.getValue());
                showOnce(made);
                onCreated.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void showOnce(NewExportLink made) {
        removeAll();
        getFooter().removeAll();
        url.setValue(address(made.token()));
        url.setReadOnly(true);
        url.setWidthFull();
        url.addClassName("export-link-url");
        url.setHelperText("Select it and copy (Ctrl+C, or ⌘C on a Mac).");
        warning.setText("This address is shown only this once: copy it now. If it is lost, revoke link #"
                + made.link().id() + " and make a new one.");
        warning.addClassName("export-link-warning");
        add(url, warning);
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(done);
        url.focus();
    }

    /** The full address, from the address this screen was reached at (scheme, host, port, context path). */
    static String address(String token) {
        String path = "/exports/download/" + token;
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).path(path)
                    .toUriString();
        }
        return path;
    }
}
