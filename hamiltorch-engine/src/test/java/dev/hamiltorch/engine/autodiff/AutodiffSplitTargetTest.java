package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A split target is its terms, each an {@link AutodiffTarget}, and the sums of their derivatives. */
class AutodiffSplitTargetTest {

    /** Three terms that are not quadratic, so that Hessians and third derivatives depend on θ. */
    private static final List<LogDensity> TERMS = List.of(
            x -> x.square().mul(-0.5).sum().add(x.index(0).mul(x.index(1)).exp().mul(-0.1)),
            x -> x.mul(Tensor.of(0.3, -1.2, 0.8)).softplus().sum().neg(),
            x -> x.index(2).sin().mul(x.index(0)).add(x.slice(0, 1, 3).tanh().sum()));
    private static final double[] THETA = {0.4, -0.7, 1.3};

    private static AutodiffSplitTarget split() {
        return new AutodiffSplitTarget(TERMS, 3, true);
    }

    @Test
    void eachTermIsItsOwnAutodiffTargetAndTheWholeIsTheirSumInOrder() {
        AutodiffSplitTarget split = split();
        assertEquals(3, split.terms());
        assertEquals(3, split.dimension());
        double expected = 0.0;
        double[] expectedGradient = new double[3];
        for (int m = 0; m < 3; m++) {
            AutodiffTarget alone = new AutodiffTarget(TERMS.get(m), 3);
            double[] g = new double[3];
            double value = alone.logDensityAndGradient(THETA, g);
            double[] termGradient = new double[3];
            assertEquals(value, split.termLogDensityAndGradient(m, THETA, termGradient));
            assertArrayEquals(g, termGradient);
            expected += value;
            for (int i = 0; i < 3; i++) {
                expectedGradient[i] += g[i];
            }
        }
        double[] gradient = {9, 9, 9, 9};
        assertEquals(expected, split.logDensityAndGradient(THETA, gradient));
        // the first D entries, as AutodiffTarget writes them
        assertArrayEquals(new double[] {expectedGradient[0], expectedGradient[1], expectedGradient[2], 9}, gradient);
        assertEquals(expected, split.logDensity(THETA));
    }

    @Test
    void termsAreRecordedAndReplayedOneByOneAndGiveTheValuesOfTheirCode() {
        AutodiffSplitTarget split = split();
        AutodiffSplitTarget eager = new AutodiffSplitTarget(TERMS, 3, false);
        double[] g = new double[3];
        double[] ge = new double[3];
        for (int m = 0; m < 3; m++) {
            assertFalse(split.replays(m));
        }
        split.termLogDensityAndGradient(1, THETA, g);
        assertFalse(split.replays(0));
        assertTrue(split.replays(1));
        split.logDensityAndGradient(THETA, g);
        for (int m = 0; m < 3; m++) {
            assertTrue(split.replays(m), "term " + m);
            assertFalse(eager.replays(m), "term " + m);
        }
        double[] other = {-1.1, 0.2, 0.5};
        assertEquals(eager.logDensityAndGradient(other, ge), split.logDensityAndGradient(other, g));
        assertArrayEquals(ge, g);
        assertEquals(eager.logDensity(other), split.logDensity(other));
    }

    @Test
    void higherDerivativesAreTheSumsOfTheTerms() {
        AutodiffSplitTarget split = split();
        double[][] s = {{1.0, 0.3, -0.2}, {0.3, 2.0, 0.5}, {-0.2, 0.5, 0.7}};
        double[][] hessian = new double[3][3];
        double[] contraction = new double[3];
        double[][][] third = new double[3][3][3];
        for (LogDensity term : TERMS) {
            AutodiffTarget t = new AutodiffTarget(term, 3);
            double[][] h = t.hessian(THETA);
            double[] c = t.thirdOrderContraction(THETA, s);
            double[][][] d3 = t.thirdDerivatives(THETA);
            for (int i = 0; i < 3; i++) {
                contraction[i] += c[i];
                for (int j = 0; j < 3; j++) {
                    hessian[i][j] += h[i][j];
                    for (int k = 0; k < 3; k++) {
                        third[i][j][k] += d3[i][j][k];
                    }
                }
            }
        }
        assertTrue(Arrays.deepEquals(hessian, split.hessian(THETA)));
        assertArrayEquals(contraction, split.thirdOrderContraction(THETA, s));
        assertTrue(Arrays.deepEquals(third, split.thirdDerivatives(THETA)));
    }

    @Test
    void aCopyHasTermsOfItsOwnWithTheSameValues() {
        AutodiffSplitTarget split = split();
        double[] g = new double[3];
        double value = split.logDensityAndGradient(THETA, g);
        AutodiffSplitTarget copy = split.copy();
        assertEquals(3, copy.terms());
        for (int m = 0; m < 3; m++) {
            assertFalse(copy.replays(m), "the copy records its own tapes");
        }
        double[] gc = new double[3];
        assertEquals(value, copy.logDensityAndGradient(THETA, gc));
        assertArrayEquals(g, gc);
    }

    @Test
    void aCoordinateIsUnreadOnlyWhenNoTermReadsIt() {
        List<LogDensity> terms = List.of(x -> x.index(0).square().neg(), x -> x.index(2).square().neg());
        AutodiffTarget.UnreadParameters unread = new AutodiffSplitTarget(terms, 4, true)
                .unreadParameters(new double[] {1, 2, 3, 4});
        assertArrayEquals(new int[] {1, 3}, unread.indices());
        assertTrue(unread.certain());
        AutodiffTarget.UnreadParameters all = split().unreadParameters(THETA);
        assertArrayEquals(new int[0], all.indices());
        assertTrue(all.certain());
    }

    @Test
    void badTermsAreRefusedNamingTheArgument() {
        List<LogDensity> withNull = new ArrayList<>(TERMS);
        withNull.add(1, null);
        assertEquals("terms[1] = null: every term must be a log density",
                assertThrows(IllegalArgumentException.class, () -> new AutodiffSplitTarget(withNull, 3, true))
                        .getMessage());
        assertEquals("terms = []: at least one log density term is required",
                assertThrows(IllegalArgumentException.class, () -> new AutodiffSplitTarget(List.of(), 3, true))
                        .getMessage());
        assertEquals("terms = null: at least one log density term is required",
                assertThrows(IllegalArgumentException.class, () -> new AutodiffSplitTarget(null, 3, true))
                        .getMessage());
        assertEquals("dimension = 0: must be positive",
                assertThrows(IllegalArgumentException.class, () -> new AutodiffSplitTarget(TERMS, 0, true))
                        .getMessage());
        AutodiffSplitTarget split = split();
        assertEquals("term = 3: must be in [0, 3)", assertThrows(IllegalArgumentException.class,
                () -> split.termLogDensityAndGradient(3, THETA, new double[3])).getMessage());
    }

    @Test
    void aTermThatFailsIsNamedAndAnUndefinedTermPassesUnchanged() {
        DomainException undefined = new DomainException("not positive-definite");
        List<LogDensity> terms = List.of(x -> x.sum(), x -> x.mul(2.0), x -> {
            throw undefined;
        });
        AutodiffSplitTarget split = new AutodiffSplitTarget(terms, 3, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> split.logDensityAndGradient(THETA, new double[3]));
        assertEquals("term 1 of the log density: log density must return a scalar, returned shape [3]", e.getMessage());
        assertSame(undefined, assertThrows(DomainException.class,
                () -> split.termLogDensityAndGradient(2, THETA, new double[3])));
        AutodiffSplitTarget undefinedLast = new AutodiffSplitTarget(List.of(terms.get(0), terms.get(2)), 3, true);
        assertSame(undefined, assertThrows(DomainException.class, () -> undefinedLast.logDensity(THETA)));
    }
}
