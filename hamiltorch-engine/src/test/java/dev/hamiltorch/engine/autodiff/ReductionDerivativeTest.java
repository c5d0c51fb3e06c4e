package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.named;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.shape;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** First and second derivatives of sum, mean, max and logSumExp, over all elements and per axis. */
class ReductionDerivativeTest {

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        double[] v = uniform(21, 4, -2, 2);
        double[] m = uniform(22, 6, -2, 2);
        double[] t = uniform(23, 24, -2, 2);
        int[] sv = shape(4);
        int[] sm = shape(2, 3);
        int[] st = shape(2, 3, 4);
        // the probe's sin makes even these linear reductions' second derivatives non-zero
        cases.add(named("sum() [4]", v, sv, Tensor::sum));
        cases.add(named("sum() [2,3]", m, sm, Tensor::sum));
        cases.add(named("sum(0) [4]", v, sv, x -> x.sum(0)));
        cases.add(named("sum(0) [2,3]", m, sm, x -> x.sum(0)));
        cases.add(named("sum(1) [2,3]", m, sm, x -> x.sum(1)));
        cases.add(named("sum(-1) [2,3]", m, sm, x -> x.sum(-1)));
        cases.add(named("sum(1) [2,3,4]", t, st, x -> x.sum(1)));
        cases.add(named("sum(-3) [2,3,4]", t, st, x -> x.sum(-3)));
        cases.add(named("mean() [2,3]", m, sm, Tensor::mean));
        cases.add(named("mean(1) [2,3]", m, sm, x -> x.mean(1)));
        cases.add(named("mean(-2) [2,3,4]", t, st, x -> x.mean(-2)));
        cases.add(named("max() [4]", v, sv, Tensor::max));
        cases.add(named("max() [2,3]", m, sm, Tensor::max));
        cases.add(named("max(0) [2,3]", m, sm, x -> x.max(0)));
        cases.add(named("max(1) [2,3]", m, sm, x -> x.max(1)));
        cases.add(named("max(-1) [2,3,4]", t, st, x -> x.max(-1)));
        cases.add(named("max(1) [2,3,4]", t, st, x -> x.max(1)));
        cases.add(named("max() squared (curvature through the max)", m, sm, x -> x.max().square()));
        cases.add(named("logSumExp() [4]", v, sv, Tensor::logSumExp));
        cases.add(named("logSumExp() [2,3]", m, sm, Tensor::logSumExp));
        cases.add(named("logSumExp() large values", new double[] {800, 801, 799.5, -900}, sv, Tensor::logSumExp));
        cases.add(named("logSumExp(0) [2,3]", m, sm, x -> x.logSumExp(0)));
        cases.add(named("logSumExp(1) [2,3]", m, sm, x -> x.logSumExp(1)));
        cases.add(named("logSumExp(-1) [2,3,4]", t, st, x -> x.logSumExp(-1)));
        cases.add(named("logSumExp(1) [2,3,4]", t, st, x -> x.logSumExp(1)));
        cases.add(named("logSumExp(0) [2,3] squared", m, sm, x -> x.logSumExp(0).square()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstAndSecondDerivativesMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }
}
