package org.grassroots.plugins.listhealth;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import org.grassroots.crm.plugin.api.supporters.EmailStatus;

/** The counts of one run, stored as {@code at=<instant>;SUBSCRIBED=<n>;…} between runs. */
record Snapshot(Instant at, Map<EmailStatus, Long> counts) {

    String format() {
        StringJoiner text = new StringJoiner(";");
        text.add("at=" + at);
        counts.forEach((status, count) -> text.add(status.name() + "=" + count));
        return text.toString();
    }

    static Snapshot parse(String text) {
        Instant at = Instant.EPOCH;
        Map<EmailStatus, Long> counts = new EnumMap<>(EmailStatus.class);
        for (String part : text.split(";")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("at")) {
                at = Instant.parse(pair[1]);
            } else {
                counts.put(EmailStatus.valueOf(pair[0]), Long.parseLong(pair[1]));
            }
        }
        return new Snapshot(at, counts);
    }

    /** One line saying how each count moved since {@code previous}, e.g. "Since 2026-11-16: subscribed +1,204, …". */
    String changeSince(Snapshot previous) {
        StringJoiner line = new StringJoiner(", ", "Since " + previous.at().toString().substring(0, 10) + ": ", "");
        counts.forEach((status, count) -> {
            long change = count - previous.counts().getOrDefault(status, 0L);
            line.add("%s %s%,d".formatted(ListHealthCheck.label(status), change >= 0 ? "+" : "", change));
        });
        return line.toString();
    }
}
