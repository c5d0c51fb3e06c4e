package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.named;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.namedN;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.shape;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** First and second derivatives of reshape, slice, index, concat, stack and where. */
class ShapeOpsDerivativeTest {

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        double[] v = uniform(31, 5, -2, 2);
        double[] m = uniform(32, 12, -2, 2);
        double[] t = uniform(33, 24, -2, 2);
        int[] sv = shape(5);
        int[] sm = shape(3, 4);
        int[] st = shape(2, 3, 4);
        cases.add(named("reshape [3,4]→[2,6]", m, sm, x -> x.reshape(2, 6)));
        cases.add(named("reshape [3,4]→[-1]", m, sm, x -> x.reshape(-1)));
        cases.add(named("reshape [5]→[5,1] then broadcast", v, sv, x -> x.reshape(5, 1).mul(x)));
        cases.add(named("slice(0, 1, 4) [5]", v, sv, x -> x.slice(0, 1, 4)));
        cases.add(named("slice(0, 1, 3) [3,4]", m, sm, x -> x.slice(0, 1, 3)));
        cases.add(named("slice(1, 1, 3) [3,4]", m, sm, x -> x.slice(1, 1, 3)));
        cases.add(named("slice(-1, 0, 2) [2,3,4]", t, st, x -> x.slice(-1, 0, 2)));
        cases.add(named("slice(1, 2, 3) [2,3,4]", t, st, x -> x.slice(1, 2, 3)));
        cases.add(named("slice of a slice, squared", m, sm, x -> x.slice(1, 1, 4).slice(0, 0, 2).square()));
        cases.add(named("index(2) [5]", v, sv, x -> x.index(2)));
        cases.add(named("index(1) [3,4]", m, sm, x -> x.index(1)));
        cases.add(named("index(0).index(2) [2,3,4]", t, st, x -> x.index(0).index(2)));
        cases.add(named("index products x0·x4", v, sv, x -> x.index(0).mul(x.index(4))));
        cases.add(namedN("concat(0) [5]+[3]", new int[][] {{5}, {3}}, new double[][] {v, uniform(34, 3, -2, 2)},
                in -> Tensor.concat(0, in[0], in[1])));
        cases.add(namedN("concat(0) [3,4]+[1,4]", new int[][] {{3, 4}, {1, 4}},
                new double[][] {m, uniform(35, 4, -2, 2)}, in -> Tensor.concat(0, in[0], in[1])));
        cases.add(namedN("concat(1) [3,4]+[3,2]+[3,1]", new int[][] {{3, 4}, {3, 2}, {3, 1}},
                new double[][] {m, uniform(36, 6, -2, 2), uniform(37, 3, -2, 2)},
                in -> Tensor.concat(1, in[0], in[1], in[2])));
        cases.add(namedN("concat(-1) [2,3,4]+[2,3,1] with a constant part", new int[][] {{2, 3, 4}},
                new double[][] {t}, in -> Tensor.concat(-1, in[0], Tensor.full(0.7, 2, 3, 1))));
        cases.add(namedN("concat(0) one tensor twice", new int[][] {{5}}, new double[][] {v},
                in -> Tensor.concat(0, in[0], in[0].square())));
        cases.add(namedN("stack(0) [5],[5]", new int[][] {{5}, {5}}, new double[][] {v, uniform(38, 5, -2, 2)},
                in -> Tensor.stack(0, in[0], in[1])));
        cases.add(namedN("stack(1) [5],[5],[5]", new int[][] {{5}, {5}, {5}},
                new double[][] {v, uniform(39, 5, -2, 2), uniform(40, 5, -2, 2)},
                in -> Tensor.stack(1, in[0], in[1], in[2])));
        cases.add(namedN("stack(-1) [3,4],[3,4]", new int[][] {{3, 4}, {3, 4}},
                new double[][] {m, uniform(41, 12, -2, 2)}, in -> Tensor.stack(-1, in[0], in[1])));
        cases.add(namedN("stack(1) [3,4],[3,4]", new int[][] {{3, 4}, {3, 4}},
                new double[][] {m, uniform(42, 12, -2, 2)}, in -> Tensor.stack(1, in[0], in[1])));
        cases.add(namedN("stack of scalars from index", new int[][] {{5}}, new double[][] {v},
                in -> Tensor.stack(0, in[0].index(3), in[0].index(1).exp(), in[0].index(1))));
        Tensor cond = Tensor.of(new double[] {1, 0, 1, 0, 0, 1}, 2, 3);
        cases.add(namedN("where [2,3] ? [2,3] : [2,3]", new int[][] {{2, 3}, {2, 3}},
                new double[][] {uniform(43, 6, -2, 2), uniform(44, 6, -2, 2)},
                in -> Tensor.where(cond, in[0], in[1])));
        cases.add(namedN("where [2,3] ? [3] : []", new int[][] {{3}, {}},
                new double[][] {uniform(45, 3, -2, 2), {0.3}}, in -> Tensor.where(cond, in[0], in[1])));
        cases.add(namedN("where [3] ? [2,1] : [1,3]", new int[][] {{2, 1}, {1, 3}},
                new double[][] {uniform(46, 2, -2, 2), uniform(47, 3, -2, 2)},
                in -> Tensor.where(Tensor.of(0, 1, 1), in[0], in[1])));
        cases.add(namedN("where x > 0 ? x² : exp(x) (data-dependent condition)", new int[][] {{2, 3}},
                new double[][] {new double[] {-1.2, 0.4, 1.5, -0.3, 0.8, -2.0}},
                in -> Tensor.where(in[0].gt(Tensor.scalar(0)), in[0].square(), in[0].exp())));
        cases.add(namedN("where with a constant branch", new int[][] {{2, 3}}, new double[][] {uniform(48, 6, -2, 2)},
                in -> Tensor.where(cond, in[0], Tensor.zeros(2, 3))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstAndSecondDerivativesMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }
}
