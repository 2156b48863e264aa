package io.paritybench.core.linalg;

/**
 * Blocked Cholesky factorisation {@code A = U'U} of a symmetric positive definite matrix held as row arrays
 * ({@code double[n][n]}), in place in the upper triangle (the strict lower triangle is neither read nor written),
 * and the triangular solves with the factor.
 *
 * <p>Right-looking block algorithm: a panel of {@value #PANEL} rows of U ({@value #WIDE_PANEL} from
 * n = {@value #WIDE_PANEL_MIN_N} on) is factorised unblocked, then the trailing
 * upper triangle is updated, {@code A_ij −= Σ_k U_ki U_kj}, in column tiles of {@value #TILE}, one destination row
 * and four panel rows at a time. The inner loops index every row array by the loop variable alone
 * ({@code a_i[j] −= c0 u0[j] + c1 u1[j] + c2 u2[j] + c3 u3[j]}); that is the shape HotSpot's C2 compiler
 * auto-vectorises on JDK 17. The same kernel on one flat row-major array (offsets {@code i·n + j}) is not vectorised
 * and runs 2.5–3× slower.
 *
 * <p>Cost: {@code n³/3} flops for the factorisation, {@code 2n²} for a solve. Measured single-threaded (JDK 17.0.15,
 * AMD EPYC with AVX2, best of ≥ 5 runs, SPD test matrix, input copy included):
 * <table>
 * <caption>Cholesky factorisation time</caption>
 * <tr><th>implementation</th><th>n = 1000</th><th>n = 3000</th></tr>
 * <tr><td>this class (row arrays, vectorised kernel)</td><td>18–20 ms (17 GFlop/s)</td>
 *     <td>0.62 s (14.5 GFlop/s)</td></tr>
 * <tr><td>same algorithm on a flat {@code double[]}</td><td>47–54 ms</td><td>1.5–1.8 s</td></tr>
 * <tr><td>ojAlgo 55.0.1 {@code Cholesky.R064}</td><td>87 ms</td><td>–</td></tr>
 * <tr><td>EJML 0.43.1 {@code DecompositionFactory_DDRM.chol(n, true)} (block)</td><td>117 ms</td><td>3.2 s</td></tr>
 * </table>
 *
 * <p>This is the one Cholesky factorisation of the project: problem validation ({@code RiskBudgetProblem}), the
 * generators, the reference solver and {@code newton} all call it.
 */
public final class BlockCholesky {

    /** Rows of U factorised per panel below {@link #WIDE_PANEL_MIN_N}. */
    public static final int PANEL = 16;
    /** Rows of U factorised per panel from {@link #WIDE_PANEL_MIN_N} on. */
    public static final int WIDE_PANEL = 64;
    /**
     * From this n on the panel is {@value #WIDE_PANEL} rows: the matrix (8n² bytes, 18 MB at n = 1500) no longer sits
     * in the cache, and each panel streams the whole trailing triangle once, so a wider panel streams it a quarter
     * as often. Measured (best of 8, same machine as the table above): n = 2000: 0.21 s with 16 rows, 0.18 s with 32,
     * 0.15 s with 64, 0.146 s with 128; n = 1500: 76 against 66 ms. Below, the wider panel's unblocked part costs more
     * than it saves (n = 100: 35 against 62 µs; n = 700: 5.6 against 7.4 ms; n = 1000 within noise, 18–23 ms either
     * way), so the factor, and with it every result, is bit for bit unchanged there.
     */
    public static final int WIDE_PANEL_MIN_N = 1500;
    /** Width of the column tiles of the trailing update. */
    public static final int TILE = 1024;

    private BlockCholesky() {
    }

    /**
     * Factorises {@code A = U'U} in place.
     *
     * @param a n row arrays of length ≥ n; on entry the upper triangle (diagonal included) holds A, on successful
     *          exit U
     * @return the index of the first pivot that is not positive and finite (the matrix is not numerically positive
     *         definite), or −1 on success
     */
    public static int factor(double[][] a, int n) {
        return factor(a, n, 1);
    }

    /** Rows of one work item of the parallel trailing update (a tile's rows are split into items of this many). */
    static final int ROWS_PER_ITEM = 32;

    /**
     * {@link #factor(double[][], int)} with the trailing update of every panel shared by {@code workers} tasks of the
     * common fork-join pool (the caller takes part). The work items are (column tile, block of
     * {@value #ROWS_PER_ITEM} rows) taken from a shared counter; each element receives the same operations in the same
     * order as on one thread, so the factor is the same bit for bit. The panels themselves stay sequential. Used where
     * the project, not a timed solver, factorises a large matrix (problem validation, the generators and the
     * reference solver's generate path); every solver factorises on one thread.
     *
     * @param workers tasks for the trailing update (1 = the sequential loop)
     */
    public static int factor(double[][] a, int n, int workers) {
        int panel = n >= WIDE_PANEL_MIN_N ? WIDE_PANEL : PANEL;
        for (int kb = 0; kb < n; kb += panel) {
            int ke = Math.min(kb + panel, n);
            int failed = factorPanel(a, n, kb, ke);
            if (failed >= 0) {
                return failed;
            }
            if (workers > 1 && n - ke > 2 * ROWS_PER_ITEM) {
                updateTrailingInParallel(a, n, kb, ke, workers);
                continue;
            }
            for (int j0 = ke; j0 < n; j0 += TILE) {
                int j1 = Math.min(j0 + TILE, n);
                for (int i = ke; i < j1; i++) {
                    updateRow(a, i, kb, ke, Math.max(i, j0), j1);
                }
            }
        }
        return -1;
    }

    /** @return the number of workers the project's own (untimed) large factorisations use at order n: 1 or 2 */
    public static int workersFor(int n) {
        return n >= PARALLEL_MIN_N ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** Smallest n at which {@link #workersFor} returns more than one worker. */
    public static final int PARALLEL_MIN_N = 1024;

    /** The trailing update of the panel [kb, ke), as (tile, row block) items shared by {@code workers} tasks. */
    private static void updateTrailingInParallel(double[][] a, int n, int kb, int ke, int workers) {
        int tiles = (n - ke + TILE - 1) / TILE;
        int[] first = new int[tiles + 1];
        for (int t = 0; t < tiles; t++) {
            int j1 = Math.min(ke + (t + 1) * TILE, n);
            first[t + 1] = first[t] + (j1 - ke + ROWS_PER_ITEM - 1) / ROWS_PER_ITEM;
        }
        int items = first[tiles];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, workers).parallel().forEach(task -> {
            int t = 0;
            for (int item = next.getAndIncrement(); item < items; item = next.getAndIncrement()) {
                while (first[t + 1] <= item) {
                    t++;
                }
                int j0 = ke + t * TILE;
                int j1 = Math.min(j0 + TILE, n);
                int i0 = ke + (item - first[t]) * ROWS_PER_ITEM;
                int i1 = Math.min(i0 + ROWS_PER_ITEM, j1);
                for (int i = i0; i < i1; i++) {
                    updateRow(a, i, kb, ke, Math.max(i, j0), j1);
                }
            }
        });
    }

    /** Unblocked right-looking factorisation of rows kb..ke−1 of U (all columns to n). */
    private static int factorPanel(double[][] a, int n, int kb, int ke) {
        for (int k = kb; k < ke; k++) {
            double[] ak = a[k];
            double d = ak[k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) {
                return k;
            }
            double u = Math.sqrt(d);
            ak[k] = u;
            double inv = 1.0 / u;
            for (int j = k + 1; j < n; j++) {
                ak[j] *= inv;
            }
            for (int i = k + 1; i < ke; i++) {
                RowKernels.axpy(a[i], ak, -ak[i], i, n);
            }
        }
        return -1;
    }

    /** {@code a_i[j] −= Σ_{k=kb}^{ke−1} U_ki U_kj} for j in [from, to). */
    private static void updateRow(double[][] a, int i, int kb, int ke, int from, int to) {
        double[] ai = a[i];
        int k = kb;
        for (; k + 3 < ke; k += 4) {
            double[] u0 = a[k];
            double[] u1 = a[k + 1];
            double[] u2 = a[k + 2];
            double[] u3 = a[k + 3];
            RowKernels.subtract4(ai, u0, u1, u2, u3, u0[i], u1[i], u2[i], u3[i], from, to);
        }
        for (; k < ke; k++) {
            double[] u0 = a[k];
            RowKernels.axpy(ai, u0, -u0[i], from, to);
        }
    }

    /** Tile edge of {@link #mirror}. */
    private static final int MIRROR_TILE = 64;

    /**
     * Copies the strict upper triangle of a factor into the strict lower triangle ({@code a[j][i] = a[i][j]}, tiled),
     * so that {@link #solveMirrored} can run both substitutions as row updates. O(n²) copies, about the cost of one
     * solve; worth it when the factor is used for several solves.
     */
    public static void mirror(double[][] a, int n) {
        for (int ib = 0; ib < n; ib += MIRROR_TILE) {
            int ie = Math.min(ib + MIRROR_TILE, n);
            for (int jb = ib; jb < n; jb += MIRROR_TILE) {
                int je = Math.min(jb + MIRROR_TILE, n);
                for (int i = ib; i < ie; i++) {
                    double[] ai = a[i];
                    for (int j = Math.max(jb, i + 1); j < je; j++) {
                        a[j][i] = ai[j];
                    }
                }
            }
        }
    }

    /**
     * Solves {@code U'U x = rhs} in place with a factor {@link #mirror mirrored} into its lower triangle: forward
     * substitution with U' as axpy with the rows of U, back substitution with U as axpy with the rows of the mirrored
     * lower triangle (columns of U). Both inner loops are vectorised (measured at n = 500: 0.06 ms against 0.17 ms
     * for {@link #solve}, whose back substitution is a dot product; at n = 1000, where the factor no longer fits the
     * cache, 0.38 against 0.43 ms).
     */
    public static void solveMirrored(double[][] u, int n, double[] rhs) {
        for (int k = 0; k < n; k++) {
            double[] uk = u[k];
            double zk = rhs[k] / uk[k];
            rhs[k] = zk;
            RowKernels.axpy(rhs, uk, -zk, k + 1, n);
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] li = u[i];
            double xi = rhs[i] / li[i];
            rhs[i] = xi;
            RowKernels.axpy(rhs, li, -xi, 0, i);
        }
    }

    /**
     * Solves {@code U'U x = rhs} in place: forward substitution with U' (axpy with the rows of U), then back
     * substitution with U (dot products with four partial sums).
     *
     * @param u   the factor from {@link #factor}
     * @param rhs on entry the right-hand side, on exit the solution
     */
    public static void solve(double[][] u, int n, double[] rhs) {
        for (int k = 0; k < n; k++) {
            double[] uk = u[k];
            double zk = rhs[k] / uk[k];
            rhs[k] = zk;
            RowKernels.axpy(rhs, uk, -zk, k + 1, n);
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] ui = u[i];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = i + 1;
            for (; j + 3 < n; j += 4) {
                s0 += ui[j] * rhs[j];
                s1 += ui[j + 1] * rhs[j + 1];
                s2 += ui[j + 2] * rhs[j + 2];
                s3 += ui[j + 3] * rhs[j + 3];
            }
            for (; j < n; j++) {
                s0 += ui[j] * rhs[j];
            }
            rhs[i] = (rhs[i] - ((s0 + s1) + (s2 + s3))) / ui[i];
        }
    }
}
