package io.paritybench.harness;

import io.paritybench.core.SolverOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The per-solve limits shared by {@code solve} and {@code trace}: {@code --max-iter N} and
 * {@code --time-limit DURATION} (picocli mixin). The tolerance stays with each command: its default differs (solve
 * asks for 1e-10, trace for 1e-14, below the double floor).
 */
public final class SolveLimits {

    @Option(names = "--max-iter", order = 24, paramLabel = "N", defaultValue = "0",
            description = "Iteration cap in the solver's own unit; 0 = the solver's default.")
    int maxIterations;

    @Option(names = "--time-limit", order = 25, paramLabel = "DURATION", defaultValue = "0",
            converter = Durations.Converter.class,
            description = "Wall-clock limit of each solve, checked between iterations: 5 (seconds), 5s, 500ms, 2m "
                    + "or PT5S; 0 = none.")
    Duration timeLimit;

    /** @return the iteration cap (0 = each solver's default) */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the time limit (zero = none) */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * @return the options of {@code --tol} and these limits, checked
     * @throws InputException naming the option for a tolerance outside (0, 1) or a negative cap
     */
    public SolverOptions options(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new InputException("--tol", "must be a positive finite number, got " + tolerance);
        }
        if (!(tolerance < 1)) {
            throw new InputException("--tol", "must be below 1 (max|RRC - b| < 1 for any weights), got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new InputException("--max-iter", "must be >= 0 (0 = the solver's default), got " + maxIterations);
        }
        return SolverOptions.defaults().withTolerance(tolerance).withMaxIterations(maxIterations)
                .withTimeLimit(timeLimit);
    }
}
