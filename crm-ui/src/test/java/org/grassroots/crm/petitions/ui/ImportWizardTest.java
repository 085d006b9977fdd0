package org.grassroots.crm.petitions.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.grassroots.crm.pluginhost.InstallResult;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.grassroots.crm.ui.JobProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The import wizard without a browser, against the embedded database and a real (tiny) reader plugin: upload,
 * preview, mapping, a dry run and an import as real background jobs followed live, then the import on the
 * petition's page and its rollback. The bundled CSV reader is exercised in {@code PetitionImportBrowserIT}.
 */
@SpringBootTest
class ImportWizardTest extends SpringBrowserlessTest {

    private static final Path FILES = Path.of("target/import-wizard-test");
    private static final String PLUGIN = "wizard-test-reader";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PluginAdminService plugins;

    @Autowired
    PetitionService petitions;

    @Autowired
    PersonSearchService people;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void uninstall() {
        signIn("wizard-admin", "ADMIN");
        plugins.list().stream().filter(p -> p.id().equals(PLUGIN)).forEach(p -> plugins.uninstall(p.id()));
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganizerDryRunsImportsAndRollsBackAFile() {
        installReader();
        String organizer = signIn("wizard-organizer", "ORGANIZER");
        Petition petition = petitions.create(new PetitionDraft(unique("Fund the buses"), null, null, null, null));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UI.getCurrent().navigate(ImportWizardView.class, QueryParameters.of(ImportWizardView.PETITION_PARAMETER,
                Long.toString(petition.id())));
        assertThat(getCurrentView()).isInstanceOf(ImportWizardView.class);
        FileStep file = $(FileStep.class).single();
        assertThat(file.petition.getValue().id()).as("chosen from the address").isEqualTo(petition.id());
        assertThat(file.reader.isVisible()).as("one reader, no choice").isFalse();
        assertThat($(MappingStep.class).exists()).as("shown once there is a file").isFalse();

        upload("march signers.csv", """
                email,first,last,optin
                ada.%1$s@example.org,Ada,Lovelace,yes
                grace.%1$s@example.org,Grace,Hopper,no
                not-an-email,Bad,Row,yes
                ADA.%1$s@example.org,Ada,Again,yes
                """.formatted(tag));

        assertThat(file.fileStatus.getText()).startsWith("Uploaded march signers.csv (");
        MappingStep mapping = $(MappingStep.class).single();
        assertThat(mapping.isVisible()).isTrue();
        assertThat(mapping.readAs.getText()).isEqualTo("Read as UTF-8, separated by commas: 4 columns.");
        assertThat(test(mapping.rows).size()).isEqualTo(4);
        assertThat(mapping.rows.getColumns()).hasSize(4);
        assertThat(mapping.fields.choice.getValue().label()).as("the preset whose headers the file has")
                .isEqualTo("Preset: Test tool export");
        assertThat(mapping.fields.columns.get(SignatureField.EMAIL).getValue()).isEqualTo("email");
        assertThat(mapping.fields.columns.get(SignatureField.FIRST_NAME).getValue()).as("suggested").isEqualTo("first");
        assertThat(mapping.fields.columns.get(SignatureField.OPT_IN).getValue()).isEqualTo("optin");
        assertThat(mapping.source.getValue()).isEqualTo("Test tool export");
        assertThat(mapping.fillBlankFields.getValue()).isFalse();
        test(mapping.source).setValue("Wizard test " + tag);
        test(mapping.optIn).selectItem(MappingStep.explain(OptInPolicy.FROM_COLUMN));

        RunStep dryRun = $(RunStep.class).withClassName("import-dry-run").single();
        test(dryRun.start).click();
        ImportResultPanel dryResult = awaitResult(dryRun);
        assertThat(dryResult.getElement().getTextRecursively())
                .contains("The import would add 2 signatures from 4 rows. 2 rows would be left out: 1 rejected,"
                        + " 1 duplicate in the file.");
        assertThat(counts(dryResult)).contains("4 rows in the file", "2 new signatures", "2 new supporters",
                "0 existing supporters matched", "1 duplicates in the file", "1 rejected rows",
                "1 to subscribe to e-mail");
        assertThat($(Anchor.class, dryResult).withClassName("import-rejected-download").single().getElement()
                .getTextRecursively()).isEqualTo("Download rejected rows (2)");
        assertThat(people.page(new org.grassroots.crm.people.PersonQuery("ada." + tag + "@example.org",
                org.grassroots.crm.people.PersonFilter.none(), null, false), null, 0, 1).rows())
                .as("a dry run writes nothing").isEmpty();

        RunStep importRun = $(RunStep.class).withClassName("import-run").single();
        assertThat(importRun.start.getText()).isEqualTo("Import 2 signatures");
        test(importRun.start).click();
        ImportResultPanel imported = awaitResult(importRun);
        assertThat(imported.getElement().getTextRecursively()).contains("Added 2 signatures from 4 rows.");
        assertThat($(Anchor.class, imported).all()).extracting(Anchor::getHref)
                .contains("petitions/" + petition.id(), "petitions/import?petition=" + petition.id())
                .anyMatch(href -> href.startsWith("jobs?job="));
        assertThat(file.isEnabled()).as("the file is imported and gone").isFalse();
        assertThat(mapping.isEnabled()).isFalse();
        assertThat(petitions.signatureCount(petition.id())).isEqualTo(2);

        navigate("petitions/" + petition.id(), PetitionView.class);
        PetitionImportsSection section = $(PetitionImportsSection.class).single();
        var imports = test(section.grid);
        assertThat(imports.size()).isEqualTo(1);
        ImportBatch batch = imports.getRow(0);
        assertThat(batch.fileName()).isEqualTo("march signers.csv");
        assertThat(imports.getCellText(0, imports.getColumnPosition("by"))).isEqualTo(organizer);
        assertThat(imports.getCellText(0, imports.getColumnPosition("signatures"))).isEqualTo("2");
        assertThat(imports.getCellText(0, imports.getColumnPosition("state"))).isEqualTo("Imported");

        test($(Button.class, imports.getCellComponent(0, "actions")).withText("Roll back").single()).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(PetitionImportsSection.rollbackText(batch)).contains("removes the 2 signatures",
                "empty fields it filled stay filled");
        test(confirm).confirm();

        imports = test($(PetitionImportsSection.class).single().grid);
        assertThat(imports.getCellText(0, imports.getColumnPosition("state")))
                .startsWith("Rolled back by " + organizer + " on ");
        assertThat($(Button.class, imports.getCellComponent(0, "actions")).withText("Roll back").exists()).isFalse();
        assertThat(petitions.signatureCount(petition.id())).isZero();
        assertThat($view(Paragraph.class).withClassName("petition-count").single().getText())
                .isEqualTo("0 signatures");
    }

    @Test
    void theDryRunAsksForThePetitionTheSourceAndAConsentChoiceBeforeStarting() {
        installReader();
        signIn("wizard-organizer", "ORGANIZER");
        navigate(ImportWizardView.class);
        upload("plain.csv", "name,mail\nAda Lovelace,ada@example.org\n");
        MappingStep mapping = $(MappingStep.class).single();
        assertThat(mapping.fields.choice.getValue().label()).isEqualTo(MappingFields.SUGGESTED);
        assertThat(mapping.source.getValue()).isEmpty();

        test($(RunStep.class).withClassName("import-dry-run").single().start).click();

        assertThat($(FileStep.class).single().petition.isInvalid()).isTrue();
        assertThat(mapping.fields.columns.get(SignatureField.EMAIL).isInvalid()).as("no e-mail column suggested")
                .isTrue();
        assertThat(mapping.source.isInvalid()).isTrue();
        assertThat(mapping.optIn.getErrorMessage()).isEqualTo("Choose how to treat e-mail consent.");
        assertThat($(JobProgress.class).exists()).as("no job started").isFalse();
    }

    @Test
    void aFailedDryRunShowsTheJobsErrorAndACancelledOneSaysSo() {
        installReader();
        signIn("wizard-organizer", "ORGANIZER");
        Petition petition = petitions.create(new PetitionDraft(unique("Open the pool"), null, null, null, null));
        navigate(ImportWizardView.class);
        test($(FileStep.class).single().petition).selectItem(petition.title());
        upload("broken.csv", "email\nada@example.org\nexplode\n");
        MappingStep mapping = $(MappingStep.class).single();
        test(mapping.optIn).selectItem(MappingStep.explain(OptInPolicy.NEVER));
        RunStep dryRun = $(RunStep.class).withClassName("import-dry-run").single();
        followLiveUpdates();

        test(dryRun.start).click();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            runLiveUpdates();
            assertThat($(Paragraph.class, dryRun.status).withClassName("import-job-error").exists()).isTrue();
        });
        assertThat($(Paragraph.class, dryRun.status).withClassName("import-job-error").single().getText())
                .startsWith("The dry run failed: ").contains("Line 3 cannot be read: the disk is on fire");
        assertThat(dryRun.start.isEnabled()).as("it can be tried again").isTrue();
        assertThat($(FileStep.class).single().isEnabled()).isTrue();
        assertThat($(RunStep.class).withClassName("import-run").exists()).as("nothing to import").isFalse();

        upload("slow.csv", "email\n" + IntStream.range(0, 300).mapToObj(i -> "slow" + i + "@example.org\n")
                .collect(Collectors.joining()));
        test($(MappingStep.class).single().optIn).selectItem(MappingStep.explain(OptInPolicy.NEVER));
        test(dryRun.start).click();
        JobProgress progress = $(JobProgress.class, dryRun.status).single();
        assertThat($(FileStep.class).single().isEnabled()).as("nothing above changes while a job runs").isFalse();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            runLiveUpdates();
            assertThat(progress.text().getText()).startsWith("Reading the file");
        });
        test(progress.cancelButton()).click();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            runLiveUpdates();
            assertThat($(Paragraph.class, dryRun.status).withClassName("import-cancelled").exists()).isTrue();
        });
        assertThat(progress.text().getText()).isEqualTo("Cancelled.");
        assertThat(progress.cancelButton().isVisible()).isFalse();
        assertThat($(FileStep.class).single().isEnabled()).isTrue();
    }

    @Test
    void aFileTheServiceOrTheReaderRefusesIsExplainedWhereItWasChosen() {
        installReader();
        signIn("wizard-organizer", "ORGANIZER");
        navigate(ImportWizardView.class);

        upload("empty.csv", "");
        FileStep file = $(FileStep.class).single();
        assertThat(file.fileStatus.getText()).isEqualTo("empty.csv is empty.");
        assertThat(file.fileStatus.hasClassName("import-error")).isTrue();
        assertThat($(MappingStep.class).exists()).isFalse();

        upload("binary.csv", "\n\n");
        MappingStep mapping = $(MappingStep.class).single();
        assertThat(mapping.readError.isVisible()).isTrue();
        assertThat(mapping.readError.getText()).startsWith("binary.csv: The test reader finds no header")
                .endsWith("Try another encoding or delimiter, or upload another file.");
        assertThat($(RunStep.class).withClassName("import-dry-run").exists()).isFalse();
    }

    @Test
    void withoutAReaderAdminsAreSentToThePluginsScreenAndOrganizersToAnAdmin() {
        signIn("wizard-admin", "ADMIN");
        navigate(ImportWizardView.class);
        assertThat($(Upload.class).exists()).isFalse();
        assertThat($view(Paragraph.class).first().getText()).isEqualTo(ImportWizardView.NO_READER);
        assertThat($view(Anchor.class).withText("Open the Plugins screen").single().getHref()).isEqualTo("plugins");

        signIn("wizard-organizer", "ORGANIZER");
        navigate(ImportWizardView.class);
        assertThat($view(Anchor.class).exists()).isFalse();
        assertThat($view(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Ask an admin to enable the Petition import plugin on the Plugins screen.");
    }

    @Test
    void onlyOrganizersAndAdminsSeeTheImportButtonsAndAPetitionsImports() {
        signIn("wizard-organizer", "ORGANIZER");
        Petition petition = petitions.create(new PetitionDraft(unique("Safe streets"), null, null, null, null));
        navigate(PetitionsView.class);
        assertThat($view(Button.class).withText("Import signatures").exists()).isTrue();
        navigate("petitions/" + petition.id(), PetitionView.class);
        assertThat($view(Button.class).withText("Import signatures").exists()).isTrue();
        PetitionImportsSection section = $(PetitionImportsSection.class).single();
        assertThat(test(section.grid).size()).isZero();
        assertThat(section.grid.getEmptyStateText()).isEqualTo(PetitionImportsSection.EMPTY);

        test($view(Button.class).withText("Import signatures").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ImportWizardView.class);

        for (String role : List.of("FUNDRAISER", "VOLUNTEER_COORDINATOR")) {
            signIn("wizard-" + role.toLowerCase(Locale.ROOT), role);
            navigate(PetitionsView.class);
            assertThat($view(Button.class).withText("Import signatures").exists()).as(role).isFalse();
            navigate("petitions/" + petition.id(), PetitionView.class);
            assertThat($view(Button.class).withText("Import signatures").exists()).as(role).isFalse();
            assertThat($(PetitionImportsSection.class).exists()).as(role).isFalse();
        }
    }

    private void upload(String fileName, String content) {
        test($(Upload.class).single()).upload(fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
        roundTrip();
    }

    /**
     * Runs the live updates queued since the last call, as the server does for a browser between its requests (the
     * test thread holds the session lock, so they wait for it), and sends the result to the "client".
     */
    private void runLiveUpdates() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    /** The live updates run on another thread inside UI.access; give them the user's session as a browser would. */
    private static void followLiveUpdates() {
        VaadinSession.getCurrent().getSession().setAttribute("SPRING_SECURITY_CONTEXT",
                SecurityContextHolder.getContext());
    }

    /** Follows the step's job as the page does (live updates over the user's session) until its result shows. */
    private ImportResultPanel awaitResult(RunStep step) {
        followLiveUpdates();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            runLiveUpdates();
            assertThat($(Paragraph.class, step.status).withClassName("import-job-error").all())
                    .extracting(Paragraph::getText).isEmpty();
            assertThat($(ImportResultPanel.class, step.status).exists()).isTrue();
        });
        return $(ImportResultPanel.class, step.status).single();
    }

    private List<String> counts(ImportResultPanel panel) {
        return $(com.vaadin.flow.component.html.Div.class, panel).withClassName("import-count").all().stream()
                .map(row -> row.getElement().getTextRecursively().replaceFirst("^(\\d[\\d,]*)", "$1 ")).toList();
    }

    /**
     * A reader for files of plain comma- (or chosen-delimiter-) separated lines without quotes, with one preset
     * ("Test tool export": e-mail in {@code email}) and suggestions for a few header names.
     */
    private void installReader() {
        Path jar = TestPluginJars.plugin(PLUGIN).source("LineReader", """
                import java.io.*;
                import java.nio.charset.*;
                import java.util.*;
                import org.grassroots.crm.plugin.api.jobs.JobContext;
                import org.grassroots.crm.plugin.api.petitions.*;
                @org.pf4j.Extension
                public class LineReader implements PetitionSource {
                  public String id() { return "lines"; }
                  public String displayName() { return "Test lines"; }
                  public List<MappingPreset> presets() {
                    return List.of(new MappingPreset("test-tool", "Test tool export",
                        new FieldMapping(Map.of(SignatureField.EMAIL, "email"))));
                  }
                  public FilePreview preview(InputStream file, CsvOptions options, int rows) throws IOException {
                    Charset charset = options.charset() == null ? StandardCharsets.UTF_8 : options.charset();
                    char delimiter = options.delimiter() == null ? ',' : options.delimiter();
                    List<List<String>> lines = lines(file, charset, delimiter);
                    if (lines.isEmpty()) {
                      throw new IllegalArgumentException("The test reader finds no header.");
                    }
                    List<String> headers = lines.get(0);
                    Map<SignatureField, String> suggested = new HashMap<>();
                    for (String h : headers) {
                      switch (h) {
                        case "first" -> suggested.put(SignatureField.FIRST_NAME, h);
                        case "last" -> suggested.put(SignatureField.LAST_NAME, h);
                        case "optin" -> suggested.put(SignatureField.OPT_IN, h);
                        default -> { }
                      }
                    }
                    return new FilePreview(charset, delimiter, headers,
                        lines.subList(1, Math.min(lines.size(), rows + 1)), new FieldMapping(suggested),
                        headers.contains("email") ? "test-tool" : null);
                  }
                  public long read(InputStream file, CsvOptions options, FieldMapping mapping, SignatureBatch batch,
                      JobContext job) throws IOException {
                    List<List<String>> lines = lines(file, options.charset(), options.delimiter());
                    List<String> headers = lines.get(0);
                    for (int i = 1; i < lines.size(); i++) {
                      List<String> row = lines.get(i);
                      if (row.get(0).equals("explode")) {
                        throw new IOException("Line " + (i + 1) + " cannot be read: the disk is on fire");
                      }
                      if (row.get(0).startsWith("slow")) {
                        try {
                          Thread.sleep(100);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        job.checkCancelled();
                      }
                      String optIn = value(row, headers, mapping, SignatureField.OPT_IN);
                      batch.add(new ImportedSignature(i + 1, value(row, headers, mapping, SignatureField.EMAIL),
                          value(row, headers, mapping, SignatureField.FIRST_NAME),
                          value(row, headers, mapping, SignatureField.LAST_NAME), null, null, null, null, null, null,
                          null, null, null, optIn == null ? null : optIn.equals("yes"), null));
                      job.progress(i, lines.size() - 1);
                    }
                    return lines.size() - 1;
                  }
                  private static String value(List<String> row, List<String> headers, FieldMapping mapping,
                      SignatureField field) {
                    return mapping.column(field).map(headers::indexOf).filter(at -> at >= 0 && at < row.size())
                        .map(row::get).orElse(null);
                  }
                  private static List<List<String>> lines(InputStream file, Charset charset, char delimiter)
                      throws IOException {
                    List<List<String>> lines = new ArrayList<>();
                    for (String line : new String(file.readAllBytes(), charset).split("\\\\R")) {
                      if (!line.isBlank()) {
                        lines.add(List.of(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)));
                      }
                    }
                    return lines;
                  }
                }
                """).writeJar(FILES);
        String user = SecurityContextHolder.getContext().getAuthentication() == null ? null
                : SecurityContextHolder.getContext().getAuthentication().getName();
        signIn("wizard-admin", "ADMIN");
        try (InputStream data = Files.newInputStream(jar)) {
            InstallResult result = plugins.install(jar.getFileName().toString(), data);
            assertThat(result.status()).as("%s: %s", result.pluginId(), result.failureReason())
                    .isEqualTo(PluginStatus.STARTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (user == null) {
            SecurityContextHolder.clearContext();
        }
    }

    private static String signIn(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
        return username;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
