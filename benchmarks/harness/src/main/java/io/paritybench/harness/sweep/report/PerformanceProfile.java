package io.paritybench.harness.sweep.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Dolan–Moré performance profiles (Dolan and Moré, "Benchmarking optimization software with performance profiles",
 * Math. Program. 91, 2002, eq. 1): for a cost {@code t_{p,s}} of solver s on problem p (time, or error), the ratio
 * {@code r_{p,s} = t_{p,s} / min_s t_{p,s}} and the profile {@code ρ_s(τ) = |{p : r_{p,s} ≤ τ}| / |P|}. A failed
 * trial has an infinite cost, so {@code ρ_s(τ)} never exceeds the solver's success rate; {@code ρ_s(1)} is the
 * fraction of problems on which it was the best.
 */
public final class PerformanceProfile {

    private PerformanceProfile() {
    }

    /**
     * One solver's profile.
     *
     * @param solver   the solver
     * @param ratios   its finite performance ratios, ascending
     * @param problems the number of problems (the denominator)
     */
    public record Curve(String solver, double[] ratios, int problems) {
        public Curve {
            ratios = ratios.clone();
        }

        @Override
        public double[] ratios() {
            return ratios.clone();
        }

        /** @return ρ(τ), the fraction of problems solved within a factor τ of the best */
        public double at(double tau) {
            int k = 0;
            while (k < ratios.length && ratios[k] <= tau) {
                k++;
            }
            return problems == 0 ? 0 : (double) k / problems;
        }
    }

    /**
     * @param solvers the solvers, in the order of the curves
     * @param costs   problem id → (solver → cost); a missing entry or a non-finite or non-positive cost is a failure
     */
    public static List<Curve> of(List<String> solvers, Map<String, Map<String, Double>> costs) {
        List<List<Double>> ratios = new ArrayList<>();
        for (int s = 0; s < solvers.size(); s++) {
            ratios.add(new ArrayList<>());
        }
        for (Map<String, Double> byProblem : costs.values()) {
            double best = Double.POSITIVE_INFINITY;
            for (String s : solvers) {
                double c = byProblem.getOrDefault(s, Double.NaN);
                if (c > 0 && Double.isFinite(c)) {
                    best = Math.min(best, c);
                }
            }
            if (!Double.isFinite(best)) {
                continue;
            }
            for (int s = 0; s < solvers.size(); s++) {
                double c = byProblem.getOrDefault(solvers.get(s), Double.NaN);
                if (c > 0 && Double.isFinite(c)) {
                    ratios.get(s).add(c / best);
                }
            }
        }
        List<Curve> out = new ArrayList<>();
        for (int s = 0; s < solvers.size(); s++) {
            double[] r = ratios.get(s).stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(r);
            out.add(new Curve(solvers.get(s), r, costs.size()));
        }
        return out;
    }

    /** @return the largest finite ratio over all curves (at least 1) */
    public static double maxRatio(List<Curve> curves) {
        double m = 1;
        for (Curve c : curves) {
            double[] r = c.ratios();
            if (r.length > 0) {
                m = Math.max(m, r[r.length - 1]);
            }
        }
        return m;
    }
}
