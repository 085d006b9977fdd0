package org.grassroots.crm.pluginhost.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lint for a plugin's migration scripts: a plugin may create and change only database objects named with its own
 * prefix ({@code plugin_<id>_}), in the default schema, and may not use statements that reach beyond its tables
 * (roles, grants, schemas, extensions, anonymous code blocks, dynamic SQL, untrusted languages, server programs).
 *
 * <p>This catches mistakes, such as a plugin that names a table {@code sync_state} or alters a core table. It is not
 * a sandbox: SQL is too rich to prove safe by pattern matching, and a plugin is code running inside the CRM with the
 * admin's trust. Installing a plugin remains an admin's decision about trusting its author.
 */
public final class PluginSqlCheck {

    private static final String NAME = "((?:\"[^\"]+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\p{L}_][\\p{L}\\p{N}_$]*))?)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Objects that live in the schema and so must carry the prefix themselves. */
    private static final Pattern OWN_OBJECT = Pattern.compile("\\b(?:CREATE|ALTER|DROP)\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?(?:UNIQUE\\s+)?(?:MATERIALIZED\\s+)?"
            + "(TABLE|VIEW|SEQUENCE|INDEX|FUNCTION|PROCEDURE|TYPE|DOMAIN|AGGREGATE)\\s+(?:CONCURRENTLY\\s+)?"
            + "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:ONLY\\s+)?" + NAME, FLAGS);
    /** The table an index, trigger or policy is attached to. */
    private static final Pattern ATTACHED_TO = Pattern.compile("\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:UNIQUE\\s+|CONSTRAINT\\s+)?(INDEX|TRIGGER|POLICY)\\b[^;]*?\\bON\\s+(?:ONLY\\s+)?" + NAME, FLAGS);
    private static final Pattern WRITES_TO = Pattern.compile("\\b(INSERT\\s+INTO|MERGE\\s+INTO|DELETE\\s+FROM"
            + "(?:\\s+ONLY)?|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?"
            + "|COPY(?=\\s+" + NAME + "\\s*(?:\\([^)]*\\)\\s*)?(?:FROM|TO)\\b)|UPDATE(?:\\s+ONLY)?(?=\\s+" + NAME
            + "\\s+(?:(?:AS\\s+)?[\\p{L}_]\\w*\\s+)?SET\\b))\\s+" + NAME, FLAGS);
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(GRANT|REVOKE"
            + "|(?:CREATE|ALTER|DROP)\\s+(?:ROLE|USER|GROUP|SCHEMA|EXTENSION|DATABASE|TABLESPACE|PUBLICATION"
            + "|SUBSCRIPTION|SERVER|EVENT\\s+TRIGGER|FOREIGN\\s+DATA\\s+WRAPPER|LANGUAGE)"
            + "|ALTER\\s+(?:SYSTEM|DEFAULT\\s+PRIVILEGES)|DROP\\s+OWNED|REASSIGN\\s+OWNED"
            + "|SET\\s+(?:SESSION\\s+|LOCAL\\s+)?(?:ROLE|SESSION\\s+AUTHORIZATION)|SECURITY\\s+DEFINER"
            + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE|DO(?=\\s*(?:\\$|'|LANGUAGE))"
            + "|EXECUTE(?!\\s+(?:FUNCTION|PROCEDURE)\\b)|(?:FROM|TO)\\s+PROGRAM"
            + "|LANGUAGE\\s+(?:c|internal|[\\p{L}_]\\w*u))\\b", FLAGS);

    private PluginSqlCheck() {
    }

    /** The prefix every object of the plugin must start with: {@code plugin_} and the id in lower case, _ for -. */
    public static String prefix(String pluginId) {
        return "plugin_" + identifierPart(pluginId) + "_";
    }

    /** The plugin id as part of an SQL identifier: lower case, with every character but a-z, 0-9 turned into _. */
    public static String identifierPart(String pluginId) {
        return pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** What the script does that a plugin may not; empty when nothing was found. */
    public static List<String> problems(String pluginId, String script) {
        String prefix = prefix(pluginId);
        String sql = withoutCommentsAndStrings(script);
        List<String> problems = new ArrayList<>();
        Matcher forbidden = FORBIDDEN.matcher(sql);
        while (forbidden.find()) {
            problems.add("\"" + squeeze(forbidden.group(1)) + "\" is not allowed in a plugin migration");
        }
        Matcher own = OWN_OBJECT.matcher(sql);
        while (own.find()) {
            String name = own.group(2);
            if (!name.equalsIgnoreCase("on")) {
                check(prefix, squeeze(own.group()), name, problems);
            }
        }
        Matcher attached = ATTACHED_TO.matcher(sql);
        while (attached.find()) {
            check(prefix, "CREATE " + attached.group(1).toUpperCase(Locale.ROOT) + " … ON", attached.group(2),
                    problems);
        }
        Matcher writes = WRITES_TO.matcher(sql);
        while (writes.find()) {
            check(prefix, squeeze(writes.group(1)).toUpperCase(Locale.ROOT), writes.group(writes.groupCount()),
                    problems);
        }
        return problems;
    }

    private static void check(String prefix, String statement, String name, List<String> problems) {
        String unqualified = name;
        int dot = dotOutsideQuotes(name);
        if (dot >= 0) {
            String schema = normalise(name.substring(0, dot).strip());
            unqualified = name.substring(dot + 1).strip();
            if (!schema.equals("public")) {
                problems.add(statement + ": " + name + " is in schema " + schema
                        + "; a plugin's objects live in the default schema");
                return;
            }
        }
        if (!normalise(unqualified).startsWith(prefix)) {
            problems.add(statement + ": " + name + " must be named " + prefix + "…, "
                    + "a plugin may only create and change its own objects");
        }
    }

    private static int dotOutsideQuotes(String name) {
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String normalise(String identifier) {
        return identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() > 1
                ? identifier.substring(1, identifier.length() - 1) : identifier.toLowerCase(Locale.ROOT);
    }

    private static String squeeze(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * The script with comments removed and the contents of single-quoted literals emptied, so words inside them are
     * not taken for statements. Dollar-quoted bodies (functions) stay, and are checked like the rest.
     */
    static String withoutCommentsAndStrings(String script) {
        StringBuilder out = new StringBuilder(script.length());
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (script.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (script.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (i < n && depth > 0);
                out.append(' ');
            } else if (c == '\'') {
                boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e');
                i++;
                while (i < n) {
                    char d = script.charAt(i);
                    if (backslashEscapes && d == '\\') {
                        i += 2;
                    } else if (d == '\'' && i + 1 < n && script.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        i++;
                    }
                }
                i++;
                out.append("''");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
