package org.grassroots.crm.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.grassroots.crm.audit.AuditFilter;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.hosttest.Answering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The host with real pf4j and real plugin jars, installed through the upload path: extensions are found and called
 * with their ports, and a plugin that fails to start, throws, hangs, asks for a non-port or reaches into core is
 * marked failed with the reason while the application and the other plugins keep working.
 */
class PluginHostTest extends PluginHostTestSupport {

    @Autowired
    AuditLog auditLog;

    @Test
    void findsTheExtensionsOfAStartedPluginAndCallsThemWithTheirPortsAndClassLoader() {
        InstallResult result = upload(TestPluginJars.plugin("alpha")
                .answering("greeter", "return greetings.greet(question) + \" / context loader is own: \""
                                + " + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader());",
                        "private final org.grassroots.crm.plugin.api.hosttest.Greetings greetings;",
                        "(org.grassroots.crm.plugin.api.hosttest.Greetings greetings) { this.greetings = greetings; }")
                .writeJar(FILES));

        assertThat(result.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(result.failureReason()).isNull();
        InstalledPlugin alpha = plugin("alpha");
        assertThat(alpha.extensions()).containsExactly(new InstalledExtension("Answering", "greeter",
                "Answers greeter"));
        assertThat(alpha.description()).isEqualTo("Synthetic test plugin alpha");
        assertThat(alpha.provider()).isEqualTo("Grassroots tests");
        assertThat(alpha.requires()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(alpha.installedBy()).isEqualTo("plugin-admin");
        assertThat(alpha.sha256()).hasSize(64);

        List<PluginExtension<Answering>> found = calls.extensions(Answering.class);
        assertThat(found).extracting(PluginExtension::pluginId, PluginExtension::extensionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", "greeter"));
        String answer = calls.call(found.getFirst(), "answer", extension -> extension.answer("Ada"));
        assertThat(answer).isEqualTo("Hello Ada from alpha / context loader is own: true");
        assertThat(Thread.currentThread().getContextClassLoader()).isNotInstanceOf(org.pf4j.PluginClassLoader.class);
        assertThat(hook.prepared).containsExactly("alpha");
    }

    @Test
    void aPluginWhoseStartThrowsIsInstalledButFailedAndTheOthersKeepWorking() {
        upload(working("steady").writeJar(FILES));

        InstallResult result = upload(TestPluginJars.plugin("bad-start")
                .pluginClass("@Override public void start() { throw new IllegalStateException(\"boom\"); }")
                .answering("never", "return \"never\";").writeJar(FILES));

        assertThat(result.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(result.failureReason()).isEqualTo("start() threw IllegalStateException: boom");
        assertThat(plugin("bad-start").extensions()).isEmpty();
        assertThat(calls.extensions(Answering.class)).extracting(PluginExtension::pluginId).containsExactly("steady");
        assertThat(auditDetails("PLUGIN_FAILED", "bad-start")).singleElement().asString()
                .contains("start() threw IllegalStateException: boom").contains("1.0.0");
        assertTheAppAndPluginSteadyWork();
    }

    @Test
    void aPluginWhoseExtensionThrowsIsMarkedFailedAndCanBeRestarted() {
        upload(working("steady").writeJar(FILES));
        upload(TestPluginJars.plugin("thrower")
                .answering("moody", "if (question.equals(\"bad\")) throw new IllegalStateException(\"boom\"); "
                        + "return \"fine\";").writeJar(FILES));
        PluginExtension<Answering> moody = calls.extension(Answering.class, "thrower", "moody").orElseThrow();
        assertThat(ask(moody, "good")).isEqualTo("fine");

        assertThatThrownBy(() -> calls.call(moody, "answer", extension -> extension.answer("bad")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("Plugin 'thrower' failed: extension 'moody' threw IllegalStateException: boom (answer)")
                .satisfies(e -> assertThat(((PluginUnavailableException) e).pluginId()).isEqualTo("thrower"));

        InstalledPlugin thrower = plugin("thrower");
        assertThat(thrower.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(thrower.failureReason()).isEqualTo("extension 'moody' threw IllegalStateException: boom (answer)");
        assertThatThrownBy(() -> calls.call(moody, "answer", extension -> extension.answer("good")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("Plugin 'thrower' is not available: extension 'moody' threw IllegalStateException: boom "
                        + "(answer)");
        assertThat(auditEvents("PLUGIN_FAILED", "thrower")).isOne();
        assertTheAppAndPluginSteadyWork();

        assertThat(admin.restart("thrower").status()).isEqualTo(PluginStatus.STARTED);
        PluginExtension<Answering> again = calls.extension(Answering.class, "thrower", "moody").orElseThrow();
        assertThat(ask(again, "good")).isEqualTo("fine");
        assertThat(auditEvents("PLUGIN_RESTARTED", "thrower")).isOne();
    }

    @Test
    void anExpectedExceptionReachesTheCallerAndTheJobCancelledOneToo() {
        upload(TestPluginJars.plugin("careful")
                .answering("reader", "if (question.equals(\"cancel\")) throw new "
                        + "org.grassroots.crm.plugin.api.jobs.JobCancelledException(); "
                        + "throw new java.io.IOException(\"cannot read \" + question);").writeJar(FILES));
        PluginExtension<Answering> reader = calls.extension(Answering.class, "careful", "reader").orElseThrow();

        assertThatThrownBy(() -> calls.call("careful", reader.extension(), "answer", IOException.class,
                extension -> extension.answer("march.csv")))
                .isInstanceOf(IOException.class).hasMessage("cannot read march.csv");
        assertThatThrownBy(() -> calls.call(reader, "answer", extension -> extension.answer("cancel")))
                .isInstanceOf(org.grassroots.crm.plugin.api.jobs.JobCancelledException.class);
        assertThat(plugin("careful").status()).isEqualTo(PluginStatus.STARTED);
    }

    @Test
    void aCallOnThisThreadRunsOnTheCallersThreadAndAnyExceptionStillFailsThePlugin() {
        upload(TestPluginJars.plugin("local")
                .answering("here", "if (question.equals(\"bad\")) throw new java.io.IOException(\"boom\"); "
                        + "return Thread.currentThread().getName();").writeJar(FILES));
        PluginExtension<Answering> here = calls.extension(Answering.class, "local", "here").orElseThrow();

        String answer = calls.callOnThisThread(here, "answer", extension -> extension.answer("where"));
        assertThat(answer).isEqualTo(Thread.currentThread().getName());
        assertThatThrownBy(() -> calls.callOnThisThread(here, "answer", extension -> extension.answer("bad")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("Plugin 'local' failed: extension 'here' threw IOException: boom (answer)");
        assertThat(plugin("local").status()).isEqualTo(PluginStatus.FAILED);
    }

    @Test
    void aPluginThatHangsIsMarkedFailedAfterTheTimeBoxWhileEverythingElseKeepsWorking() {
        upload(working("steady").writeJar(FILES));
        upload(TestPluginJars.plugin("hangs")
                .answering("sleeper", """
                        long end = System.nanoTime() + 8_000_000_000L;
                        while (System.nanoTime() < end) {
                            try { Thread.sleep(100); } catch (InterruptedException ignoredOnPurpose) { }
                        }
                        return "woke up";""").writeJar(FILES));
        PluginExtension<Answering> sleeper = calls.extension(Answering.class, "hangs", "sleeper").orElseThrow();

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.call(sleeper, "answer", extension -> extension.answer("hello?")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("Plugin 'hangs' failed: extension 'sleeper' did not answer within 2 s (answer)");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4000));
        assertThat(plugin("hangs").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(plugin("hangs").failureReason()).contains("did not answer within 2 s");
        // the plugin's thread is still sleeping, and yet the core and the other plugin answer at once
        long meanwhile = System.nanoTime();
        assertTheAppAndPluginSteadyWork();
        assertThat(Duration.ofNanos(System.nanoTime() - meanwhile)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anExtensionAskingForSomethingThatIsNoPortFailsThePluginNamingIt() {
        InstallResult result = upload(TestPluginJars.plugin("greedy")
                .answering("clocked", "return clock.toString();", "private final java.time.Clock clock;",
                        "(java.time.Clock clock) { this.clock = clock; }").writeJar(FILES));

        assertThat(result.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(result.failureReason()).startsWith("extension test.greedy.Answering1 asks for java.time.Clock, "
                + "which is not a plugin port; allowed: ").contains("Greetings");
    }

    @Test
    void aPluginCannotLoadCoreClasses() {
        upload(TestPluginJars.plugin("nosy")
                .compileAgainst(AuditLog.class)
                .answering("peek", "return org.grassroots.crm.audit.AuditLog.class.getName();").writeJar(FILES));
        PluginExtension<Answering> peek = calls.extension(Answering.class, "nosy", "peek").orElseThrow();

        assertThatThrownBy(() -> calls.call(peek, "answer", extension -> extension.answer("?")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("NoClassDefFoundError: org.grassroots.crm.audit.AuditLog: plugins may only "
                        + "use org.grassroots.crm.plugin.api");
    }

    @Test
    void aFailingLifecycleHookFailsThePluginBeforeItStarts() {
        InstallResult result = upload(TestPluginJars.plugin("hook-fails")
                .pluginClass("@Override public void start() { throw new AssertionError(\"must not start\"); }")
                .writeJar(FILES));

        assertThat(result.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(result.failureReason()).isEqualTo("preparing it failed: IllegalStateException: its migration V2 "
                + "broke");
    }

    @Test
    void callsIntoAPluginThatIsNotRunningAreRefusedAtOnce() {
        upload(working("steady").writeJar(FILES));
        PluginExtension<Answering> steady = calls.extensions(Answering.class).getFirst();
        admin.disable("steady");

        assertThatThrownBy(() -> calls.call(steady, "answer", extension -> extension.answer("?")))
                .isInstanceOf(PluginUnavailableException.class).hasMessage("Plugin 'steady' is not running");
        assertThat(calls.extensions(Answering.class)).isEmpty();
    }

    private String ask(PluginExtension<Answering> target, String question) {
        return calls.call(target, "answer", extension -> extension.answer(question));
    }

    static TestPluginJars.Builder working(String id) {
        return TestPluginJars.plugin(id).answering("echo", "return \"echo \" + question;");
    }

    private void assertTheAppAndPluginSteadyWork() {
        PluginExtension<Answering> steady = calls.extension(Answering.class, "steady", "echo").orElseThrow();
        assertThat(ask(steady, "still there"))
                .isEqualTo("echo still there");
        assertThat(auditLog.find(AuditFilter.none(), 0, 5)).isNotEmpty();
        assertThat(plugin("steady").status()).isEqualTo(PluginStatus.STARTED);
    }
}
