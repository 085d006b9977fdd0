package org.grassroots.crm.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobSchedules;
import org.grassroots.crm.jobs.JobScheduleInfo;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.pluginhost.PluginRunChanged;
import org.grassroots.crm.pluginhost.PluginSettingsChanged;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(properties = "crm.list-sync.retry-delay=PT0.01S")
@Import(FakeLists.Config.class)
class ListSyncServiceTest {

    @Autowired
    SyncWorld world;

    @Autowired
    ListSyncService service;

    @Autowired
    JobService jobs;

    @Autowired
    JobSchedules schedules;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void organizersStartASyncThatRunsAsAJobAndIsAudited() {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        IntStream.range(0, 3).forEach(i -> world.person(tag));
        TestSecurity.signInAs("organizer-ls", Role.ORGANIZER);

        assertThat(service.lists()).anySatisfy(l -> {
            assertThat(l.key()).isEqualTo(FakeLists.key(list));
            assertThat(l.sourceLabel()).isEqualTo("fake:list " + list.id());
            assertThat(l.configured()).isTrue();
            assertThat(l.lastRun()).isNull();
        });
        assertThat(service.testConnection(FakeLists.key(list)).ok()).isTrue();
        assertThat(service.plan(FakeLists.key(list))).isEqualTo(new SyncPlan(3, 0, 0, 0));

        long dryJob = service.startSync(FakeLists.key(list), true);
        assertThat(ended(dryJob).state()).isEqualTo(JobState.SUCCEEDED);
        long jobId = service.startSync(FakeLists.key(list), false);
        JobSummary job = ended(jobId);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.counts()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("added");
            assertThat(c.value()).isEqualTo(3);
        });
        assertThat(list.subscribed()).hasSize(3);
        assertThat(service.runs(FakeLists.key(list), 10)).extracting(SyncRun::dryRun, SyncRun::jobId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, jobId),
                        org.assertj.core.groups.Tuple.tuple(true, dryJob));
        assertThat(service.lists()).filteredOn(l -> l.key().equals(FakeLists.key(list))).singleElement()
                .satisfies(l -> assertThat(l.lastRun().status()).isEqualTo(SyncRunStatus.DONE));
        assertThat(world.jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ? AND actor = 'organizer-ls'""")
                .param(AuditAction.LIST_SYNC_STARTED.name()).param(FakeLists.key(list)).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void onlyOrganizersAndAdminsMaySync() {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        TestSecurity.signInAs("analyst-ls", Role.ANALYST);
        assertThatThrownBy(() -> service.startSync(FakeLists.key(list), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.lists()).isInstanceOf(AccessDeniedException.class);
        TestSecurity.signInAs("fundraiser-ls", Role.FUNDRAISER);
        assertThatThrownBy(() -> service.runs(FakeLists.key(list), 5)).isInstanceOf(AccessDeniedException.class);
        TestSecurity.signInAs("admin-ls", Role.ADMIN);
        assertThatThrownBy(() -> service.startSync("fake-lists:nope", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No started plugin offers the list");
    }

    @Test
    void aListWithACronIsScheduledWhileItsPluginRunsAndFollowsItsSettings() {
        FakeEmailList list = world.list(SyncWorld.unique("seg"));
        list.cron("0 15 3 * * *");
        String scheduleId = "list-sync:" + FakeLists.key(list);

        events.publishEvent(new PluginRunChanged(FakeLists.PLUGIN, true, false));
        TestSecurity.signInAs("admin-ls", Role.ADMIN);
        assertThat(schedules.list()).filteredOn(s -> s.scheduleId().equals(scheduleId)).singleElement()
                .satisfies(s -> {
                    assertThat(s.cron()).isEqualTo("0 15 3 * * *");
                    assertThat(s.jobType()).isEqualTo("list-sync");
                    assertThat(s.jobParameters()).containsEntry("listKey", FakeLists.key(list));
                });

        list.cron("0 0 4 * * *");
        events.publishEvent(new PluginSettingsChanged(FakeLists.PLUGIN));
        assertThat(schedules.list()).filteredOn(s -> s.scheduleId().equals(scheduleId)).singleElement()
                .satisfies(s -> assertThat(s.cron()).isEqualTo("0 0 4 * * *"));
        list.cron(null);
        events.publishEvent(new PluginSettingsChanged(FakeLists.PLUGIN));
        assertThat(schedules.list()).extracting(JobScheduleInfo::scheduleId).doesNotContain(scheduleId);

        list.cron("0 15 3 * * *");
        events.publishEvent(new PluginSettingsChanged(FakeLists.PLUGIN));
        assertThat(schedules.list()).extracting(JobScheduleInfo::scheduleId).contains(scheduleId);
        events.publishEvent(new PluginRunChanged(FakeLists.PLUGIN, false, false));
        assertThat(schedules.list()).extracting(JobScheduleInfo::scheduleId).doesNotContain(scheduleId);
        world.lists.remove(list);
    }

    private JobSummary ended(long jobId) {
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> !jobs.find(jobId).orElseThrow().state().isActive());
        return jobs.find(jobId).orElseThrow();
    }
}
