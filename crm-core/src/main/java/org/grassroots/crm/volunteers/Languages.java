package org.grassroots.crm.volunteers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.grassroots.crm.common.InvalidInputException;

/**
 * The languages a volunteer speaks, as names ("Spanish", "Haitian Creole", "ASL"). Names typed all in lower case are
 * capitalised, so "spanish" and "Spanish" are one language for the filter.
 */
final class Languages {

    static final int MAX = 10;
    /** Suggestions for the pickers: the languages US organisers most often need besides English. */
    static final List<String> COMMON = List.of("English", "Spanish", "Chinese", "Vietnamese", "Tagalog", "Arabic",
            "Korean", "Haitian Creole", "French", "Russian", "Portuguese", "Hindi", "ASL");

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L} '()-]{0,39}");

    private Languages() {
    }

    static List<String> normalise(List<String> languages) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String language : languages) {
            String name = normaliseOne(language);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("languages", "“" + name + "” is not a language name.");
            }
            unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        if (unique.size() > MAX) {
            throw new InvalidInputException("languages", "Enter at most " + MAX + " languages.");
        }
        return new ArrayList<>(unique.values());
    }

    static String normaliseOne(String language) {
        String name = language == null ? "" : language.strip().replaceAll("\\s+", " ");
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder capitalised = new StringBuilder(name.length());
        boolean wordStart = true;
        for (char c : name.toCharArray()) {
            capitalised.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = c == ' ' || c == '-' || c == '(';
        }
        return capitalised.toString();
    }
}
