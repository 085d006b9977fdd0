package org.grassroots.crm.audit.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the audit screen words an event: UTC times, action labels, targets and the details JSON. */
final class AuditEventText {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String EMPTY_DETAILS = "{}";
    private static final JsonMapper PRETTY_JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private AuditEventText() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The label of a known action; a name no longer in {@link AuditAction} (an older release's) as stored. */
    static String action(String storedName) {
        return Arrays.stream(AuditAction.values())
                .filter(action -> action.name().equals(storedName))
                .findFirst().map(AuditAction::label).orElse(storedName);
    }

    static String target(AuditEvent event) {
        String type = event.targetType() == null ? "" : event.targetType();
        String id = event.targetId() == null ? "" : event.targetId();
        return (type + " " + id).trim();
    }

    /** PostgreSQL already renders {@code jsonb} on one line; an empty object says nothing worth showing. */
    static String compactDetails(String detailsJson) {
        return detailsJson == null || EMPTY_DETAILS.equals(detailsJson) ? "" : detailsJson;
    }

    static String prettyDetails(String detailsJson) {
        if (compactDetails(detailsJson).isEmpty()) {
            return "No details.";
        }
        try {
            return PRETTY_JSON.writeValueAsString(PRETTY_JSON.readTree(detailsJson));
        } catch (JacksonException unreadable) {
            return detailsJson;
        }
    }

    /** The row's expanded view: everything about the event, details in full. */
    static Component detailsPanel(AuditEvent event) {
        Span summary = new Span("Event #" + event.id() + " · " + time(event.occurredAt()) + " · "
                + event.actor() + " · " + action(event.action())
                + (target(event).isEmpty() ? "" : " · " + target(event))
                + (event.clientAddress() == null ? "" : " · from " + event.clientAddress()));
        summary.addClassName("audit-event-summary");
        Pre details = new Pre(prettyDetails(event.detailsJson()));
        details.addClassName("audit-event-details");
        Div panel = new Div(summary, details);
        panel.addClassName("audit-event-panel");
        return panel;
    }
}
