package org.grassroots.crm.pluginhost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.grassroots.crm.pluginhost.InstallResult;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A real plugin jar with a Vaadin view and a {@code ViewContribution}, installed through the upload path: its
 * screen opens inside the app shell for the roles it names, with a menu entry, and is "not found" for everyone else
 * and for everyone once the plugin is disabled; a view that cannot be created fails its plugin with a message.
 */
@SpringBootTest
class PluginScreenTest extends SpringBrowserlessTest {

    private static final Path FILES = Path.of("target/plugin-screen-test");
    private static final String NOT_FOUND = "We couldn't find that page";

    @Autowired
    PluginAdminService plugins;

    @AfterEach
    void uninstall() {
        signIn("ADMIN");
        plugins.list().stream().filter(p -> p.id().startsWith("screen-")).forEach(p -> plugins.uninstall(p.id()));
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRoleTheScreenNamesOpensItInsideTheShellWithAMenuEntry() {
        install(canvassPlugin("screen-canvass", "new Div(\"Walk list for Ward 5\")"));
        signIn("ORGANIZER");

        PluginScreen screen = navigate("plugins/screen-canvass/map", PluginScreen.class);

        assertThat(screen.getElement().getTextRecursively()).contains("Walk list for Ward 5");
        assertThat(screen.getPageTitle()).isEqualTo("Canvass map");
        assertThat($(SideNavItem.class).all()).filteredOn(item -> item.getLabel().equals("Canvass map"))
                .singleElement().extracting(SideNavItem::getPath).isEqualTo("plugins/screen-canvass/map");
    }

    @Test
    void aRoleTheScreenDoesNotNameGetsNotFoundAndNoMenuEntry() {
        install(canvassPlugin("screen-canvass", "new Div(\"Walk list for Ward 5\")"));
        signIn("FUNDRAISER");

        Component shown = navigate("plugins/screen-canvass/map", Component.class);

        assertThat(shown).isNotInstanceOf(PluginScreen.class);
        assertThat(shown.getElement().getTextRecursively()).contains(NOT_FOUND).doesNotContain("Walk list");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Home")
                .doesNotContain("Canvass map");
    }

    @Test
    void anUnknownScreenOrAScreenOfADisabledPluginIsNotFoundForEveryone() {
        install(canvassPlugin("screen-canvass", "new Div(\"Walk list for Ward 5\")"));
        signIn("ADMIN");
        assertThat(navigate("plugins/screen-canvass/map", Component.class)).isInstanceOf(PluginScreen.class);
        assertThat(notFound("plugins/screen-canvass/other")).isTrue();
        assertThat(notFound("plugins/screen-nobody/map")).isTrue();

        plugins.disable("screen-canvass");

        assertThat(notFound("plugins/screen-canvass/map")).as("admin").isTrue();
        signIn("ORGANIZER");
        assertThat(notFound("plugins/screen-canvass/map")).as("organizer").isTrue();
    }

    @Test
    void aViewThatCannotBeCreatedFailsItsPluginAndSaysSo() {
        install(canvassPlugin("screen-broken", "throw new IllegalStateException(\"no map tiles\")"));
        signIn("ORGANIZER");

        PluginScreen screen = navigate("plugins/screen-broken/map", PluginScreen.class);

        assertThat(screen.getElement().getTextRecursively()).isEqualTo("This screen belongs to plugin screen-broken,"
                + " which failed: extension 'canvass' threw IllegalStateException: no map tiles (create view canvass)."
                + " An admin can restart it under Plugins.");
        signIn("ADMIN");
        assertThat(plugins.find("screen-broken").orElseThrow().status()).isEqualTo(PluginStatus.FAILED);
    }

    /** A plugin with a view at {@code map} for organizers and admins whose constructor runs {@code content}. */
    private static Path canvassPlugin(String id, String content) {
        TestPluginJars.Builder plugin = TestPluginJars.plugin(id).compileAgainst(Component.class)
                .compileAgainst(Div.class)
                .compileAgainst(org.grassroots.crm.plugin.api.ui.ViewContribution.class);
        String body = content.startsWith("throw") ? content + ";" : "add(" + content + ");";
        return plugin
                .source("MapView", "import com.vaadin.flow.component.html.Div;\n"
                        + "public class MapView extends Div {\n public MapView() {\n" + body + "\n }\n}")
                .source("Canvass", "@org.pf4j.Extension\n"
                        + "public class Canvass implements org.grassroots.crm.plugin.api.ui.ViewContribution {\n"
                        + " public String id() { return \"canvass\"; }\n"
                        + " public String displayName() { return \"Canvass map\"; }\n"
                        + " public String route() { return \"map\"; }\n"
                        + " public String viewClassName() { return MapView.class.getName(); }\n"
                        + " public java.util.Set<String> roles() { return java.util.Set.of(\"ORGANIZER\", \"ADMIN\"); }\n"
                        + "}")
                .writeJar(FILES);
    }

    private void install(Path jar) {
        signIn("ADMIN");
        try (InputStream data = Files.newInputStream(jar)) {
            InstallResult result = plugins.install(jar.getFileName().toString(), data);
            assertThat(result.status()).as("%s: %s", result.pluginId(), result.failureReason())
                    .isEqualTo(PluginStatus.STARTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean notFound(String location) {
        Component shown = navigate(location, Component.class);
        return !(shown instanceof PluginScreen) && shown.getElement().getTextRecursively().contains(NOT_FOUND);
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "screen-" + role.toLowerCase(java.util.Locale.ROOT), null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
