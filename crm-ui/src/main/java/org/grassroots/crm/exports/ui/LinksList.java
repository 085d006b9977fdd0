package org.grassroots.crm.exports.ui;

import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportLink;
import org.grassroots.crm.exports.ExportLinkService;
import org.grassroots.crm.ui.Feedback;
import org.springframework.security.access.AccessDeniedException;

/**
 * A ready export's download links, newest first: who made each and when, until when it works, how often it was
 * used, and whether it is revoked or expired. Organizers and administrators make new ones and revoke them.
 */
class LinksList extends Div {

    final Div rows = new Div();
    final Button create = new Button("New download link…");

    private final ExportDefinition definition;
    private final ExportLinkService links;
    private final boolean mayAct;

    LinksList(ExportDefinition definition, ExportLinkService links, boolean mayAct) {
        this.definition = definition;
        this.links = links;
        this.mayAct = mayAct;
        addClassName("export-links");
        rows.addClassName("export-link-rows");
        Div header = new Div(new H4("Download links"));
        header.addClassName("export-links-header");
        if (mayAct) {
            create.addClickListener(e -> new NewLinkDialog(definition, links, this::show).open());
            header.add(create);
        }
        add(header, rows);
        show();
    }

    private void show() {
        rows.removeAll();
        List<ExportLink> all = links.links(definition.id());
        if (all.isEmpty()) {
            rows.add(new Paragraph(mayAct ? "No links yet. Make one for each person who should download the file."
                    : "No links yet."));
        }
        Instant now = Instant.now();
        all.forEach(link -> rows.add(row(link, now)));
    }

    private Div row(ExportLink link, Instant now) {
        String state = link.revoked() ? "revoked" : link.expired(now) ? "expired" : "active";
        Span title = new Span("Link #" + link.id() + (link.note() == null ? "" : " · " + link.note()));
        title.addClassName("export-link-title");
        Span badge = new Span(switch (state) {
            case "revoked" -> "Revoked by " + link.revokedBy() + " on " + ExportWording.when(link.revokedAt());
            case "expired" -> "Expired on " + ExportWording.when(link.expiresAt());
            default -> "Works until " + ExportWording.when(link.expiresAt());
        });
        badge.getElement().getThemeList().add("badge " + (state.equals("active") ? "success" : "contrast"));
        badge.addClassName("export-link-state");
        Span facts = new Span("Made by " + link.createdBy() + " on " + ExportWording.when(link.createdAt()) + " · "
                + downloads(link));
        facts.addClassName("export-link-facts");
        Div text = new Div(title, badge, facts);
        text.addClassName("export-link-text");
        Div row = new Div(text);
        row.addClassName("export-link");
        row.getElement().setAttribute("data-state", state);
        if (mayAct && state.equals("active")) {
            Button revoke = new Button("Revoke", e -> revoke(link));
            revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            row.add(revoke);
        }
        return row;
    }

    private static String downloads(ExportLink link) {
        return switch (link.downloads()) {
            case 0 -> "not downloaded yet";
            case 1 -> "downloaded once, on " + ExportWording.when(link.lastDownloadAt());
            default -> "downloaded " + link.downloads() + " times, last on " + ExportWording.when(link.lastDownloadAt());
        };
    }

    private void revoke(ExportLink link) {
        try {
            links.revoke(link.id());
            Feedback.success("Revoked link #" + link.id() + ": it no longer downloads the file.");
        } catch (InvalidInputException | AccessDeniedException refused) {
            Feedback.error(refused.getMessage());
        }
        show();
    }
}
