package org.grassroots.crm.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.grassroots.crm.database.CopyStream;
import org.grassroots.crm.demo.internal.SyntheticPeople.Person;

/** Writes synthetic supporters with one COPY pass per table on the caller's connection and transaction. */
public final class PeopleLoader {

    private final Connection connection;
    private final SyntheticPeople people;
    private final int count;
    private final Consumer<String> progress;

    public PeopleLoader(Connection connection, SyntheticPeople people, int count, Consumer<String> progress) {
        this.connection = connection;
        this.people = people;
        this.count = count;
        this.progress = progress;
    }

    public void load() throws SQLException {
        copyPeople();
        copyEmails();
        copySubscriptionHistory();
        copyPhones();
        copyTags(tagIds());
    }

    private void copyPeople() throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, "person", "id", "first_name", "last_name", "street",
                "city", "state", "zip", "source", "demo", "created_at", "updated_at")) {
            for (int i = 0; i < count; i++) {
                Person p = people.person(i);
                copy.value(p.id()).value(p.firstName()).value(p.lastName()).value(p.street()).value(p.city())
                        .value(p.state().name()).value(p.zip()).value("demo").value(true)
                        .value(p.createdAt()).value(p.createdAt());
                copy.endRow();
                report("supporters", i);
            }
        }
    }

    private void copyEmails() throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, "person_email", "person_id", "email", "is_primary",
                "status", "status_changed_at", "created_at")) {
            for (int i = 0; i < count; i++) {
                Person p = people.person(i);
                copy.value(p.id()).value(p.email()).value(true).value(p.emailStatus())
                        .value(p.statusChangedAt()).value(p.createdAt());
                copy.endRow();
                report("e-mail addresses", i);
            }
        }
    }

    private void copySubscriptionHistory() throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, "subscription_event", "person_id", "email", "status",
                "cause", "source", "occurred_at")) {
            for (int i = 0; i < count; i++) {
                Person p = people.person(i);
                copy.value(p.id()).value(p.email()).value("SUBSCRIBED").value("signup").value("demo")
                        .value(p.createdAt());
                copy.endRow();
                if (!p.emailStatus().equals("SUBSCRIBED")) {
                    copy.value(p.id()).value(p.email()).value(p.emailStatus()).value(cause(p.emailStatus()))
                            .value("demo").value(p.statusChangedAt());
                    copy.endRow();
                }
                report("subscription history", i);
            }
        }
    }

    private void copyPhones() throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, "person_phone", "person_id", "e164", "kind",
                "is_primary")) {
            for (int i = 0; i < count; i++) {
                Person p = people.person(i);
                if (p.phone() != null) {
                    copy.value(p.id()).value(p.phone()).value("MOBILE").value(true);
                    copy.endRow();
                }
                report("phones", i);
            }
        }
    }

    private Map<String, Long> tagIds() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id")) {
            for (String tag : SyntheticPeople.TAGS) {
                upsert.setString(1, tag);
                try (var rs = upsert.executeQuery()) {
                    rs.next();
                    ids.put(tag, rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private void copyTags(Map<String, Long> tagIds) throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, "person_tag", "person_id", "tag_id")) {
            for (int i = 0; i < count; i++) {
                Person p = people.person(i);
                for (String tag : p.tags()) {
                    copy.value(p.id()).value(tagIds.get(tag));
                    copy.endRow();
                }
                report("tags", i);
            }
        }
    }

    private static String cause(String status) {
        return switch (status) {
            case "UNSUBSCRIBED" -> "unsubscribe link";
            case "BOUNCING" -> "hard bounce";
            default -> "spam complaint";
        };
    }

    private void report(String what, int index) {
        int done = index + 1;
        if (done == count || done % Math.max(1, count / 4) == 0) {
            progress.accept(what + ": " + done + " / " + count);
        }
    }
}
