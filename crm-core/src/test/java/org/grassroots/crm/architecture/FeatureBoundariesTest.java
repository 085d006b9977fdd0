package org.grassroots.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The core's own rules: no Vaadin, and a feature's {@code internal} package is private to that feature. */
class FeatureBoundariesTest {

    static final String ROOT = "org.grassroots.crm.";
    private static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("target/classes"));

    static final ArchRule NO_VAADIN = noClasses().should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("crm-core holds the domain and services; the UI lives in crm-ui");

    static final ArchRule INTERNAL_STAYS_IN_FEATURE = ArchRuleDefinition.classes()
            .should(new ArchCondition<JavaClass>("reach another feature only through its root package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        String internalOwner = internalOwner(target);
                        if (internalOwner != null && !origin.getPackageName().startsWith(internalOwner)) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            });

    /**
     * Services with no role check, for callers that run as the system: the plugin host's adapters and the e-mail
     * list sync's engine (a background job with nobody signed in; its staff-facing service checks roles itself).
     */
    static final ArchRule SYSTEM_SERVICES_ONLY_FOR_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages(ROOT + "people..", ROOT + "pluginhost.adapter..",
                    ROOT + "listsync.internal..")
            .should().dependOnClassesThat().belongToAnyOf(org.grassroots.crm.people.SystemSubscriptions.class,
                    org.grassroots.crm.people.SupporterSnapshots.class)
            .because("they skip method security; staff code must use the secured people services");

    @Test
    void coreDoesNotDependOnVaadin() {
        NO_VAADIN.check(CORE);
    }

    @Test
    void internalPackagesAreOnlyUsedByTheirOwnFeature() {
        INTERNAL_STAYS_IN_FEATURE.check(CORE);
    }

    @Test
    void theInternalRuleCatchesACrossing() {
        JavaClasses crossing = new ClassFileImporter().importClasses(CrossingFixture.class,
                org.grassroots.crm.security.internal.AppUserRepository.class);
        assertThatThrownBy(() -> INTERNAL_STAYS_IN_FEATURE.check(crossing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AppUserRepository");
    }

    @Test
    void unsecuredSystemServicesAreOnlyUsedByThePluginHostAdapters() {
        SYSTEM_SERVICES_ONLY_FOR_ADAPTERS.check(CORE);
    }

    @Test
    void theSystemServicesRuleCatchesAnotherCaller() {
        JavaClasses crossing = new ClassFileImporter().importClasses(SystemServiceFixture.class,
                org.grassroots.crm.people.SystemSubscriptions.class);
        assertThatThrownBy(() -> SYSTEM_SERVICES_ONLY_FOR_ADAPTERS.check(crossing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SystemSubscriptions");
    }

    /** The feature package that owns {@code packageName} when it is an internal package, else null. */
    static String internalOwner(String packageName) {
        int internal = packageName.indexOf(".internal");
        if (!packageName.startsWith(ROOT) || internal < 0) {
            return null;
        }
        return packageName.substring(0, internal);
    }

    /** Stands in the architecture package and calls a service meant for the plugin host's adapters only. */
    static final class SystemServiceFixture {
        org.grassroots.crm.people.SystemSubscriptions subscriptions;
    }

    /** Stands in the architecture package and reaches into the security feature's internals. */
    static final class CrossingFixture {
        org.grassroots.crm.security.internal.AppUserRepository repository;
    }
}
