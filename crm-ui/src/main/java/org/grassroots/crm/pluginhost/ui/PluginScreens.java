package org.grassroots.crm.pluginhost.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.ui.ViewContribution;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Component;

/**
 * The screens started plugins contribute ({@link ViewContribution}) that the signed-in user may open: those whose
 * {@code roles()} include one of the user's roles. A plugin whose {@code route()} or {@code roles()} throws is failed
 * by the fault barrier and contributes nothing.
 */
@Component
public class PluginScreens {

    /** A screen for the menu: its title and its address, {@code plugins/<plugin id>/<route>}. */
    public record Screen(String title, String path) {
    }

    private record Declared(PluginExtension<ViewContribution> extension, String route, Set<String> roles) {
    }

    private final PluginCalls calls;
    private final AuthenticationContext authentication;

    PluginScreens(PluginCalls calls, AuthenticationContext authentication) {
        this.calls = calls;
        this.authentication = authentication;
    }

    /** The contributed screens the signed-in user may open, by plugin id and extension id. */
    public List<Screen> forCurrentUser() {
        return openable(null).stream().map(screen -> new Screen(screen.extension().displayName(),
                "plugins/" + screen.extension().pluginId() + "/" + screen.route())).toList();
    }

    /** The started contribution of {@code pluginId} at {@code route}, if the signed-in user may open it. */
    Optional<PluginExtension<ViewContribution>> find(String pluginId, String route) {
        return openable(pluginId).stream().filter(screen -> screen.route().equals(route)).findFirst()
                .map(Declared::extension);
    }

    private List<Declared> openable(String onlyPluginId) {
        List<Declared> found = new ArrayList<>();
        for (PluginExtension<ViewContribution> extension : calls.extensions(ViewContribution.class)) {
            if (onlyPluginId != null && !onlyPluginId.equals(extension.pluginId())) {
                continue;
            }
            try {
                Declared declared = calls.call(extension, "route and roles",
                        view -> new Declared(extension, view.route(), Set.copyOf(view.roles())));
                if (mayOpen(declared.roles())) {
                    found.add(declared);
                }
            } catch (PluginUnavailableException failed) {
                // the barrier has failed the plugin and recorded why; its screens are gone with it
            }
        }
        return found;
    }

    private boolean mayOpen(Set<String> roleNames) {
        List<String> authorities = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roleNames.contains(role.name())) {
                authorities.add(role.authority());
            }
        }
        return !authorities.isEmpty() && authentication.hasAnyAuthority(authorities);
    }
}
