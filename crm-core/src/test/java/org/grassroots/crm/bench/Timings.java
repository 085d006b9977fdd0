package org.grassroots.crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Times operations the way the benchmarks report them: warm-up runs, then measured runs, p50/p95/max in
 * milliseconds, and each row's p50 as a multiple of a baseline measured in the same run. Prints a Markdown table and
 * appends it to the report file named by {@code crm.bench.report}.
 */
public final class Timings {

    public record Row(String name, double p50, double p95, double max, int runs, String target) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private Row baseline;

    public Timings(String title) {
        this.title = title;
    }

    /** Runs {@code operation(i)} {@code warmups} times unmeasured, then {@code runs} times measured. */
    public Row measure(String name, String target, int warmups, int runs, IntConsumer operation) {
        for (int i = 0; i < warmups; i++) {
            operation.accept(i);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            operation.accept(warmups + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Row row = new Row(name, percentile(millis, 50), percentile(millis, 95), millis[runs - 1], runs, target);
        rows.add(row);
        return row;
    }

    /** Like {@link #measure} and marks the row as the baseline the others are compared with. */
    public Row baseline(String name, int warmups, int runs, IntConsumer operation) {
        baseline = measure(name, "baseline", warmups, runs, operation);
        return baseline;
    }

    /** Records a single long operation (a load, an import) measured by the caller. */
    public Row once(String name, String target, double millis) {
        Row row = new Row(name, millis, millis, millis, 1, target);
        rows.add(row);
        return row;
    }

    public String table() {
        StringBuilder out = new StringBuilder("\n### " + title + "\n\n");
        out.append("| operation | runs | p50 ms | p95 ms | max ms | p50 × baseline | target |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            // a single long operation (a load) is not comparable with the per-request baseline
            String ratio = baseline == null || baseline.p50() == 0 || row.runs() == 1 ? ""
                    : format(row.p50() / baseline.p50());
            out.append("| ").append(row.name()).append(" | ").append(row.runs()).append(" | ")
                    .append(format(row.p50())).append(" | ").append(format(row.p95())).append(" | ")
                    .append(format(row.max())).append(" | ").append(ratio).append(" | ").append(row.target())
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Prints the table and appends it to the report file, if one is configured. */
    public void report() {
        publish(table());
    }

    /** Prints a table a benchmark built itself and appends it to the report file, if one is configured. */
    public static void publish(String table) {
        System.out.println(table);
        String file = System.getProperty("crm.bench.report");
        if (file != null) {
            try {
                Path path = Path.of(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
