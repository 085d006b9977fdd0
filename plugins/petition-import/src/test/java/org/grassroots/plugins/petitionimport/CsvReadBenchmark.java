package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/**
 * How fast {@link CsvPetitionSource#read} turns a 1.2M-row file (the sample's shape) into signatures, against a bare
 * FastCSV pass over the same file measured in the same run. Prints a table; never fails on time. Run with
 * {@code ./mvnw -Pbench verify -pl plugins/petition-import -am} (rows: {@code -Dcrm.bench.petition.rows=N}).
 */
class CsvReadBenchmark {

    private static final int RUNS = 3;
    private static final String[] FIRST = {"Noah", "Chloé", "Wei", "Aisha", "James", "Zoë", "Malik", "Grace"};
    private static final String[] LAST = {"Rodriguez", "Hernández", "Patel", "Nguyen", "Washington", "Kim", "Ali"};
    private static final String[] COMMENTS = {"", "We need a bold progressive.", "\"Line one\nline two\"",
            "\"He said \"\"no\"\"\"", "Time for new leadership."};
    private static final String[] OPT_IN = {"yes", "no", "Y", "1", "0", ""};

    @Test
    void readsAPetitionFileOfOnePointTwoMillionRows() throws IOException {
        int rows = Integer.getInteger("crm.bench.petition.rows", 1_200_000);
        Path file = Path.of("target/bench-petition-" + rows + ".csv");
        if (!Files.exists(file)) {
            write(file, rows);
        }
        long size = Files.size(file);
        CsvPetitionSource source = new CsvPetitionSource();
        FilePreview preview;
        try (InputStream in = Files.newInputStream(file)) {
            preview = source.preview(in, CsvOptions.DETECT, 5);
        }

        List<Long> bare = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int run = 0; run < RUNS + 1; run++) {
            long start = System.nanoTime();
            long records = 0;
            try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(Files.newInputStream(file))) {
                for (CsvRecord ignored : csv) {
                    records++;
                }
            }
            long bareNanos = System.nanoTime() - start;
            assertThat(records).isEqualTo(rows + 1L);

            CountingBatch batch = new CountingBatch();
            start = System.nanoTime();
            long read;
            try (InputStream in = Files.newInputStream(file)) {
                read = source.read(in, CsvOptions.DETECT, preview.suggested(), batch,
                        new RecordingJobContext(Map.of("fileSize", Long.toString(size))));
            }
            long oursNanos = System.nanoTime() - start;
            assertThat(read).isEqualTo(rows);
            assertThat(batch.added + batch.rejected).isEqualTo(rows);
            if (run > 0) {
                bare.add(bareNanos);
                ours.add(oursNanos);
            }
        }

        long bareMs = median(bare) / 1_000_000;
        long oursMs = median(ours) / 1_000_000;
        String table = """

                ### Petition CSV read, %,d rows, %,d MB (median of %d runs after a warm-up, %d cores, heap max %,d MB)

                | operation | ms | rows/s | × baseline |
                |---|---:|---:|---:|
                | FastCSV records only (baseline) | %d | %,d | 1.00 |
                | CsvPetitionSource.read into a no-op batch | %d | %,d | %.2f |
                """.formatted(rows, size / (1024 * 1024), RUNS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), bareMs, rows * 1000L / Math.max(1, bareMs),
                oursMs, rows * 1000L / Math.max(1, oursMs), (double) oursMs / Math.max(1, bareMs));
        System.out.println(table);
        String report = System.getProperty("crm.bench.report");
        if (report != null) {
            Files.writeString(Path.of(report), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Email,ZIP,State,Comment,Signed At,Opt-in\n");
            for (int i = 0; i < rows; i++) {
                out.write(FIRST[i % FIRST.length] + "," + LAST[i % LAST.length] + ",supporter" + i + "@example.org,"
                        + String.format("%05d", i % 99_999) + ",TX," + COMMENTS[i % COMMENTS.length]
                        + ",2022-11-" + (10 + i % 20) + " " + (10 + i % 12) + ":0" + (i % 10) + ":00,"
                        + OPT_IN[i % OPT_IN.length] + "\n");
            }
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** Core's batch stages through COPY; this one only counts, to time the plugin alone. */
    private static final class CountingBatch implements SignatureBatch {

        long added;
        long rejected;

        @Override
        public void add(ImportedSignature signature) {
            added++;
        }

        @Override
        public void reject(RejectedRow row) {
            rejected++;
        }

        @Override
        public ImportSummary finish() {
            throw new UnsupportedOperationException("the plugin never finishes a batch");
        }

        @Override
        public void close() {
        }
    }
}
