package io.paritybench.harness.trace;

import io.paritybench.harness.sweep.report.Figures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two plots of a trace, PNG and SVG (XChart): {@code max|RRC − b|} on a log scale against time (log scale) and
 * against the iteration number, one line per solver, the final status written at each line's end. A residual of
 * exactly 0 is drawn at {@value #ZERO_FLOOR}.
 */
final class TracePlots {

    /** Where a zero residual is drawn on the log axis. */
    static final double ZERO_FLOOR = 1e-18;
    /** Points drawn per line at most (evenly spaced by index, the first and last always), to keep the SVGs small. */
    static final int MAX_DRAWN = 300;

    private TracePlots() {
    }

    /** Writes {@code residual_vs_time} and {@code residual_vs_iteration}; @return their base names */
    static List<String> write(Path dir, String problem, List<SolverTrace> traces) {
        String t = plot(dir, "residual_vs_time", problem,
                "seconds since the solve call (median of the traced repeats, log scale)", traces,
                TracePoint::seconds, true);
        String i = plot(dir, "residual_vs_iteration", problem,
                "iteration (each solver's own unit)", traces, p -> p.iteration(), false);
        return List.of(t, i);
    }

    private static String plot(Path dir, String name, String title, String x, List<SolverTrace> traces,
                               ToDoubleFunction<TracePoint> xOf, boolean logX) {
        XYChart c = Figures.chart(title, x, "max|RRC − b| (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisDecimalPattern("0.0E0");
        if (logX) {
            c.getStyler().setXAxisDecimalPattern("0.0E0");
        }
        c.getStyler().setAnnotationTextFontColor(java.awt.Color.DARK_GRAY);
        int k = 0;
        for (SolverTrace tr : traces) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<TracePoint> pts = tr.points();
            int step = Math.max(1, (pts.size() + MAX_DRAWN - 1) / MAX_DRAWN);
            for (int j = 0; j < pts.size(); j++) {
                if (j % step != 0 && j != pts.size() - 1) {
                    continue;
                }
                TracePoint p = pts.get(j);
                double y = p.maxAbsRrcError();
                double xv = xOf.applyAsDouble(p);
                if (!(y >= 0) || Double.isInfinite(y) || (logX && !(xv > 0))) {
                    continue;
                }
                xs.add(xv);
                ys.add(Math.max(y, ZERO_FLOOR));
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = c.addSeries(tr.solver() + " (" + tr.statusLabel() + ")", xs, ys);
            Figures.style(s, k++);
            if (xs.size() == 1) {
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            c.addAnnotation(new AnnotationText(tr.statusLabel(), xs.get(xs.size() - 1), ys.get(ys.size() - 1),
                    false));
        }
        Figures.save(c, dir, name);
        return name;
    }
}
