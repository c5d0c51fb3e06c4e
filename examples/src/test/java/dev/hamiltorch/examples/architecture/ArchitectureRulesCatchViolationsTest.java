package dev.hamiltorch.examples.architecture;

import static dev.hamiltorch.examples.architecture.ArchitectureRules.COMMONS_MATH;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.EJML;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.EXAMPLES;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.PROGRESS_DISPLAY;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureRules} fail on bad classes and pass on good ones. This is what
 * makes the rules for modules not written yet meaningful: they are the same rules, aimed at the
 * fixtures in {@code dev.hamiltorch.examples.architecture.fixture}.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE = "dev.hamiltorch.examples.architecture.fixture";
    private static final String GOOD_PLUGIN = FIXTURE + ".plugin.good..";
    private static final String BAD_PLUGIN = FIXTURE + ".plugin.bad..";

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aPluginUsingTheApiTheJdkAndAutoServicePasses() {
        ArchitectureRules.pluginDependsOnlyOnTheApi(GOOD_PLUGIN).check(FIXTURES);
        ArchitectureRules.pluginIsIndependentOfTheEngine(GOOD_PLUGIN).check(FIXTURES);
    }

    @Test
    void aPluginUsingTheEngineFails() {
        String violations = violations(ArchitectureRules.pluginIsIndependentOfTheEngine(BAD_PLUGIN));
        assertTrue(violations.contains("EngineCoupledIntegrator"), violations);
        assertTrue(violations.contains("dev.hamiltorch.engine.plugin.PluginRegistry"), violations);
    }

    @Test
    void aPluginUsingGuiceOrTheEngineDependsOnMoreThanTheApi() {
        String violations = violations(ArchitectureRules.pluginDependsOnlyOnTheApi(BAD_PLUGIN));
        assertTrue(violations.contains("GuiceInjectedMetric"), violations);
        assertTrue(violations.contains("com.google.inject.Inject"), violations);
        assertTrue(violations.contains("EngineCoupledIntegrator"), violations);
    }

    @Test
    void theLinearAlgebraLibrariesAllowedToMetricsExcuseNothingElse() {
        String violations = violations(ArchitectureRules.pluginDependsOnlyOnTheApi(BAD_PLUGIN, EJML, COMMONS_MATH));
        assertTrue(violations.contains("dev.hamiltorch.engine.plugin.PluginRegistry"), violations);
        assertTrue(violations.contains("com.google.inject.Inject"), violations);
    }

    @Test
    void aRuleAboutAnAbsentPackageFailsUnlessEmptinessIsAllowed() {
        String absent = "dev.hamiltorch.examples.architecture.absent..";
        assertThrows(AssertionError.class, () -> ArchitectureRules.pluginDependsOnlyOnTheApi(absent).check(FIXTURES));
        ArchitectureRules.pluginDependsOnlyOnTheApi(absent).allowEmptyShould(true).check(FIXTURES);
    }

    @Test
    void consoleOutputIsCaughtOutsideTheExemptPackages() {
        // the fixtures live under dev.hamiltorch.examples, so exempt the progress display only
        String violations = violations(ArchitectureRules.noConsoleOutputOutside(PROGRESS_DISPLAY));
        assertTrue(violations.contains("ChattyIntegrator") && violations.contains("System.out"), violations);
        assertTrue(violations.contains("LoudFailure") && violations.contains("printStackTrace"), violations);
        assertTrue(!violations.contains("WellBehavedMetric"), "System.arraycopy is not console output: " + violations);

        // with the command line exempt, as in the real rule, no fixture is even checked: all live under it
        ArchitectureRules.noConsoleOutputOutside(PROGRESS_DISPLAY, EXAMPLES).allowEmptyShould(true).check(FIXTURES);
    }

    @Test
    void grabBagPackagesAreCaught() {
        String violations = violations(ArchitectureRules.noGrabBagPackages());
        assertTrue(violations.contains(FIXTURE + ".util.Helpers"), violations);
        assertTrue(!violations.contains("WellBehavedMetric"), violations);
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertTrue(result.hasViolation(), "expected " + rule.getDescription() + " to be violated");
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
