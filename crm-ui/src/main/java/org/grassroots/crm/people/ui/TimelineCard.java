package org.grassroots.crm.people.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.people.PersonTimelineService;
import org.grassroots.crm.people.TimelineEntry;

/** Everything that happened to the supporter, newest first, from every feature. */
class TimelineCard extends Card {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    TimelineCard(List<TimelineEntry> entries) {
        addClassName("timeline-card");
        setTitle("Timeline");
        if (entries.size() >= PersonTimelineService.LIMIT) {
            setSubtitle("The latest " + PersonTimelineService.LIMIT + " events");
        }
        for (TimelineEntry entry : entries) {
            Span when = new Span(WHEN.format(entry.occurredAt()));
            when.addClassName("timeline-when");
            Div title = new Div();
            if (entry.link() != null) {
                title.add(new Anchor(entry.link(), entry.title()));
            } else {
                title.setText(entry.title());
            }
            title.addClassName("timeline-title");
            Div item = new Div(when, title);
            if (entry.detail() != null) {
                Div detail = new Div(entry.detail());
                detail.addClassName("timeline-detail");
                item.add(detail);
            }
            item.addClassName("timeline-entry");
            item.getElement().setAttribute("data-kind", entry.kind());
            add(item);
        }
    }
}
