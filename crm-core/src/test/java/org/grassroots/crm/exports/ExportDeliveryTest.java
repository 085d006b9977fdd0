package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.dhatim.fastexcel.reader.CellType;
import org.grassroots.crm.exports.internal.ExportExpirySweep;
import org.grassroots.crm.exports.internal.ExportFiles;
import org.grassroots.crm.exports.internal.ExportsProperties;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Producing export files through the real job runner into the real (test) exports folder: what is on disk, what a
 * download gives back, the approvals a file needs, cancelling, and the expiry sweep.
 */
@SpringBootTest
class ExportDeliveryTest {

    static final String KEY = "correct horse battery staple 2025";

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportApprovalService approvals;
    @Autowired
    ExportDeliveryService delivery;
    @Autowired
    ExportLinkService links;
    @Autowired
    JobService jobs;
    @Autowired
    ExportFiles files;
    @Autowired
    ExportExpirySweep sweep;
    @Autowired
    ExportsProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliverySteps steps;

    ExportFixtures fixtures;
    long partner;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        DeliverySteps.asAlice();
        partner = partners.create(new PartnerDraft(unique("Delivery Partner"), null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theProducedFileIsEncryptedOnDiskAndDownloadsAsTheExportsRows() throws IOException {
        long ada = consenting("Ada", "Lovelace");
        String phone = ExportFixtures.uniquePhone();
        fixtures.phone(ada, phone);
        long bea = consenting("Bea", "Brown");
        ExportDefinition approved = steps.approved(partner, "csv", ExportField.FIRST_NAME, ExportField.EMAIL,
                ExportField.PHONE);
        for (Role onlyReads : List.of(Role.FUNDRAISER, Role.ANALYST)) {
            signInAs("someone", onlyReads);
            assertThatThrownBy(() -> delivery.produce(approved.id(), null)).as(onlyReads.name())
                    .isInstanceOf(AccessDeniedException.class);
        }

        ExportDefinition ready = steps.ready(approved, null);

        assertThat(ready.status()).isEqualTo(ExportStatus.READY);
        assertThat(ready.rowCount()).isEqualTo(2);
        ExportProductionRun run = delivery.productions(ready.id()).getFirst();
        assertThat(run.outcome()).isEqualTo(ProductionOutcome.READY);
        assertThat(run.requestedBy()).isEqualTo("alice");
        byte[] onDisk = Files.readAllBytes(stored(ready.id(), run.id()));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("Ada", "Bea",
                fixtures.emailOf(ada), phone.substring(1), "first_name");

        String csv = new String(steps.download(steps.link(ready.id()).token()), StandardCharsets.UTF_8);

        assertThat(ExportFixtures.parse(csv)).containsExactly(List.of("first_name", "email", "phone"),
                List.of("Ada", fixtures.emailOf(ada), "'" + phone), List.of("Bea", fixtures.emailOf(bea), ""));
        assertThat(run.contentBytes()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        assertThat(auditRows("EXPORT_READY", ready.id())).singleElement()
                .satisfies(event -> assertThat(event).startsWith("alice|").contains("\"rows\": 2"));
        assertThat(steps.jobState(run.jobId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void anXlsxFileKeepsPhoneNumbersAndFormulaLikeValuesAsPlainText() throws IOException {
        long person = consenting("=HYPERLINK(\"http://evil.example\",\"x\")", "Formula");
        String phone = ExportFixtures.uniquePhone();
        fixtures.phone(person, phone);
        fixtures.setText(person, "city", "-2+3");
        ExportDefinition ready = steps.ready(steps.approved(partner, "xlsx", ExportField.FIRST_NAME,
                ExportField.PHONE, ExportField.CITY, ExportField.STATE), null);

        byte[] xlsx = steps.download(steps.link(ready.id()).token());

        assertThat(XlsxFile.read(xlsx)).singleElement().satisfies(sheet -> {
            assertThat(sheet.texts()).containsExactly(List.of("First name", "Phone", "City", "State"),
                    List.of("=HYPERLINK(\"http://evil.example\",\"x\")", phone, "-2+3", "IA"));
            assertThat(sheet.rows().get(1)).allSatisfy(cell -> {
                assertThat(cell.type()).isEqualTo(CellType.STRING);
                assertThat(cell.format()).isEqualTo("@");
            });
        });
        try (ExportDownload download = links.download(steps.link(ready.id()).token(), null)) {
            assertThat(download.fileName()).matches("export-" + ready.id() + "-delivery-[a-z0-9]+\\.xlsx");
            assertThat(download.mediaType()).isEqualTo(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    }

    @Test
    void theMatchKeyReachesTheJobOnlySealedAndIsWipedWhenTheJobEnds() throws Exception {
        long person = consenting("Hash", "Me");
        String phone = ExportFixtures.uniquePhone();
        fixtures.phone(person, phone);
        ExportDefinition approved = steps.approved(partner, "hashed-match", ExportField.EMAIL, ExportField.PHONE);
        assertInvalid(() -> steps.produce(approved.id(), null), "key", "at least 16 characters");

        long job;
        Connection lock = steps.lockConsents();
        try {
            job = steps.produce(approved.id(), KEY);
            steps.awaitBlockedOnConsents();
            byte[] sealed = jdbc.sql("SELECT sealed_match_key FROM export_production WHERE job_id = :job")
                    .param("job", job).query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("horse");
            assertThat(jdbc.sql("SELECT parameters::text FROM job WHERE id = :id").param("id", job)
                    .query(String.class).single()).doesNotContain("horse").contains("productionId");
        } finally {
            DeliverySteps.release(lock);
        }
        assertThat(steps.awaitJob(job)).isEqualTo("SUCCEEDED");

        assertThat(jdbc.sql("SELECT count(*) FROM export_production WHERE job_id = :job AND sealed_match_key IS NULL")
                .param("job", job).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE details::text LIKE '%horse%'").query(Long.class)
                .single()).isZero();
        MatchKey key = MatchKey.of(KEY);
        assertThat(ExportFixtures.parse(new String(steps.download(steps.link(approved.id()).token()),
                StandardCharsets.US_ASCII))).containsExactly(List.of("email_hmac", "phone_hmac"),
                List.of(key.hashEmail(fixtures.emailOf(person)), key.hashPhone(phone)));
    }

    @Test
    void anExportOverTheThresholdHasNoFileUntilASecondAdministratorApproves() throws IOException {
        fixtures.consentingCrowd(partner, 1001);
        ExportDefinition requested = steps.requested(partner, "csv", ExportField.LAST_NAME);
        signInAs("bob", Role.ADMIN);
        approvals.approve(requested.id());

        assertThatThrownBy(() -> steps.produce(requested.id(), null))
                .isInstanceOf(IllegalExportTransitionException.class).hasMessageContaining("waiting for approval");
        assertInvalid(() -> links.create(requested.id(), null), "definitionId", "no file to download");
        assertThat(delivery.productions(requested.id())).isEmpty();
        assertThat(files.list()).noneMatch(file -> file.definitionId() == requested.id());

        signInAs("carol", Role.ADMIN);
        approvals.approve(requested.id());
        ExportDefinition ready = steps.ready(definitions.find(requested.id()).orElseThrow(), null);
        assertThat(ExportFixtures.parse(new String(steps.download(steps.link(ready.id()).token()),
                StandardCharsets.UTF_8))).hasSize(1 + 1001);
    }

    @Test
    void aFileLargerThanItsApprovalsCoverIsDeletedAndTheExportWaitsAgain() {
        consenting("Small", "Start");
        ExportDefinition approved = steps.approved(partner, "csv", ExportField.LAST_NAME);
        fixtures.consentingCrowd(partner, 1000);

        long job = steps.produce(approved.id(), null);

        assertThat(steps.awaitJob(job)).isEqualTo("FAILED");
        assertThat(steps.jobError(job)).contains("1,001 people", "waits for approval again", "file was deleted");
        assertThat(definitions.find(approved.id()).orElseThrow().status()).isEqualTo(ExportStatus.PENDING_APPROVAL);
        assertThat(delivery.productions(approved.id())).singleElement().extracting(ExportProductionRun::outcome)
                .isEqualTo(ProductionOutcome.RETURNED_FOR_APPROVAL);
        assertThat(files.exists(approved.id(), delivery.productions(approved.id()).getFirst().id())).isFalse();
        assertThat(auditRows("EXPORT_RETURNED_FOR_APPROVAL", approved.id())).singleElement()
                .satisfies(event -> assertThat(event).startsWith("alice|"));
    }

    @Test
    void aCancelledProductionLeavesNoFileAndTheExportApproved() throws Exception {
        consenting("Cancel", "Me");
        ExportDefinition approved = steps.approved(partner, "csv", ExportField.EMAIL);
        long job;
        Connection lock = steps.lockConsents();
        try {
            job = steps.produce(approved.id(), null);
            steps.awaitBlockedOnConsents();
            assertInvalid(() -> steps.produce(approved.id(), null), "definitionId", "by job #" + job);
            jobs.cancel(job);
        } finally {
            DeliverySteps.release(lock);
        }

        assertThat(steps.awaitJob(job)).isEqualTo("CANCELLED");
        assertThat(definitions.find(approved.id()).orElseThrow().status()).isEqualTo(ExportStatus.APPROVED);
        ExportProductionRun run = delivery.productions(approved.id()).getFirst();
        assertThat(run.outcome()).isEqualTo(ProductionOutcome.CANCELLED);
        assertThat(files.list()).noneMatch(file -> file.definitionId() == approved.id());
        assertThat(auditRows("EXPORT_READY", approved.id())).isEmpty();
        // and it can be produced again
        assertThat(steps.ready(approved, null).status()).isEqualTo(ExportStatus.READY);
    }

    @Test
    void theSweepExpiresDueExportsDeletesTheirFilesAndEveryFileNobodyOwns() throws IOException {
        consenting("Sweep", "Me");
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL), null);
        String token = steps.link(ready.id()).token();
        ExportProductionRun run = delivery.productions(ready.id()).getFirst();
        jdbc.sql("UPDATE export_definition SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", ready.id()).update();
        assertThatThrownBy(() -> steps.download(token))
                .isInstanceOf(ExportDownloadRefusedException.ExportExpired.class).hasMessageContaining("expired on");
        Path stray = properties.dir().resolve(ExportFiles.name(ready.id() + 1_000_000, 99) + ".part");
        Files.write(stray, new byte[] {1, 2, 3});
        ExportDefinition abandoned = steps.approved(partner, "csv", ExportField.EMAIL);
        jdbc.sql("""
                INSERT INTO export_production (definition_id, requested_by, requested_at, sealed_match_key)
                VALUES (:id, 'alice', now(), '\\x0102')""").param("id", abandoned.id()).update();

        SecurityContextHolder.clearContext(); // as the scheduled job runs it
        ExportExpirySweep.Result result = sweep.sweep();
        DeliverySteps.asAlice();

        assertThat(result.expired()).isGreaterThanOrEqualTo(1);
        assertThat(result.filesDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(result.abandonedProductions()).isGreaterThanOrEqualTo(1);
        assertThat(definitions.find(ready.id()).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
        assertThat(Files.exists(stored(ready.id(), run.id()))).isFalse();
        assertThat(Files.exists(stray)).isFalse();
        assertThat(delivery.productions(ready.id()).getFirst().fileDeletedAt()).isNotNull();
        assertThat(delivery.productions(abandoned.id())).singleElement().satisfies(gone -> {
            assertThat(gone.outcome()).isEqualTo(ProductionOutcome.FAILED);
            assertThat(jdbc.sql("SELECT sealed_match_key IS NULL FROM export_production WHERE id = :id")
                    .param("id", gone.id()).query(Boolean.class).single()).isTrue();
        });
        assertThatThrownBy(() -> steps.download(token))
                .isInstanceOf(ExportDownloadRefusedException.ExportExpired.class).hasMessageContaining("expired on");
        assertThat(auditRows("EXPORT_EXPIRED", ready.id())).singleElement()
                .satisfies(event -> assertThat(event).startsWith("system|").contains("its time ran out"));
        assertThat(sweep.sweep().expired()).isZero();
    }

    private long consenting(String firstName, String lastName) {
        long person = fixtures.person(firstName, lastName);
        consents.grant(person, partner, ExportRowsTest.manual());
        return person;
    }

    private Path stored(long definitionId, long productionId) {
        return properties.dir().resolve(ExportFiles.name(definitionId, productionId));
    }

    private List<String> auditRows(String action, long definitionId) {
        return fixtures.auditEvents(action, "export", definitionId);
    }
}
