package org.grassroots.crm.petitions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Petition addresses: what a valid slug looks like and how one is made from a title. */
final class Slugs {

    static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** "Save Café Brûlé — now!" becomes {@code save-cafe-brule-now}; a title with no letters or digits gives "". */
    static String fromTitle(String title) {
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALLOWED.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(slug.substring(0, MAX_LENGTH));
        }
        return slug;
    }

    /** The slug with a number appended ({@code save-the-river-2}), still within the length limit. */
    static String numbered(String slug, int number) {
        String suffix = "-" + number;
        String base = slug.length() + suffix.length() > MAX_LENGTH
                ? trimDashes(slug.substring(0, MAX_LENGTH - suffix.length())) : slug;
        return base + suffix;
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
