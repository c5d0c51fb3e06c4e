package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The beta distribution with concentrations a and b:
 * <pre>  log p(x) = (a − 1) log x + (b − 1) log(1 − x) − log B(a, b),   0 &lt; x &lt; 1,</pre>
 * with log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), and −∞ elsewhere (the density's limits at 0
 * and 1 are not represented).
 */
public final class Beta implements Distribution {

    private final Tensor a;
    private final Tensor b;

    private Beta(Tensor a, Tensor b) {
        this.a = a;
        this.b = b;
    }

    /** {@code a} and {@code b} must be positive where they are constants. */
    public static Beta of(Tensor a, Tensor b) {
        Beta d = new Beta(Params.positive("Beta", "a", a), Params.positive("Beta", "b", b));
        Params.broadcastable("Beta", new String[] {"a", "b"}, a, b);
        return d;
    }

    public static Beta of(double a, double b) {
        return of(Tensor.scalar(a), Tensor.scalar(b));
    }

    public Tensor a() {
        return a;
    }

    public Tensor b() {
        return b;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x > 0 && x < 1);
        Tensor x = Support.guard(value, inside, 0.5);
        Tensor logBeta = a.lgamma().add(b.lgamma()).sub(a.add(b).lgamma());
        Tensor lp = a.sub(1.0).mul(x.log()).add(b.sub(1.0).mul(x.neg().log1p())).sub(logBeta);
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "Beta(a=" + a + ", b=" + b + ")";
    }
}
