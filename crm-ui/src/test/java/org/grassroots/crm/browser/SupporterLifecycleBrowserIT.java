package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventDraft;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventService;
import org.grassroots.crm.volunteers.ShiftDraft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One supporter's life through the real screens, each step by the role that does it in an organisation: an organizer
 * adds and edits them, a fundraiser records a gift, a volunteer coordinator signs them up for a shift, the organizer
 * merges a duplicate into them, and an admin sees all of it on their timeline (the coordinator, without amounts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupporterLifecycleBrowserIT {

    private static final String PASSWORD = "lifecycle-password-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PersonService people;

    @Autowired
    EventService events;

    @Test
    void createEditGiveVolunteerMergeAndSeeItAllOnTheTimeline() {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String lastName = "Delgado" + suffix;
        String email = "rosa." + suffix + "@example.org";
        String organizer = staff.create(Role.ORGANIZER, "organizer-" + suffix, PASSWORD);
        String fundraiser = staff.create(Role.FUNDRAISER, "fundraiser-" + suffix, PASSWORD);
        String coordinator = staff.create(Role.VOLUNTEER_COORDINATOR, "coordinator-" + suffix, PASSWORD);
        long eventId = staff.as("admin", () -> phoneBankWithCallerShift(suffix));
        long duplicateId = staff.as("admin", () -> duplicate(lastName, suffix));

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                walkThrough(browser, page, suffix, lastName, email, organizer, fundraiser, coordinator, eventId,
                        duplicateId);
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "lifecycle-failure");
                throw failure;
            }
        }
    }

    private void walkThrough(BrowserSession browser, Page page, String suffix, String lastName, String email,
            String organizer, String fundraiser, String coordinator, long eventId, long duplicateId) {
        signIn(browser, page, organizer);
        long supporterId = createSupporter(page, browser, lastName, email);
        editAddress(page);
        browser.screenshot(page, "lifecycle-1-created-and-edited");

        signIn(browser, page, fundraiser);
        recordGift(browser, page, supporterId);
        browser.screenshot(page, "lifecycle-2-gift-recorded");

        signIn(browser, page, coordinator);
        signUpForShift(browser, page, eventId, email, lastName);
        browser.screenshot(page, "lifecycle-3-signed-up");

        signIn(browser, page, organizer);
        mergeDuplicate(browser, page, supporterId, duplicateId, lastName);
        browser.screenshot(page, "lifecycle-4-merged");

        page.navigate(browser.url("supporters/" + duplicateId));
        page.getByText("Supporter #" + duplicateId + " was merged into this supporter.").waitFor();

        StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD); // the one role that sees every kind of history
        page.navigate(browser.url("supporters/" + supporterId));
        Locator timeline = timeline(page);
        timeline.getByText("Donated $35.00 by card").waitFor();
        assertThat(timeline.innerText())
                .contains("Signed up for Phone bank")
                .contains("Merged duplicate #" + duplicateId + " into this supporter")
                .contains("Met at the county fair " + suffix)
                .contains(email + ": Subscribed")
                .contains("rosa.old." + suffix + "@example.org: Subscribed");
        assertThat(page.getByLabel("City").inputValue()).isEqualTo("Des Moines");
        assertThat(page.getByLabel("Source").inputValue()).as("the duplicate's source was picked")
                .isEqualTo("partner list");
        timeline.scrollIntoViewIfNeeded();
        browser.screenshot(page, "lifecycle-5-timeline");

        signIn(browser, page, coordinator);
        page.navigate(browser.url("supporters/" + supporterId));
        Locator coordinatorsTimeline = timeline(page);
        coordinatorsTimeline.getByText("Signed up for Phone bank").first().waitFor();
        assertThat(coordinatorsTimeline.innerText()).as("amounts are for fundraisers and admins only")
                .doesNotContain("$35.00");
    }

    private long createSupporter(Page page, BrowserSession browser, String lastName, String email) {
        page.navigate(browser.url("supporters/new"));
        page.getByLabel("First name").fill("Rosa");
        page.getByLabel("Last name").fill(lastName);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("(515) 555-0142");
        page.getByLabel("ZIP").fill("50309");
        BrowserSession.button(page, "Add supporter").click();
        page.waitForURL(Pattern.compile(".*/supporters/\\d+$"));
        page.getByText("Added Rosa " + lastName).waitFor();
        assertThat(page.getByLabel("State").inputValue())
                .as("the state comes from the ZIP").contains("Iowa");
        return Long.parseLong(page.url().replaceAll(".*/supporters/", ""));
    }

    private static void editAddress(Page page) {
        BrowserSession.button(page, "Edit").click();
        page.getByLabel("Street").fill("1200 Grand Ave");
        page.getByLabel("City").fill("Des Moines");
        BrowserSession.button(page, "Save").click();
        page.getByText("Saved.").waitFor();
        assertThat(page.getByLabel("Street").inputValue()).isEqualTo("1200 Grand Ave");
    }

    private static void recordGift(BrowserSession browser, Page page, long supporterId) {
        page.navigate(browser.url("supporters/" + supporterId));
        page.getByText("Record a gift").click();
        page.waitForURL("**/donations?person=" + supporterId);
        BrowserSession.button(page, "Add donation").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Amount", new Locator.GetByLabelOptions().setExact(true)).fill("35");
        dialog.getByLabel("Method").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Card")).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add donation")).click();
        page.locator("vaadin-grid").getByText("$35.00").waitFor();
    }

    private static void signUpForShift(BrowserSession browser, Page page, long eventId, String email,
            String lastName) {
        page.navigate(browser.url("events/" + eventId));
        Locator signUpField = page.getByLabel("Sign up a supporter by e-mail");
        Locator callerShift = page.locator("vaadin-grid").getByText("Caller");
        callerShift.waitFor();
        if (!signUpField.isVisible()) { // the only shift of an event is selected when the page opens
            clickUntilVisible(callerShift, signUpField);
        }
        signUpField.fill(email);
        BrowserSession.button(page, "Sign up").click();
        page.getByText("Rosa " + lastName + " is signed up for Caller.").waitFor();
    }

    private static void mergeDuplicate(BrowserSession browser, Page page, long supporterId, long duplicateId,
            String lastName) {
        page.navigate(browser.url("supporters/" + supporterId));
        BrowserSession.button(page, "Merge with").click();
        page.getByLabel("Find the duplicate").fill(lastName);
        page.locator("vaadin-grid").getByText("#" + duplicateId).click();
        page.getByText("Duplicate: partner list").click();
        BrowserSession.button(page, "Merge #" + duplicateId + " into #" + supporterId).click();
        page.getByText("Merged #" + duplicateId).waitFor();
    }

    /** Clicks a grid row until what it opens appears: a click that lands before the grid is wired up is lost. */
    private static void clickUntilVisible(Locator row, Locator opened) {
        for (int attempt = 1; ; attempt++) {
            row.click();
            try {
                opened.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                return;
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
    }

    private static Locator timeline(Page page) {
        Locator card = page.locator("vaadin-card", new Page.LocatorOptions().setHasText("Timeline")).last();
        card.waitFor();
        return card;
    }


    private static void signIn(BrowserSession browser, Page page, String username) {
        StaffAccounts.signIn(browser, page, username, PASSWORD);
    }

    private long phoneBankWithCallerShift(String suffix) {
        LocalDateTime saturday = LocalDate.now().plusWeeks(2).atTime(LocalTime.of(10, 0));
        EventDetails event = events.create(new EventDraft(EventKind.PHONE_BANK, "Lifecycle phone bank " + suffix,
                saturday, saturday.plusHours(4), "Des Moines field office", "IA"));
        events.addShift(event.id(), new ShiftDraft("Caller", saturday, saturday.plusHours(2), 10));
        return event.id();
    }

    /** The same person entered earlier from a partner's list, with an old address and a note. */
    private long duplicate(String lastName, String suffix) {
        long id = people.create(new NewPerson("Rosa", lastName, List.of("rosa.old." + suffix + "@example.org"),
                List.of(), PostalAddress.empty(), "partner list", List.of("phone-bank"))).id();
        people.addNote(id, "Met at the county fair " + suffix);
        return id;
    }

}
