package dev.hamiltorch.examples.architecture;

import static dev.hamiltorch.examples.architecture.ArchitectureRules.COMMONS_MATH;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.EJML;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.EXAMPLES;
import static dev.hamiltorch.examples.architecture.ArchitectureRules.PROGRESS_DISPLAY;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of docs/architecture.md ("Modules and their rules") enforced on the production classes of
 * every module on this module's class path (tests are left out: they may use anything).
 */
@AnalyzeClasses(packages = "dev.hamiltorch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String INTEGRATORS = "dev.hamiltorch.integrators..";
    static final String METRICS = "dev.hamiltorch.metrics..";
    static final String LIKELIHOODS = "dev.hamiltorch.likelihoods..";
    static final String TESTKIT = "dev.hamiltorch.testkit..";
    static final String EXAMPLE_PLUGIN = "dev.hamiltorch.examples.metricplugin..";

    @ArchTest
    static final ArchRule apiDependsOnTheJdkOnly = ArchitectureRules.apiDependsOnTheJdkOnly();

    // the integrators module is on this class path: an empty package would be a mistake
    @ArchTest
    static final ArchRule integratorsDependOnlyOnTheApi = ArchitectureRules.pluginDependsOnlyOnTheApi(INTEGRATORS);

    @ArchTest
    static final ArchRule integratorsAreIndependentOfTheEngine =
            ArchitectureRules.pluginIsIndependentOfTheEngine(INTEGRATORS);

    // metrics-hessian and metrics-softabs are on this class path: an empty package would be a mistake
    @ArchTest
    static final ArchRule metricsDependOnlyOnTheApiAndLinearAlgebra =
            ArchitectureRules.pluginDependsOnlyOnTheApi(METRICS, EJML, COMMONS_MATH);

    @ArchTest
    static final ArchRule metricsAreIndependentOfTheEngine = ArchitectureRules.pluginIsIndependentOfTheEngine(METRICS);

    // the conformance kit and the example third-party plugin are on this (test) class path
    @ArchTest
    static final ArchRule testkitDependsOnlyOnTheApi = ArchitectureRules.pluginDependsOnlyOnTheApi(TESTKIT);

    @ArchTest
    static final ArchRule theExamplePluginDependsOnlyOnTheApi =
            ArchitectureRules.pluginDependsOnlyOnTheApi(EXAMPLE_PLUGIN);

    // the likelihoods module is on this class path: an empty package would be a mistake
    @ArchTest
    static final ArchRule likelihoodsDependOnlyOnTheApi = ArchitectureRules.pluginDependsOnlyOnTheApi(LIKELIHOODS);

    @ArchTest
    static final ArchRule likelihoodsAreIndependentOfTheEngine =
            ArchitectureRules.pluginIsIndependentOfTheEngine(LIKELIHOODS);

    @ArchTest
    static final ArchRule engineIsIndependentOfExamplesAndGpu = ArchitectureRules.engineIsIndependentOfExamplesAndGpu();

    @ArchTest
    static final ArchRule noGrabBagPackages = ArchitectureRules.noGrabBagPackages();

    @ArchTest
    static final ArchRule onlyTheProgressDisplayAndTheCommandLineWriteToTheConsole =
            ArchitectureRules.noConsoleOutputOutside(PROGRESS_DISPLAY, EXAMPLES);
}
