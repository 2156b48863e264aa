package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.newton.DampedNewton;
import io.paritybench.core.linalg.BlockCholesky;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Newton's method for risk budgeting under the measure {@code R(w) = −μ'w + c σ(w)} (ALGORITHMS.md §7), used by
 * {@link LogBarrierNewton} (dense Cholesky) and {@link TruncatedNewtonCg} (matrix-free conjugate gradients) when the
 * problem's measure is not volatility. The volatility path ({@link SpinuIteration}) is separate and unchanged.
 *
 * <p>Correlation space {@code y = x ∘ σ_vol}, {@code μ̃ = μ ⊘ σ_vol} (so {@code μ'x = μ̃'y}, {@code x'Σx = y'Cy}),
 * budgets scaled to {@code min b = 1}, {@code S = Σ b_i}. It minimises the strictly convex
 * {@code F(y) = −μ̃'y + c sqrt(y'Cy) − Σ b_i ln y_i}; the minimiser satisfies {@code y_i ∂_i R(y) = b_i}, so
 * {@code R(y*) = S} and {@code w = x/1'x} is the risk-budgeting portfolio. Gradient
 * {@code g = −μ̃ + c v/σ − b ⊘ y} with {@code v = Cy}, {@code σ = sqrt(y'v)}; Hessian
 * {@code H = c (C/σ − v v'/σ³) + diag(b ⊘ y²)} (SPD: the first term is PSD with null vector y). F is not
 * self-concordant in Spinu's sense, so Spinu's damping is not a guarantee: the step {@code y ← y − hΔ} starts from
 * the fraction-to-boundary cap {@code h = 1/(1 + δ)}, {@code δ = max_i |Δ_i|/y_i}, while the decrement
 * {@code λ = sqrt(g'Δ)} exceeds {@link SpinuIteration#LAMBDA_STAR} and from the full step afterwards (halved while it
 * leaves the orthant), and is halved until the Armijo condition {@code F(y − hΔ) ≤ F(y) − 10⁻⁴ h λ²} holds, with the
 * change of F evaluated in difference form from one product {@code CΔ} (see the backtracking of the run). Quadratic local
 * convergence; the stagnation rules of {@link SpinuIteration} are used as heuristics (without self-concordance the
 * bound {@code λ⁺ ≤ (λ/(1 − λ))²} behind them is only asymptotic).
 *
 * <p>Start: the inverse-volatility point {@code y = 1} (or the warm start {@code w ∘ σ_vol}) scaled to
 * {@code R(y) = S}.
 *
 * <p><b>Non-existence</b> (§7: a solution exists iff {@code R > 0} on the orthant minus the origin, i.e.
 * {@code c} exceeds the long-only maximal Sharpe ratio). The solve stops with {@link SolveStatus#NO_SOLUTION} when an
 * iterate has {@code R(y) ≤ 0} (the positive iterate itself is the certificate) or when
 * {@code c σ(y) > }{@value #DIVERGENCE}{@code · S}: since {@code R(y) = S} at the solution, that means the iterates
 * grow without bound or the problem is within a relative {@code 1e-12} of the boundary of existence (solution
 * Sharpe ratio within that fraction of c), which double precision cannot tell apart.
 *
 * <p>Cost per iteration: dense, {@code n³/3} (Cholesky of the explicitly formed H) plus {@code O(n²)} per product
 * with C (one for the gradient, one for the {@code CΔ} that every Armijo trial shares, O(n) per trial);
 * matrix-free, {@code 2n²} per CG iteration (Jacobi preconditioner {@code diag H = c (1 − v_i²/σ²)/σ + b_i/y_i²},
 * forcing {@code η = min(1/2, ‖g‖_{M⁻¹})}).
 */
final class MeasureIteration {

    /** Bound on {@code c σ(y) / S} beyond which the iterates are taken to diverge. */
    static final double DIVERGENCE = 1e12;
    /** Armijo sufficient-decrease constant. */
    static final double ARMIJO = 1e-4;
    /** Step halvings before the line search gives up. */
    static final int MAX_HALVINGS = 60;
    private static final double U = 0x1.0p-53;

    private MeasureIteration() {
    }

    /**
     * @param matrixFree conjugate gradients on H instead of a Cholesky factorisation
     * @param defaultCap iteration cap when the options leave it to the solver
     */
    static SolveResult run(String id, RiskBudgetProblem problem, SolverOptions options, boolean matrixFree,
                           int defaultCap) {
        return new Run(problem, options, matrixFree).solve(id, options.maxIterationsOr(defaultCap));
    }

    private static final class Run {
        final RiskBudgetProblem problem;
        final SolverOptions options;
        final CorrelationForm form;
        final boolean matrixFree;
        final int n;
        final double c;
        final double[] mu;
        final double[] b;
        final double[] y;
        final double[] v;
        final double[] g;
        final double[] d;
        final double[] delta;
        final double[] cDelta;
        final double[] w;
        final double[][] u;
        // conjugate-gradient scratch
        final double[] r;
        final double[] z;
        final double[] p;
        final double[] q;
        final double[] jac;
        double sigma;
        double risk;
        double f;
        long damped;
        long quadratic;
        long halvings;
        long matvecs;
        long factorizations;
        long cgIterations;

        Run(RiskBudgetProblem problem, SolverOptions options, boolean matrixFree) {
            this.problem = problem;
            this.options = options;
            this.matrixFree = matrixFree;
            this.form = CorrelationForm.of(problem);
            this.n = form.n;
            RiskMeasure m = problem.measure();
            this.c = m.multiplier();
            this.mu = m.muOrZero(n);
            for (int i = 0; i < n; i++) {
                mu[i] /= form.sigma[i];
            }
            this.b = form.b;
            this.y = new double[n];
            this.v = new double[n];
            this.g = new double[n];
            this.d = new double[n];
            this.delta = new double[n];
            this.cDelta = new double[n];
            this.w = new double[n];
            this.u = matrixFree ? null : new double[n][n];
            this.r = matrixFree ? new double[n] : null;
            this.z = matrixFree ? new double[n] : null;
            this.p = matrixFree ? new double[n] : null;
            this.q = matrixFree ? new double[n] : null;
            this.jac = matrixFree ? new double[n] : null;
            double[] start = options.initialPoint();
            for (int i = 0; i < n; i++) {
                y[i] = start == null ? 1.0 : start[i] * form.sigma[i];
            }
        }

        SolveResult solve(String id, int cap) {
            Deadline deadline = options.deadlineFromNow();
            double tol = options.tolerance();
            int iterations = 0;
            DampedNewton.Stagnation stagnation = new DampedNewton.Stagnation();
            SolveStatus status;
            String message;
            evaluate(y);
            if (risk > 0 && Double.isFinite(risk)) {
                double scale = form.s / risk;
                for (int i = 0; i < n; i++) {
                    y[i] *= scale;
                }
            }
            while (true) {
                options.observe(iterations, y, form.sigma);
                f = evaluate(y);
                if (!Double.isFinite(risk) || !Double.isFinite(sigma)) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite risk at iteration " + iterations;
                    break;
                }
                if (!(risk > 0)) {
                    status = SolveStatus.NO_SOLUTION;
                    message = String.format(Locale.ROOT, "no risk-budgeting portfolio for %s: the positive iterate "
                            + "of iteration %d has R = %.3e <= 0 (c sigma = %.3e), so R is not positive on the "
                            + "orthant (c = %.4f does not exceed the long-only maximal Sharpe ratio)",
                            problem.measure(), iterations, risk, c * sigma, c);
                    break;
                }
                if (c * sigma > DIVERGENCE * form.s) {
                    status = SolveStatus.NO_SOLUTION;
                    message = String.format(Locale.ROOT, "no risk-budgeting portfolio for %s: the iterates diverge "
                            + "(c sigma(y) = %.3e, %.0e times the value at a solution, R = %.3e) after %d iterations; "
                            + "R is not positive on the orthant, or within 1e-12 of not being so",
                            problem.measure(), c * sigma, c * sigma / form.s, risk, iterations);
                    break;
                }
                if (!gradient()) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite gradient or non-positive iterate at iteration " + iterations;
                    break;
                }
                if (passesCommonTest(tol)) {
                    status = SolveStatus.CONVERGED;
                    message = "max|RRC-b| <= " + tol + " for " + problem.measure();
                    break;
                }
                if (iterations >= cap) {
                    status = SolveStatus.MAX_ITERATIONS;
                    message = "iteration cap " + cap + " reached";
                    break;
                }
                if (deadline.passed()) {
                    status = SolveStatus.TIME_LIMIT;
                    message = "time limit " + options.timeLimit() + " reached after " + iterations + " iterations";
                    break;
                }
                String failure = matrixFree ? conjugateGradients(deadline) : cholesky();
                if (failure != null) {
                    status = failure.startsWith("time") ? SolveStatus.TIME_LIMIT : SolveStatus.NUMERICAL_BREAKDOWN;
                    message = failure + " at iteration " + iterations;
                    break;
                }
                DampedNewton.Decrement dec = DampedNewton.Decrement.of(g, delta, y);
                double lambda2 = dec.lambda2();
                double rel = dec.delta();
                if (!(lambda2 >= 0) || !Double.isFinite(lambda2) || !Double.isFinite(rel)) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "Newton step is not finite or not a descent direction (g'Δ = " + lambda2
                            + ") at iteration " + iterations;
                    break;
                }
                double lambda = Math.sqrt(lambda2);
                double h;
                if (lambda > SpinuIteration.LAMBDA_STAR) {
                    h = 1.0 / (1.0 + rel);
                    damped++;
                    stagnation.damped();
                } else {
                    // every direction here counts as accurate (Cholesky, or CG to its forcing term)
                    if (stagnation.quadratic(lambda, rel, true) != DampedNewton.Stop.NONE) {
                        status = SolveStatus.STAGNATED;
                        message = String.format(Locale.ROOT, "Newton decrement %.3e (max|Δ_i|/y_i = %.3e) stopped "
                                + "decreasing at the noise floor of double precision after %d iterations", lambda,
                                rel, iterations);
                        break;
                    }
                    h = 1.0;
                    quadratic++;
                }
                h = armijo(h, lambda2);
                if (h <= 0) {
                    status = lambda <= SpinuIteration.LAMBDA_STAR ? SolveStatus.STAGNATED
                            : SolveStatus.NO_ADMISSIBLE_STEP;
                    message = String.format(Locale.ROOT, "no step along the Newton direction decreases F "
                            + "(decrement %.3e) at iteration %d", lambda, iterations);
                    break;
                }
                for (int i = 0; i < n; i++) {
                    y[i] -= h * delta[i];
                }
                iterations++;
                stagnation.stepped(lambda, lambda <= SpinuIteration.LAMBDA_STAR);
            }
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("dampedSteps", damped);
            counters.put("quadraticSteps", quadratic);
            counters.put("stepHalvings", halvings);
            if (matrixFree) {
                counters.put("cgIterations", cgIterations);
            } else {
                counters.put("factorizations", factorizations);
            }
            counters.put("matvecs", matvecs + cgIterations);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / form.sigma[i];
            }
            return SolveResult.conclude(id, problem, options, x, status, iterations, counters, message);
        }

        /**
         * Sets {@code v = C at}, {@link #sigma} and {@link #risk} for the point {@code at}; returns F there (NaN when a
         * coordinate is not positive).
         */
        private double evaluate(double[] at) {
            form.multiply(at, v);
            matvecs++;
            double vv = 0;
            double lin = 0;
            double barrier = 0;
            for (int i = 0; i < n; i++) {
                vv += at[i] * v[i];
                lin += mu[i] * at[i];
                barrier += b[i] * Math.log(at[i]);
            }
            sigma = Math.sqrt(vv);
            risk = -lin + c * sigma;
            return risk - barrier;
        }

        /** {@code g = −μ̃ + c v/σ − b ⊘ y}, {@code d = b ⊘ y²}; needs {@link #evaluate} at y. */
        private boolean gradient() {
            boolean finite = true;
            double cs = c / sigma;
            for (int i = 0; i < n; i++) {
                double yi = y[i];
                double bi = b[i] / yi;
                g[i] = -mu[i] + cs * v[i] - bi;
                d[i] = bi / yi;
                finite &= Double.isFinite(g[i]) && Double.isFinite(d[i]) && yi > 0;
            }
            return finite;
        }

        /**
         * The common test on the covariance-space weights, evaluated once the same residual computed in correlation
         * space, {@code max_i |RC_i/R − b_i/S|}, is within {@link SpinuIteration#PRESCREEN}·tol.
         */
        private boolean passesCommonTest(double tol) {
            double cs = c / sigma;
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double rc = y[i] * (-mu[i] + cs * v[i]);
                worst = Math.max(worst, Math.abs(rc / risk - b[i] / form.s));
            }
            if (!(worst <= SpinuIteration.PRESCREEN * tol)) {
                return false;
            }
            form.weights(y, w);
            return ConvergenceTest.passes(problem, w, tol);
        }

        /** Δ = H⁻¹g with H formed explicitly (upper triangle) and factorised; null on success. */
        private String cholesky() {
            double a = c / sigma;
            double bb = c / (sigma * sigma * sigma);
            for (int i = 0; i < n; i++) {
                double[] ui = u[i];
                form.upperRow(i, ui);
                double vi = bb * v[i];
                for (int j = i; j < n; j++) {
                    ui[j] = a * ui[j] - vi * v[j];
                }
                ui[i] += d[i];
            }
            factorizations++;
            int pivot = BlockCholesky.factor(u, n);
            if (pivot >= 0) {
                return "Cholesky factorisation of the Newton system failed at pivot " + (pivot + 1)
                        + " (Hessian not numerically positive definite)";
            }
            System.arraycopy(g, 0, delta, 0, n);
            BlockCholesky.solve(u, n, delta);
            return null;
        }

        /** {@code out = H in}: {@code (c/σ) C in − (c/σ³) v (v'in) + d ∘ in}. */
        private void hessianTimes(double[] in, double[] out) {
            form.multiply(in, out);
            cgIterations++;
            double a = c / sigma;
            double vin = 0;
            for (int i = 0; i < n; i++) {
                vin += v[i] * in[i];
            }
            double bb = c * vin / (sigma * sigma * sigma);
            for (int i = 0; i < n; i++) {
                out[i] = a * out[i] - bb * v[i] + d[i] * in[i];
            }
        }

        /**
         * Jacobi-preconditioned CG on {@code HΔ = g} from zero, stopped at {@code r'M⁻¹r ≤ η² g'M⁻¹g},
         * {@code η = min(1/2, ‖g‖_{M⁻¹})}, or after {@code 2n} iterations (within [100, 1000]); every iterate is a
         * descent direction with {@code g'Δ = Δ'HΔ}. Null on success.
         */
        private String conjugateGradients(Deadline deadline) {
            double a = c / sigma;
            double s2 = sigma * sigma;
            double rz = 0;
            for (int i = 0; i < n; i++) {
                jac[i] = a * Math.max(0.0, 1.0 - v[i] * v[i] / s2) + d[i];
                r[i] = g[i];
                z[i] = r[i] / jac[i];
                p[i] = z[i];
                delta[i] = 0;
                rz += r[i] * z[i];
            }
            double eta = Math.min(NewtonDirection.ETA_MAX, Math.sqrt(rz));
            double target = eta * eta * rz;
            int max = ConjugateGradientDirection.maxCgIterations(n);
            for (int k = 0; k < max; k++) {
                if (k > 0 && (k & 7) == 0 && deadline.passed()) {
                    return "time limit reached inside conjugate gradients";
                }
                hessianTimes(p, q);
                double pq = 0;
                for (int i = 0; i < n; i++) {
                    pq += p[i] * q[i];
                }
                if (!(pq > 0) || !Double.isFinite(pq)) {
                    return k == 0 ? "conjugate gradients broke down (p'Hp not positive)" : null;
                }
                double alpha = rz / pq;
                double rzNew = 0;
                for (int i = 0; i < n; i++) {
                    delta[i] += alpha * p[i];
                    r[i] -= alpha * q[i];
                    z[i] = r[i] / jac[i];
                    rzNew += r[i] * z[i];
                }
                if (rzNew <= target) {
                    return null;
                }
                double beta = rzNew / rz;
                for (int i = 0; i < n; i++) {
                    p[i] = z[i] + beta * p[i];
                }
                rz = rzNew;
            }
            return null;
        }

        /**
         * Backtracking from {@code h}: halves while the step leaves the orthant or violates the Armijo condition
         * {@code F(y − hΔ) − F(y) ≤ −10⁻⁴ h λ²}. The change of F is evaluated in difference form,
         * {@code ΔF(h) = h μ̃'Δ + c (σ'² − σ²)/(σ' + σ) − Σ b_i log1p(−hΔ_i/y_i)} with
         * {@code σ'² − σ² = −2h Δ'v + h² Δ'CΔ} ({@code v = Cy}), which is accurate to a few digits of ΔF itself: the
         * difference of two values of F loses {@code u·(|μ̃'y| + cσ + Σ b_i |ln y_i|)} to cancellation, more than
         * the expected decrease {@code λ²/2} once λ is below about 1e-5 on ill-conditioned problems, which halved
         * good steps and ended the solve STAGNATED far above the noise floor. One product {@code CΔ} serves every
         * trial, so a trial costs O(n) instead of a product with C.
         *
         * @return the accepted step, or 0 if none was found
         */
        private double armijo(double h, double lambda2) {
            form.multiply(delta, cDelta);
            matvecs++;
            double muDelta = 0;
            double deltaV = 0;
            double deltaCDelta = 0;
            for (int i = 0; i < n; i++) {
                muDelta += mu[i] * delta[i];
                deltaV += delta[i] * v[i];
                deltaCDelta += delta[i] * cDelta[i];
            }
            double s2 = sigma * sigma;
            int halved = 0;
            double accepted = 0;
            while (halved <= MAX_HALVINGS) {
                boolean positive = true;
                double barrier = 0;
                double barrierSize = 0;
                for (int i = 0; i < n; i++) {
                    double r = -h * delta[i] / y[i];
                    positive &= r > -1;
                    double l = b[i] * Math.log1p(r);
                    barrier += l;
                    barrierSize += Math.abs(l);
                }
                if (positive) {
                    double dq = h * (h * deltaCDelta - 2 * deltaV);
                    double sigmaTrial = Math.sqrt(s2 + dq);
                    double linear = h * muDelta;
                    double quadratic = c * dq / (sigmaTrial + sigma);
                    double change = linear + quadratic - barrier;
                    double slack = 16 * U * (Math.abs(linear) + Math.abs(quadratic) + barrierSize
                            + c * h * h * Math.abs(deltaCDelta) / sigma);
                    if (sigmaTrial > 0 && change <= -ARMIJO * h * lambda2 + slack) {
                        accepted = h;
                        break;
                    }
                }
                h *= 0.5;
                halved++;
            }
            halvings += halved;
            return accepted;
        }
    }
}
