package io.paritybench.sqp;

import io.paritybench.core.Deadline;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the Levenberg–Marquardt regularised Gauss–Newton SQP iteration of {@link SqpLeastSquares} on the
 * correlation-space θ model ({@link ThetaResidualModel}); see that class for the method and its stopping rules.
 * All workspace is allocated in the constructor; one instance per solve.
 */
final class GaussNewtonRun {

    /** The final iterate in covariance space (unnormalised), the proposed status and what happened. */
    record Outcome(double[] x, SolveStatus status, int iterations, String message) {
    }

    private final RiskBudgetProblem problem;
    private final double tolerance;
    private final int maxIterations;
    private final Deadline deadline;
    private final int n;
    private final double[] sigma;
    private final double[] b;
    private final double maxBudget;
    private final ThetaResidualModel model;
    private final RegularisedKkt kkt;

    GaussNewtonRun(RiskBudgetProblem problem, double tolerance, int maxIterations, Deadline deadline) {
        this.problem = problem;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.deadline = deadline;
        this.n = problem.n();
        this.sigma = problem.volatilities();
        double[] budgets = problem.budgets();
        double sum = 0;
        for (double v : budgets) {
            sum += v;
        }
        double mb = 0;
        for (int i = 0; i < n; i++) {
            budgets[i] /= sum;
            mb = Math.max(mb, budgets[i]);
        }
        this.b = budgets;
        this.maxBudget = mb;
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = i == j ? 1.0 : problem.covariance(i, j) / sigma[i] / sigma[j];
            }
        }
        this.model = new ThetaResidualModel(c, b);
        this.kkt = new RegularisedKkt(n + 1);
    }

    /**
     * Runs the iteration from the positive correlation-space point {@code y0} (any scale).
     *
     * @param counters receives {@code linearisations} (outer iterations: one {@code J'J} each), {@code trialSteps}
     *                 (inner trials: one factorisation of {@code J'J + τI} each, accepted or not),
     *                 {@code factorizations}, {@code rejectedSteps}, {@code boundarySteps}
     * @param observed  options whose iteration observer sees every iterate, numbered from {@code first}
     */
    Outcome iterate(double[] y0, Map<String, Long> counters, SolverOptions observed, int first) {
        int n1 = n + 1;
        double[] y = new double[n];
        double[] yTrial = new double[n];
        double[] m = new double[n];
        double[] mTrial = new double[n];
        double[] r = new double[n];
        double[] rTrial = new double[n];
        double[] h = new double[n1 * n1];
        double[] g = new double[n1];
        double[] d = new double[n1];
        double[] a = new double[n1];
        double[] x = new double[n];
        double[] w = new double[n];
        java.util.Arrays.fill(a, 0, n, 1.0);

        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y0[i];
        }
        for (int i = 0; i < n; i++) {
            y[i] = y0[i] / s;
        }
        model.evaluate(y, 0.0, m, r);
        double theta = 0;
        for (int i = 0; i < n; i++) {
            theta += r[i];
        }
        theta /= n;
        double f = model.evaluate(y, theta, m, r);
        double lastResidual = Double.NaN;

        long factorizations = 0;
        long rejected = 0;
        long trials = 0;
        long boundarySteps = 0;
        double tau = -1;
        double maxDiag = 0;
        int stalled = 0;
        int iterations = 0;
        boolean moved = true;
        SolveStatus status;
        String message;
        while (true) {
            if (moved) {
                toCovarianceSpace(y, x, w);
                observed.observe(first + iterations, x, null);
                double residual = ConvergenceTest.residual(problem, w);
                lastResidual = residual;
                if (!Double.isFinite(f) || !Double.isFinite(residual)) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite least-squares merit or residual";
                    break;
                }
                if (ConvergenceTest.passes(residual, tolerance)) {
                    status = SolveStatus.CONVERGED;
                    message = String.format(Locale.ROOT, "max|RRC-b| = %.3e after %d Gauss-Newton iterations"
                            + " (%d trial steps)", residual, iterations, trials);
                    break;
                }
            }
            double residual = lastResidual;
            if (deadline.passed()) {
                status = SolveStatus.TIME_LIMIT;
                message = String.format(Locale.ROOT, "time limit after %d iterations, max|RRC-b| = %.3e",
                        iterations, residual);
                break;
            }
            if (moved) {
                int collapsed = collapsedIndex(y, m);
                if (collapsed >= 0) {
                    status = SolveStatus.LOCAL_MINIMUM;
                    message = String.format(Locale.ROOT, "weight %d collapsed towards the boundary (y_i/max y = %.2e,"
                                    + " RRC_i = %.3e, b_i = %.3e): spurious least-squares minimiser, max|RRC-b| = %.3e",
                            collapsed + 1, y[collapsed] / max(y), rrc(y, m, collapsed), b[collapsed], residual);
                    break;
                }
            }
            if (stalled >= SqpLeastSquares.STALL_ITERATIONS) {
                double floor = SqpLeastSquares.FLOOR_FACTOR * model.cancellation(y, m) * SqpLeastSquares.UNIT_ROUNDOFF
                        * maxBudget;
                if (residual <= floor) {
                    status = SolveStatus.STAGNATED;
                    message = String.format(Locale.ROOT, "no progress for %d trial steps at the double-precision"
                            + " floor: max|RRC-b| = %.3e (floor estimate %.1e)", stalled, residual, floor);
                } else {
                    status = SolveStatus.LOCAL_MINIMUM;
                    message = String.format(Locale.ROOT, "least-squares merit stalled at f = %.3e with max|RRC-b|"
                            + " = %.3e above the double-precision floor %.1e: stationary point that is not a solution"
                            + " (min y_i/max y = %.2e)", f, residual, floor, min(y) / max(y));
                }
                break;
            }
            if (moved) {
                if (iterations >= maxIterations) {
                    status = SolveStatus.MAX_ITERATIONS;
                    message = String.format(Locale.ROOT, "iteration cap %d reached, max|RRC-b| = %.3e",
                            maxIterations, residual);
                    break;
                }
                iterations++;
                // One linearisation per accepted point: a rejected trial keeps J'J and J'r and refactors only
                // J'J + τI, so a rejection costs (n+1)³/6 + O(n²) rather than another n³/2 product.
                model.linearise(y, m, r, h, g);
                maxDiag = 0;
                for (int j = 0; j < n1; j++) {
                    maxDiag = Math.max(maxDiag, h[j * n1 + j]);
                }
                if (!Double.isFinite(maxDiag)) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite Gauss-Newton matrix";
                    break;
                }
                moved = false;
            }
            if (tau < 0) {
                tau = SqpLeastSquares.INITIAL_TAU * maxDiag;
            }
            tau = Math.max(tau, SqpLeastSquares.MIN_TAU * maxDiag);
            trials++;
            factorizations++;
            if (!kkt.solve(h, tau, g, a, d)) {
                tau *= 10;
                rejected++;
                stalled++;
                continue;
            }
            double alpha = 1.0;
            for (int i = 0; i < n; i++) {
                if (d[i] < 0) {
                    alpha = Math.min(alpha, SqpLeastSquares.FRACTION_TO_BOUNDARY * y[i] / -d[i]);
                }
            }
            if (alpha < 1.0) {
                boundarySteps++;
            }
            for (int i = 0; i < n; i++) {
                yTrial[i] = y[i] + alpha * d[i];
            }
            double thetaTrial = theta + alpha * d[n];
            double fTrial = model.evaluate(yTrial, thetaTrial, mTrial, rTrial);
            double predicted = f - model.modelResidualNormSq(r, d, alpha);
            double actual = f - fTrial;
            double ratio = actual / predicted;
            if (Double.isFinite(fTrial) && predicted > 0 && ratio > SqpLeastSquares.ACCEPT_RATIO) {
                boolean progress = actual > SqpLeastSquares.MIN_RELATIVE_DECREASE * f;
                stalled = progress ? 0 : stalled + 1;
                double[] t = y;
                y = yTrial;
                yTrial = t;
                t = m;
                m = mTrial;
                mTrial = t;
                t = r;
                r = rTrial;
                rTrial = t;
                theta = thetaTrial;
                f = fTrial;
                moved = true;
                if (ratio > 0.75) {
                    tau /= 10;
                } else if (ratio >= 0.25) {
                    tau /= 3;
                } else {
                    tau *= 2;
                }
            } else {
                rejected++;
                stalled++;
                tau *= 10;
            }
        }
        counters.put("linearisations", (long) iterations);
        counters.put("trialSteps", trials);
        counters.put("factorizations", factorizations);
        counters.put("rejectedSteps", rejected);
        counters.put("boundarySteps", boundarySteps);
        toCovarianceSpace(y, x, w);
        return new Outcome(x, status, iterations, message);
    }

    /** {@code x_i = y_i / σ_i} and its normalisation {@code w}. */
    private void toCovarianceSpace(double[] y, double[] x, double[] w) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            x[i] = y[i] / sigma[i];
            s += x[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / s;
        }
    }

    /** @return an index with {@code y_i ≤ 1e-8 max y} and {@code RRC_i < b_i}, or −1 */
    private int collapsedIndex(double[] y, double[] m) {
        double top = max(y);
        for (int i = 0; i < n; i++) {
            if (y[i] <= SqpLeastSquares.COLLAPSE_RATIO * top && rrc(y, m, i) < b[i]) {
                return i;
            }
        }
        return -1;
    }

    private double rrc(double[] y, double[] m, int i) {
        double v = 0;
        for (int j = 0; j < n; j++) {
            v += y[j] * m[j];
        }
        return y[i] * m[i] / v;
    }

    private static double max(double[] v) {
        double t = v[0];
        for (double e : v) {
            t = Math.max(t, e);
        }
        return t;
    }

    private static double min(double[] v) {
        double t = v[0];
        for (double e : v) {
            t = Math.min(t, e);
        }
        return t;
    }
}
