package org.grassroots.crm.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.reports.FixedReportPlugin;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.StatsRefreshService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The reports screens without a browser, with a real report plugin over fixed numbers. */
@SpringBootTest
class ReportViewTest extends SpringBrowserlessTest {

    @Autowired
    PluginAdminService plugins;

    @Autowired
    StatsRefreshService refreshes;

    @AfterEach
    void uninstall() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        FixedReportPlugin.uninstall(plugins);
    }

    @Test
    void withNoReportPluginTheListSaysHowToGetOne() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        FixedReportPlugin.uninstall(plugins);

        navigate(ReportsView.class);

        assertThat($(Paragraph.class).withClassName("reports-empty").single().getText()).isEqualTo(ReportsView.EMPTY);
        assertThat($(Anchor.class).withText("Open the Plugins screen").exists()).isTrue();
        TestSecurity.signInAs("analyst", Role.ANALYST);
        navigate(ReportsView.class);
        assertThat($(Anchor.class).withText("Open the Plugins screen").exists()).as("only admins can").isFalse();
    }

    @Test
    void theListShowsEachReportWithItsDescription() {
        install();
        TestSecurity.signInAs("volunteer-coordinator", Role.VOLUNTEER_COORDINATOR);

        ReportsView view = navigate(ReportsView.class);

        Div card = $(Div.class, view.list).withClassName("report-card").single();
        assertThat(card.getElement().getTextRecursively()).contains("Fixed state figures")
                .contains("Supporters, signatures and donations by state, from fixed numbers.");
    }

    @Test
    void anAnalystSeesNoMoneyAndSmallCountsAsLessThanTen() {
        install();
        TestSecurity.signInAs("analyst", Role.ANALYST);

        Shown view = open();

        Grid<List<ReportCell>> grid = view.grid;
        assertThat(grid.getColumns()).extracting(Grid.Column::getKey).doesNotContain("donations")
                .contains("state", "supporters", "per10k");
        int nh = rowOf(view, "NH");
        assertThat(test(grid).getCellText(nh, 1)).isEqualTo("<10");
        assertThat(test(grid).getCellText(nh, 2)).isEqualTo("<10");
        assertThat(tileText(view, "NH")).isEqualTo("NH<10");
        assertThat($(Div.class, view.map).withClassName("state-tile-masked").exists()).isTrue();
        assertThat(view.map.measure.getListDataView().getItems().map(c -> c.key()).toList())
                .containsExactly("supporters", "per10k", "signatures", "change", "hours");
        assertThat(view.bar.option()).contains("\"Signatures\"").doesNotContain("Donations");
        assertThat(view.generated.getText()).startsWith("Generated ").contains(" UTC")
                .contains("counts below 10 are shown as <10");
        assertThat(view.filters.tag.getListDataView().getItemCount()).isZero();
    }

    @Test
    void aFundraiserSeesMoneyAndExactCounts() {
        install();
        TestSecurity.signInAs("fundraiser", Role.FUNDRAISER);

        Shown view = open();

        int ia = rowOf(view, "IA");
        assertThat(view.grid.getColumnByKey("donations")).isNotNull();
        assertThat(test(view.grid).getCellText(ia, 6)).isEqualTo("$45,210.75");
        assertThat(test(view.grid).getCellText(rowOf(view, "NH"), 1)).isEqualTo("7");
        assertThat(view.bar.option()).contains("\"Donations\"");
        assertThat(view.generated.getText()).doesNotContain("shown as <10");
        assertThat(view.downloads.csv.getHref()).isNotBlank();
        assertThat(view.downloads.pdf.getHref()).isNotBlank();
    }

    @Test
    void clickingAStateOpensItsTopZipsAndCities() {
        install();
        TestSecurity.signInAs("analyst", Role.ANALYST);
        Shown view = open();

        test($(Div.class, view.map).withAttribute("data-state", "IA").single()).click();

        DrillDownDialog dialog = $(DrillDownDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Iowa: top ZIPs and cities");
        assertThat(test(dialog.grid).getCellText(0, 0)).isEqualTo("Des Moines");
        assertThat(test(dialog.grid).getCellText(2, 1)).as("masked for analysts").isEqualTo("<10");
    }

    @Test
    void applyingFiltersRunsTheReportAgain() {
        install();
        TestSecurity.signInAs("organizer", Role.ORGANIZER);
        Shown view = open();

        view.filters.from.setValue(view.filters.to.getValue().minusDays(6));
        view.filters.tag.setValue("iowa");
        test(view.filters.apply).click();

        assertThat($(Paragraph.class).withClassName("report-problem").exists()).as("no problem shown").isFalse();
        assertThat(view.generated.getText()).startsWith("Generated ");
        view.filters.to.setValue(view.filters.from.getValue().minusDays(1));
        test(view.filters.apply).click();
        assertThat(view.filters.to.isInvalid()).isTrue();
    }

    @Test
    void onlyAdminsAndOrganizersGetTheRefreshButton() {
        install();
        await().atMost(Duration.ofSeconds(60)).until(() -> refreshes.lastRefresh().isPresent());
        for (Role role : List.of(Role.ANALYST, Role.FUNDRAISER, Role.VOLUNTEER_COORDINATOR)) {
            TestSecurity.signInAs("refresh-" + role.name().toLowerCase(), role);
            open();
            assertThat(refreshShown()).as(role + " may not refresh").isFalse();
            assertThat($(Paragraph.class).withClassName("report-as-of").single().getText())
                    .as("everyone sees how fresh the figures are").startsWith("Figures as of ").contains(" UTC");
        }
        for (Role role : List.of(Role.ORGANIZER, Role.ADMIN)) {
            TestSecurity.signInAs("refresh-" + role.name().toLowerCase(), role);
            open();
            assertThat(refreshShown()).as(role + " may refresh").isTrue();
        }
    }

    @Test
    void anOrganizerQueuesARefresh() {
        install();
        TestSecurity.signInAs("refresh-organizer", Role.ORGANIZER);
        open();

        test($(Button.class).withClassName("report-refresh").single()).click();

        assertThat(test($(Notification.class).last()).getText()).startsWith("Refreshing the figures as job #");
    }

    /** Whether the view shows the refresh button (the query finds visible components only). */
    private boolean refreshShown() {
        return $(Button.class).withClassName("report-refresh").exists();
    }

    /**
     * Opens the report; its parts are looked up in the component tree (the view itself is a method-security proxy,
     * whose fields are not the shown ones).
     */
    private Shown open() {
        navigate("reports/" + FixedReportPlugin.REPORT_ID, ReportView.class);
        return new Shown($(ReportGrid.class).first(), $(StateTileMap.class).single(),
                $(EChart.class).withClassName("report-bar-chart").single(), $(ReportFilterBar.class).single(),
                $(ReportDownloads.class).single(), $(Paragraph.class).withClassName("report-generated").single());
    }

    record Shown(ReportGrid grid, StateTileMap map, EChart bar, ReportFilterBar filters, ReportDownloads downloads,
            Paragraph generated) {
    }

    private void install() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        FixedReportPlugin.install(plugins);
    }

    private int rowOf(Shown view, String state) {
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getCellText(i, 0).equals(state)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + state);
    }

    private String tileText(Shown view, String state) {
        return $(Div.class, view.map).withAttribute("data-state", state).single().getElement().getTextRecursively();
    }
}
