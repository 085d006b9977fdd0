package org.grassroots.crm.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.util.ClassUtils;

@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AuditViewTest extends SpringBrowserlessTest {

    private static final int TIME = 0;
    private static final int ACTOR = 1;
    private static final int ACTION = 2;
    private static final int TARGET = 3;
    private static final int CLIENT = 4;
    private static final int DETAILS = 5;

    @Autowired
    AuditLog audit;

    private String actor;
    private String alice;
    private String bob;

    @BeforeEach
    void recordEvents() {
        actor = unique("screen");
        alice = unique("alice");
        bob = unique("bob");
        audit.record(new AuditEntry(actor, AuditAction.USER_CREATED, "user", alice, "192.0.2.10",
                Map.of("roles", List.of("ORGANIZER"))));
        audit.record(new AuditEntry(actor, AuditAction.ROLES_CHANGED, "user", alice, "192.0.2.10",
                Map.of("before", List.of("ORGANIZER"), "after", List.of("ANALYST"))));
        audit.record(new AuditEntry(actor, AuditAction.USER_DISABLED, "user", bob, "192.0.2.11", Map.of()));
    }

    @Test
    void listsTheNewestEventsFirstInReadableColumns() {
        navigate(AuditView.class);
        GridTester<Grid<AuditEvent>, AuditEvent> grid = grid();

        assertThat(grid.getCellText(0, ACTOR)).isEqualTo(actor);
        assertThat(grid.getCellText(0, ACTION)).isEqualTo("User disabled");
        assertThat(grid.getCellText(0, TARGET)).isEqualTo("user " + bob);
        assertThat(grid.getCellText(0, CLIENT)).isEqualTo("192.0.2.11");
        assertThat(grid.getCellText(0, DETAILS)).as("an empty details object shows nothing").isEmpty();
        assertThat(grid.getCellText(0, TIME)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
                .startsWith(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(grid.getCellText(1, ACTION)).isEqualTo("Roles changed");
        assertThat(grid.getCellText(1, DETAILS)).contains("\"before\": [\"ORGANIZER\"]", "\"after\": [\"ANALYST\"]");
        assertThat(grid.getCellText(2, ACTION)).isEqualTo("User created");
    }

    @Test
    void filtersNarrowTheListAndClearingThemWidensItAgain() {
        navigate(AuditView.class);
        GridTester<Grid<AuditEvent>, AuditEvent> grid = grid();

        test(textField("Actor")).setValue(actor);
        assertThat(actors(grid)).containsExactly(actor, actor, actor);

        test(actionFilter()).selectItem(AuditAction.USER_CREATED.label());
        assertThat(targets(grid)).containsExactly("user " + alice);

        test(actionFilter()).selectItem(AuditAction.ROLES_CHANGED.label());
        test(textField("Target id")).setValue(bob);
        assertThat(grid.size()).isZero();
        assertThat(grid.getComponent().getEmptyStateText()).isEqualTo(AuditView.NO_MATCHES);

        actionFilter().clear();
        assertThat(targets(grid)).containsExactly("user " + bob);

        test(textField("Target id")).setValue(alice);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        test(datePicker("From (UTC)")).setValue(today);
        test(datePicker("To (UTC, inclusive)")).setValue(today);
        assertThat(targets(grid)).as("to includes the whole day").containsExactly("user " + alice, "user " + alice);
        datePicker("From (UTC)").clear();
        test(datePicker("To (UTC, inclusive)")).setValue(today.minusDays(1));
        assertThat(grid.size()).isZero();

        test($(Button.class).withText("Clear filters").single()).click();
        assertThat(textField("Actor").getValue()).isEmpty();
        assertThat(datePicker("To (UTC, inclusive)").getValue()).isNull();
        assertThat(grid.getCellText(0, ACTOR)).isEqualTo(actor);
        assertThat($(Button.class).withText("Clear filters").single().isEnabled()).isFalse();
    }

    @Test
    void filtersComeFromTheAddress() {
        open(Map.of(AuditView.ACTION_PARAMETER, "USER_DISABLED", AuditView.ACTOR_PARAMETER, actor));

        assertThat(actionFilter().getValue()).isEqualTo(AuditAction.USER_DISABLED);
        assertThat(textField("Actor").getValue()).isEqualTo(actor);
        assertThat(targets(grid())).containsExactly("user " + bob);
    }

    @Test
    void anUnknownActionInTheAddressIsIgnored() {
        open(Map.of(AuditView.ACTION_PARAMETER, "NO_SUCH_ACTION", AuditView.TARGET_PARAMETER, alice));

        assertThat(actionFilter().getValue()).isNull();
        assertThat(targets(grid())).containsExactly("user " + alice, "user " + alice);
    }

    private void open(Map<String, String> queryParameters) {
        UI.getCurrent().navigate(AuditView.class, QueryParameters.simple(queryParameters));
        assertThat(ClassUtils.getUserClass(getCurrentView().getClass())).isEqualTo(AuditView.class);
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<AuditEvent>, AuditEvent> grid() {
        return test($(Grid.class).single());
    }

    private TextField textField(String label) {
        return $(TextField.class).withLabel(label).single();
    }

    private DatePicker datePicker(String label) {
        return $(DatePicker.class).withLabel(label).single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<AuditAction> actionFilter() {
        return $(ComboBox.class).withLabel("Action").single();
    }

    private static List<String> actors(GridTester<Grid<AuditEvent>, AuditEvent> grid) {
        return column(grid, ACTOR);
    }

    private static List<String> targets(GridTester<Grid<AuditEvent>, AuditEvent> grid) {
        return column(grid, TARGET);
    }

    private static List<String> column(GridTester<Grid<AuditEvent>, AuditEvent> grid, int column) {
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, column)).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
