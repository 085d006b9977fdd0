package org.grassroots.crm.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.hosttest.Answering;
import org.junit.jupiter.api.Test;

/** An uninstalled plugin leaves nothing behind that keeps its classes in memory. */
class PluginUnloadTest extends PluginHostTestSupport {

    @Test
    void theClassLoaderOfAnUninstalledPluginIsCollectable() throws Exception {
        WeakReference<ClassLoader> loader = installUseAndUninstall();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<byte[]> pressure = new ArrayList<>();
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            pressure.add(new byte[1024 * 1024]);
            if (pressure.size() > 64) {
                pressure.clear();
            }
            Thread.sleep(50);
        }

        assertThat(loader.get()).as("the unloaded plugin's class loader").isNull();
    }

    /** In a method of its own, so no local variable of the test keeps the plugin reachable. */
    private WeakReference<ClassLoader> installUseAndUninstall() throws Exception {
        upload(TestPluginJars.plugin("fleeting")
                .pluginClass("private final ThreadLocal<String> state = ThreadLocal.withInitial(() -> \"x\");\n"
                        + "@Override public void start() { state.get(); }\n"
                        + "@Override public void stop() { state.remove(); }")
                .answering("greeter", "return greetings.greet(question);",
                        "private final org.grassroots.crm.plugin.api.hosttest.Greetings greetings;",
                        "(org.grassroots.crm.plugin.api.hosttest.Greetings greetings) { this.greetings = greetings; }")
                .writeJar(FILES));
        PluginExtension<Answering> greeter = calls.extension(Answering.class, "fleeting", "greeter").orElseThrow();
        String timeBoxed = calls.call(greeter, "answer", extension -> extension.answer("Bo"));
        String inJob = calls.callInJob("fleeting", greeter.extension(), "answer", extension -> extension.answer("Cy"));
        assertThat(timeBoxed).isEqualTo("Hello Bo from fleeting");
        assertThat(inJob).isEqualTo("Hello Cy from fleeting");
        assertThat(plugin("fleeting").extensions()).hasSize(1);
        WeakReference<ClassLoader> loader = new WeakReference<>(greeter.extension().getClass().getClassLoader());

        admin.uninstall("fleeting");
        return loader;
    }
}
