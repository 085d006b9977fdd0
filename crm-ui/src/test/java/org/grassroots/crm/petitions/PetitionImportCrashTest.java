package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.grassroots.crm.jobs.JobLogLine;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.jobs.JobAwait;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills the application in the middle of an import and starts it again: a second instance of the real application
 * (a child JVM on this test's database) picks the import job up and is killed with SIGKILL once it is merging; this
 * test's own instance then plays the restarted application. The database must hold nothing of the import and the
 * job must end failed, saying why.
 */
@SpringBootTest
class PetitionImportCrashTest extends SpringBrowserlessTest {

    private static final int ROWS = 400_000;

    @Autowired PluginAdminService plugins;
    @Autowired PetitionService petitions;
    @Autowired PetitionImportService importer;
    @Autowired ImportBatchService batches;
    @Autowired JobService jobs;
    /** This instance's job runner, stopped while the second instance runs the import and started again after. */
    @Autowired @Qualifier("jobScheduler") Lifecycle scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;

    @Test
    void aKillDuringTheMergeLeavesNoHalfBatchAndTheJobFailsOnRestart() throws Exception {
        TestSecurity.signInAs("admin", Role.ADMIN);
        if (plugins.find("petition-import").isEmpty()) {
            plugins.install("petition-import-1.0.0.jar", Files.newInputStream(PetitionImportJobTest.PLUGIN_JAR));
        }
        String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        long petitionId = petitions.create(new PetitionDraft("Crash test " + domain, null, null, null, null)).id();
        Path file = generate(domain);
        scheduler.stop();
        Process doomed = null;
        long jobId;
        try {
            ImportUpload upload;
            try (InputStream in = Files.newInputStream(file)) {
                upload = importer.upload("crash.csv", in);
            }
            SignatureFileReader reader = importer.readers().stream()
                    .filter(r -> r.pluginId().equals("petition-import")).findFirst().orElseThrow();
            FilePreview preview = importer.preview(upload, reader, CsvOptions.DETECT);
            jobId = importer.start(new ImportSetup(petitionId, upload, reader, CsvOptions.DETECT, preview.headers(),
                    preview.suggested(), "Crash test", OptInPolicy.ALL_OPTED_IN, false, false));

            doomed = startSecondInstance();
            awaitMerging(jobId, doomed);
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (doomed != null && doomed.isAlive()) {
                doomed.destroyForcibly();
            }
            scheduler.start();
        }

        JobSummary job = JobAwait.ended(jobs, jobId, Duration.ofMinutes(2));
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo("Attempt 1 stopped with instance doomed:1 before it finished");
        assertThat(batches.ofJob(jobId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM signature WHERE petition_id = ?").param(petitionId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM person_email WHERE email LIKE ?").param("%@" + domain)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'")
                .query(Long.class).single()).as("no transaction of the killed instance is left open").isZero();
    }

    private Process startSecondInstance() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dcrm.secrets.key-file=" + System.getProperty("crm.secrets.key-file", "target/test-secrets/secrets.key"),
                "org.grassroots.crm.Application", "--server.port=0", "--crm.jobs.node-name=doomed:1",
                "--crm.jobs.heartbeat-interval=1s", "--crm.jobs.polling-interval=200ms", "--crm.plugins.bundled=",
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/crash-test-instance.log").toFile());
        builder.environment().put("CRM_DB_URL", environment.getRequiredProperty("spring.datasource.url"));
        builder.environment().put("CRM_DB_USER", environment.getProperty("spring.datasource.username", "postgres"));
        return builder.start();
    }

    /** Waits until the second instance has read the whole file and is merging it. */
    private void awaitMerging(long jobId, Process doomed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(doomed.isAlive()).as("the second instance started (see target/crash-test-instance.log)")
                    .isTrue();
            JobSummary job = jobs.find(jobId).orElseThrow();
            assertThat(job.state()).as("the import must still be running when the instance is killed")
                    .isIn(JobState.QUEUED, JobState.RUNNING);
            if (jobs.log(jobId).stream().map(JobLogLine::line).anyMatch(l -> l.contains("checking them against"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second instance never started merging");
    }


    private static Path generate(String domain) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "crash", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Email,First Name,Last Name,ZIP\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("signer" + i + "@" + domain + ",Sam,Signer" + i + ",50309\n");
            }
        }
        return file;
    }

}
