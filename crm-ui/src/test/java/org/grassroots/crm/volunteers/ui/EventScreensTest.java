package org.grassroots.crm.volunteers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventDraft;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventService;
import org.grassroots.crm.volunteers.ShiftDraft;
import org.grassroots.crm.volunteers.ShiftRow;
import org.grassroots.crm.volunteers.SignupRow;
import org.grassroots.crm.volunteers.VolunteerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The events screens as a volunteer coordinator uses them, without a browser, against the embedded database. */
@SpringBootTest
@WithMockUser(username = "coordinator", roles = "VOLUNTEER_COORDINATOR")
class EventScreensTest extends SpringBrowserlessTest {

    static final LocalDateTime SATURDAY = LocalDate.now().plusWeeks(4).atTime(10, 0);

    @Autowired
    EventService events;

    @Autowired
    VolunteerService volunteers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createAnEventAddAShiftSignSomeoneUpAndLogTheirHours() {
        String title = unique("GOTV phone bank");
        long person = ScreenFixtures.person(jdbc, "Rosa", unique("Diaz"));

        navigate(EventsView.class);
        test($view(Button.class).withText("New event").single()).click();
        EventDialog eventDialog = $(EventDialog.class).single();
        test(eventDialog.title).setValue(title);
        test(eventDialog.startsAt).setValue(SATURDAY);
        test(eventDialog.endsAt).setValue(SATURDAY.plusHours(4));
        test(eventDialog.place).setValue("Des Moines");
        test(eventDialog.state).selectItem("IA — Iowa");
        test($(Button.class, eventDialog).withText("Create event").single()).click();

        assertThat(getCurrentView()).isInstanceOf(EventView.class);
        test($view(Button.class).withText("Add shift").single()).click();
        ShiftDialog shiftDialog = $(ShiftDialog.class).single();
        test(shiftDialog.role).setValue("Caller");
        test(shiftDialog.endsAt).setValue(SATURDAY.plusHours(3));
        test(shiftDialog.capacity).setValue(10);
        test($(Button.class, shiftDialog).withText("Add shift").single()).click();

        Grid<ShiftRow> shifts = shiftsGrid();
        assertThat(test(shifts).size()).isEqualTo(1);
        assertThat(fillLevelText(shifts, 0)).isEqualTo("0 / 10");
        ShiftSignupsPanel panel = $view(ShiftSignupsPanel.class).single();
        assertThat(panel.isVisible()).isTrue();

        test(panel.email).setValue(ScreenFixtures.emailOf(person));
        test(panel.signUp).click();

        assertThat(fillLevelText(shifts, 0)).isEqualTo("1 / 10");
        assertThat(test(panel.grid).size()).isEqualTo(1);
        assertThat(volunteers.profile(person)).isPresent();
        assertThat(test($(Notification.class).last()).getText()).contains("signed up for Caller");

        SignupStatusSelect status = (SignupStatusSelect) test(panel.grid).getCellComponent(0, "status");
        test(status).selectItem("Attended");
        Button logHours = $(Button.class, test(panel.grid).getCellComponent(0, "hours")).withText("Log hours")
                .single();
        test(logHours).click();
        HoursDialog hoursDialog = $(HoursDialog.class).single();
        test($(BigDecimalField.class, hoursDialog).single())
                .setValue(new BigDecimal("2.5"));
        test($(Button.class, hoursDialog).withText("Save hours").single()).click();

        SignupRow signup = test(panel.grid).getRow(0);
        assertThat(signup.hours()).isEqualByComparingTo("2.5");
        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("2.5");
        assertThat(fillLevelText(shifts, 0)).isEqualTo("1 / 10");
    }

    @Test
    void badShiftInputShowsAFieldErrorAndSavesNothing() {
        EventDetails event = events.create(new EventDraft(EventKind.CANVASS, unique("Canvass"), SATURDAY,
                SATURDAY.plusHours(3), "Reno", "NV"));
        navigate("events/" + event.id(), EventView.class);

        test($view(Button.class).withText("Add shift").single()).click();
        ShiftDialog dialog = $(ShiftDialog.class).single();
        test(dialog.role).setValue("Canvasser");
        test(dialog.startsAt).setValue(SATURDAY.minusHours(1));
        test($(Button.class, dialog).withText("Add shift").single()).click();

        assertThat(dialog.startsAt.isInvalid()).isTrue();
        assertThat(dialog.startsAt.getErrorMessage()).contains("must start during the event");
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.startsAt).setValue(SATURDAY);
        test(dialog.role).setValue("");
        test($(Button.class, dialog).withText("Add shift").single()).click();

        assertThat(dialog.role.isInvalid()).isTrue();
        assertThat(dialog.role.getErrorMessage()).startsWith("Enter a role");
        assertThat(events.shifts(event.id())).isEmpty();
    }

    @Test
    void signingUpAnUnknownAddressOrIntoAFullShiftIsRefusedBesideTheEmailField() {
        EventDetails event = events.create(new EventDraft(EventKind.PHONE_BANK, unique("Phone bank"), SATURDAY,
                SATURDAY.plusHours(3), null, null));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Host", SATURDAY,
                SATURDAY.plusHours(3), 1));
        long first = ScreenFixtures.person(jdbc, "Ann", unique("Lee"));
        long second = ScreenFixtures.person(jdbc, "Bob", unique("Ray"));
        navigate("events/" + event.id(), EventView.class);
        ShiftSignupsPanel panel = $view(ShiftSignupsPanel.class).single();

        test(panel.email).setValue(unique("nobody") + "@example.org");
        test(panel.signUp).click();
        assertThat(panel.email.isInvalid()).isTrue();
        assertThat(panel.email.getErrorMessage()).contains("No supporter has the e-mail address");

        test(panel.email).setValue(ScreenFixtures.emailOf(first));
        test(panel.signUp).click();
        test(panel.email).setValue(ScreenFixtures.emailOf(second));
        test(panel.signUp).click();

        assertThat(panel.email.getErrorMessage()).isEqualTo("The shift Host is full: 1 of 1 places are taken.");
        assertThat(events.shifts(event.id())).singleElement().extracting(ShiftRow::fillLevel).isEqualTo("1 / 1");
        assertThat(shift.capacity()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Grid<ShiftRow> shiftsGrid() {
        return $view(Grid.class).withCondition(grid -> grid.getColumnByKey("fill") != null).single();
    }

    private String fillLevelText(Grid<ShiftRow> grid, int row) {
        return $(Span.class, test(grid).getCellComponent(row, "fill")).first().getText();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
