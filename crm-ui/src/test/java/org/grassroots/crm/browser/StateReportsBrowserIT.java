package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.grassroots.crm.reports.StatsRefreshService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundled state reports plugin (its real jar) over the real statistics of a small seeded data set
 * ({@link StateReportSeed}), filtered to the seed's source: an analyst opens Supporters by state from the reports
 * list and reads the seeded numbers on the map, the bar chart and the table, with small counts as "<10" and no money;
 * drills into Iowa; downloads the CSV and the PDF and finds the same numbers in them. A fundraiser sees the seeded
 * donations, and the growth report draws every focus state, the ones with nobody new as zeros.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StateReportsBrowserIT {

    private static final Path PLUGIN_JAR = Path.of("../plugins/state-reports/target/state-reports-1.0.0.jar");
    private static final Path CENSUS = Path.of("../plugins/state-reports/src/main/resources/org/grassroots/plugins/"
            + "statereports/census-population.csv");
    private static final String PLUGIN = "state-reports";
    private static final String PASSWORD = "states-not-people-" + UUID.randomUUID();
    private static final String TABLE_JS = """
            grid => [...grid.shadowRoot.querySelectorAll('thead tr, tbody#items tr')]
                .filter(tr => !tr.hidden)
                .map(tr => [...tr.children].map(cell => {
                    const slot = cell.querySelector('slot');
                    const nodes = slot ? slot.assignedNodes({flatten: true}) : [cell];
                    return nodes.map(n => n.textContent).join('').trim();
                }))""";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PluginAdminService plugins;

    @Autowired
    StatsRefreshService refreshes;

    @Autowired
    JobService jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void analystAndFundraiserReadTheStateReportsOverSeededData() throws Exception {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String analyst = staff.create(Role.ANALYST, "states-an-" + suffix, PASSWORD);
        String fundraiser = staff.create(Role.FUNDRAISER, "states-fr-" + suffix, PASSWORD);
        StateReportSeed seed = new StateReportSeed("report-it-" + suffix, LocalDate.now(ZoneOffset.UTC));
        boolean installed = staff.as("admin", () -> {
            seed.write(jdbc);
            return installPlugin();
        });
        refreshStatistics(staff);

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1400);
            try {
                StaffAccounts.signIn(browser, page, analyst, PASSWORD);
                page.navigate(browser.url("reports"));
                page.locator(".report-card a", new Page.LocatorOptions().setHasText("Supporters by state")).click();
                filterBySource(page, seed);
                analystSeesTheSeed(page, seed);
                assertThat(page.locator(".report-refresh").isVisible()).as("analysts may not refresh").isFalse();
                browser.screenshot(page, "state-reports-1-analyst");
                scrollToTable(page);
                browser.screenshot(page, "state-reports-1-analyst-table");

                page.locator(".state-tile[data-state=IA]").click();
                drillDownShowsIowasAreas(page, seed);
                browser.screenshot(page, "state-reports-2-drill-down");
                BrowserSession.button(page, "Close").click();

                csvHasTheSeededRows(page, seed);
                pdfHasTheTable(page, seed);

                StaffAccounts.signIn(browser, page, fundraiser, PASSWORD);
                page.navigate(browser.url("reports/state-reports.states"));
                filterBySource(page, seed);
                fundraiserSeesTheDonations(page, seed);
                assertThat(pdfText(page, "state-reports-fundraiser")).as("amounts in the fundraiser's PDF")
                        .contains("Donations", dollars(seed.donations("IA")) + " " + averageGift(seed, "IA"));
                browser.screenshot(page, "state-reports-3-fundraiser");
                scrollToTable(page);
                browser.screenshot(page, "state-reports-3-fundraiser-table");

                page.navigate(browser.url("reports/state-reports.state-growth"));
                filterBySource(page, seed);
                growthChartDrawsEveryFocusState(page, seed);
                browser.screenshot(page, "state-reports-4-growth");
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "state-reports-failure");
                throw failure;
            }
        } finally {
            if (installed) {
                staff.as("admin", () -> {
                    plugins.find(PLUGIN).ifPresent(plugin -> plugins.uninstall(plugin.id()));
                    return null;
                });
            }
        }
    }

    private void analystSeesTheSeed(Page page, StateReportSeed seed) throws IOException {
        Table table = table(page.locator("vaadin-grid.report-grid").first());
        assertThat(table.header()).contains("Supporters", "Subscribed", "Signatures", "Donors", "Active volunteers")
                .doesNotContain("Donations", "Average gift");
        assertThat(table.rows().subList(0, 4)).extracting(row -> row.get(0) + row.get(1))
                .as("the focus states pinned and marked").containsExactly("★IA", "★NH", "★NV", "★SC");

        long iaSupporters = seed.in("IA").size();
        long iaSignatures = seed.count("IA", StateReportSeed.Supporter::signs);
        assertThat(table.cell("IA", "Residents")).isEqualTo(grouped(residents("IA")));
        assertThat(table.cell("IA", "Supporters")).isEqualTo(grouped(iaSupporters));
        assertThat(table.cell("IA", "Supporters per 10,000 residents")).isEqualTo(per10k(iaSupporters, "IA"));
        assertThat(table.cell("IA", "Subscribed")).isEqualTo(grouped(seed.count("IA",
                StateReportSeed.Supporter::subscribed)));
        assertThat(table.cell("IA", "New in period")).isEqualTo(grouped(iaSupporters));
        assertThat(table.cell("IA", "Signatures")).isEqualTo(grouped(iaSignatures));
        assertThat(table.cell("IA", "Signatures per 10,000 residents")).isEqualTo(per10k(iaSignatures, "IA"));
        assertThat(table.cell("IA", "Donors")).as("one gift in CAD counts as a donor")
                .isEqualTo(grouped(seed.count("IA", StateReportSeed.Supporter::isDonor)));
        assertThat(table.cell("IA", "Active volunteers"))
                .isEqualTo(grouped(seed.count("IA", StateReportSeed.Supporter::isActiveVolunteer)));
        assertThat(table.cell("IA", "Volunteer hours")).isEqualTo(hours(seed.hours("IA")));
        assertThat(table.cell("IA", "Supporters, change %")).as("nobody before the period").isEmpty();
        for (String column : List.of("Supporters", "Supporters per 10,000 residents", "Subscribed", "New in period",
                "Signatures", "Donors", "Active volunteers")) {
            assertThat(table.cell("NH", column)).as("New Hampshire's " + column).isEqualTo("<10");
        }
        assertThat(table.cell("CA", "Supporters")).isEqualTo(grouped(seed.in("CA").size()));
        assertThat(table.cell("CA", "Signatures")).isEqualTo(grouped(seed.count("CA",
                StateReportSeed.Supporter::signs)));
        assertThat(table.cell("NV", "Supporters")).as("zero is shown").isEqualTo("0");
        assertThat(table.cell("Unknown", "Supporters")).isEqualTo("<10");
        assertThat(table.cell("Total", "Supporters")).isEqualTo(grouped(seed.supporters.size()));

        assertThat(page.locator(".state-tile[data-state=IA] .state-tile-value").innerText())
                .isEqualTo(per10k(iaSupporters, "IA"));
        assertThat(page.locator(".state-tile[data-state=NH] .state-tile-value").innerText()).isEqualTo("<10");
        page.locator(".state-map vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Supporters").setExact(true)).click();
        page.locator(".state-tile[data-state=IA] .state-tile-value",
                new Page.LocatorOptions().setHasText(grouped(iaSupporters))).waitFor();
        assertThat(page.locator(".state-tile[data-state=CA] .state-tile-value").innerText())
                .isEqualTo(grouped(seed.in("CA").size()));

        Map<String, Object> bar = chart(page, "report-bar-chart");
        List<Object> categories = List.copyOf(first(bar, "yAxis", "data"));
        List<?> values = first(bar, "series", "data");
        assertThat(categories).as("no bar for the total").contains("IA", "CA").doesNotContain("Total");
        assertThat(new BigDecimal(values.get(categories.indexOf("IA")).toString()))
                .isEqualByComparingTo(new BigDecimal(per10k(iaSupporters, "IA")));
        assertThat(page.locator(".report-line-chart").isVisible()).as("the state table has no time series").isFalse();
    }

    private static void drillDownShowsIowasAreas(Page page, StateReportSeed seed) {
        page.getByText("Iowa: top ZIP codes and cities").first().waitFor();
        Locator drill = page.locator("vaadin-grid.report-grid", new Page.LocatorOptions().setHasText("Iowa City"));
        drill.waitFor();
        List<List<String>> expected = seed.areas("IA").stream()
                .map(area -> List.of(area.kind(), area.name(), masked(area.supporters()), masked(area.signatures())))
                .toList();
        assertThat(table(drill).rows()).isEqualTo(expected);
    }

    private static void csvHasTheSeededRows(Page page, StateReportSeed seed) throws IOException {
        Download csv = page.waitForDownload(() -> download(page, "Download CSV").click());
        Map<String, NamedCsvRecord> byState = new HashMap<>();
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF# Supporters by state").contains(seed.source);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                .ofNamedCsvRecord(text.substring(1))) {
            reader.forEach(row -> byState.put(row.getField("state"), row));
        }
        assertThat(byState).containsKeys("IA", "NH", "WY", "DC", "Total").hasSize(51 + 3);
        NamedCsvRecord ia = byState.get("IA");
        assertThat(ia.getHeader()).doesNotContain("donationTotal", "averageGift");
        assertThat(ia.getField("supporters")).isEqualTo(Long.toString(seed.in("IA").size()));
        assertThat(ia.getField("signatures")).isEqualTo(Long.toString(seed.count("IA",
                StateReportSeed.Supporter::signs)));
        assertThat(new BigDecimal(ia.getField("volunteerHours"))).isEqualByComparingTo(seed.hours("IA"));
        assertThat(byState.get("NH").getField("supporters")).isEqualTo("<10");
        assertThat(byState.get("NH").getField("supportersPer10k")).isEqualTo("<10");
    }

    private static void pdfHasTheTable(Page page, StateReportSeed seed) throws IOException {
        String text = pdfText(page, "state-reports-analyst");
        assertThat(text).contains("Supporters by state", "Residents", "Subscribed", "Signatures", "Donors")
                .as("no amounts for an analyst").doesNotContain("$");
        long iaSupporters = seed.in("IA").size();
        long iaSignatures = seed.count("IA", StateReportSeed.Supporter::signs);
        assertThat(text).as("Iowa's row, marked as a focus state").containsPattern("★ IA Iowa "
                + grouped(residents("IA")) + " " + iaSupporters + " " + per10k(iaSupporters, "IA") + " .*"
                + iaSignatures + " " + per10k(iaSignatures, "IA") + " "
                + seed.count("IA", StateReportSeed.Supporter::isDonor) + " "
                + seed.count("IA", StateReportSeed.Supporter::isActiveVolunteer) + " " + hours(seed.hours("IA"))
                + "\\R");
        assertThat(text).contains("★ NH New Hampshire " + grouped(residents("NH")) + " <10 <10",
                "Only supporters from the source \"" + seed.source + "\".");
    }

    /** Downloads the report as PDF (kept as target/screenshots/{name}.pdf) and returns its text. */
    private static String pdfText(Page page, String name) throws IOException {
        Download pdf = page.waitForDownload(() -> download(page, "Download PDF").click());
        Path kept = Path.of("target/screenshots", name + ".pdf");
        Files.createDirectories(kept.getParent());
        Files.copy(pdf.path(), kept, StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(kept))) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void fundraiserSeesTheDonations(Page page, StateReportSeed seed) throws IOException {
        Table table = table(page.locator("vaadin-grid.report-grid").first());
        assertThat(table.cell("IA", "Donations")).isEqualTo(dollars(seed.donations("IA")));
        assertThat(table.cell("IA", "Average gift")).as("US-dollar gifts over all donors")
                .isEqualTo(averageGift(seed, "IA"));
        assertThat(table.cell("NH", "Donations")).isEqualTo(dollars(seed.donations("NH")));
        assertThat(table.cell("NH", "Supporters")).as("only analysts get masked counts on screen")
                .isEqualTo(grouped(seed.in("NH").size()));
    }

    private static void growthChartDrawsEveryFocusState(Page page, StateReportSeed seed) {
        page.locator(".report-line-chart canvas").first().waitFor();
        Map<String, Object> line = chart(page, "report-line-chart");
        List<?> weeks = first(line, "xAxis", "data");
        Map<String, List<?>> series = new HashMap<>();
        List<String> names = ((List<?>) line.get("series")).stream().map(s -> (Map<?, ?>) s)
                .peek(s -> series.put((String) s.get("name"), (List<?>) s.get("data")))
                .map(s -> (String) s.get("name")).toList();
        assertThat(names).containsExactly("IA", "NH", "NV", "SC", "CA", "TX");
        assertThat(series.get("NV")).as("Nevada has nobody: a line of zeros").hasSameSizeAs(weeks)
                .allSatisfy(value -> assertThat(new BigDecimal(value.toString())).isZero());
        Map<LocalDate, Long> iowa = seed.newPerWeek("IA");
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate week = LocalDate.parse((String) weeks.get(i));
            assertThat(new BigDecimal(series.get("IA").get(i).toString()).longValueExact()).as("Iowa, week of " + week)
                    .isEqualTo(iowa.getOrDefault(week, 0L));
        }
        assertThat(iowa.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(seed.in("IA").size());
    }

    /** Installs the bundled plugin from its module's build output unless it runs already; whether it was installed. */
    private boolean installPlugin() {
        return TestPluginJars.installIfAbsent(plugins, PLUGIN, PLUGIN_JAR);
    }

    /** Refreshes the statistics as an admin would, and waits for that refresh to finish. */
    private void refreshStatistics(StaffAccounts staff) {
        long job = staff.as("admin", refreshes::refreshNow);
        await().atMost(Duration.ofSeconds(90)).pollInSameThread().pollInterval(Duration.ofMillis(250))
                .until(() -> staff.as("admin", () -> jobs.find(job).orElseThrow().state()) == JobState.SUCCEEDED);
    }

    private static void scrollToTable(Page page) {
        page.locator("vaadin-grid.report-grid").first().evaluate("grid => grid.scrollIntoView({block: 'start'})");
    }

    private static void filterBySource(Page page, StateReportSeed seed) {
        page.getByLabel("Source", new Page.GetByLabelOptions().setExact(true)).fill(seed.source);
        BrowserSession.button(page, "Apply").click();
        page.locator(".report-footnotes", new Page.LocatorOptions().setHasText(seed.source)).waitFor();
        page.locator("vaadin-grid.report-grid").first().waitFor();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(Page page, String className) {
        return (Map<String, Object>) page.locator("." + className).first()
                .evaluate("element => JSON.parse(JSON.stringify(echarts.getInstanceByDom(element).getOption()))");
    }

    /** A list property of the first of an ECharts option's components, such as the first y axis' categories. */
    private static List<?> first(Map<String, Object> option, String component, String property) {
        return (List<?>) ((Map<?, ?>) ((List<?>) option.get(component)).getFirst()).get(property);
    }

    private static Locator download(Page page, String text) {
        return page.locator("a.report-download", new Page.LocatorOptions().setHasText(text)).first();
    }

    /** A report grid as shown: its header labels and the texts of its rows. */
    record Table(List<String> header, List<List<String>> rows) {

        /** The cell of the row whose state (or other category) is {@code state}. */
        String cell(String state, String column) {
            int index = header.indexOf(column);
            assertThat(index).as("column " + column + " in " + header).isNotNegative();
            return rows.stream().filter(row -> row.get(1).equals(state)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + state)).get(index);
        }
    }

    @SuppressWarnings("unchecked")
    private static Table table(Locator grid) {
        grid.locator("vaadin-grid-cell-content").first().waitFor();
        List<List<String>> all = (List<List<String>>) grid.evaluate(TABLE_JS);
        return new Table(all.getFirst(), all.subList(1, all.size()));
    }

    private static long residents(String state) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                .ofNamedCsvRecord(CENSUS)) {
            return reader.stream().filter(row -> row.getField("usps").equals(state)).findFirst()
                    .map(row -> Long.parseLong(row.getField("population"))).orElseThrow();
        }
    }

    /** Count × 10,000 ÷ residents, two decimals, shown as the screen shows rates ({@code #,##0.0#}). */
    private static String per10k(long count, String state) throws IOException {
        BigDecimal rate = BigDecimal.valueOf(count * 10_000).divide(BigDecimal.valueOf(residents(state)), 2,
                RoundingMode.HALF_UP);
        return rate.scale() > 0 && rate.remainder(BigDecimal.valueOf(0.1)).signum() == 0
                ? rate.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : rate.toPlainString();
    }

    /** Hours as the screen shows them, with one or two decimals. */
    private static String hours(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1).toPlainString() : stripped.toPlainString();
    }

    private static String averageGift(StateReportSeed seed, String state) {
        long donors = seed.count(state, StateReportSeed.Supporter::isDonor);
        return dollars(seed.donations(state).divide(BigDecimal.valueOf(donors), 2, RoundingMode.HALF_UP));
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.US, "%,d", n);
    }

    private static String masked(long n) {
        return n > 0 && n < 10 ? "<10" : grouped(n);
    }

    private static String dollars(BigDecimal amount) {
        return String.format(java.util.Locale.US, "$%,.2f", amount);
    }
}
