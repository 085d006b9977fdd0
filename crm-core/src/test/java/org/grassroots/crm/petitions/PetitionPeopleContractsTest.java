package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.petitions.PetitionFixtures.unique;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.people.CriterionOption;
import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonCriterion;
import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonTimelineService;
import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Petitions as the people feature sees them: the filter, timeline entries, merge, erasure and export. */
@SpringBootTest
class PetitionPeopleContractsTest {

    static final Instant JANUARY = Instant.parse("2026-01-10T09:00:00Z");
    static final Instant MARCH = Instant.parse("2026-03-10T09:00:00Z");

    @Autowired
    PetitionService petitions;

    @Autowired
    List<TimelineSource> timelineSources;

    @Autowired
    List<PersonDataParticipant> participants;

    @Autowired
    List<PersonCriterion> criteria;

    @Autowired
    PersonSearchService search;

    @Autowired
    PersonTimelineService timelines;

    @Autowired
    PersonMergeService merges;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    PlatformTransactionManager transactions;

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
    void theHasSignedCriterionSelectsExactlyTheSigners() {
        PersonCriterion criterion = criteria.stream().filter(c -> c.key().equals("has-signed")).findFirst()
                .orElseThrow();
        long signer = fixtures.person();
        long other = fixtures.person();
        petitions.sign(petition("Criterion").id(), signer, null, null);

        List<Long> matching = jdbc.sql("SELECT p.id FROM person p WHERE p.id IN (:ids) AND " + criterion.sqlCondition())
                .param("ids", List.of(signer, other)).query(Long.class).list();

        assertThat(matching).containsExactly(signer);
        assertThat(search.criteria()).contains(new CriterionOption("has-signed", "Has signed a petition"));
        PersonFilter signed = new PersonFilter(null, null, null, Set.of("has-signed"));
        assertThat(search.page(new PersonQuery("person" + signer + "@petitions.example.org", signed, null, false),
                null, 0, 10).rows()).hasSize(1);
        assertThat(search.page(new PersonQuery("person" + other + "@petitions.example.org", signed, null, false),
                null, 0, 10).rows()).isEmpty();
    }

    @Test
    void theTimelineShowsEachSignatureWithCommentAndSourceNewestFirst() {
        long person = fixtures.person();
        Petition paper = petition("Paper petition");
        Petition imported = petition("Imported petition");
        fixtures.importedSignature(imported.id(), person, JANUARY, "ActionNetwork", "an-1");
        petitions.sign(paper.id(), person, "Clipboard", "My street floods");

        List<TimelineEntry> entries = source().entriesFor(person, 10);

        assertThat(entries).extracting(TimelineEntry::kind, TimelineEntry::title, TimelineEntry::detail,
                TimelineEntry::link).containsExactly(
                tuple("SIGNATURE", "Signed " + paper.title(), "“My street floods” · Clipboard",
                        "petitions/" + paper.id()),
                tuple("SIGNATURE", "Signed " + imported.title(), "ActionNetwork", "petitions/" + imported.id()));
        assertThat(entries.get(1).occurredAt()).isEqualTo(JANUARY);
        assertThat(source().entriesFor(person, 1)).hasSize(1);
        assertThat(timelines.timeline(person)).extracting(TimelineEntry::kind).contains("SIGNATURE");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "VOLUNTEER_COORDINATOR", "ADMIN"})
    void otherStaffSeeSignaturesOnTheTimeline(Role role) {
        long person = fixtures.person();
        petitions.sign(petition("Seen").id(), person, null, null);
        signInAs("staff", role);

        assertThat(source().entriesFor(person, 10)).hasSize(1);
    }

    @Test
    void analystsSeeNoSignaturesOnTheTimeline() {
        long person = fixtures.person();
        petitions.sign(petition("Unseen").id(), person, null, null);
        signInAs("analyst", Role.ANALYST);

        assertThat(source().entriesFor(person, 10)).isEmpty();
    }

    @Test
    void mergingMovesSignaturesAndKeepsTheEarlierOfADoubleSignature() {
        long survivor = fixtures.person();
        long duplicate = fixtures.person();
        Petition both = petition("Both signed");
        Petition onlyDuplicate = petition("Only the duplicate signed");
        Petition onlySurvivor = petition("Only the survivor signed");
        long earlier = fixtures.importedSignature(both.id(), duplicate, JANUARY, "Web", "web-1");
        fixtures.importedSignature(both.id(), survivor, MARCH, "Paper", null);
        long moved = fixtures.importedSignature(onlyDuplicate.id(), duplicate, MARCH, "Web", "web-2");
        long kept = petitions.sign(onlySurvivor.id(), survivor, null, null).id();

        signInAs("admin", Role.ADMIN);
        merges.merge(MergeRequest.keepSurvivorValues(survivor, duplicate));

        assertThat(petitions.signaturesOf(survivor)).extracting(Signature::id)
                .containsExactlyInAnyOrder(earlier, moved, kept);
        assertThat(petitions.signaturesOf(survivor)).filteredOn(s -> s.petitionId() == both.id()).singleElement()
                .satisfies(s -> {
                    assertThat(s.signedAt()).isEqualTo(JANUARY);
                    assertThat(s.source()).isEqualTo("Web");
                    assertThat(s.externalId()).isEqualTo("web-1");
                });
        assertThat(petitions.signaturesOf(duplicate)).isEmpty();
        assertThat(petitions.signatureCount(both.id())).isEqualTo(1);
        assertThat(petitions.signatureCount(onlyDuplicate.id())).isEqualTo(1);
    }

    @Test
    void mergingKeepsTheSurvivorsSignatureWhenItIsTheEarlierOne() {
        long survivor = fixtures.person();
        long duplicate = fixtures.person();
        Petition both = petition("Survivor first");
        long earlier = fixtures.importedSignature(both.id(), survivor, JANUARY, "Paper", null);
        fixtures.importedSignature(both.id(), duplicate, MARCH, "Web", "web-3");

        participant().moveAll(duplicate, survivor);

        assertThat(petitions.signatures(both.id(), 0, 10)).extracting(Signature::id, Signature::personId)
                .containsExactly(tuple(earlier, survivor));
    }

    @Test
    void erasureDeletesTheSignaturesSoCountsDrop() {
        long person = fixtures.person();
        long other = fixtures.person();
        Petition petition = petition("Erased signer");
        petitions.sign(petition.id(), person, null, "Remove me later");
        petitions.sign(petition.id(), other, null, null);
        assertThat(petitions.signatureCount(petition.id())).isEqualTo(2);

        signInAs("admin", Role.ADMIN);
        privacy.erase(person);

        assertThat(fixtures.count("SELECT count(*) FROM signature WHERE person_id = ?", person)).isZero();
        assertThat(petitions.signatureCount(petition.id())).isEqualTo(1);
        assertThat(source().entriesFor(person, 10)).isEmpty();
        assertThat(participant().export(person)).isEmpty();
    }

    @Test
    void theExportListsEverySignature() {
        long person = fixtures.person();
        Petition petition = petition("Exported");
        fixtures.importedSignature(petition.id(), person, JANUARY, "ActionNetwork", "an-9");

        List<Map<String, Object>> export = participant().export(person);

        assertThat(participant().section()).isEqualTo("petitions");
        assertThat(export).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("petition", petition.title()).containsEntry("petitionId", petition.id())
                .containsEntry("signedAt", "2026-01-10T09:00:00Z").containsEntry("source", "ActionNetwork")
                .containsEntry("externalId", "an-9"));
        signInAs("admin", Role.ADMIN);
        assertThat(privacy.exportJson(person)).contains("\"petitions\"").contains(petition.title());
    }

    @Test
    void aSetBasedImportMergeFromStagingSkipsPeopleWhoAlreadySigned() {
        Petition petition = petition("Imported in bulk");
        long already = fixtures.person();
        long fresh = fixtures.person();
        petitions.sign(petition.id(), already, null, null);
        int inserted = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("CREATE TEMP TABLE signature_staging (person_id BIGINT, signed_at TIMESTAMPTZ, external_id TEXT)"
                    + " ON COMMIT DROP").update();
            jdbc.sql("INSERT INTO signature_staging VALUES (?, ?, 'x-1'), (?, ?, 'x-2')")
                    .param(already).param(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                    .param(fresh).param(java.time.OffsetDateTime.parse("2026-01-02T00:00:00Z")).update();

            return jdbc.sql("""
                            INSERT INTO signature
                                (petition_id, person_id, signed_at, source, external_id, import_batch_id)
                            SELECT ?, person_id, signed_at, 'Import', external_id, 42 FROM signature_staging
                            ON CONFLICT (petition_id, person_id) DO NOTHING""")
                    .param(petition.id()).update();
        });

        assertThat(inserted).isEqualTo(1);
        assertThat(petitions.signatures(petition.id(), 0, 10)).extracting(Signature::personId, Signature::source)
                .containsExactlyInAnyOrder(tuple(already, "Paper"), tuple(fresh, "Import"));
    }

    private Petition petition(String title) {
        return petitions.create(new PetitionDraft(unique(title), null, null, null, null));
    }

    private TimelineSource source() {
        return timelineSources.stream().filter(PetitionTimeline.class::isInstance).findFirst().orElseThrow();
    }

    private PersonDataParticipant participant() {
        return participants.stream().filter(p -> p.section().equals("petitions")).findFirst().orElseThrow();
    }
}
