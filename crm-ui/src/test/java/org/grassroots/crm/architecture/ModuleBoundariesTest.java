package org.grassroots.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Rules across modules: nothing outside crm-core touches a core {@code internal} package, and crm-core never
 * depends on Vaadin. Each rule is also run against code that breaks it, to show it can fail.
 */
class ModuleBoundariesTest {

    private static final JavaClasses UI = new ClassFileImporter().importPath(Path.of("target/classes"));
    private static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("../crm-core/target/classes"));

    static final ArchRule NO_CORE_INTERNALS = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.grassroots.crm..internal..")
            .because("other modules reach a feature only through its public service and records");

    static final ArchRule CORE_WITHOUT_VAADIN = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("crm-core holds the domain and services; the UI lives in crm-ui");

    static final ArchRule NO_UNSECURED_SYSTEM_SERVICES = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(org.grassroots.crm.people.SystemSubscriptions.class,
                    org.grassroots.crm.people.SupporterSnapshots.class)
            .because("they skip method security and exist for the plugin host's port adapters only");

    @Test
    void uiDoesNotUseTheUnsecuredSystemServices() {
        NO_UNSECURED_SYSTEM_SERVICES.check(UI);
    }

    @Test
    void uiDoesNotTouchCoreInternals() {
        NO_CORE_INTERNALS.check(UI);
    }

    @Test
    void coreDoesNotImportVaadin() {
        CORE_WITHOUT_VAADIN.check(CORE);
    }

    @Test
    void bothRulesFailOnCodeThatBreaksThem() {
        // the core's own services use their internal packages, and the UI uses Vaadin: both must be reported
        assertThatThrownBy(() -> NO_CORE_INTERNALS.check(CORE)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CORE_WITHOUT_VAADIN.check(UI)).isInstanceOf(AssertionError.class);
        // the core's plugin port adapters are the callers the system services exist for
        assertThatThrownBy(() -> NO_UNSECURED_SYSTEM_SERVICES.check(CORE)).isInstanceOf(AssertionError.class);
    }
}
