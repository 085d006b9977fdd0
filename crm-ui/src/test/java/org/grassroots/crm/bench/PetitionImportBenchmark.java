package org.grassroots.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.grassroots.crm.jobs.JobLogLine;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.jobs.JobAwait;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.petitions.ImportSetup;
import org.grassroots.crm.petitions.ImportUpload;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionImportService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.SignatureFileReader;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's target: a generated petition CSV of {@code crm.bench.signatures} rows (1.2M by default; 30% of the
 * e-mails already belong to one of {@code crm.bench.supporters} supporters, 2% repeat an earlier row in other case,
 * 1% are broken) imported end to end through the real plugin jar, the wizard's service and the background job, in a
 * JVM capped at 512 MB of heap. Baseline, measured in the same run: a bare {@code COPY … FROM STDIN} of the same file
 * into an unindexed table, which is what {@code psql \copy} does. Run with
 * {@code ./mvnw -Pbench verify -pl crm-ui -am -Dtest=PetitionImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class PetitionImportBenchmark {

    private static final Path PLUGIN_JAR = Path.of("../plugins/petition-import/target/petition-import-1.0.0.jar");
    private static final String[] FIRST = {"Noah", "Aisha", "Wei", "Chloé", "Carlos", "Grace", "Malik", "Zoë"};
    private static final String[] LAST = {"Rodriguez", "Johnson", "Patel", "Nguyen", "Hernández", "Kim", "Ali"};
    private static final String[] ZIPS = {"78701", "03301-2486", "30303", "10027", "48201", "94110", "50309", "89101",
        "29201", "19104"};
    private static final String[] OPT_IN = {"Y", "yes", "no", "0", "1", ""};

    @Autowired PluginAdminService plugins;
    @Autowired PetitionService petitions;
    @Autowired PetitionImportService importer;
    @Autowired ImportBatchService batches;
    @Autowired JobService jobs;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void importsAMillionSignaturesEndToEnd() throws Exception {
        int supporters = Integer.getInteger("crm.bench.supporters", 1_200_000);
        int signatures = Integer.getInteger("crm.bench.signatures", 1_200_000);
        List<String> table = new ArrayList<>();
        TestSecurity.signInAs("admin", Role.ADMIN);
        plugins.install(PLUGIN_JAR.getFileName().toString(), Files.newInputStream(PLUGIN_JAR));

        long seedStart = System.nanoTime();
        long firstId = seed(supporters);
        table.add(row("seed " + String.format("%,d", supporters) + " supporters (SQL, setup)", seedStart, ""));
        Path file = Path.of("target/bench-petition.csv");
        long fileStart = System.nanoTime();
        write(file, signatures, firstId, supporters);
        table.add(row("generate " + String.format("%,d", signatures) + "-row CSV ("
                + Files.size(file) / (1024 * 1024) + " MB, setup)", fileStart, ""));

        long baseline = Math.min(bareCopy(file), bareCopy(file));
        table.add(String.format(Locale.ROOT, "| bare COPY FROM STDIN into an unindexed table (baseline, best of 2) | %.1f s | | 1.00 |",
                baseline / 1e9));

        long petitionId = petitions.create(new PetitionDraft("Benchmark petition " + System.nanoTime(), null, null,
                null, null)).id();
        SignatureFileReader reader = importer.readers().getFirst();
        HeapSampler heap = new HeapSampler();
        long uploadStart = System.nanoTime();
        ImportUpload upload;
        try (InputStream in = Files.newInputStream(file)) {
            upload = importer.upload(file.getFileName().toString(), in);
        }
        long uploaded = System.nanoTime() - uploadStart;
        FilePreview preview = importer.preview(upload, reader, CsvOptions.DETECT);
        ImportSetup dry = new ImportSetup(petitionId, upload, reader, CsvOptions.DETECT, preview.headers(),
                preview.suggested(), "Benchmark", OptInPolicy.FROM_COLUMN, false, true);
        long dryRun = timedJob(dry);
        ImportSetup real = new ImportSetup(petitionId, upload, reader, CsvOptions.DETECT, preview.headers(),
                preview.suggested(), "Benchmark", OptInPolicy.FROM_COLUMN, false, false);
        long jobStart = System.nanoTime();
        long jobId = importer.start(real);
        JobSummary job = JobAwait.ended(jobs, jobId, Duration.ofMinutes(15));
        long imported = System.nanoTime() - jobStart + uploaded;
        heap.stop();
        ImportBatch batch = batches.ofJob(jobId).orElseThrow();

        table.add(String.format(Locale.ROOT, "| dry run (whole file checked and counted, nothing kept) | %.1f s | | %.2f |",
                dryRun / 1e9, (double) dryRun / baseline));
        table.add(String.format(Locale.ROOT, "| **import end to end** (upload copy + parse + COPY + merge) | **%.1f s** | < 60 s, ≤ 4× baseline | **%.2f** |",
                imported / 1e9, (double) imported / baseline));
        table.add(String.format(Locale.ROOT, "| peak heap used while importing (JVM capped at -Xmx%d MB) | %d MB | < 512 MB | |",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), heap.peak() / (1024 * 1024)));
        table.add("| counts | " + batch.counts() + " | | |");
        print(table, job, jobs.log(jobId));

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(batch.counts().rowsRead()).isEqualTo(signatures);
        assertThat(batch.counts().rejected()).isGreaterThan(0);
        assertThat(batch.counts().duplicatesInFile()).isGreaterThan(0);
    }

    private long timedJob(ImportSetup setup) throws InterruptedException {
        long start = System.nanoTime();
        JobSummary job = JobAwait.ended(jobs, importer.start(setup), Duration.ofMinutes(15));
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.SUCCEEDED);
        return System.nanoTime() - start;
    }


    /** Supporters with one primary address each (bench&lt;id&gt;@supporters.example.org); 5% unsubscribed. */
    private long seed(int count) {
        jdbc.sql("""
                WITH p AS (
                    INSERT INTO person (first_name, last_name, zip, state, source)
                    SELECT 'Seed', 'Supporter ' || g, '50309', 'IA', 'bench' FROM generate_series(1, :n) g
                    RETURNING id)
                INSERT INTO person_email (person_id, email, is_primary, status)
                SELECT id, 'bench' || id || '@supporters.example.org', TRUE,
                       CASE WHEN id % 20 = 0 THEN 'UNSUBSCRIBED' ELSE 'SUBSCRIBED' END FROM p""")
                .param("n", count).update();
        jdbc.sql("ANALYZE").update();
        return jdbc.sql("SELECT min(id) FROM person WHERE source = 'bench'").query(Long.class).single();
    }

    private static void write(Path file, int rows, long firstId, int supporters) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<String> emails = new ArrayList<>(rows);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Email,ZIP,State,Comment,Signed At,Opt-in\n");
            for (int i = 0; i < rows; i++) {
                String email;
                String date = "2022-11-" + (10 + i % 20) + " " + (10 + i % 12) + ":0" + i % 10 + ":00";
                String zip = ZIPS[i % ZIPS.length];
                int kind = random.nextInt(100);
                if (kind < 1) {
                    switch (i % 3) {
                        case 0 -> email = "not-an-email-" + i;
                        case 1 -> { email = "badzip" + i + "@petition.example.org"; zip = "ABCDE"; }
                        default -> { email = "baddate" + i + "@petition.example.org"; date = "yesterday"; }
                    }
                } else if (kind < 3 && !emails.isEmpty()) {
                    email = emails.get(random.nextInt(emails.size())).toUpperCase(Locale.ROOT);
                } else if (kind < 33) {
                    email = "bench" + (firstId + (long) random.nextInt(supporters)) + "@supporters.example.org";
                } else {
                    email = "signer" + i + "@petition.example.org";
                }
                emails.add(email);
                String comment = i % 7 == 0 ? "\"We need a bold progressive, now.\"" : i % 11 == 0 ? "\"He said \"\"no\"\"\"" : "";
                out.write(FIRST[i % FIRST.length] + "," + LAST[i % LAST.length] + "," + email + "," + zip + ","
                        + (i % 3 == 0 ? "" : "tx") + "," + comment + "," + date + "," + OPT_IN[i % OPT_IN.length]
                        + "\n");
            }
        }
    }

    private long bareCopy(Path file) throws Exception {
        jdbc.sql("DROP TABLE IF EXISTS bench_copy_baseline").update();
        jdbc.sql("""
                CREATE TABLE bench_copy_baseline (first_name TEXT, last_name TEXT, email TEXT, zip TEXT, state TEXT,
                    comment TEXT, signed_at TEXT, opt_in TEXT)""").update();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Reader reader = Files.newBufferedReader(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_copy_baseline FROM STDIN (FORMAT csv, HEADER true)", reader);
        }
        long took = System.nanoTime() - start;
        jdbc.sql("DROP TABLE bench_copy_baseline").update();
        return took;
    }

    private static String row(String what, long start, String target) {
        return String.format(Locale.ROOT, "| %s | %.1f s | %s | |", what, (System.nanoTime() - start) / 1e9, target);
    }

    private static void print(List<String> table, JobSummary job, List<JobLogLine> log) throws Exception {
        List<String> lines = new ArrayList<>(List.of("", "### Petition import (" + Runtime.getRuntime()
                .availableProcessors() + " cores)", "", "| operation | time | target | × baseline |",
                "|---|---|---|---|"));
        lines.addAll(table);
        lines.add("");
        lines.add("Job #" + job.id() + " " + job.state() + "; counters: " + job.counts());
        lines.add("");
        log.forEach(line -> lines.add("    " + line.loggedAt() + "  " + line.line()));
        String text = String.join("\n", lines);
        System.out.println(text);
        String report = System.getProperty("crm.bench.report");
        if (report != null) {
            Files.writeString(Path.of(report), text + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
