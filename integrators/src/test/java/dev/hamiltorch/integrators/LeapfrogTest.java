package dev.hamiltorch.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.integrators.TestHamiltonians.AnisotropicGaussian;
import dev.hamiltorch.integrators.TestHamiltonians.Banana;
import dev.hamiltorch.integrators.TestHamiltonians.Counting;
import dev.hamiltorch.integrators.TestHamiltonians.Gaussian1d;
import dev.hamiltorch.integrators.TestHamiltonians.NonSeparable;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import java.lang.reflect.Method;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeapfrogTest {

    private final Leapfrog leapfrog = new Leapfrog();

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("anisotropic Gaussian", new AnisotropicGaussian(), new double[] {1.0, 1.0},
                        new double[] {0.3, -1.2}, new double[] {1.1, -0.4}),
                Arguments.of("anisotropic Gaussian, diagonal mass", new AnisotropicGaussian(),
                        new double[] {0.25, 3.0}, new double[] {1.4, -3.1}, new double[] {-2.0, 0.6}),
                Arguments.of("banana", new Banana(), new double[] {1.0, 1.0},
                        new double[] {0.5, 0.8}, new double[] {0.7, -1.3}));
    }

    private static PhasePoint pointAt(Target target, double[] theta, double[] momentum) {
        double[] g = new double[target.dimension()];
        double lp = target.logDensityAndGradient(theta, g);
        return new PhasePoint(theta.clone(), momentum.clone(), lp, g);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void forwardThenBackwardWithNegatedMomentumReturnsToTheStart(String name, Target target, double[] invMass,
                                                                 double[] theta0, double[] p0) {
        Hamiltonian h = new DiagonalMassHamiltonian(target, invMass);
        PhasePoint start = pointAt(target, theta0, p0);

        IntegrationResult forward = leapfrog.integrate(h, start, 0.05, 100);
        assertTrue(forward.succeeded());
        PhasePoint end = forward.end();
        double[] flipped = end.momentum().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = -flipped[i];
        }
        IntegrationResult back = leapfrog.integrate(h,
                new PhasePoint(end.position(), flipped, end.logDensity(), end.gradient()), 0.05, 100);

        // the trajectory must actually go somewhere, or returning proves nothing
        assertTrue(Math.abs(end.position()[0] - theta0[0]) > 0.1 || Math.abs(end.position()[1] - theta0[1]) > 0.1);
        assertArrayEquals(theta0, back.end().position(), 1e-10);
        for (int i = 0; i < p0.length; i++) {
            assertEquals(p0[i], -back.end().momentum()[i], 1e-10, "momentum " + i);
        }
        assertEquals(start.logDensity(), back.end().logDensity(), 1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void energyErrorAtFixedTimeIsSecondOrderInTheStepSize(String name, Target target, double[] invMass,
                                                          double[] theta0, double[] p0) {
        Hamiltonian h = new DiagonalMassHamiltonian(target, invMass);
        PhasePoint start = pointAt(target, theta0, p0);
        double h0 = h.energy(start);
        double time = 1.0;
        double[] eps = {0.02, 0.01, 0.005};
        double[] error = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            int steps = (int) Math.round(time / eps[k]);
            IntegrationResult r = leapfrog.integrate(h, start, eps[k], steps);
            assertTrue(r.succeeded());
            error[k] = Math.abs(h.energy(r.end()) - h0);
        }
        for (int k = 0; k + 1 < eps.length; k++) {
            double ratio = error[k] / error[k + 1];
            assertTrue(ratio >= 3.5 && ratio <= 4.5,
                    name + ": energy error " + error[k] + " at ε = " + eps[k] + " vs " + error[k + 1]
                            + " at ε = " + eps[k + 1] + ", ratio " + ratio + " is not ≈ 4");
        }
    }

    /**
     * 1-D N(0, 4), M⁻¹ = 2, θ = 1, p = 0.5, ε = 0.1, by hand:
     * step 1: p½ = 0.5 + 0.05·(−1/4) = 0.4875; θ = 1 + 0.1·2·0.4875 = 1.0975; ∇ = −0.274375;
     * p = 0.4875 − 0.05·0.274375 = 0.47378125; log π = −1.0975²/8 = −0.15056328125.
     * step 2: p½ = 0.4600625; θ = 1.1895125; ∇ = −0.297378125; p = 0.44519359375.
     */
    @Test
    void oneAndTwoStepsMatchAHandComputedLeapfrog() {
        Target target = new Gaussian1d(4.0);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 2.0);
        PhasePoint start = pointAt(target, new double[] {1.0}, new double[] {0.5});

        IntegrationResult one = leapfrog.integrate(h, start, 0.1, 1);
        assertEquals(1.0975, one.end().position()[0], 1e-15);
        assertEquals(0.47378125, one.end().momentum()[0], 1e-15);
        assertEquals(-0.274375, one.end().gradient()[0], 1e-15);
        assertEquals(-0.15056328125, one.end().logDensity(), 1e-15);
        assertEquals(1, one.steps());

        IntegrationResult two = leapfrog.integrate(h, start, 0.1, 2);
        assertEquals(1.1895125, two.end().position()[0], 1e-15);
        assertEquals(0.44519359375, two.end().momentum()[0], 1e-15);
        assertEquals(-0.297378125, two.end().gradient()[0], 1e-15);
        assertEquals(2, two.steps());
    }

    @Test
    void aTrajectoryOfLStepsEvaluatesTheGradientExactlyLTimes() {
        Counting target = new Counting(new Banana());
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        assertEquals(1, target.gradientCalls, "the start point's gradient");

        for (int steps : new int[] {1, 7, 25}) {
            target.gradientCalls = 0;
            IntegrationResult r = leapfrog.integrate(h, start, 0.05, steps);
            assertEquals(steps, target.gradientCalls, "calls of logDensityAndGradient for " + steps + " steps");
            assertEquals(steps, r.gradientEvaluations());
            assertEquals(steps, r.steps());
        }
        assertEquals(0, target.logDensityCalls, "logDensity alone is never needed");
    }

    @Test
    void zeroStepsReturnsTheStartWithoutEvaluatingAnything() {
        Counting target = new Counting(new Banana());
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        target.gradientCalls = 0;
        IntegrationResult r = leapfrog.integrate(h, start, 0.05, 0);
        assertTrue(r.succeeded());
        assertEquals(0, target.gradientCalls);
        assertArrayEquals(start.position(), r.end().position());
        assertArrayEquals(start.momentum(), r.end().momentum());
    }

    @Test
    void theStartPointIsNotModified() {
        Target target = new Banana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        double[] g = start.gradient().clone();
        leapfrog.integrate(h, start, 0.05, 10);
        assertArrayEquals(theta, start.position());
        assertArrayEquals(p, start.momentum());
        assertArrayEquals(g, start.gradient());
    }

    /** 1-D N(0,1) whose log density is NaN (and gradient finite) beyond x = 1.5, or the other way round. */
    private static Target cliff(boolean nanGradientOnly) {
        return new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] theta) {
                throw new AssertionError("not needed");
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                boolean beyond = theta[0] > 1.5;
                gradient[0] = beyond && nanGradientOnly ? Double.NaN : -theta[0];
                return beyond && !nanGradientOnly ? Double.NaN : -0.5 * theta[0] * theta[0];
            }
        };
    }

    @ParameterizedTest(name = "NaN gradient only: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aNonFiniteLogDensityOrGradientStopsTheTrajectoryEarly(boolean nanGradientOnly) {
        Counting target = new Counting(cliff(nanGradientOnly));
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.0}, new double[] {3.0});
        target.gradientCalls = 0;

        IntegrationResult r = leapfrog.integrate(h, start, 0.1, 100);

        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        // θ(t) = 3 sin t passes 1.5 at t = π/6 ≈ 0.52: the sixth step of 0.1 is the first beyond
        assertEquals(6, r.steps());
        assertEquals(r.steps(), target.gradientCalls, "no evaluation after the invalid point");
        assertEquals(r.steps(), r.gradientEvaluations());
        assertEquals(3 * Math.sin(0.6), r.end().position()[0], 0.005, "the end is the first invalid position");
    }

    @Test
    void anInvalidStartFailsWithoutStepping() {
        Target target = cliff(false);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0);
        PhasePoint start = new PhasePoint(new double[] {2.0}, new double[] {1.0}, Double.NaN, new double[] {-2.0});
        IntegrationResult r = leapfrog.integrate(h, start, 0.1, 10);
        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        assertEquals(0, r.steps());
    }

    @Test
    void aNonSeparableHamiltonianIsRefused() {
        Target target = new Banana();
        PhasePoint start = pointAt(target, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> leapfrog.integrate(new NonSeparable(target), start, 0.1, 10));
        assertTrue(e.getMessage().contains("separable"), e.getMessage());
        // and before sampling, with the same message
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> leapfrog.checkSupports(new NonSeparable(target)));
        assertEquals(e.getMessage(), before.getMessage());
        leapfrog.checkSupports(new DiagonalMassHamiltonian(target, 1.0, 1.0));
    }

    @Test
    void badArgumentsAreRefused() {
        Target target = new Banana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        assertThrows(IllegalArgumentException.class, () -> leapfrog.integrate(h, start, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> leapfrog.integrate(h, start, 0.1, -1));
        PhasePoint shortMomentum = new PhasePoint(start.position(), new double[] {1.0}, start.logDensity(),
                start.gradient());
        assertThrows(IllegalArgumentException.class, () -> leapfrog.integrate(h, shortMomentum, 0.1, 1));
    }

    @Test
    void memoryAllocatedPerTrajectoryDoesNotGrowWithTheNumberOfSteps() throws Exception {
        Target target = new Banana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.1, 0.2}, new double[] {0.3, -0.2});
        for (int i = 0; i < 2_000; i++) { // warm up so that class loading and compilation are not measured
            leapfrog.integrate(h, start, 0.01, 50);
        }
        long shortRun = allocatedBytes(() -> leapfrog.integrate(h, start, 0.01, 10));
        long longRun = allocatedBytes(() -> leapfrog.integrate(h, start, 0.01, 10_000));
        assertTrue(longRun - shortRun < 1_000,
                "10 steps allocated " + shortRun + " bytes, 10000 steps " + longRun + " bytes");
    }

    /** Bytes allocated by this thread while running {@code work}, through com.sun.management by reflection
     *  (reflection assumes readability, so this named test module needs no extra {@code requires}). */
    private static long allocatedBytes(Runnable work) throws Exception {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method bytes = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                long.class);
        long id = Thread.currentThread().getId();
        long before = (long) bytes.invoke(bean, id);
        work.run();
        long after = (long) bytes.invoke(bean, id);
        return after - before;
    }

    @Test
    void isFoundAsAnIntegratorPluginNamedLeapfrog() {
        // the test code runs inside dev.hamiltorch.integrators, which does not itself declare `uses`
        getClass().getModule().addUses(Integrator.class);
        Integrator found = ServiceLoader.load(Integrator.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(i -> i.name().equals(Integrator.LEAPFROG))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no integrator named leapfrog"));
        assertEquals(Leapfrog.class, found.getClass());
        assertNull(leapfrog.integrate(new DiagonalMassHamiltonian(new Banana(), 1.0, 1.0),
                pointAt(new Banana(), new double[] {0, 0}, new double[] {1, 1}), 0.1, 1).failure());
    }
}
