package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolveCountersTest {

    private static SolveResult result(SolveStatus s, int iterations, double residual) {
        return new SolveResult("x", new double[] {0.5, 0.5}, s, iterations, residual, Map.of(), "");
    }

    @Test
    void countsSolvesIterationsAndFailuresByStatus() {
        SolveCounters c = new SolveCounters();
        c.record(result(SolveStatus.CONVERGED, 7, 1e-13), 1e-12);
        c.record(result(SolveStatus.MAX_ITERATIONS, 100, 1e-3), 1e-12);
        c.record(result(SolveStatus.STAGNATED, 40, 5e-13), 1e-12);
        c.record(result(SolveStatus.NUMERICAL_BREAKDOWN, 3, Double.NaN), 1e-12);
        assertThat(c.solves).isEqualTo(4);
        assertThat(c.iterations).isEqualTo(150);
        assertThat(c.failed).isEqualTo(3);
        assertThat(c.failMaxIterations).isEqualTo(1);
        assertThat(c.failStagnated).isEqualTo(1);
        assertThat(c.failNumericalBreakdown).isEqualTo(1);
        assertThat(c.failTimeLimit).isZero();
    }

    @Test
    void outsideAccuracyIsAResidualAboveTheAchievableOneWhateverTheStatus() {
        SolveCounters c = new SolveCounters();
        c.record(result(SolveStatus.CONVERGED, 1, 1e-13), 1e-12);
        // stagnated just below the achievable floor: a failure, but as accurate as the problem allows
        c.record(result(SolveStatus.STAGNATED, 1, 5e-13), 1e-12);
        c.record(result(SolveStatus.MAX_ITERATIONS, 1, 2e-12), 1e-12);
        c.record(result(SolveStatus.NUMERICAL_BREAKDOWN, 1, Double.NaN), 1e-12);
        assertThat(c.outsideAccuracy).isEqualTo(2);
    }
}
