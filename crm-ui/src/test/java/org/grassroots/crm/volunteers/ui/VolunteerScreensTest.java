package org.grassroots.crm.volunteers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.volunteers.AvailabilityWindow;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventDraft;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventService;
import org.grassroots.crm.volunteers.ShiftDraft;
import org.grassroots.crm.volunteers.ShiftRow;
import org.grassroots.crm.volunteers.SignupService;
import org.grassroots.crm.volunteers.VolunteerRow;
import org.grassroots.crm.volunteers.VolunteerService;
import org.grassroots.crm.volunteers.VolunteerStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The volunteer list, profile and supporter-page card, without a browser, against the embedded database. */
@SpringBootTest
@WithMockUser(username = "coordinator", roles = "VOLUNTEER_COORDINATOR")
class VolunteerScreensTest extends SpringBrowserlessTest {

    @Autowired
    VolunteerService volunteers;

    @Autowired
    EventService events;

    @Autowired
    SignupService signups;

    @Autowired
    VolunteeringSection section;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theListFindsAVolunteerByNameAndStatus() {
        String family = unique("Quintero");
        long person = ScreenFixtures.person(jdbc, "Lena", family);
        volunteers.enrol(person);

        navigate(VolunteersView.class);
        test($view(TextField.class).withPlaceholder("Name (3+ letters)").single()).setValue(family);
        @SuppressWarnings("unchecked")
        Grid<VolunteerRow> grid = $view(Grid.class).single();

        assertThat(test(grid).size()).isEqualTo(1);
        VolunteerRow row = test(grid).getRow(0);
        assertThat(row.personId()).isEqualTo(person);
        assertThat(row.name()).isEqualTo("Lena " + family);

        test($view(Select.class).withAriaLabel("Status").single()).selectItem("Inactive");
        assertThat(test(grid).size()).isZero();
        assertThat(grid.getEmptyStateText()).startsWith("No volunteers match.");
    }

    @Test
    void overlappingAvailabilityIsShownUnderTheWindowsAndNotSaved() {
        long person = ScreenFixtures.person(jdbc, "Omar", unique("Farah"));
        volunteers.enrol(person);
        navigate("volunteers/" + person, VolunteerProfileView.class);
        AvailabilityEditor availability = $view(AvailabilityEditor.class).single();
        Button save = $view(Button.class).withText("Save profile").single();

        test($(Button.class, availability).withText("Add window").single()).click();
        test($(Button.class, availability).withText("Add window").single()).click();
        test(save).click();

        assertThat(availability.isInvalid()).isTrue();
        assertThat(availability.getErrorMessage()).isEqualTo("Saturday: 10:00–14:00 overlaps 10:00–14:00.");
        assertThat(volunteers.profile(person).orElseThrow().availability()).isEmpty();

        test($(Button.class, availability).withAriaLabel("Remove this window").first()).click();
        test($view(Select.class).withLabel("Status").single()).selectItem("Inactive");
        test(save).click();

        assertThat(availability.isInvalid()).isFalse();
        assertThat(volunteers.profile(person).orElseThrow()).satisfies(profile -> {
            assertThat(profile.status()).isEqualTo(VolunteerStatus.INACTIVE);
            assertThat(profile.availability()).containsExactly(
                    new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        });
    }

    @Test
    void aSupporterWhoDoesNotVolunteerCanBeEnrolledFromTheProfilePage() {
        long person = ScreenFixtures.person(jdbc, "Ines", unique("Moreau"));
        navigate("volunteers/" + person, VolunteerProfileView.class);
        assertThat($view(Button.class).withText("Save profile").exists()).isFalse();

        test($view(Button.class).withText("Enrol as volunteer").single()).click();

        assertThat(volunteers.profile(person)).isPresent();
        assertThat($view(Button.class).withText("Save profile").exists()).isTrue();
        assertThat($view(Button.class).withText("Enrol as volunteer").exists()).isFalse();
        assertThat($view(Select.class).withLabel("Status").single().getValue()).isEqualTo(VolunteerStatus.ACTIVE);
    }

    @Test
    void theProfileTracksAttendanceAndHoursOfEachShift() {
        long person = ScreenFixtures.person(jdbc, "Tomas", unique("Berg"));
        LocalDateTime start = LocalDate.now().minusDays(3).atTime(9, 0);
        EventDetails event = events.create(new EventDraft(EventKind.CANVASS, unique("Canvass"), start,
                start.plusHours(4), "Columbia", "SC"));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Canvasser", start, start.plusHours(3), 8));
        signups.signUp(shift.id(), person);
        navigate("volunteers/" + person, VolunteerProfileView.class);
        PersonSignupsGrid grid = $view(PersonSignupsGrid.class).single();
        test($view(TextArea.class).withLabel("Notes").single()).setValue("Unsaved note");

        test((SignupStatusSelect) test(grid).getCellComponent(0, "status")).selectItem("Attended");
        test($(Button.class, test(grid).getCellComponent(0, "hours")).withText("Log hours").single()).click();
        HoursDialog dialog = $(HoursDialog.class).single();
        BigDecimalField hours = $(BigDecimalField.class, dialog).single();
        test(hours).setValue(new BigDecimal("3.5"));
        test($(Button.class, dialog).withText("Save hours").single()).click();

        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isEqualTo("The shift lasts 3 hours; log at most 3 hours.");
        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("0");

        test(hours).setValue(new BigDecimal("3"));
        test($(Button.class, dialog).withText("Save hours").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(volunteers.totalHours(person)).isEqualByComparingTo("3");
        assertThat($view(Paragraph.class).withClassName("page-summary").single().getText())
                .endsWith("3 hours in total");
        assertThat($view(TextArea.class).withLabel("Notes").single().getValue()).isEqualTo("Unsaved note");
    }

    @Test
    void theSupporterPageCardShowsStatusHoursAndNextShift() {
        long person = ScreenFixtures.person(jdbc, "Kai", unique("Nakamura"));
        LocalDateTime start = LocalDate.now().plusDays(10).atTime(18, 0);
        EventDetails event = events.create(new EventDraft(EventKind.TEXT_BANK, unique("Text bank"), start,
                start.plusHours(3), "Online", null));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Texter", start, start.plusHours(2), 5));
        signups.signUp(shift.id(), person);

        Component card = section.sectionFor(person).orElseThrow();

        assertThat(((Card) card).getTitleAsText()).isEqualTo("Volunteering");
        assertThat(card.getElement().getTextRecursively()).contains("Active", "Hours: 0 in total",
                "Next shift: Texter · " + event.title());
    }

    @Test
    @WithMockUser(username = "fundraiser", roles = "FUNDRAISER")
    void theCardIsLeftOutForFundraisers() {
        long person = ScreenFixtures.person(jdbc, "Lu", unique("Chen"));

        assertThat(section.sectionFor(person)).isEmpty();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
