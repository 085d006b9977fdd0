package org.grassroots.plugins.petitionimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's header row: column names trimmed, each present and different, so a {@link
 * org.grassroots.crm.plugin.api.petitions.FieldMapping} can name a column unambiguously.
 *
 * @param names the column names, in file order
 */
record Header(List<String> names) {

    Header {
        names = List.copyOf(names);
    }

    /**
     * The header from the first record's values.
     *
     * @throws IllegalArgumentException naming the column when a name is blank or repeated
     */
    static Header of(List<String> values) {
        List<String> names = new ArrayList<>(values.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            int column = i + 1;
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Column " + column + " of the header row has no name. Name every "
                        + "column, or delete the empty one, and upload the file again.");
            }
            Integer earlier = seen.putIfAbsent(name, column);
            if (earlier != null) {
                throw new IllegalArgumentException("Columns " + earlier + " and " + column + " of the header row are "
                        + "both named '" + name + "'. Give each column its own name and upload the file again.");
            }
            names.add(name);
        }
        return new Header(names);
    }

    int size() {
        return names.size();
    }

    /**
     * The index of the column called {@code column}: the exact name, else the one name that matches ignoring case
     * and surrounding spaces; -1 when there is none.
     */
    int indexOf(String column) {
        int exact = names.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        String wanted = column.strip().toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
