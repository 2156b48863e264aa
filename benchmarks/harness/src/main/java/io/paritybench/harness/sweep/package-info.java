/**
 * The robustness and accuracy sweep ({@code paritybench sweep}, {@code merge}; the report is in
 * {@link io.paritybench.harness.sweep.report}).
 *
 * <p>Following the Java Matrix Benchmark: every trial is classified ({@link io.paritybench.harness.sweep.Outcome})
 * instead of averaged away; trials run in child JVMs under a watchdog
 * ({@link io.paritybench.harness.sweep.WorkerProcess}), so a hang, an out-of-memory error or an exit costs one
 * worker, never the sweep; the breaking point of each solver is found by bisection on log10 κ
 * ({@link io.paritybench.harness.sweep.Bisection}); the environment is recorded beside the results
 * ({@link io.paritybench.harness.sweep.RunInfo}).
 *
 * <p>Flow: {@link io.paritybench.harness.sweep.SweepConfig} (defaults in {@code sweep-default.properties}) →
 * {@link io.paritybench.harness.sweep.SweepPlan} (grid, case folders, n = 2 grid, bisection searches; shards) →
 * {@link io.paritybench.harness.sweep.Sweep} (reference per problem from
 * {@link io.paritybench.harness.sweep.References}, trial in a worker, row from
 * {@link io.paritybench.harness.sweep.Classifier}, appended by {@link io.paritybench.harness.sweep.ResultsCsv})
 * → {@link io.paritybench.harness.sweep.ShardMerge} for shards → the report.
 */
package io.paritybench.harness.sweep;
