package io.paritybench.core.generate;

import io.paritybench.core.linalg.BlockCholesky;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/** Dense constructions of the generator families (row-major {@code double[][]}, exactly symmetric outputs). */
final class Matrices {

    private Matrices() {
    }

    /** Columns per tile of the Householder kernels (a tile of n rows stays in the core's cache while reflectors pass). */
    static final int TILE = 32;
    /** Smallest n whose Haar matrix is computed on two threads (when the machine has two cores). */
    static final int PARALLEL_MIN_N = 1024;
    /** Rows of Σ per block of {@link #withSpectrum}. */
    private static final int ROW_BLOCK = 64;
    /** Columns of Σ per block of {@link #withSpectrum}. */
    private static final int COL_BLOCK = 256;

    /**
     * Haar-distributed orthogonal matrix: Q of the QR factorisation of an n×n standard Gaussian matrix, with the
     * columns' signs fixed so that {@code R_ii > 0} (Mezzadri 2007, "How to generate random matrices from the
     * classical compact groups", §5). Row arrays ({@code out[i][j] = Q_ij}); the transpose of {@link #haarColumns}.
     */
    static double[][] haar(int n, Draws draws) {
        double[][] qt = haarColumns(n, draws);
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] col = qt[j];
            for (int i = 0; i < n; i++) {
                out[i][j] = col[i];
            }
        }
        return out;
    }

    /**
     * The columns of the Haar matrix of {@link #haar} ({@code qt[j][i] = Q_ij}): Householder QR of the Gaussian
     * matrix G (drawn row by row), Q accumulated backwards from its reflectors, signs from R's diagonal.
     *
     * <p>The arithmetic is that of EJML 0.43.1's {@code QRDecompositionHouseholderColumn_DDRM} ({@code decompose},
     * then {@code getQ(null, false)}), element for element in the same order, so the matrix is the same bit for
     * bit; only the loops are reorganised for the cache. A reflector {@code H_w = I − γ_w u_w u_w'} acts on each
     * column separately ({@code t = a_w + Σ_{k>w} u_k a_k}, ascending k; {@code t ← γt}; {@code a_w −= t};
     * {@code a_k −= u_k t}), so the columns are processed in tiles of {@value #TILE}, packed as row arrays: every
     * earlier reflector is applied to a tile while it stays in cache (left-looking), with the tile's columns as the
     * vectorised inner loop and four reflector rows per pass, each column's sum still accumulated one term at a time
     * in ascending k. Q is built the same way, tile by tile of its columns, from the identity with the reflectors in
     * descending order. From n = {@value #PARALLEL_MIN_N} two workers share the tiles (for R, a tile waits only for the
     * reflectors of earlier tiles that are not yet published), bit for bit the same matrix. Cost: {@code 4n³/3} flops
     * for R and as many for Q; O(n²) memory for the reflectors.
     */
    static double[][] haarColumns(int n, Draws draws) {
        return haarColumns(n, draws, workers(n));
    }

    /** @return the threads of the dense constructions at order n: 2 from {@value #PARALLEL_MIN_N} on a two-core machine */
    private static int workers(int n) {
        return n >= PARALLEL_MIN_N ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** {@link #haarColumns(int, Draws)} on {@code workers} (1 or 2) threads. */
    static double[][] haarColumns(int n, Draws draws, int workers) {
        int tiles = (n + TILE - 1) / TILE;
        double[][][] a = new double[tiles][n][];
        for (int t = 0; t < tiles; t++) {
            int width = Math.min(TILE, n - t * TILE);
            for (int i = 0; i < n; i++) {
                a[t][i] = new double[width];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[j / TILE][i][j % TILE] = draws.gaussian();
            }
        }
        double[][] refl = new double[n][];
        double[] gammas = new double[n];
        double[] sign = new double[n];
        // R: tiles in ascending order; a tile applies reflector w as soon as the tile that owns w has published it
        AtomicInteger nextTile = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onWorkers(workers, failure, () -> {
            double[] t = new double[TILE];
            double[] col = new double[n];
            for (int tile = nextTile.getAndIncrement(); tile < tiles; tile = nextTile.getAndIncrement()) {
                double[][] rows = a[tile];
                int c0 = tile * TILE;
                int width = rows[0].length;
                for (int w = 0; w < c0; w++) {
                    awaitPublished(published, w, failure);
                    reflect(rows, refl[w], w, gammas[w], 0, width, n, t);
                }
                for (int l = 0; l < width; l++) {
                    int j = c0 + l;
                    for (int k = j; k < n; k++) {
                        col[k] = rows[k][l];
                    }
                    double r = householder(col, j, n, gammas);
                    sign[j] = r < 0 ? -1.0 : 1.0;
                    refl[j] = java.util.Arrays.copyOfRange(col, j, n);
                    published.set(j + 1);
                    if (l + 1 < width) {
                        reflect(rows, refl[j], j, gammas[j], l + 1, width, n, t);
                    }
                }
                a[tile] = null;
            }
        });
        // Q: each tile of columns independently, from the identity, reflectors in descending order
        double[][] qt = new double[n][];
        AtomicInteger nextColumns = new AtomicInteger();
        onWorkers(workers, failure, () -> {
            double[] t = new double[TILE];
            double[][] rows = new double[n][TILE];
            for (int tile = nextColumns.getAndIncrement(); tile < tiles; tile = nextColumns.getAndIncrement()) {
                int c0 = tile * TILE;
                int width = Math.min(TILE, n - c0);
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(rows[i], 0.0);
                }
                for (int l = 0; l < width; l++) {
                    rows[c0 + l][l] = 1.0;
                }
                for (int j = c0 + width - 1; j >= 0; j--) {
                    reflect(rows, refl[j], j, gammas[j], Math.max(0, j - c0), width, n, t);
                }
                for (int l = 0; l < width; l++) {
                    double s = sign[c0 + l];
                    double[] q = new double[n];
                    for (int i = 0; i < n; i++) {
                        q[i] = s * rows[i][l];
                    }
                    qt[c0 + l] = q;
                }
            }
        });
        return qt;
    }

    /**
     * Waits until reflector {@code w} has been published (spinning briefly, then yielding the core); gives up when
     * the other worker has failed, so that a failure never leaves this one waiting.
     */
    private static void awaitPublished(AtomicInteger published, int w, AtomicReference<Throwable> failure) {
        for (int spins = 0; published.get() <= w; spins++) {
            if (failure.get() != null) {
                throw new IllegalStateException("the other Haar worker failed");
            }
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /**
     * Runs {@code work} as {@code workers} parallel tasks of the common fork-join pool (the caller takes part) and
     * waits for them; a failure of either is recorded in {@code failure}, which stops the other's waits, and
     * rethrown. Each task takes tiles from a shared counter, so the arithmetic on every tile, and therefore every bit
     * of the result, is the same as on one thread, and tasks that end up running one after the other never wait.
     */
    private static void onWorkers(int workers, AtomicReference<Throwable> failure, Runnable work) {
        IntStream.range(0, workers).parallel().forEach(task -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            }
        });
    }

    /**
     * EJML's {@code householder(j)} on column {@code col[j..n)}: scaled by its largest magnitude, the reflector's
     * entries {@code col[j+1..n)} divided by {@code u_0}, {@code γ_j} stored, {@code col[j] = R_jj}.
     *
     * @return {@code R_jj}
     */
    private static double householder(double[] col, int j, int n, double[] gammas) {
        double max = -1;
        for (int i = j; i < n; i++) {
            double v = col[i];
            v = v < 0.0 ? -v : v;
            if (v > max) {
                max = v;
            }
        }
        if (max == 0.0) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        double tau = 0;
        for (int i = j; i < n; i++) {
            double d = col[i] /= max;
            tau += d * d;
        }
        tau = Math.sqrt(tau);
        if (col[j] < 0) {
            tau = -tau;
        }
        double u0 = col[j] + tau;
        for (int i = j + 1; i < n; i++) {
            col[i] /= u0;
        }
        gammas[j] = u0 / tau;
        tau *= max;
        col[j] = -tau;
        return col[j];
    }

    /**
     * Applies {@code H_w = I − γ u u'} ({@code u_w = 1}, {@code u_k = refl[k − w]} for k &gt; w) to columns
     * {@code [lo, hi)} of a tile, rows w..n−1: per column {@code t = a_w + u_{w+1} a_{w+1} + …} (one term at a time,
     * ascending), {@code t ← γ t}, {@code a_w −= t}, {@code a_k −= u_k t}. Vectorised across the columns.
     */
    private static void reflect(double[][] rows, double[] refl, int w, double gamma, int lo, int hi, int n,
                                double[] t) {
        System.arraycopy(rows[w], lo, t, lo, hi - lo);
        int k = w + 1;
        for (; k + 3 < n; k += 4) {
            double u0 = refl[k - w];
            double u1 = refl[k + 1 - w];
            double u2 = refl[k + 2 - w];
            double u3 = refl[k + 3 - w];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int l = lo; l < hi; l++) {
                t[l] = (((t[l] + u0 * r0[l]) + u1 * r1[l]) + u2 * r2[l]) + u3 * r3[l];
            }
        }
        for (; k < n; k++) {
            double u0 = refl[k - w];
            double[] r0 = rows[k];
            for (int l = lo; l < hi; l++) {
                t[l] += u0 * r0[l];
            }
        }
        for (int l = lo; l < hi; l++) {
            t[l] *= gamma;
        }
        double[] rw = rows[w];
        for (int l = lo; l < hi; l++) {
            rw[l] -= t[l];
        }
        for (k = w + 1; k + 3 < n; k += 4) {
            double u0 = refl[k - w];
            double u1 = refl[k + 1 - w];
            double u2 = refl[k + 2 - w];
            double u3 = refl[k + 3 - w];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int l = lo; l < hi; l++) {
                double tl = t[l];
                r0[l] -= u0 * tl;
                r1[l] -= u1 * tl;
                r2[l] -= u2 * tl;
                r3[l] -= u3 * tl;
            }
        }
        for (; k < n; k++) {
            double u = refl[k - w];
            double[] r = rows[k];
            for (int l = lo; l < hi; l++) {
                r[l] -= u * t[l];
            }
        }
    }

    /** @return {@code logspace(0, −log10 κ, n)}: {@code λ_k = 10^(−log10(κ)·k/(n−1))}, λ_0 = 1 */
    static double[] logspace(int n, double kappa) {
        double[] lambda = new double[n];
        double e = StrictMath.log10(kappa);
        for (int k = 0; k < n; k++) {
            lambda[k] = k == 0 ? 1.0 : StrictMath.pow(10.0, -e * k / (n - 1));
        }
        return lambda;
    }

    /** @return {@code Q diag(λ) Q'} with the upper triangle computed and mirrored (exactly symmetric), Q as rows */
    static double[][] withSpectrum(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                qt[k][i] = q[i][k];
            }
        }
        return withSpectrumColumns(qt, lambda);
    }

    /**
     * {@code Σ = Q diag(λ) Q'} from the columns of Q ({@code qt[k][i] = Q_ik}): {@code Σ_ij = Σ_k (Q_ik λ_k) Q_jk},
     * each sum accumulated from zero one term at a time in ascending k (the order of a row-by-row dot product), the
     * upper triangle computed and mirrored (exactly symmetric). Organised as rank-one updates
     * {@code Σ_i[j] += (Q_ik λ_k) Q_jk} vectorised along j, four k per pass, in blocks of {@value #ROW_BLOCK} rows by
     * {@value #COL_BLOCK} columns that stay in cache. Cost {@code n³} flops (one triangle).
     */
    static double[][] withSpectrumColumns(double[][] qt, double[] lambda) {
        return withSpectrumColumns(qt, lambda, workers(lambda.length));
    }

    /**
     * {@link #withSpectrumColumns(double[][], double[])} on {@code workers} threads: the blocks of {@value #ROW_BLOCK}
     * rows are independent (each writes only its own rows of the upper triangle), so the workers take them from a
     * shared counter, each with its own scaled block; every element is computed as on one thread, bit for bit.
     */
    static double[][] withSpectrumColumns(double[][] qt, double[] lambda, int workers) {
        int n = lambda.length;
        double[][] s = new double[n][n];
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        AtomicInteger nextBlock = new AtomicInteger();
        onWorkers(workers, new AtomicReference<>(), () -> {
            double[][] scaled = new double[ROW_BLOCK][n];
            for (int block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
                spectrumRows(qt, lambda, s, scaled, block * ROW_BLOCK);
            }
        });
        BlockCholesky.mirror(s, n);
        return s;
    }

    /** Rows {@code [i0, i0 + ROW_BLOCK)} of the upper triangle of {@link #withSpectrumColumns}, in {@code scaled}. */
    private static void spectrumRows(double[][] qt, double[] lambda, double[][] s, double[][] scaled, int i0) {
        int n = lambda.length;
        int i1 = Math.min(i0 + ROW_BLOCK, n);
        for (int k = 0; k < n; k++) {
            double[] qk = qt[k];
            double lk = lambda[k];
            for (int i = i0; i < i1; i++) {
                scaled[i - i0][k] = qk[i] * lk;
            }
        }
        for (int j0 = i0; j0 < n; j0 += COL_BLOCK) {
            int j1 = Math.min(j0 + COL_BLOCK, n);
            int k = 0;
            for (; k + 3 < n; k += 4) {
                double[] q0 = qt[k];
                double[] q1 = qt[k + 1];
                double[] q2 = qt[k + 2];
                double[] q3 = qt[k + 3];
                for (int i = i0; i < i1 && i < j1; i++) {
                    double[] ai = scaled[i - i0];
                    double a0 = ai[k];
                    double a1 = ai[k + 1];
                    double a2 = ai[k + 2];
                    double a3 = ai[k + 3];
                    double[] si = s[i];
                    for (int j = Math.max(i, j0); j < j1; j++) {
                        si[j] = (((si[j] + a0 * q0[j]) + a1 * q1[j]) + a2 * q2[j]) + a3 * q3[j];
                    }
                }
            }
            for (; k < n; k++) {
                double[] q0 = qt[k];
                for (int i = i0; i < i1 && i < j1; i++) {
                    double a0 = scaled[i - i0][k];
                    double[] si = s[i];
                    for (int j = Math.max(i, j0); j < j1; j++) {
                        si[j] += a0 * q0[j];
                    }
                }
            }
        }
    }

    /** @return the random-spectrum matrix {@code Q diag(logspace(0, −log10 κ, n)) Q'}, Q Haar */
    static double[][] randomSpectrum(int n, double kappa, Draws draws) {
        return withSpectrumColumns(haarColumns(n, draws), logspace(n, kappa));
    }

    /** @return {@code C_ij = S_ij / sqrt(S_ii S_jj)} with an exact unit diagonal */
    static double[][] correlationOf(double[][] s) {
        int n = s.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(s[i][i]);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double v = s[i][j] / (d[i] * d[j]);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }

    /** @return {@code Σ_ij = σ_i σ_j C_ij} (upper triangle mirrored; {@code Σ_ii = σ_i²}) */
    static double[][] covarianceOf(double[][] c, double[] vols) {
        int n = vols.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = vols[i] * vols[j] * c[i][j];
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /**
     * @return the upper-triangular Cholesky factor U with {@code A = U'U} ({@link BlockCholesky}, row arrays, strict
     *         lower triangle zero), or null if a pivot is not positive
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], i, u[i], i, n - i);
        }
        return BlockCholesky.factor(u, n, BlockCholesky.workersFor(n)) < 0 ? u : null;
    }
}
