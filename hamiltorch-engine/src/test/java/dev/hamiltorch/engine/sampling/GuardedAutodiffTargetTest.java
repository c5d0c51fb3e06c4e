package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import org.junit.jupiter.api.Test;

/** The chain's guard turns a point outside the domain into −∞ and remembers why; it hides nothing else. */
class GuardedAutodiffTargetTest {

    private static final AutodiffTarget SQRT = new AutodiffTarget(x -> {
        if (x.get(0) < 0) {
            throw new DomainException("negative");
        }
        if (x.get(0) > 100) {
            throw new IllegalStateException("a bug");
        }
        return x.sqrt().sum();
    }, 1);

    @Test
    void aDomainExceptionIsMinusInfinityWithNaNDerivativesAndIsRemembered() {
        GuardedTarget g = GuardedTarget.of(SQRT.copy());
        double[] gradient = new double[1];
        assertEquals(2.0, g.logDensityAndGradient(new double[] {4}, gradient), 0.0);
        assertNull(g.takeFailure());
        assertEquals(Double.NEGATIVE_INFINITY, g.logDensityAndGradient(new double[] {-1}, gradient), 0.0);
        assertTrue(Double.isNaN(gradient[0]));
        assertEquals("negative", g.takeFailure().getMessage());
        assertNull(g.takeFailure()); // taken
        assertEquals(Double.NEGATIVE_INFINITY, g.logDensity(new double[] {-1}), 0.0);
        assertTrue(Double.isNaN(g.hessian(new double[] {-1})[0][0]));
        assertTrue(Double.isNaN(g.thirdDerivatives(new double[] {-1})[0][0][0]));
        assertTrue(Double.isNaN(g.thirdOrderContraction(new double[] {-1}, new double[][] {{1}})[0]));
        assertTrue(g.takeFailure() != null);
    }

    @Test
    void anyOtherExceptionPassesThrough() {
        GuardedTarget g = GuardedTarget.of(SQRT.copy());
        assertThrows(IllegalStateException.class, () -> g.logDensityAndGradient(new double[] {101}, new double[1]));
    }

    @Test
    void itDeclaresWhatTheTargetDeclaresAndCopiesAreGuardedToo() {
        GuardedTarget g = GuardedTarget.of(SQRT);
        assertEquals(DerivativeOrder.THIRD, g.derivativeOrder());
        assertSame(SQRT, g.unwrap());
        GuardedTarget copy = g.copy();
        assertNotSame(g, copy);
        assertNotSame(SQRT, copy.unwrap());
    }

    @Test
    void aSplitTargetStaysASplitTargetWithGuardedTerms() {
        SplitTarget split = new SplitTarget() {
            @Override
            public SplitTarget copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public int terms() {
                return 2;
            }

            @Override
            public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
                if (term == 1 && theta[0] < 0) {
                    throw new DomainException("term 1 undefined");
                }
                gradient[0] = -theta[0];
                return -0.5 * theta[0] * theta[0];
            }
        };
        GuardedTarget g = GuardedTarget.of(split);
        SplitTarget guarded = assertInstanceOf(SplitTarget.class, g);
        assertEquals(2, guarded.terms());
        double[] gradient = new double[1];
        assertEquals(-0.5, guarded.termLogDensityAndGradient(0, new double[] {-1}, gradient), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, guarded.termLogDensityAndGradient(1, new double[] {-1}, gradient), 0.0);
        assertEquals("term 1 undefined", g.takeFailure().getMessage());
        assertEquals(Double.NEGATIVE_INFINITY, guarded.logDensityAndGradient(new double[] {-1}, gradient), 0.0);
        assertInstanceOf(SplitTarget.class, g.copy());
    }
}
