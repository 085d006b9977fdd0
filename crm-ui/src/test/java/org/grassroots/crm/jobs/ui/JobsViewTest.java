package org.grassroots.crm.jobs.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.VaadinSession;
import org.grassroots.crm.jobs.JobCount;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** The Jobs screen against real jobs run by the application's scheduler, without a browser. */
@SpringBootTest
class JobsViewTest extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JobService jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "jobs-newcomer", roles = "ANALYST")
    void someoneWithoutJobsIsToldWhatJobsAre() {
        navigate(JobsView.class);

        assertThat(grid().size()).isZero();
        assertThat(grid().getComponent().getEmptyStateText()).startsWith("No jobs yet.")
                .contains("Imports, syncs and exports run here in the background");
    }

    @Test
    @WithMockUser(username = "jobs-organizer", roles = "ORGANIZER")
    void aFinishedJobShowsItsStateProgressAndResultAndItsDetails() {
        long id = jobs.submit(new JobRequest(UiTestJobs.TYPE, "Import march.csv", Map.of("steps", "4")));
        awaitState(id, JobState.SUCCEEDED);
        JobsView view = navigate(JobsView.class);

        int row = rowOf(id);
        assertThat($(Span.class, grid().getCellComponent(row, "title")).all()).extracting(Span::getText)
                .containsExactly("Import march.csv", UiTestJobs.TYPE);
        assertThat(cell(row, "requestedBy")).isEqualTo("jobs-organizer");
        assertThat(((Badge) grid().getCellComponent(row, "state")).getText()).isEqualTo("Succeeded");
        assertThat($(Span.class, grid().getCellComponent(row, "progress")).single().getText()).isEqualTo("4 of 4");
        assertThat($(ProgressBar.class, grid().getCellComponent(row, "progress")).single().getValue()).isEqualTo(4);
        assertThat(cell(row, "counts")).isEqualTo("rows read 4 · rows merged 2");
        assertThat(cell(row, "started")).matches("\\d{2}:\\d{2}:\\d{2}");
        assertThat(cell(row, "duration")).endsWith(" s");
        assertThat(buttons(row)).containsExactly("Details of Import march.csv");

        grid().clickRow(row);

        JobDialog details = $(JobDialog.class).single();
        assertThat(details.getHeaderTitle()).isEqualTo("Import march.csv");
        @SuppressWarnings("unchecked")
        Grid<JobCount> counts = $(Grid.class, details).single();
        assertThat(counts.getListDataView().getItems().toList())
                .containsExactly(new JobCount("rows read", 4), new JobCount("rows merged", 2));
        assertThat($(Pre.class, details).all()).extracting(Pre::getText)
                .anySatisfy(line -> assertThat(line).endsWith("Submitted by jobs-organizer"))
                .anySatisfy(line -> assertThat(line).endsWith("Step 4 done"))
                .anySatisfy(line -> assertThat(line).endsWith("Finished"));
        assertThat(view.getChildren()).isNotEmpty();
    }

    @Test
    @WithMockUser(username = "jobs-canceller", roles = "FUNDRAISER")
    void aRunningJobCanBeCancelledFromItsRowAndTheListFollowsItLive() {
        long id = jobs.submit(new JobRequest(UiTestJobs.TYPE, "Sync the list", Map.of("steps", "600",
                "stepMillis", "50")));
        awaitState(id, JobState.RUNNING);
        // the live updates run on another thread inside UI.access; give them the user's session as a browser would
        VaadinSession.getCurrent().getSession().setAttribute("SPRING_SECURITY_CONTEXT",
                SecurityContextHolder.getContext());
        navigate(JobsView.class);
        int row = rowOf(id);
        assertThat(((Badge) grid().getCellComponent(row, "state")).getText()).isEqualTo("Running");

        test(buttonIn(row, "Cancel")).click();
        test($(ConfirmDialog.class).single()).confirm();

        awaitState(id, JobState.CANCELLED);
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            roundTrip();
            assertThat(((Badge) grid().getCellComponent(rowOf(id), "state")).getText()).isEqualTo("Cancelled");
        });
        assertThat(buttons(rowOf(id))).containsExactly("Details of Sync the list");
        assertThat(cell(rowOf(id), "counts")).startsWith("rows read ");
    }

    @Test
    @WithMockUser(username = "jobs-admin", roles = "ADMIN")
    void anAdminSeesEverybodysJobsAndOthersOnlyTheirOwn() {
        signIn("jobs-someone", "ORGANIZER");
        long theirs = jobs.submit(new JobRequest(UiTestJobs.TYPE, "Someone else's", Map.of("steps", "1")));
        signIn("jobs-bystander", "ORGANIZER");
        navigate(JobsView.class);
        assertThat(ids()).doesNotContain(theirs);

        signIn("jobs-admin", "ADMIN");
        navigate(JobsView.class);
        assertThat(ids()).contains(theirs);
        assertThat(cell(rowOf(theirs), "requestedBy")).isEqualTo("jobs-someone");
    }

    private static void signIn(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private void awaitState(long id, JobState state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "SELECT state FROM job WHERE id = :id").param("id", id).query(String.class).single()
                .equals(state.name()));
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<JobSummary>, JobSummary> grid() {
        return test($(Grid.class).withClassName("jobs-grid").single());
    }

    private List<Long> ids() {
        GridTester<Grid<JobSummary>, JobSummary> grid = grid();
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).id()).toList();
    }

    private int rowOf(long id) {
        int row = ids().indexOf(id);
        assertThat(row).as("job %d is listed", id).isNotNegative();
        return row;
    }

    private String cell(int row, String column) {
        return grid().getCellText(row, grid().getColumnPosition(column));
    }

    /** The row's buttons by their text, or their accessible name when they show only an icon. */
    private List<String> buttons(int row) {
        return $(Button.class, grid().getCellComponent(row, "actions")).all().stream()
                .map(button -> button.getText().isEmpty() ? button.getAriaLabel().orElse("") : button.getText())
                .toList();
    }

    private Button buttonIn(int row, String text) {
        return $(Button.class, grid().getCellComponent(row, "actions")).withText(text).single();
    }
}
