package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.nn.Tanh;
import dev.hamiltorch.engine.sampling.Samples;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code bnn-regression}: y = sin(x) + ε, ε ~ N(0, 0.1²), x uniform in [−3, 3]; 40 training points and 200
 * held-out ones (seeded, so every run sees the same data), an MLP with {@code --hidden} tanh units (default
 * 20) and the regression likelihood with τ_out 100 (the noise's precision). Quality: the held-out mean squared
 * error of the posterior-predictive mean ({@code val_mse}) and the share of held-out points inside its ±2 sd
 * band ({@code coverage_2sd}, the sd counting the draws' spread and the noise 1/τ_out); {@code --plots DIR}
 * draws the band, the mean, the data and the truth in {@code DIR/bnn-regression.png}.
 */
public final class BnnRegression implements ModelWorkload {

    /** Training points. */
    static final int TRAIN = 40;
    /** Held-out points. */
    static final int HELD_OUT = 200;
    private static final double NOISE_SD = 0.1;

    private final Module model;
    private final double tauOut;
    private final double[] x;
    private final double[] y;

    /**
     * @param hidden hidden units
     * @param tauOut the likelihood's output precision (also the noise precision of the predictive band)
     */
    public BnnRegression(int hidden, double tauOut) {
        this.model = Sequential.of(Linear.of(1, hidden), Tanh.of(), Linear.of(hidden, 1));
        this.tauOut = tauOut;
        SplittableRandom r = new SplittableRandom(20_191_014);
        x = new double[TRAIN + HELD_OUT];
        y = new double[TRAIN + HELD_OUT];
        for (int i = 0; i < x.length; i++) {
            x[i] = -3 + 6 * r.nextDouble();
            y[i] = Math.sin(x[i]) + NOISE_SD * r.nextGaussian();
        }
    }

    @Override
    public String name() {
        return "bnn-regression";
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] initialParameters() {
        return model.initialParameters(1).toArray();
    }

    @Override
    public Tensor xTrain() {
        return Tensor.of(java.util.Arrays.copyOf(x, TRAIN), TRAIN, 1);
    }

    @Override
    public Tensor yTrain() {
        return Tensor.of(java.util.Arrays.copyOf(y, TRAIN), TRAIN, 1);
    }

    @Override
    public String likelihood() {
        return Likelihood.REGRESSION;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "2000", "burn", "500", "step-size", "0.005", "steps", "20", "tau-out", "100");
    }

    @Override
    public Map<String, Object> quality(Samples samples, Path plots) throws IOException {
        Tensor xHeld = Tensor.of(java.util.Arrays.copyOfRange(x, TRAIN, TRAIN + HELD_OUT), HELD_OUT, 1);
        Tensor yHeld = Tensor.of(java.util.Arrays.copyOfRange(y, TRAIN, TRAIN + HELD_OUT), HELD_OUT, 1);
        Band held = band(Hamiltorch.predictModel(model, samples, xHeld, yHeld));
        double sse = 0;
        int inside = 0;
        for (int i = 0; i < HELD_OUT; i++) {
            double e = y[TRAIN + i] - held.mean[i];
            sse += e * e;
            inside += Math.abs(e) <= 2 * held.sd[i] ? 1 : 0;
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("val_mse", sse / HELD_OUT);
        q.put("coverage_2sd", (double) inside / HELD_OUT);
        q.put("held_out_points", HELD_OUT);
        if (plots != null) {
            plot(samples, plots.resolve("bnn-regression.png"));
        }
        return q;
    }

    /** Posterior-predictive mean and sd per input: the spread of f over the draws plus the noise 1/τ_out. */
    private Band band(Predictions p) {
        double[] mean = p.mean();
        double[] variance = p.variance();
        double[] sd = new double[mean.length];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = Math.sqrt(variance[i] + 1 / tauOut);
        }
        return new Band(mean, sd);
    }

    private record Band(double[] mean, double[] sd) {
    }

    private void plot(Samples samples, Path file) throws IOException {
        int n = 301;
        double[] grid = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = -3.5 + 7.0 * i / (n - 1);
            truth[i] = Math.sin(grid[i]);
        }
        Band b = band(Hamiltorch.predictModel(model, samples, Tensor.of(grid, n, 1), Tensor.of(truth, n, 1)));
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = b.mean[i] - 2 * b.sd[i];
            upper[i] = b.mean[i] + 2 * b.sd[i];
        }
        XYChart chart = new XYChartBuilder().width(900).height(550).title("bnn-regression: posterior predictive")
                .xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setMarkerSize(5);
        XYSeries up = chart.addSeries("mean + 2 sd", grid, upper);
        XYSeries low = chart.addSeries("mean - 2 sd", grid, lower);
        for (XYSeries s : new XYSeries[] {up, low}) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(70, 130, 180));
            s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f}, 0f));
        }
        XYSeries mean = chart.addSeries("posterior-predictive mean", grid, b.mean);
        mean.setMarker(SeriesMarkers.NONE);
        mean.setLineColor(new Color(30, 80, 160));
        XYSeries t = chart.addSeries("truth sin(x)", grid, truth);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.DARK_GRAY);
        XYSeries data = chart.addSeries("training data", java.util.Arrays.copyOf(x, TRAIN),
                java.util.Arrays.copyOf(y, TRAIN));
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarkerColor(new Color(200, 60, 40));
        XYSeries held = chart.addSeries("held-out data", java.util.Arrays.copyOfRange(x, TRAIN, TRAIN + HELD_OUT),
                java.util.Arrays.copyOfRange(y, TRAIN, TRAIN + HELD_OUT));
        held.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        held.setMarkerColor(new Color(150, 150, 150));
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
