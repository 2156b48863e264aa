package io.paritybench.jmh.report;

import io.paritybench.core.SolveStatus;
import io.paritybench.jmh.Verdict;

/**
 * What a row of the report shows of its configuration's probe ({@link SideRecord.Probe} for {@code SolverBenchmark},
 * {@link SideRecord.FactorProbe} for {@code FactorBenchmark}): the warm probe's result and the warm-up. Absent fields
 * are null.
 *
 * @param verdict                   whether the configuration was timed, and if not why
 * @param status                    the probe's status
 * @param iterations                the probe's iterations
 * @param residual                  the probe's max|RRC − b|
 * @param probeSeconds              the judged (warm) solve
 * @param coldSeconds               the first solve of the warm-up
 * @param warmupSolves              solves of the warm-up by count
 * @param spec                      the problem spec
 * @param achievableResidual        the residual the harness accepts (SolverBenchmark)
 * @param shape                     {@code NxK} (FactorBenchmark)
 * @param relWeightErrorVsReference max relative weight error against the certified reference (FactorBenchmark)
 * @param message                   the probe's message
 * @param load                      the 1-minute load average at the probe
 */
public record ProbeSummary(Verdict verdict, SolveStatus status, Long iterations, Double residual, Double probeSeconds,
                           Double coldSeconds, Integer warmupSolves, String spec, Double achievableResidual,
                           String shape, Double relWeightErrorVsReference, String message, Double load) {

    /** No probe record. */
    public static final ProbeSummary NONE = new ProbeSummary(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** @return the summary of a SolverBenchmark probe */
    public static ProbeSummary of(SideRecord.Probe p) {
        return new ProbeSummary(p.verdict(), p.status(), p.iterations(), p.residual(), p.probeSeconds(),
                p.coldSeconds(), p.warmupSolves(), p.spec(), p.achievableResidual(), null, null, p.message(), p.load());
    }

    /** @return the summary of a FactorBenchmark probe */
    public static ProbeSummary of(SideRecord.FactorProbe p) {
        return new ProbeSummary(p.verdict(), p.status(), p.iterations(), p.residual(), p.probeSeconds(),
                p.coldSeconds(), p.warmupSolves(), p.spec(), null, p.shape(), p.relWeightErrorVsReference(),
                p.message(), p.load());
    }

    /** @return this summary with the shape set (a timed factor row whose probe record is missing) */
    ProbeSummary withShape(String s) {
        return shape != null ? this : new ProbeSummary(verdict, status, iterations, residual, probeSeconds,
                coldSeconds, warmupSolves, spec, achievableResidual, s, relWeightErrorVsReference, message, load);
    }
}
