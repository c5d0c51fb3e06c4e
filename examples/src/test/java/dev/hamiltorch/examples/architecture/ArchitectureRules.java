package dev.hamiltorch.examples.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The "depends on" column and the house rules of docs/architecture.md ("Modules and their rules"), as
 * ArchUnit rules. Rules that take a package are applied to the real packages by
 * {@link ArchitectureTest} and to deliberately bad fixtures by
 * {@link ArchitectureRulesCatchViolationsTest}, which shows they bite even where the real package does
 * not exist yet.
 */
final class ArchitectureRules {

    static final String API = "dev.hamiltorch.api..";
    static final String ENGINE = "dev.hamiltorch.engine..";
    static final String EXAMPLES = "dev.hamiltorch.examples..";
    static final String GPU = "dev.hamiltorch.gpu..";
    static final String PROGRESS_DISPLAY = "dev.hamiltorch.engine.progress..";
    static final String JDK = "java..";
    /** Compile-time only (class retention): plugins register themselves with {@code @AutoService}. */
    static final String AUTO_SERVICE = "com.google.auto.service..";
    static final String EJML = "org.ejml..";
    static final String COMMONS_MATH = "org.apache.commons.math3..";

    private ArchitectureRules() {
    }

    /** hamiltorch-api: the JDK and nothing else, so a plugin compiles against the api jar alone. */
    static ArchRule apiDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(API, JDK)
                .because("hamiltorch-api may depend on the JDK only (docs/architecture.md)");
    }

    /**
     * A plugin module: its own classes, the api, the JDK, {@code @AutoService}, and the listed
     * libraries (EJML and commons-math3 for metrics); never the engine, ND4J or Guice.
     */
    static ArchRule pluginDependsOnlyOnTheApi(String pluginPackage, String... libraries) {
        List<String> allowed = new ArrayList<>(List.of(pluginPackage, API, JDK, AUTO_SERVICE));
        allowed.addAll(List.of(libraries));
        return classes().that().resideInAPackage(pluginPackage)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because("plugin modules may depend on hamiltorch-api only"
                        + (libraries.length == 0 ? "" : " and " + String.join(", ", libraries))
                        + " (docs/architecture.md)");
    }

    /** Said on its own as well, so a violation reads as what it is. */
    static ArchRule pluginIsIndependentOfTheEngine(String pluginPackage) {
        return noClasses().that().resideInAPackage(pluginPackage)
                .should().dependOnClassesThat().resideInAPackage(ENGINE)
                .because("a plugin sees the engine only through hamiltorch-api (docs/architecture.md)");
    }

    /** The engine is below the examples and the GPU backend, which depend on it, not the reverse. */
    static ArchRule engineIsIndependentOfExamplesAndGpu() {
        return noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(EXAMPLES, GPU)
                .because("examples and gpu-backend depend on the engine, never the reverse (docs/architecture.md)");
    }

    /** Grab-bag packages hide what code is for; name packages after the domain. */
    static ArchRule noGrabBagPackages() {
        return noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..misc..")
                .because("packages are named after what their classes do, not util/utils/common/misc");
    }

    /**
     * Libraries log through SLF4J and leave the console to the application; only the packages in
     * {@code exempt} (the progress display and the command line) may write to it.
     */
    static ArchRule noConsoleOutputOutside(String... exempt) {
        return noClasses().that().resideOutsideOfPackages(exempt)
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                // any Throwable subclass: the call's owner in the bytecode is the static type, e.g. RuntimeException
                .orShould().callMethodWhere(target(name("printStackTrace"))
                        .and(target(owner(assignableTo(Throwable.class))))
                        .and(target(rawParameterTypes(new Class<?>[0]))))
                .because("library code logs with SLF4J; only " + String.join(", ", exempt)
                        + " write to the console");
    }
}
