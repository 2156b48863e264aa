package io.paritybench.core.generate;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.InvalidProblemException;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.linalg.BlockCholesky;
import io.paritybench.core.linalg.RowKernels;
import io.paritybench.core.reference.ReferenceSolver;

import java.util.SplittableRandom;

/**
 * Deterministic problem generators of the problem library (ALGORITHMS.md §2.4, §4, §8.3): a {@link GeneratorSpec}
 * gives the same Σ and budgets, bit for bit, on every run and every JVM (SplitMix64 streams of
 * {@link SplittableRandom}, Gaussians by the polar method, {@link StrictMath} for elementary functions, the
 * arithmetic of EJML's Householder QR, reorganised for the cache but element for element the same, fixed summation
 * orders).
 *
 * <p>The seed feeds one root stream; the matrix and the budgets are drawn from two streams split from it, so the
 * budgets of a spec do not depend on how many variates its matrix consumed. Every Σ is exactly symmetric (upper
 * triangle computed, then mirrored) and checked positive definite (Cholesky in double); parameters that give an
 * indefinite matrix raise {@link IllegalArgumentException}.
 *
 * <p>Cost: O(n³) for the families that need a Haar matrix (random-spectrum, negative-correlation, vol-spread,
 * sample) and O(n²) otherwise; the sample family adds O(T n²).
 */
public final class ProblemGenerator {

    private ProblemGenerator() {
    }

    /**
     * Generates the problem, solves it with the {@link ReferenceSolver} and computes its {@link Conditioning}.
     * Cost: the generation, the reference solve (tens of Cholesky factorisations of order n) and three
     * eigenvalue decompositions.
     */
    public static GeneratedProblem generate(GeneratorSpec spec) {
        RiskBudgetProblem problem = problem(spec);
        SolveResult reference = new ReferenceSolver(BlockCholesky.workersFor(problem.n()))
                .solve(problem, SolverOptions.defaults().withTolerance(1e-6));
        double[] w = reference.weights();
        Conditioning conditioning = RiskMetrics.allPositive(w) ? Conditioning.of(problem, w) : null;
        return new GeneratedProblem(spec, problem, reference, conditioning);
    }

    /** @return the generated problem (Σ and budgets), without a reference solution */
    public static RiskBudgetProblem problem(GeneratorSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom matrixStream = root.split();
        SplittableRandom budgetStream = root.split();
        double[][] cov = unchecked(spec, new Draws(matrixStream));
        double[] b = budgets(spec.budgets(), spec.n(), new Draws(budgetStream));
        try {
            return RiskBudgetProblem.of(cov, b); // its validation factors the matrix: no second Cholesky here
        } catch (InvalidProblemException e) {
            throw notPositiveDefinite(spec, e.getMessage());
        }
    }

    /** @return the covariance matrix of a spec (the same matrix as {@link #problem}), checked positive definite */
    public static double[][] covariance(GeneratorSpec spec) {
        double[][] cov = unchecked(spec, new Draws(new SplittableRandom(spec.seed()).split()));
        if (Matrices.cholesky(cov) == null) {
            throw notPositiveDefinite(spec, "Cholesky failed");
        }
        return cov;
    }

    private static IllegalArgumentException notPositiveDefinite(GeneratorSpec spec, String why) {
        return new IllegalArgumentException("the parameters of " + spec + " give a matrix that is not "
                + "numerically positive definite (" + why + ")");
    }

    /**
     * The random-spectrum matrix {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'} with Q Haar orthogonal (QR of a
     * Gaussian matrix with {@code R_ii > 0}), exactly symmetric: eigenvalues from 1 down to 1/κ. Equal to
     * {@code covariance(GeneratorSpec.randomSpectrum(n, kappa, seed))}.
     */
    public static double[][] randomSpectrum(int n, double kappa, long seed) {
        return covariance(GeneratorSpec.randomSpectrum(n, kappa, seed));
    }

    /** The family's matrix, not yet checked for positive definiteness. */
    private static double[][] unchecked(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        double[][] cov = switch (spec.family()) {
            case RANDOM_SPECTRUM -> Matrices.randomSpectrum(n, kappa(spec), draws);
            case CONSTANT_CORRELATION -> constantCorrelation(spec, draws);
            case BLOCK -> block(spec, draws);
            case FACTOR -> factor(spec, draws);
            case NEGATIVE_CORRELATION -> negativeCorrelation(spec, draws);
            case VOL_SPREAD -> {
                double[][] c = Matrices.correlationOf(Matrices.randomSpectrum(n, kappa(spec), draws));
                yield Matrices.covarianceOf(c, vols(spec, draws));
            }
            case SAMPLE -> sample(spec, draws);
        };
        return cov;
    }

    private static double kappa(GeneratorSpec spec) {
        double kappa = spec.param("kappa");
        if (!(kappa >= 1)) {
            throw new IllegalArgumentException("kappa must be >= 1, got " + kappa);
        }
        return kappa;
    }

    private static double[] vols(GeneratorSpec spec, Draws draws) {
        double lo = spec.param("volmin");
        double hi = spec.param("volmax");
        if (!(lo > 0) || !(hi >= lo)) {
            throw new IllegalArgumentException("need 0 < volmin <= volmax, got " + lo + ", " + hi);
        }
        double[] v = new double[spec.n()];
        for (int i = 0; i < v.length; i++) {
            v[i] = draws.logUniform(lo, hi);
        }
        return v;
    }

    /** {@code C = (1−ρ)I + ρ11'}, ρ given or {@code −(1 − gap)/(n − 1)}. */
    private static double[][] constantCorrelation(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        double rho = spec.has("gap") ? -(1 - spec.param("gap")) / (n - 1) : spec.param("rho");
        if (!(rho > -1.0 / (n - 1)) || !(rho < 1)) {
            throw new IllegalArgumentException("constant correlation needs -1/(n-1) < rho < 1, got " + rho);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1.0 : rho;
            }
        }
        return Matrices.covarianceOf(c, vols(spec, draws));
    }

    /** @return the block of each asset: sizes as equal as possible, the first {@code n mod G} one larger */
    static int[] blockOf(int n, int blocks) {
        int[] g = new int[n];
        int base = n / blocks;
        int extra = n % blocks;
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            int size = base + (b < extra ? 1 : 0);
            for (int k = 0; k < size; k++) {
                g[i++] = b;
            }
        }
        return g;
    }

    private static double[][] block(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        int blocks = integer(spec, "blocks", 1, n);
        double in = spec.param("rhoin");
        double out = spec.param("rhoout");
        if (!(Math.abs(in) < 1) || !(Math.abs(out) < 1)) {
            throw new IllegalArgumentException("block correlations must lie in (-1, 1), got " + in + ", " + out);
        }
        int[] g = blockOf(n, blocks);
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1.0 : g[i] == g[j] ? in : out;
            }
        }
        return Matrices.covarianceOf(c, vols(spec, draws));
    }

    /** The parts of the factor family: B (n×k rows), the factor variances f², D. */
    private record FactorParts(double[][] b, double[] f2, double[] d) {
    }

    private static FactorParts factorParts(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        int k = integer(spec, "k", 1, 1000);
        double idio = spec.param("idio");
        if (!(idio > 0)) {
            throw new IllegalArgumentException("idio must be positive, got " + idio);
        }
        boolean mixed = integer(spec, "mixed", 0, 1) == 1;
        double[][] b = new double[n][k];
        for (int i = 0; i < n; i++) {
            double beta = 0.5 + draws.uniform();
            b[i][0] = mixed && draws.uniform() < 0.5 ? -beta : beta;
            for (int j = 1; j < k; j++) {
                b[i][j] = draws.gaussian();
            }
        }
        double[] f2 = new double[k];
        double decay = spec.has("fdecay") ? spec.param("fdecay") : 2;
        if (!(decay >= 1) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("fdecay must be >= 1, got " + decay);
        }
        for (int j = 0; j < k; j++) {
            double f = spec.has("fdecay") ? 0.2 / StrictMath.pow(decay, j) : 0.2 / (1L << Math.min(j, 60));
            f2[j] = f * f;
        }
        double[] d = new double[n];
        if (spec.has("idiovolmin") || spec.has("idiovolmax")) {
            double lo = spec.has("idiovolmin") ? spec.param("idiovolmin") : Double.NaN;
            double hi = spec.has("idiovolmax") ? spec.param("idiovolmax") : Double.NaN;
            if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("need 0 < idiovolmin <= idiovolmax (both), got " + lo + ", " + hi);
            }
            for (int i = 0; i < n; i++) {
                double v = lo + (hi - lo) * draws.uniform();
                d[i] = v * v;
            }
        } else {
            java.util.Arrays.fill(d, idio);
        }
        return new FactorParts(b, f2, d);
    }

    /**
     * @return the factor family's model in factor form, never materialised: the same B, factor variances and D as
     *         the dense matrix of {@link #problem} (whose entries are those of {@code BFB' + D} rounded once per
     *         sum). Cost O(nk) for the draws and O(nk²) for the validation.
     */
    public static FactorCovariance factorModel(GeneratorSpec spec) {
        if (spec.family() != Family.FACTOR) {
            throw new IllegalArgumentException("the factor form needs the factor family, got " + spec.family());
        }
        FactorParts parts = factorParts(spec, new Draws(new SplittableRandom(spec.seed()).split()));
        int k = parts.f2().length;
        double[][] f = new double[k][k];
        for (int j = 0; j < k; j++) {
            f[j][j] = parts.f2()[j];
        }
        return FactorCovariance.of(parts.b(), f, parts.d());
    }

    /** @return the factor-form problem of a factor-family spec (the same budgets as {@link #problem}) */
    public static RiskBudgetProblem factorProblem(GeneratorSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        root.split();
        double[] b = budgets(spec.budgets(), spec.n(), new Draws(root.split()));
        return RiskBudgetProblem.of(factorModel(spec), b);
    }

    /**
     * Generates a factor-family problem in factor form, solves it with the {@link ReferenceSolver} (factor path)
     * and estimates its conditioning in factor form ({@link FactorConditioning}). Cost O(nk²) per reference
     * iteration; no n×n array.
     */
    public static GeneratedProblem generateStructured(GeneratorSpec spec) {
        RiskBudgetProblem problem = factorProblem(spec);
        SolveResult reference = new ReferenceSolver().solve(problem, SolverOptions.defaults().withTolerance(1e-6));
        double[] w = reference.weights();
        Conditioning conditioning = RiskMetrics.allPositive(w) ? FactorConditioning.of(problem, w) : null;
        return new GeneratedProblem(spec, problem, reference, conditioning);
    }

    private static double[][] factor(GeneratorSpec spec, Draws draws) {
        FactorParts parts = factorParts(spec, draws);
        int n = spec.n();
        int k = parts.f2().length;
        double[][] b = parts.b();
        double[] f2 = parts.f2();
        double[] d = parts.d();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = i; l < n; l++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += b[i][j] * f2[j] * b[l][j];
                }
                if (i == l) {
                    v += d[i];
                }
                s[i][l] = v;
                s[l][i] = v;
            }
        }
        return s;
    }

    private static double[][] negativeCorrelation(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        double pair = spec.param("pairrho");
        double mix = spec.param("mix");
        if (!(Math.abs(pair) < 1) || !(mix >= 0 && mix <= 1)) {
            throw new IllegalArgumentException("need |pairrho| < 1 and 0 <= mix <= 1, got " + pair + ", " + mix);
        }
        double[][] r = Matrices.correlationOf(Matrices.randomSpectrum(n, 10.0, draws));
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double p = i == j ? 1.0 : (i / 2 == j / 2 ? -pair : 0.0);
                c[i][j] = i == j ? 1.0 : (1 - mix) * p + mix * r[i][j];
            }
        }
        return Matrices.covarianceOf(c, vols(spec, draws));
    }

    /** Sample covariance (divisor T − 1) of T returns {@code r_t = U'z_t}, {@code U'U = Σ_pop}, z standard normal. */
    private static double[][] sample(GeneratorSpec spec, Draws draws) {
        int n = spec.n();
        int t = spec.has("t") ? integer(spec, "t", n + 1, Integer.MAX_VALUE / n) : 2 * n;
        double[][] pop = Matrices.randomSpectrum(n, kappa(spec), draws);
        double[][] u = Matrices.cholesky(pop);
        if (u == null) {
            throw new IllegalArgumentException("population matrix of " + spec + " is not numerically positive definite");
        }
        double[][] r = new double[n][t];
        double[] z = new double[n];
        double[] lz = new double[n];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                z[i] = draws.gaussian();
            }
            // r_t = L z = U'z, as the sum of the rows of U scaled by z (vectorised)
            java.util.Arrays.fill(lz, 0.0);
            for (int k = 0; k < n; k++) {
                RowKernels.axpy(lz, u[k], z[k], k, n);
            }
            for (int i = 0; i < n; i++) {
                r[i][s] = lz[i];
            }
        }
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            double m = 0;
            for (int s = 0; s < t; s++) {
                m += ri[s];
            }
            m /= t;
            for (int s = 0; s < t; s++) {
                ri[s] -= m;
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            for (int j = i; j < n; j++) {
                double[] rj = r[j];
                double v = 0;
                for (int s = 0; s < t; s++) {
                    v += ri[s] * rj[s];
                }
                v /= (t - 1);
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        return cov;
    }

    private static int integer(GeneratorSpec spec, String name, int min, int max) {
        double v = spec.param(name);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException(name + " must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return (int) v;
    }

    /** @return budgets of a spec (null for ERC, which {@link RiskBudgetProblem} fills with 1/n) */
    static double[] budgets(BudgetSpec spec, int n, Draws draws) {
        switch (spec.kind()) {
            case EQUAL:
                return null;
            case DIRICHLET: {
                double[] b = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    b[i] = draws.gamma(spec.alpha());
                    sum += b[i];
                }
                for (int i = 0; i < n; i++) {
                    b[i] /= sum;
                    if (!(b[i] > 0)) {
                        throw new IllegalArgumentException("Dirichlet(" + spec.alpha() + ") drew a zero budget; "
                                + "use a larger alpha");
                    }
                }
                return b;
            }
            case TINY:
            default: {
                int k = spec.tinyCount(n);
                if (k >= n || !(k * spec.value() < 1)) {
                    throw new IllegalArgumentException("cannot give " + k + " of " + n + " assets a budget of "
                            + spec.value());
                }
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = 0; i < k; i++) {
                    int j = i + draws.index(n - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                double rest = (1 - k * spec.value()) / (n - k);
                double[] b = new double[n];
                java.util.Arrays.fill(b, rest);
                for (int i = 0; i < k; i++) {
                    b[perm[i]] = spec.value();
                }
                return b;
            }
        }
    }
}
