package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From a petition's page to its signers in the supporters list, and on to another petition's signers through the
 * "Signed petition" picker, in a real browser; the address follows the filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedPetitionFilterBrowserIT {

    private static final String PASSWORD = "signers-password-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PersonService people;

    @Autowired
    PetitionService petitions;

    @Test
    void aPetitionsSignersOpenInTheSupportersListAndThePickerSwitchesPetition() {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String organizer = staff.create(Role.ORGANIZER, "signers-" + suffix, PASSWORD);
        Petition river = staff.as("admin", () -> petition("Save the Cedar River " + suffix));
        Petition park = staff.as("admin", () -> petition("Keep Union Park green " + suffix));
        staff.as("admin", () -> signer("Ada", "Riverton" + suffix, UsState.IA, "50309", river));
        long bothSigner = staff.as("admin", () -> signer("Ben", "Bothwell" + suffix, UsState.IA, "52401", river));
        staff.as("admin", () -> petitions.sign(park.id(), bothSigner, null, null));
        staff.as("admin", () -> signer("Cy", "Parkes" + suffix, UsState.IA, "50010", park));

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                StaffAccounts.signIn(browser, page, organizer, PASSWORD);
                page.navigate(browser.url("petitions/" + river.id()));
                page.getByText("See signers in Supporters").waitFor();
                browser.screenshot(page, "signers-0-petition-page");
                page.getByText("See signers in Supporters").click();
                page.waitForURL("**/supporters?signed-petition=" + river.id());
                Locator grid = page.locator("vaadin-grid");
                grid.getByText("Ada Riverton" + suffix).waitFor();
                assertThat(grid.innerText()).contains("Ben Bothwell" + suffix).doesNotContain("Parkes" + suffix);
                assertThat(page.getByLabel("Signed petition").inputValue()).isEqualTo(river.title());
                browser.screenshot(page, "signers-1-from-petition-page");

                Locator picker = page.getByLabel("Signed petition");
                picker.fill("union park green " + suffix);
                page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(park.title())).click();
                page.waitForURL("**/supporters?signed-petition=" + park.id());
                grid.getByText("Cy Parkes" + suffix).waitFor();
                assertThat(grid.innerText()).contains("Ben Bothwell" + suffix).doesNotContain("Riverton" + suffix);
                browser.screenshot(page, "signers-2-picked-another-petition");

                page.setViewportSize(390, 800);
                browser.screenshot(page, "signers-3-phone");
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "signers-failure");
                throw failure;
            }
        }
    }

    private Petition petition(String title) {
        return petitions.create(new PetitionDraft(title, null, null, "City Council", null));
    }

    /** Creates a supporter who signs the petition; returns their id. */
    private long signer(String firstName, String lastName, UsState state, String zip, Petition petition) {
        long id = people.create(new NewPerson(firstName, lastName, List.of(), List.of(),
                new PostalAddress(null, null, state, zip), null, List.of())).id();
        petitions.sign(petition.id(), id, null, null);
        return id;
    }
}
