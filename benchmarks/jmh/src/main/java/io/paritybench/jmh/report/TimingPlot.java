package io.paritybench.jmh.report;

import io.paritybench.core.text.Numbers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The log–log plot of median time per solve against n, one panel per (family, tolerance) and κ(Σ), one line per
 * solver over its converged configurations; the two kernels are drawn in grey for scale (O(n²) and O(n³)). The
 * structured factor model ({@code FactorBenchmark}, n = 10⁴ and, in {@code --full}, 10⁵ and 10⁶) has its own panel
 * per tolerance, which continues the n axis.
 */
public final class TimingPlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    /** Distinct colours (Tableau 10 and darker/lighter companions); with the markers, 20 solvers stay apart. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x000000),
        new Color(0xaec7e8), new Color(0xff9896), new Color(0x98df8a), new Color(0xffbb78), new Color(0xc5b0d5),
        new Color(0xc49c94), new Color(0xf7b6d2), new Color(0x9edae5), new Color(0xdbdb8d), new Color(0x7f7f7f)
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN
    };

    private TimingPlot() {
    }

    /**
     * Writes the plot as PNG.
     *
     * @return whether a plot was written (false when no configuration converged)
     */
    public static boolean write(TimingTable t, Path png) throws IOException {
        List<XYChart> charts = charts(t);
        if (charts.isEmpty()) {
            return false;
        }
        int kappas = (int) t.solverRows().stream().map(SolverRow::kappa).distinct().count();
        // the grid must be full (BitmapEncoder merges exactly rows × cols charts): the widest that divides the count
        int cols = Math.max(1, Math.min(kappas, charts.size()));
        while (charts.size() % cols != 0) {
            cols--;
        }
        int rows = charts.size() / cols;
        BitmapEncoder.saveBitmap(charts, rows, cols, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    static List<XYChart> charts(TimingTable t) {
        List<String> solvers = java.util.stream.Stream.concat(t.solverRows().stream(), t.factorRows().stream())
                .map(SolverRow::solver).distinct().sorted().toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < solvers.size(); i++) {
            index.put(solvers.get(i), i);
        }
        Map<String, List<SolverRow>> panels = new LinkedHashMap<>();
        List<SolverRow> ordered = new ArrayList<>(t.solverRows());
        ordered.sort(Comparator.comparing(SolverRow::family)
                .thenComparing(Comparator.comparingDouble(SolverRow::tolValue).reversed())
                .thenComparingDouble(SolverRow::kappaValue));
        for (SolverRow r : ordered) {
            panels.computeIfAbsent(r.family() + "|" + r.tol() + "|" + r.kappa(), k -> new ArrayList<>()).add(r);
        }
        // the structured factor model continues along n (10^4 and beyond), one panel per tolerance
        for (SolverRow r : t.factorRows()) {
            panels.computeIfAbsent(r.family() + "|" + r.tol(), k -> new ArrayList<>()).add(r);
        }
        List<XYChart> charts = new ArrayList<>();
        for (List<SolverRow> panel : panels.values()) {
            XYChart chart = panel(panel, index, t.kernelRows(), t.fits());
            if (chart != null) {
                charts.add(chart);
            }
        }
        return charts;
    }

    private static XYChart panel(List<SolverRow> rows, Map<String, Integer> index, List<KernelRow> kernels,
                                 List<ScalingFit> fits) {
        SolverRow first = rows.get(0);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(TimingTable.FACTOR_FAMILY.equals(first.family())
                        ? "structured factor model Σ = BFB' + D, tol = " + first.tol()
                        : first.family() + ", κ(Σ) = " + first.kappa() + ", tol = " + first.tol())
                .xAxisTitle("n").yAxisTitle("median time per solve (s)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setLegendFont(
                chart.getStyler().getLegendFont().deriveFont(10f));
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
        Map<String, TreeMap<Integer, List<Double>>> seeds = new TreeMap<>();
        TreeSet<Integer> ns = new TreeSet<>();
        for (SolverRow r : rows) {
            if (r.outcome() == Outcome.OK && r.time() != null && r.time().median() > 0) {
                seeds.computeIfAbsent(r.solver(), k -> new TreeMap<>()).computeIfAbsent(r.n(), k -> new ArrayList<>())
                        .add(r.time().median());
                ns.add(r.n());
            }
        }
        Map<String, TreeMap<Integer, Double>> bySolver = new TreeMap<>();
        seeds.forEach((solver, byN) -> {
            TreeMap<Integer, Double> m = new TreeMap<>();
            byN.forEach((n, v) -> m.put(n, Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray())));
            bySolver.put(solver, m);
        });
        if (bySolver.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, TreeMap<Integer, Double>> e : bySolver.entrySet()) {
            int i = index.get(e.getKey());
            XYSeries s = chart.addSeries(e.getKey(), xs(e.getValue()), ys(e.getValue()));
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setMarkerColor(PALETTE[i % PALETTE.length]);
            s.setMarker(MARKERS[i % MARKERS.length]);
            s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
            for (ScalingFit f : fits) {
                if (f.solver().equals(e.getKey()) && f.family().equals(first.family())
                        && f.kappa().equals(first.kappa()) && f.tol().equals(first.tol())) {
                    XYSeries line = chart.addSeries(e.getKey() + " ∝ n^" + Numbers.sig(f.exponent()),
                            new double[] {f.minN(), f.maxN()}, new double[] {f.at(f.minN()), f.at(f.maxN())});
                    line.setLineColor(PALETTE[i % PALETTE.length]);
                    line.setMarker(SeriesMarkers.NONE);
                    line.setShowInLegend(false);
                    line.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {5f, 3f}, 0f));
                }
            }
        }
        kernel(chart, "matvec", kernels, ns, true);
        kernel(chart, "Cholesky", kernels, ns, false);
        return chart;
    }

    private static void kernel(XYChart chart, String name, List<KernelRow> kernels, TreeSet<Integer> ns,
                               boolean matvec) {
        TreeMap<Integer, Double> points = new TreeMap<>();
        for (KernelRow k : kernels) {
            TimeSummary s = matvec ? k.matvec() : k.cholesky();
            if (s != null && s.median() > 0 && !ns.isEmpty() && k.n() >= ns.first() && k.n() <= ns.last()) {
                points.put(k.n(), s.median());
            }
        }
        if (points.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name + " (kernel)", xs(points), ys(points));
        Color grey = matvec ? new Color(0x999999) : new Color(0x555555);
        s.setLineColor(grey);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        matvec ? new float[] {2f, 3f} : new float[] {6f, 3f}, 0f));
    }

    private static double[] xs(TreeMap<Integer, Double> m) {
        return m.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static double[] ys(TreeMap<Integer, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
