package dev.hamiltorch.engine.testsupport;

import dev.hamiltorch.api.Target;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the evaluations of a stateless target, over all its copies. */
public final class CountingTarget implements Target {

    private final Target delegate;
    private final AtomicLong gradientCalls;
    private final AtomicLong logDensityCalls;

    public CountingTarget(Target delegate) {
        this(delegate, new AtomicLong(), new AtomicLong());
    }

    private CountingTarget(Target delegate, AtomicLong gradientCalls, AtomicLong logDensityCalls) {
        this.delegate = delegate;
        this.gradientCalls = gradientCalls;
        this.logDensityCalls = logDensityCalls;
    }

    public long gradientCalls() {
        return gradientCalls.get();
    }

    public long logDensityCalls() {
        return logDensityCalls.get();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public double logDensity(double[] theta) {
        logDensityCalls.incrementAndGet();
        return delegate.logDensity(theta);
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        gradientCalls.incrementAndGet();
        return delegate.logDensityAndGradient(theta, gradient);
    }

    @Override
    public Target copy() {
        return new CountingTarget(delegate.copy(), gradientCalls, logDensityCalls);
    }
}
