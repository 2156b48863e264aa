package io.paritybench.jmh.report;

/**
 * The kernels at one n.
 *
 * @param n        number of assets
 * @param matvec   one n×n matrix–vector product, null if not measured
 * @param cholesky one n×n Cholesky factorisation, null if not measured
 */
public record KernelRow(int n, TimeSummary matvec, TimeSummary cholesky) {
}
