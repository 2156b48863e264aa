package io.paritybench.harness.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.SolveStatus;
import io.paritybench.harness.sweep.report.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time-to-level table from hand-written traces. */
class TimeToLevelTest {

    private static TracePoint p(int it, double seconds, double residual) {
        return new TracePoint(it, seconds, residual, 10 * residual, Double.NaN, TracePoint.Kind.ITERATE);
    }

    /** Reaches 1e-4 at 2 ms and 1e-8 at 5 ms (jumping over 1e-6), rises again, floor 3e-9 at 5 ms. */
    private static final SolverTrace LINEAR = new SolverTrace("linear", SolveStatus.MAX_ITERATIONS, "cap", 5, 0.01,
            List.of(p(0, 0.001, 0.5), p(1, 0.002, 1e-4), p(2, 0.003, 2e-4), p(3, 0.005, 3e-9), p(4, 0.006, 5e-9),
                    p(5, 0.007, Double.NaN)), true, 3);

    private static final SolverTrace FAST = new SolverTrace("fast", SolveStatus.CONVERGED, "ok", 3, 0.004,
            List.of(p(0, 1e-4, 0.1), p(1, 2e-4, 1e-7), p(2, 3e-4, 1e-13), p(3, 4e-4, 0.0)), true, 3);

    @Test
    void firstCrossingOfEachLevelAndTheFloor() {
        TimeToLevel r = TimeToLevel.of(LINEAR);
        assertThat(r.seconds()).containsExactly(0.002, 0.005, 0.005, Double.NaN, Double.NaN);
        assertThat(r.floor()).isEqualTo(3e-9);
        assertThat(r.floorSeconds()).isEqualTo(0.005);
        assertThat(r.status()).isEqualTo("MAX_ITERATIONS");

        TimeToLevel f = TimeToLevel.of(FAST);
        assertThat(f.seconds()).containsExactly(2e-4, 2e-4, 3e-4, 3e-4, 3e-4);
        assertThat(f.floor()).isZero();
        assertThat(f.floorSeconds()).isEqualTo(4e-4);
    }

    @Test
    void aLevelNeverReachedShowsADashAndTheFinalStatus() {
        Table t = TimeToLevel.table("t", "title", List.of(LINEAR, FAST));
        assertThat(t.header()).containsExactly("solver", "≤ 1e-4", "≤ 1e-6", "≤ 1e-8", "≤ 1e-10", "≤ 1e-12", "floor",
                "final status", "traced solves");
        assertThat(t.rows().get(0)).containsExactly("linear", "2.00 ms", "5.00 ms", "5.00 ms",
                "— (MAX_ITERATIONS)", "— (MAX_ITERATIONS)", "3.0e-9 at 5.00 ms", "MAX_ITERATIONS", "3");
        assertThat(t.rows().get(1)).containsExactly("fast", "200 µs", "200 µs", "300 µs", "300 µs", "300 µs",
                "0 at 400 µs", "CONVERGED", "3");
    }

    @Test
    void aTraceWithoutFiniteResidualsHasNoFloor() {
        SolverTrace broken = new SolverTrace("broken", SolveStatus.NUMERICAL_BREAKDOWN, "nan", 1, 0.001,
                List.of(p(0, 0.001, Double.NaN)), true, 1);
        TimeToLevel r = TimeToLevel.of(broken);
        assertThat(r.floor()).isNaN();
        assertThat(TimeToLevel.table("t", "x", List.of(broken)).rows().get(0).get(6)).isEqualTo("—");
    }
}
