package io.paritybench.harness.sweep.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's figures (XChart), each written as PNG and SVG; the chart style is shared with the trace plots. */
public final class Figures {

    /** Distinguishable colours (Tableau 20, dark shades first). */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(174, 199, 232), new Color(255, 187, 120),
        new Color(152, 223, 138), new Color(255, 152, 150), new Color(197, 176, 213), new Color(196, 156, 148)};

    private static final BasicStroke[] LINES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
        SeriesLines.DASH_DOT};

    private Figures() {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** @return an empty chart in the house style (legend outside, white background, no markers) */
    public static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        org.knowm.xchart.style.XYStyler s = c.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setSeriesColors(PALETTE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
                s.setAntiAlias(true);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setMarkerSize(0);
        s.setYAxisDecimalPattern("0.0");
        return c;
    }

    /** Styles the i-th series: no markers, 2 px, a line pattern that changes after each run of the palette. */
    public static void style(XYSeries series, int i) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(LINES[(i / PALETTE.length) % LINES.length]);
        series.setLineWidth(2f);
    }

    /** Writes a performance-profile figure; @return the file base name */
    static String profile(Path dir, String name, String title, String what, List<PerformanceProfile.Curve> curves) {
        double xMax = Math.max(2, PerformanceProfile.maxRatio(curves) * 1.5);
        XYChart c = chart(title, "τ: within a factor τ of the best solver on the problem (" + what + ", log scale)",
                "fraction of problems");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisMin(1.0);
        c.getStyler().setXAxisMax(xMax);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        int i = 0;
        for (PerformanceProfile.Curve curve : curves) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] r = curve.ratios();
            int p = curve.problems();
            double level = 0;
            xs.add(1.0);
            ys.add(curve.at(1.0));
            level = curve.at(1.0);
            for (int k = 0; k < r.length; k++) {
                if (r[k] <= 1.0) {
                    continue;
                }
                xs.add(r[k]);
                ys.add(level);
                level = (double) (k + 1) / p;
                xs.add(r[k]);
                ys.add(level);
            }
            xs.add(xMax);
            ys.add(level);
            XYSeries s = c.addSeries(curve.solver(), xs, ys);
            style(s, i++);
        }
        regularTicks(c, 1.0);
        save(c, dir, name);
        return name;
    }

    /**
     * Writes the success rate against a binned x (log scale).
     *
     * @param series solver → (x → success fraction)
     */
    static String rates(Path dir, String name, String title, String x, Map<String, Map<Double, Double>> series) {
        XYChart c = chart(title, x, "OK, fraction of the applicable trials");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setMarkerSize(6);
        int i = 0;
        for (Map.Entry<String, Map<Double, Double>> e : series.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>(e.getValue().keySet());
            List<Double> ys = new ArrayList<>(e.getValue().values());
            XYSeries s = c.addSeries(e.getKey(), xs, ys);
            style(s, i);
            s.setMarker(SeriesMarkers.CIRCLE);
            i++;
        }
        double x0 = series.values().stream().flatMap(m -> m.keySet().stream()).min(Double::compare).orElse(1.0);
        regularTicks(c, x0);
        save(c, dir, name);
        return name;
    }

    /**
     * XChart places the y ticks at the data values when these are equally spaced, as the multiples of 1/P of a
     * performance profile are; an invisible series at an off-grid value keeps the ordinary 0.0, 0.1, ... ticks.
     */
    private static void regularTicks(XYChart c, double x) {
        XYSeries s = c.addSeries("\u200b", new double[] {x, x}, new double[] {0.0, 0.0137});
        s.setShowInLegend(false);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0, 0, 0, 0));
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
    public static void save(XYChart c, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            String base = dir.resolve(name).toString();
            BitmapEncoder.saveBitmap(c, base, BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(c, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + name + ": " + e.getMessage(), e);
        }
    }
}
