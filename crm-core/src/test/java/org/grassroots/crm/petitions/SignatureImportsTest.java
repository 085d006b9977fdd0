package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.petitions.PetitionFixtures.unique;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The import sink against the real database: staging, the set-based merge, dry runs, re-imports and rollback. */
@SpringBootTest
class SignatureImportsTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Autowired
    SignatureImports imports;

    @Autowired
    ImportBatchService batches;

    @Autowired
    PetitionService petitions;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    JdbcClient jdbc;

    PetitionFixtures fixtures;
    long petitionId;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new PetitionFixtures(jdbc);
        signInAs("organizer", Role.ORGANIZER);
        petitionId = petitions.create(new PetitionDraft(unique("Import test"), null, null, null, null)).id();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void importsNewAndMatchedPeopleMergesDuplicatesAndReportsBadRows() throws Exception {
        long existing = existingPerson("known", "SUBSCRIBED");
        List<ImportedSignature> rows = List.of(
                row(2, email("new1"), "Noah", "Rodriguez", "78701-9779", null, FORMULA, true),
                row(3, email("known"), "Known", "Person", "03301", "nh", "hello", true),
                row(4, email("NEW1").toUpperCase(), "Dup", "Case", "50309", "IA", "duplicate", true),
                row(5, null, "No", "Email", "03301", "NH", "missing", true),
                row(6, "not-an-email", "Bad", "Email", "89101", "NV", "invalid", true),
                row(7, email("zip"), "Bad", "Zip", "ABCDE", null, "bad zip", true),
                row(8, email("state"), "Wrong", "State", "50309", "Narnia", "bad state", true));

        ImportSummary summary = run(rows, List.of(new RejectedRow(9, List.of("Bad", "Date", "yesterday"),
                "Signed at 'yesterday' is not a date")), OptInPolicy.FROM_COLUMN, false, false);

        assertThat(summary.rows()).isEqualTo(8);
        assertThat(summary.newPeople()).isEqualTo(1);
        assertThat(summary.matchedPeople()).isEqualTo(1);
        assertThat(summary.newSignatures()).isEqualTo(2);
        assertThat(summary.duplicatesInFile()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(5);
        Map<String, Object> created = jdbc.sql("""
                SELECT p.state, p.zip, p.import_batch_id, pe.status FROM person p
                JOIN person_email pe ON pe.person_id = p.id WHERE pe.email = :email""")
                .param("email", email("new1")).query().singleRow();
        assertThat(created).containsEntry("state", "TX").containsEntry("zip", "787019779")
                .containsEntry("import_batch_id", summary.batchId()).containsEntry("status", "SUBSCRIBED");
        assertThat(fixtures.count("SELECT count(*) FROM signature WHERE petition_id = ?", petitionId)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT comment FROM signature s JOIN person_email pe ON pe.person_id = s.person_id "
                + "WHERE pe.email = ? AND s.petition_id = ?").param(email("new1")).param(petitionId)
                .query(String.class).single()).isEqualTo(FORMULA);
        assertThat(fixtures.count("SELECT count(*) FROM signature WHERE person_id = ? AND petition_id = ?",
                existing, petitionId)).isEqualTo(1);

        String csv = rejectedCsv(summary.batchId());
        assertThat(csv).startsWith("\uFEFFLine,Problem,");
        assertThat(csv).contains("4,Duplicate of line 2 (the same e-mail); imported once")
                .contains("5,E-mail is missing").contains("6,E-mail 'not-an-email' is not an e-mail address")
                .contains("7,ZIP 'ABCDE' is not a 5-digit ZIP code or ZIP+4")
                .contains("8,State 'Narnia' is not a US state or state code")
                .contains("9,Signed at 'yesterday' is not a date,Bad,Date,yesterday");
        assertThat(fixtures.auditActions("import_batch", summary.batchId())).containsExactly("SIGNATURES_IMPORTED");
    }

    @Test
    void theRejectedRowsDownloadNeutralisesFormulas() throws Exception {
        ImportSummary summary = run(List.of(row(2, "bad-address", "=cmd", "+1", null, null, FORMULA, true)),
                List.of(new RejectedRow(3, List.of("@SUM(A1)", "-2", "\tx"), "Signed at '-2' is not a date")),
                OptInPolicy.FROM_COLUMN, false, false);

        String csv = rejectedCsv(summary.batchId());
        assertThat(csv).contains("'=cmd").contains("'+1").contains("'@SUM(A1)").contains("'-2")
                .doesNotContain(",=").doesNotContain(",+1").doesNotContain(",@");
    }

    @Test
    void reimportingTheSameRowsChangesNothing() {
        List<ImportedSignature> rows = List.of(row(2, email("a"), "Ann", "A", "30303", null, "first", true),
                row(3, email("b"), "Ben", "B", "10027", "NY", null, false));
        run(rows, List.of(), OptInPolicy.FROM_COLUMN, true, false);
        List<Map<String, Object>> before = snapshot();

        ImportSummary again = run(rows, List.of(), OptInPolicy.FROM_COLUMN, true, false);

        assertThat(again.newPeople()).isZero();
        assertThat(again.newSignatures()).isZero();
        assertThat(again.subscribed()).isZero();
        assertThat(again.matchedPeople()).isEqualTo(2);
        assertThat(again.alreadySigned()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void neverResubscribesAProtectedAddressButSubscribesOneThatNeverOptedIn() {
        long unsubscribed = existingPerson("gone", "UNSUBSCRIBED");
        long bouncing = existingPerson("bounce", "BOUNCING");
        long neverOptedIn = existingPerson("quiet", "NOT_SUBSCRIBED");

        ImportSummary summary = run(List.of(row(2, email("gone"), null, null, null, null, null, true),
                row(3, email("bounce"), null, null, null, null, null, true),
                row(4, email("quiet"), null, null, null, null, null, true)), List.of(),
                OptInPolicy.ALL_OPTED_IN, false, false);

        assertThat(summary.protectedKept()).isEqualTo(2);
        assertThat(summary.subscribed()).isEqualTo(1);
        assertThat(status(email("gone"))).isEqualTo("UNSUBSCRIBED");
        assertThat(status(email("bounce"))).isEqualTo("BOUNCING");
        assertThat(status(email("quiet"))).isEqualTo("SUBSCRIBED");
        assertThat(fixtures.count("SELECT count(*) FROM subscription_event WHERE person_id IN (?, ?)",
                unsubscribed, bouncing)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM subscription_event WHERE person_id = ? AND import_batch_id = ?",
                neverOptedIn, summary.batchId())).isEqualTo(1);
    }

    @Test
    void anErasedAddressIsNotAddedAgain() {
        signInAs("admin", Role.ADMIN);
        long erased = existingPerson("erased", "SUBSCRIBED");
        privacy.erase(erased);

        ImportSummary summary = run(List.of(row(2, email("erased"), "Back", "Again", null, null, null, true)),
                List.of(), OptInPolicy.ALL_OPTED_IN, false, false);

        assertThat(summary.newPeople()).isZero();
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM person_email WHERE email = ?", email("erased"))).isZero();
        assertThat(rejectedCsv(summary.batchId())).contains("belonged to a supporter who was erased");
    }

    @Test
    void aDryRunCountsExactlyWhatTheImportThenDoesAndWritesNothing() {
        existingPerson("matched", "NOT_SUBSCRIBED");
        List<ImportedSignature> rows = List.of(row(2, email("x"), "X", "Y", "30303", null, null, true),
                row(3, email("matched"), "M", "N", null, null, null, true),
                row(4, email("x"), "X", "Again", null, null, null, true),
                row(5, "broken", null, null, null, null, null, true));
        long people = fixtures.count("SELECT count(*) FROM person");

        ImportSummary dry = run(rows, List.of(), OptInPolicy.FROM_COLUMN, false, true);

        assertThat(fixtures.count("SELECT count(*) FROM person")).isEqualTo(people);
        assertThat(fixtures.count("SELECT count(*) FROM signature WHERE petition_id = ?", petitionId)).isZero();
        assertThat(status(email("matched"))).isEqualTo("NOT_SUBSCRIBED");
        assertThat(batches.find(dry.batchId())).get().satisfies(b -> assertThat(b.dryRun()).isTrue());
        assertThat(rejectedCsv(dry.batchId())).contains("5,E-mail 'broken'");

        ImportSummary real = run(rows, List.of(), OptInPolicy.FROM_COLUMN, false, false);
        assertThat(real).usingRecursiveComparison().ignoringFields("batchId").isEqualTo(dry);
        assertThat(real.newPeople()).isEqualTo(1);
        assertThat(real.subscribed()).isEqualTo(2);
    }

    @Test
    void externalIdsMatchEarlierSignaturesAndRepeatsInTheFileAreDuplicates() {
        long signer = existingPerson("platform", "SUBSCRIBED");
        fixtures.importedSignature(petitionId, signer, Instant.parse("2022-11-01T00:00:00Z"), "Action Network",
                "an-" + tag);

        ImportSummary summary = run(List.of(
                withExternalId(row(2, email("changed-address"), "Pat", "Form", null, null, null, false), "an-" + tag),
                withExternalId(row(3, email("first"), "Fay", "First", null, null, null, false), "x-" + tag),
                withExternalId(row(4, email("second"), "Sid", "Second", null, null, null, false), "x-" + tag)),
                List.of(), OptInPolicy.FROM_COLUMN, false, false);

        assertThat(summary.matchedPeople()).as("line 2 by its external id").isEqualTo(1);
        assertThat(summary.alreadySigned()).isEqualTo(1);
        assertThat(summary.newPeople()).isEqualTo(1);
        assertThat(summary.duplicatesInFile()).isEqualTo(1);
        assertThat(rejectedCsv(summary.batchId())).contains("4,Duplicate of line 3 (the same external id)");
        assertThat(fixtures.count("SELECT count(*) FROM person_email WHERE email = ?", email("changed-address")))
                .as("a matched supporter gets no second address from an import").isZero();
    }

    private static ImportedSignature withExternalId(ImportedSignature row, String externalId) {
        return new ImportedSignature(row.line(), row.email(), row.firstName(), row.lastName(), row.phone(),
                row.address1(), row.address2(), row.city(), row.state(), row.zip(), row.signedAt(), row.comment(),
                externalId, row.optIn(), row.source());
    }

    @Test
    void closingWithoutFinishingLeavesNoTrace() {
        long batchesBefore = fixtures.count("SELECT count(*) FROM import_batch");
        try (SignatureBatch batch = open(OptInPolicy.FROM_COLUMN, false, false)) {
            batch.add(row(2, email("never"), "Never", "Stored", null, null, null, true));
        }
        assertThat(fixtures.count("SELECT count(*) FROM import_batch")).isEqualTo(batchesBefore);
        assertThat(fixtures.count("SELECT count(*) FROM person_email WHERE email = ?", email("never"))).isZero();
    }

    @Test
    void fillsOnlyBlankFieldsOfExistingSupportersWhenAsked() {
        long person = existingPerson("blank", "SUBSCRIBED");
        jdbc.sql("UPDATE person SET first_name = 'Kept', last_name = NULL, zip = NULL, state = NULL WHERE id = ?")
                .param(person).update();

        run(List.of(row(2, email("blank"), "Other", "Filled", "78701", null, null, false)), List.of(),
                OptInPolicy.FROM_COLUMN, false, false);
        assertThat(jdbc.sql("SELECT last_name FROM person WHERE id = ?").param(person).query().singleRow()
                .get("last_name")).isNull();

        ImportSummary filled = run(List.of(row(2, email("blank"), "Other", "Filled", "78701", null, null, false)),
                List.of(), OptInPolicy.FROM_COLUMN, true, false);
        assertThat(filled.matchedPeople()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT first_name, last_name, zip, state FROM person WHERE id = ?").param(person)
                .query().singleRow()).containsEntry("first_name", "Kept").containsEntry("last_name", "Filled")
                .containsEntry("zip", "78701").containsEntry("state", "TX");
    }

    @Test
    void rollingBackRemovesTheBatchSignaturesAndThePeopleOnlyItBroughtIn() {
        long matched = existingPerson("stays", "NOT_SUBSCRIBED");
        ImportSummary summary = run(List.of(row(2, email("only"), "Only", "Import", null, null, null, true),
                row(3, email("history"), "Has", "History", null, null, null, true),
                row(4, email("stays"), null, null, null, null, null, true)), List.of(),
                OptInPolicy.FROM_COLUMN, false, false);
        long withHistory = personOf(email("history"));
        jdbc.sql("INSERT INTO person_note (person_id, body, author) VALUES (?, 'Called them', 'organizer')")
                .param(withHistory).update();
        assertThat(status(email("stays"))).isEqualTo("SUBSCRIBED");

        ImportBatch rolledBack = batches.rollBack(summary.batchId());

        assertThat(rolledBack.rolledBack()).isTrue();
        assertThat(rolledBack.rolledBackBy()).isEqualTo("organizer");
        assertThat(rolledBack.peopleRemoved()).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM signature WHERE import_batch_id = ?", summary.batchId()))
                .isZero();
        assertThat(fixtures.count("SELECT count(*) FROM person_email WHERE email = ?", email("only"))).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM person WHERE id = ?", withHistory)).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM person WHERE id = ?", matched)).isEqualTo(1);
        assertThat(status(email("stays"))).isEqualTo("NOT_SUBSCRIBED");
        assertThat(fixtures.auditActions("import_batch", summary.batchId()))
                .containsExactly("SIGNATURES_IMPORTED", "SIGNATURE_IMPORT_ROLLED_BACK");
        assertThatThrownBy(() -> batches.rollBack(summary.batchId())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already rolled back by organizer");
    }

    @Test
    void theRollbackKnowsEveryTableThatReferencesSupporters() {
        List<String> referencing = jdbc.sql("""
                SELECT DISTINCT c.conrelid::regclass::text FROM pg_constraint c
                WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass ORDER BY 1""").query(String.class).list();
        // each of these is either "other history" in ImportRollbackSql.KEEPS_PERSON or deleted with the person
        assertThat(referencing).containsExactlyInAnyOrder("donation", "donor_summary", "partner_consent",
                "partner_consent_event", "person", "person_email", "person_note", "person_phone", "person_tag",
                "recurring_plan", "signature", "signup", "subscription_erasure", "subscription_event", "volunteer");
    }

    private ImportSummary run(List<ImportedSignature> rows, List<RejectedRow> rejected, OptInPolicy policy,
            boolean fill, boolean dryRun) {
        try (SignatureBatch batch = open(policy, fill, dryRun)) {
            rows.forEach(batch::add);
            rejected.forEach(batch::reject);
            return batch.finish();
        }
    }

    private SignatureBatch open(OptInPolicy policy, boolean fill, boolean dryRun) {
        return imports.open(new SignatureImportRequest(petitionId, "test.csv", "Test import", policy, fill, dryRun),
                null, "organizer", List.of(), "{}", line -> { });
    }

    private ImportedSignature row(long line, @Nullable String email, @Nullable String first, @Nullable String last,
            @Nullable String zip, @Nullable String state, @Nullable String comment, boolean optIn) {
        return new ImportedSignature(line, email, first, last, null, null, null, null, state, zip,
                Instant.parse("2022-11-10T10:00:00Z"), comment, null, optIn, null);
    }

    private String email(String name) {
        return name.toLowerCase() + "." + tag + "@import.example.org";
    }

    private long existingPerson(String name, @Nullable String status) {
        long id = fixtures.person("Existing", name);
        jdbc.sql("UPDATE person_email SET email = ?, status = ? WHERE person_id = ?").param(email(name))
                .param(status == null ? "SUBSCRIBED" : status).param(id).update();
        return id;
    }

    private long personOf(String email) {
        return jdbc.sql("SELECT person_id FROM person_email WHERE email = ?").param(email).query(Long.class).single();
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM person_email WHERE email = ?").param(email).query(String.class).single();
    }

    private String rejectedCsv(long batchId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batches.writeRejectedRows(batchId, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                SELECT p.id, p.first_name, p.last_name, p.state, p.zip, p.updated_at, p.version, pe.status,
                       pe.status_changed_at FROM person p JOIN person_email pe ON pe.person_id = p.id
                WHERE pe.email LIKE :tag ORDER BY p.id""").param("tag", "%." + tag + "@%").query().listOfRows());
        rows.addAll(jdbc.sql("SELECT id, person_id, signed_at, comment FROM signature WHERE petition_id = ? ORDER BY id")
                .param(petitionId).query().listOfRows());
        rows.addAll(jdbc.sql("""
                SELECT e.id, e.status FROM subscription_event e JOIN person_email pe ON pe.person_id = e.person_id
                WHERE pe.email LIKE :tag ORDER BY e.id""").param("tag", "%." + tag + "@%").query().listOfRows());
        return rows;
    }
}
