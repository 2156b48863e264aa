package io.paritybench.jmh.report;

/**
 * The kernels at one n, or of one configuration (measured in the solver's trials, {@code TrialKernels}).
 *
 * @param n        number of assets
 * @param matvec   one n×n matrix–vector product with the solvers' row loop, null if not measured
 * @param cholesky one n×n Cholesky factorisation with newton's blocked kernel, null if not measured
 * @param residual one residual check of the harness (fresh Σw and RRC), null if not measured
 */
public record KernelRow(int n, TimeSummary matvec, TimeSummary cholesky, TimeSummary residual) {
}
