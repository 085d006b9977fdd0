package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.grassroots.crm.common.InvalidInputException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole import path with the real plugin jar the build made: upload, preview, dry run and import as background
 * jobs, on the shared sample file and on files that must be refused. (Browserless only to share the Spring context
 * of the other crm-ui tests.)
 */
@SpringBootTest
class PetitionImportJobTest extends SpringBrowserlessTest {

    static final Path PLUGIN_JAR = Path.of("../plugins/petition-import/target/petition-import-1.0.0.jar");

    @Autowired PluginAdminService plugins;
    @Autowired PetitionService petitions;
    @Autowired PetitionImportService importer;
    @Autowired ImportBatchService batches;
    @Autowired JobService jobs;
    @Autowired JdbcClient jdbc;

    long petitionId;
    String domain;

    @BeforeEach
    void installPluginAndCreatePetition() throws Exception {
        TestSecurity.signInAs("admin", Role.ADMIN);
        if (plugins.find("petition-import").isEmpty()) {
            plugins.install(PLUGIN_JAR.getFileName().toString(), Files.newInputStream(PLUGIN_JAR));
        }
        TestSecurity.signInAs("organizer", Role.ORGANIZER);
        petitionId = petitions.create(new PetitionDraft("Don't run, Joe " + UUID.randomUUID(), null, null, null,
                null)).id();
        domain = UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    }

    @AfterEach
    void uninstall() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        plugins.find("petition-import").ifPresent(plugin -> plugins.uninstall(plugin.id()));
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSampleFileImportsWithTheExpectedCountsAndAgainChangesNothing() throws Exception {
        byte[] sample = sample();
        ImportUpload upload = importer.upload("petition-sample.csv", new ByteArrayInputStream(sample));
        FilePreview preview = importer.preview(upload, reader(), CsvOptions.DETECT);
        assertThat(preview.headers()).containsExactly("First Name", "Last Name", "Email", "ZIP", "State", "Comment",
                "Signed At", "Opt-in");

        ImportCounts dryRun = finished(setup(upload, preview, true));
        assertThat(dryRun).isEqualTo(new ImportCounts(306, 300, 0, 300, 0, 1, 5, 146, 0, 0));
        assertThat(peopleOfTheFile()).isZero();

        ImportBatch imported = batchOf(importer.start(setup(upload, preview, false)));
        assertThat(imported.counts()).isEqualTo(dryRun);
        assertThat(peopleOfTheFile()).isEqualTo(300);
        assertThat(jdbc.sql("""
                SELECT s.comment FROM signature s JOIN person_email pe ON pe.person_id = s.person_id
                WHERE pe.email = :email AND s.petition_id = :petition""")
                .param("email", "darnell.johnson445@" + domain).param("petition", petitionId)
                .query(String.class).single()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(jdbc.sql("SELECT state FROM person p JOIN person_email pe ON pe.person_id = p.id "
                + "WHERE pe.email = :email").param("email", "darnell.johnson445@" + domain).query(String.class)
                .single()).as("derived from ZIP 03301").isEqualTo("NH");
        ByteArrayOutputStream rejected = new ByteArrayOutputStream();
        batches.writeRejectedRows(imported.id(), rejected);
        assertThat(rejected.toString(StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", 2)[0]))
                .containsExactly("338", "339", "340", "341", "342", "343");
        assertThat(rejected.toString(StandardCharsets.UTF_8)).contains("338,Duplicate of line 2")
                .contains("339,E-mail is missing").contains("343,Signed at 'yesterday' is not a date");

        ImportUpload again = importer.upload("petition-sample.csv", new ByteArrayInputStream(sample));
        ImportBatch second = batchOf(importer.start(setup(again, preview, false)));
        assertThat(second.counts()).isEqualTo(new ImportCounts(306, 0, 300, 0, 300, 1, 5, 0, 0, 0));
        assertThat(peopleOfTheFile()).isEqualTo(300);
    }

    @Test
    void aWindows1252FileWithSemicolonsIsDetectedAndItsAccentsKept() throws Exception {
        String text = "First Name;Last Name;Email;ZIP\nChloé;Müller;chloe@" + domain + ";50309\n";
        ImportUpload upload = importer.upload("latin.csv",
                new ByteArrayInputStream(text.getBytes(Charset.forName("windows-1252"))));
        FilePreview preview = importer.preview(upload, reader(), CsvOptions.DETECT);
        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.charset().name()).isEqualTo("windows-1252");

        ImportBatch batch = batchOf(importer.start(setup(upload, preview, false)));

        assertThat(batch.counts().newSignatures()).isOne();
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name FROM person p JOIN person_email pe "
                + "ON pe.person_id = p.id WHERE pe.email = :email").param("email", "chloe@" + domain)
                .query(String.class).single()).isEqualTo("Chloé Müller");
    }

    @Test
    void anEmptyFileIsRefusedAtUpload() {
        assertThatThrownBy(() -> importer.upload("empty.csv", InputStream.nullInputStream()))
                .isInstanceOf(InvalidInputException.class).hasMessage("empty.csv is empty.");
    }

    @Test
    void aBinaryFileAndAHugeSingleLineAreRefusedAtPreview() {
        byte[] png = new byte[4096];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        ImportUpload binary = importer.upload("photo.csv", new ByteArrayInputStream(png));
        assertThatThrownBy(() -> importer.preview(binary, reader(), CsvOptions.DETECT))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("photo.csv: This is not a text file");

        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        InputStream fiftyMegabytes = new SequenceInputStream(java.util.Collections.enumeration(
                java.util.Collections.nCopies(50, chunk).stream().map(ByteArrayInputStream::new).toList()));
        ImportUpload huge = importer.upload("one-line.csv", fiftyMegabytes);
        assertThat(huge.size()).isEqualTo(50L * 1024 * 1024);
        assertThatThrownBy(() -> importer.preview(huge, reader(), CsvOptions.DETECT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 1 is longer than");
        TestSecurity.signInAs("admin", Role.ADMIN);
        assertThat(plugins.find("petition-import").orElseThrow().status().name()).as("a refused file is no plugin fault")
                .isEqualTo("STARTED");
    }

    @Test
    void aHeaderOnlyFileAndARaggedFileFailTheirJobWithAClearMessageAndWriteNothing() throws Exception {
        ImportUpload headerOnly = importer.upload("header.csv",
                new ByteArrayInputStream("Email,First Name\n".getBytes(StandardCharsets.UTF_8)));
        FilePreview preview = importer.preview(headerOnly, reader(), CsvOptions.DETECT);
        JobSummary failed = JobAwait.ended(jobs, importer.start(setup(headerOnly, preview, false)),
                Duration.ofSeconds(60));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("header row but no signatures");
        assertThat(batches.ofJob(failed.id())).isEmpty();

        String ragged = "Email,First Name,ZIP\na@" + domain + ",Ann,50309\nb@" + domain + ",Ben\nc@" + domain
                + ",Cy,30303,extra\n";
        ImportUpload raggedUpload = importer.upload("ragged.csv",
                new ByteArrayInputStream(ragged.getBytes(StandardCharsets.UTF_8)));
        FilePreview raggedPreview = importer.preview(raggedUpload, reader(), CsvOptions.DETECT);
        JobSummary raggedJob = JobAwait.ended(jobs, importer.start(setup(raggedUpload, raggedPreview, false)),
                Duration.ofSeconds(60));
        assertThat(raggedJob.state()).isEqualTo(JobState.FAILED);
        assertThat(raggedJob.error()).contains("Line 3 has 2 columns but the header has 3");
        assertThat(batches.ofJob(raggedJob.id())).isEmpty();
        assertThat(peopleOfTheFile()).as("not even the good first row").isZero();
    }

    private ImportSetup setup(ImportUpload upload, FilePreview preview, boolean dryRun) {
        return new ImportSetup(petitionId, upload, reader(), new CsvOptions(preview.charset(), preview.delimiter()),
                preview.headers(), preview.suggested(), "Sample form", OptInPolicy.FROM_COLUMN, false, dryRun);
    }

    private SignatureFileReader reader() {
        return importer.readers().stream().filter(r -> r.pluginId().equals("petition-import")).findFirst()
                .orElseThrow();
    }

    private ImportCounts finished(ImportSetup setup) throws InterruptedException {
        return batchOf(importer.start(setup)).counts();
    }

    private ImportBatch batchOf(long jobId) throws InterruptedException {
        JobSummary job = JobAwait.ended(jobs, jobId, Duration.ofSeconds(60));
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.SUCCEEDED);
        return batches.ofJob(jobId).orElseThrow();
    }


    private long peopleOfTheFile() {
        return jdbc.sql("SELECT count(*) FROM person_email WHERE email LIKE :domain")
                .param("domain", "%@" + domain).query(Long.class).single();
    }

    /** The shared sample with its addresses moved to this test's own domain, so tests sharing the database agree. */
    private byte[] sample() throws Exception {
        String text = new String(getClass().getResourceAsStream("/petition-sample.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        return text.replace("@example.org", "@" + domain).replace("@EXAMPLE.ORG", "@" + domain.toUpperCase())
                .getBytes(StandardCharsets.UTF_8);
    }

}
