package io.paritybench.jmh;

import io.paritybench.core.SolveResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-iteration event counts of the solves a benchmark ran, reported by JMH beside the time (one secondary result per
 * public field, summed over the measurement iterations). JMH can only sum events, so the timing report turns them
 * into rates: {@code failed / solves}, {@code outsideAccuracy / solves}, {@code iterations / solves}.
 *
 * <p>{@code failed} counts every solve whose status is not a success; the {@code fail*} fields split it by status.
 * {@code outsideAccuracy} counts solves whose residual {@code max|RRC_i − b_i|} is above what the problem allows at the
 * requested tolerance ({@link BenchProblem#achievableResidual}), including non-finite residuals, whatever the status.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SolveCounters {

    public long solves;
    public long failed;
    public long outsideAccuracy;
    public long iterations;
    public long failMaxIterations;
    public long failStagnated;
    public long failTimeLimit;
    public long failNumericalBreakdown;
    public long failInvalidIterate;
    public long failNegativeDiscriminant;
    public long failNoAdmissibleStep;
    public long failLocalMinimum;
    public long failToleranceNotMet;
    public long failNoSolution;

    /** Counts one solve; {@code achievable} is the largest acceptable residual for its problem and tolerance. */
    void record(SolveResult r, double achievable) {
        solves++;
        iterations += r.iterations();
        if (!(r.residual() <= achievable)) {
            outsideAccuracy++;
        }
        switch (r.status()) {
            case CONVERGED -> {
                return;
            }
            case MAX_ITERATIONS -> failMaxIterations++;
            case STAGNATED -> failStagnated++;
            case TIME_LIMIT -> failTimeLimit++;
            case NUMERICAL_BREAKDOWN -> failNumericalBreakdown++;
            case INVALID_ITERATE -> failInvalidIterate++;
            case NEGATIVE_DISCRIMINANT -> failNegativeDiscriminant++;
            case NO_ADMISSIBLE_STEP -> failNoAdmissibleStep++;
            case LOCAL_MINIMUM -> failLocalMinimum++;
            case TOLERANCE_NOT_MET -> failToleranceNotMet++;
            case NO_SOLUTION -> failNoSolution++;
        }
        failed++;
    }
}
