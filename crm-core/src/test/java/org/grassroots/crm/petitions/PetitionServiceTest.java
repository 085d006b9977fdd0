package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.petitions.PetitionFixtures.assertInvalid;
import static org.grassroots.crm.petitions.PetitionFixtures.unique;

import java.time.Instant;
import java.util.List;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class PetitionServiceTest {

    @Autowired
    PetitionService petitions;

    @Autowired
    JdbcClient jdbc;

    PetitionFixtures fixtures;

    @BeforeEach
    void signIn() {
        fixtures = new PetitionFixtures(jdbc);
        signInAs("organizer", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createsAPetitionWithASlugFromTheTitleAndAuditsIt() {
        String title = unique("Save Café Brûlé — now!");
        Petition petition = petitions.create(new PetitionDraft("  " + title + " ", null, "Keep it open.",
                "Des Moines City Council", 5000));

        assertThat(petition.title()).isEqualTo(title);
        assertThat(petition.slug()).isEqualTo(Slugs.fromTitle(title)).startsWith("save-cafe-brule-now-");
        assertThat(petition.description()).isEqualTo("Keep it open.");
        assertThat(petition.target()).isEqualTo("Des Moines City Council");
        assertThat(petition.goal()).isEqualTo(5000);
        assertThat(petition.createdBy()).isEqualTo("organizer");
        assertThat(petitions.find(petition.id())).contains(petition);
        assertThat(petitions.findBySlug(petition.slug().toUpperCase())).contains(petition);
        assertThat(fixtures.auditActions("petition", petition.id())).containsExactly("PETITION_CREATED");
    }

    @Test
    void aDerivedSlugThatIsTakenGetsANumberButATypedOneIsRefused() {
        String title = unique("Fund the library");
        Petition first = petitions.create(new PetitionDraft(title, null, null, null, null));
        Petition second = petitions.create(new PetitionDraft(title, " ", null, null, null));

        assertThat(second.slug()).isEqualTo(first.slug() + "-2");
        assertInvalid(() -> petitions.create(new PetitionDraft("Another", first.slug(), null, null, null)),
                "slug", "already used by the petition “" + title + "”");
        assertInvalid(() -> petitions.create(new PetitionDraft("Another", "Not A Slug", null, null, null)),
                "slug", "lower-case letters, digits and single dashes");
        assertInvalid(() -> petitions.create(new PetitionDraft("Another", "double--dash", null, null, null)),
                "slug", "single dashes");
        assertInvalid(() -> petitions.create(new PetitionDraft("¡¿!", null, null, null, null)),
                "slug", "no letters or digits");
    }

    @Test
    void refusesAMissingOrLongTitleAndAGoalBelowOne() {
        assertInvalid(() -> petitions.create(new PetitionDraft(" ", null, null, null, null)), "title", "1 to 200");
        assertInvalid(() -> petitions.create(new PetitionDraft("x".repeat(201), null, null, null, null)),
                "title", "1 to 200");
        assertInvalid(() -> petitions.create(new PetitionDraft("Title", null, null, null, 0)), "goal", "at least 1");
        assertInvalid(() -> petitions.create(new PetitionDraft("Title", null, null, "t".repeat(201), null)),
                "target", "200");
    }

    @Test
    void updateKeepsTheSlugWhenBlankAndChangesItWhenTyped() {
        Petition petition = petitions.create(new PetitionDraft(unique("Clean water"), null, null, null, null));

        Petition renamed = petitions.update(petition.id(), new PetitionDraft("Clean water for all", null, "More",
                "Governor", 100));
        assertThat(renamed.slug()).isEqualTo(petition.slug());
        assertThat(renamed.title()).isEqualTo("Clean water for all");
        assertThat(renamed.goal()).isEqualTo(100);
        assertThat(renamed.updatedAt()).isAfterOrEqualTo(petition.updatedAt());

        String newSlug = Slugs.fromTitle(unique("clean water now"));
        assertThat(petitions.update(petition.id(), new PetitionDraft("Clean water", newSlug, null, null, null)).slug())
                .isEqualTo(newSlug);
        // its own slug is not "taken"
        assertThat(petitions.update(petition.id(), new PetitionDraft("Clean water", newSlug, null, null, null)).slug())
                .isEqualTo(newSlug);
        assertThat(fixtures.auditActions("petition", petition.id()))
                .containsExactly("PETITION_CREATED", "PETITION_UPDATED", "PETITION_UPDATED", "PETITION_UPDATED");
        assertInvalid(() -> petitions.update(-1, new PetitionDraft("x", null, null, null, null)), "petitionId",
                "No petition");
    }

    @Test
    void signRecordsAPaperSignatureOnceAndAuditsIt() {
        Petition petition = petitions.create(new PetitionDraft(unique("Bus lanes"), null, null, null, null));
        long person = fixtures.person("Ada", "Lovelace");

        Signature signature = petitions.sign(petition.id(), person, null, "  Please hurry  ");

        assertThat(signature.petitionId()).isEqualTo(petition.id());
        assertThat(signature.petitionTitle()).isEqualTo(petition.title());
        assertThat(signature.personId()).isEqualTo(person);
        assertThat(signature.personName()).isEqualTo("Ada Lovelace");
        assertThat(signature.source()).isEqualTo("Paper");
        assertThat(signature.comment()).isEqualTo("Please hurry");
        assertThat(signature.signedAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(fixtures.auditActions("signature", signature.id())).containsExactly("SIGNATURE_ADDED");
        assertInvalid(() -> petitions.sign(petition.id(), person, "Clipboard", null), "personId",
                "already signed “" + petition.title() + "” on ");
        assertThat(petitions.signatureCount(petition.id())).isEqualTo(1);
        assertThat(petitions.signaturesOf(person)).containsExactly(signature);
    }

    @Test
    void signRefusesUnknownPetitionsAndMergedOrErasedPeople() {
        Petition petition = petitions.create(new PetitionDraft(unique("Parks"), null, null, null, null));
        long erased = fixtures.person();
        jdbc.sql("UPDATE person SET erased_at = now() WHERE id = ?").param(erased).update();
        long survivor = fixtures.person();
        long merged = fixtures.person();
        jdbc.sql("UPDATE person SET merged_into_id = ? WHERE id = ?").param(survivor).param(merged).update();

        assertInvalid(() -> petitions.sign(-5, survivor, null, null), "petitionId", "No petition with id -5");
        assertInvalid(() -> petitions.sign(petition.id(), erased, null, null), "personId", "No supporter");
        assertInvalid(() -> petitions.sign(petition.id(), merged, null, null), "personId", "No supporter");
        assertInvalid(() -> petitions.sign(petition.id(), survivor, null, "c".repeat(2001)), "comment", "2000");
        assertThat(petitions.signatureCount(petition.id())).isZero();
    }

    @Test
    void listsPetitionsNewestFirstWithTheirCounts() {
        Petition older = petitions.create(new PetitionDraft(unique("Older"), null, null, null, 10));
        Petition newer = petitions.create(new PetitionDraft(unique("Newer"), null, null, "Mayor", null));
        long first = fixtures.person();
        long second = fixtures.person();
        petitions.sign(older.id(), first, null, null);
        petitions.sign(older.id(), second, null, null);
        petitions.sign(newer.id(), first, null, null);
        Petition unsigned = petitions.create(new PetitionDraft(unique("Unsigned"), null, null, null, null));

        List<PetitionSummary> page = petitions.list(0, 3);

        assertThat(page).extracting(PetitionSummary::id).containsExactly(unsigned.id(), newer.id(), older.id());
        assertThat(page).extracting(PetitionSummary::signatureCount).containsExactly(0L, 1L, 2L);
        assertThat(page.get(1).target()).isEqualTo("Mayor");
        assertThat(page.get(2).goal()).isEqualTo(10);
        assertThat(petitions.list(1, 1)).extracting(PetitionSummary::id).containsExactly(newer.id());
    }

    @Test
    void aPetitionsSignaturesPageNewestFirst() {
        Petition petition = petitions.create(new PetitionDraft(unique("Rent"), null, null, null, null));
        long early = fixtures.person();
        long late = fixtures.person();
        fixtures.importedSignature(petition.id(), early, Instant.parse("2026-01-01T10:00:00Z"), "Web", "a-1");
        fixtures.importedSignature(petition.id(), late, Instant.parse("2026-02-01T10:00:00Z"), "Web", "a-2");

        assertThat(petitions.signatures(petition.id(), 0, 10)).extracting(Signature::personId)
                .containsExactly(late, early);
        assertThat(petitions.signatures(petition.id(), 1, 10)).extracting(Signature::externalId)
                .containsExactly("a-1");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "ORGANIZER"})
    void organizersAndAdminsWrite(Role role) {
        signInAs("writer", role);
        Petition petition = petitions.create(new PetitionDraft(unique("Writers"), null, null, null, null));
        petitions.update(petition.id(), new PetitionDraft("Writers", null, null, null, null));
        assertThat(petitions.sign(petition.id(), fixtures.person(), "Paper", null)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "VOLUNTEER_COORDINATOR"})
    void otherStaffReadButDoNotWrite(Role role) {
        Petition petition = petitions.create(new PetitionDraft(unique("Readers"), null, null, null, null));
        long person = fixtures.person();
        petitions.sign(petition.id(), person, null, null);
        signInAs("reader", role);

        assertThat(petitions.find(petition.id())).isPresent();
        assertThat(petitions.findBySlug(petition.slug())).isPresent();
        assertThat(petitions.list(0, 5)).isNotEmpty();
        assertThat(petitions.signatureCount(petition.id())).isEqualTo(1);
        assertThat(petitions.signatures(petition.id(), 0, 5)).hasSize(1);
        assertThat(petitions.signaturesOf(person)).hasSize(1);
        assertThatThrownBy(() -> petitions.create(new PetitionDraft("No", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.update(petition.id(), new PetitionDraft("No", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.sign(petition.id(), fixtures.person(), null, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void analystsAndAnonymousUsersGetNothing() {
        Petition petition = petitions.create(new PetitionDraft(unique("Hidden"), null, null, null, null));
        signInAs("analyst", Role.ANALYST);

        assertThatThrownBy(() -> petitions.find(petition.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.list(0, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.signaturesOf(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.create(new PetitionDraft("No", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> petitions.list(0, 5))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }
}
