package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.awayFromZero;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.named;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.shape;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** First and second derivatives of every elementwise operation against finite differences. */
class ElementwiseDerivativeTest {

    /** The broadcasting pairs every binary operation is checked on. */
    private static final int[][][] PAIRS = {
        {{3}, {3}}, {{3}, {}}, {{}, {3}}, {{2, 3}, {3}}, {{2, 1}, {1, 3}}, {{3}, {2, 3}}};

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        binary(cases, "add", Tensor::add, false);
        binary(cases, "sub", Tensor::sub, false);
        binary(cases, "mul", Tensor::mul, false);
        binary(cases, "div", Tensor::div, true);
        double[] x = uniform(1, 6, -1.5, 1.5);
        int[] s = shape(2, 3);
        cases.add(named("add(scalar)", x, s, t -> t.add(1.7)));
        cases.add(named("sub(scalar)", x, s, t -> t.sub(0.4)));
        cases.add(named("mul(scalar)", x, s, t -> t.mul(-2.5)));
        cases.add(named("div(scalar)", x, s, t -> t.div(0.8)));
        cases.add(named("x.add(x) (one input twice)", x, s, t -> t.add(t).mul(t)));

        // pow: the base must be positive where the exponent varies
        double[] base = uniform(2, 6, 0.4, 2.0);
        double[] exps = uniform(3, 3, -1.5, 2.0);
        cases.add(named("pow(tensor) [2,3]^[3]", base, s, exps, shape(3), Tensor::pow));
        cases.add(named("pow(tensor) []^[3]", new double[] {1.3}, shape(), exps, shape(3), Tensor::pow));
        cases.add(named("pow(tensor) [3]^[3] same shape", uniform(4, 3, 0.5, 2), shape(3), exps, shape(3), Tensor::pow));
        cases.add(named("pow(constant tensor exponent)", base, s,
                t -> t.pow(Tensor.of(new double[] {2.5, -0.5, 3.0}, 3))));
        cases.add(named("pow(variable base and exponent are one tensor)", base, s, t -> t.pow(t)));
        cases.add(named("pow(constant [1,1,1] exponent) broadcasts", base, s,
                t -> t.pow(Tensor.of(new double[] {1.5}, 1, 1, 1))));
        for (double p : new double[] {3.0, 2.0, 1.0, 0.5, 0.0, -1.5, 2.7}) {
            cases.add(named("pow(" + p + ")", base, s, t -> t.pow(p)));
        }
        cases.add(named("pow(3.0) negative base", uniform(5, 6, -2, -0.5), s, t -> t.pow(3.0)));

        cases.add(named("neg", x, s, Tensor::neg));
        cases.add(named("exp", x, s, Tensor::exp));
        cases.add(named("log", base, s, Tensor::log));
        cases.add(named("log1p", uniform(6, 6, -0.7, 2.0), s, Tensor::log1p));
        cases.add(named("expm1", x, s, Tensor::expm1));
        cases.add(named("sqrt", base, s, Tensor::sqrt));
        cases.add(named("abs (away from 0)", awayFromZero(7, 6, 0.1, 2.0), s, Tensor::abs));
        cases.add(named("square", x, s, Tensor::square));
        cases.add(named("sin", uniform(8, 6, -3, 3), s, Tensor::sin));
        cases.add(named("cos", uniform(9, 6, -3, 3), s, Tensor::cos));
        cases.add(named("tanh", uniform(10, 6, -2, 2), s, Tensor::tanh));
        cases.add(named("sigmoid", uniform(11, 6, -4, 4), s, Tensor::sigmoid));
        cases.add(named("softplus", uniform(12, 6, -4, 4), s, Tensor::softplus));
        cases.add(named("softplus (large |x|)", new double[] {-800, -60, -35, 36, 61, 700}, s, Tensor::softplus));
        cases.add(named("sigmoid (large |x|)", new double[] {-800, -40, -20, 18, 37, 700}, s, Tensor::sigmoid));
        cases.add(named("relu (away from 0)", awayFromZero(13, 6, 0.1, 2.0), s, Tensor::relu));
        cases.add(named("lgamma", uniform(14, 6, 0.3, 6.0), s, Tensor::lgamma));
        cases.add(named("lgamma (large x)", uniform(15, 6, 20, 200), s, t -> t.lgamma().mul(1e-2)));
        cases.add(named("digamma", uniform(16, 6, 0.4, 6.0), s, Tensor::digamma));
        // both of its branches (|z| ≤ 1 and |z| > 1), and through its derivative operations the second derivative
        cases.add(named("log1pSquare", new double[] {-3.5, -1.2, -0.4, 0.0, 0.9, 2.6}, s, Log1pSquare::log1pSquare));
        cases.add(named("clamp (inside)", uniform(17, 6, -0.9, 0.9), s, t -> t.clamp(-1.0, 1.0)));
        cases.add(named("clamp (outside and inside)", new double[] {-2.0, -1.3, -0.5, 0.2, 1.4, 3.0}, s,
                t -> t.clamp(-1.0, 1.0)));
        cases.add(named("gt/lt mask (constant) times x", x, s,
                t -> t.gt(Tensor.scalar(0.1)).mul(t.square()).add(t.lt(Tensor.scalar(-0.2)).mul(t.exp()))));
        return cases.stream();
    }

    private static void binary(List<Named<DerivativeCheck.Case>> cases, String name,
            BiFunction<Tensor, Tensor, Tensor> op, boolean positiveSecond) {
        long seed = name.hashCode();
        for (int[][] pair : PAIRS) {
            int n = Broadcasting.size(pair[0]);
            int m = Broadcasting.size(pair[1]);
            double[] a = uniform(seed++, n, -1.5, 1.5);
            double[] b = positiveSecond ? awayFromZero(seed++, m, 0.5, 2.0) : uniform(seed++, m, -1.5, 1.5);
            cases.add(named(name + " " + java.util.Arrays.toString(pair[0]) + "⊕" + java.util.Arrays.toString(pair[1]),
                    a, pair[0], b, pair[1], op));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstAndSecondDerivativesMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }
}
