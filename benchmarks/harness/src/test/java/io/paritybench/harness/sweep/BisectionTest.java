package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BisectionTest {

    private static final double MIN = 1e1;
    private static final double MAX = 1e13;
    private static final double RES = 0.5;

    @Test
    void probesLieOnAGridOfHalfDecadesFromMinToMax() {
        assertThat(Bisection.intervals(MIN, MAX, RES)).isEqualTo(24);
        assertThat(Bisection.kappa(MIN, MAX, RES, 0)).isEqualTo(MIN);
        assertThat(Bisection.kappa(MIN, MAX, RES, 1)).isEqualTo(31.6);
        assertThat(Bisection.kappa(MIN, MAX, RES, 2)).isEqualTo(100.0);
        assertThat(Bisection.kappa(MIN, MAX, RES, 24)).isEqualTo(MAX);
        // A range that is not a whole number of steps ends exactly at its maximum.
        assertThat(Bisection.intervals(1, 1e5, 2)).isEqualTo(3);
        assertThat(Bisection.kappa(1, 1e5, 2, 3)).isEqualTo(1e5);
    }

    /** Success below a threshold index t (probes 0..t-1 pass): the search must bracket t exactly. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 12, 23, 24, 25})
    void findsTheLastPassingProbeOfAMonotoneProfileInLogarithmicallyManyProbes(int threshold) {
        int k = Bisection.intervals(MIN, MAX, RES);
        List<Integer> visited = new ArrayList<>();
        Bisection.Result r = Bisection.search(k, i -> {
            visited.add(i);
            return i < threshold ? Bisection.Verdict.PASS : Bisection.Verdict.FAIL;
        }, i -> Bisection.kappa(MIN, MAX, RES, i));

        assertThat(r.applicable()).isTrue();
        if (threshold == 0) {
            assertThat(r.lastPass()).isNaN();
            assertThat(r.firstFail()).isEqualTo(MIN);
            assertThat(r.describe()).isEqualTo("< 1e1");
        } else if (threshold > k) {
            assertThat(r.lastPass()).isEqualTo(MAX);
            assertThat(r.firstFail()).isNaN();
            assertThat(r.describe()).isEqualTo(">= 1e13");
        } else {
            assertThat(r.lastPass()).isEqualTo(Bisection.kappa(MIN, MAX, RES, threshold - 1));
            assertThat(r.firstFail()).isEqualTo(Bisection.kappa(MIN, MAX, RES, threshold));
        }
        assertThat(visited).doesNotHaveDuplicates();
        assertThat(visited.size()).isLessThanOrEqualTo(2 + (int) Math.ceil(Math.log(k) / Math.log(2)));
    }

    @Test
    void aSolverThatRejectsTheProblemHasNoBreakingPoint() {
        Bisection.Result r = Bisection.search(4, i -> Bisection.Verdict.NOT_APPLICABLE, i -> 1.0);

        assertThat(r.applicable()).isFalse();
        assertThat(r.describe()).isEqualTo("n/a");
    }

    @Test
    void aProbeStopsAsSoonAsItsVerdictIsCertain() {
        Bisection.Tally five = new Bisection.Tally(5, 0.9);
        five.add(Outcome.OK);
        assertThat(five.decided()).isFalse();
        five.add(Outcome.REPORTED_FAILURE);
        // 90 % of 5 needs all 5: one failure decides.
        assertThat(five.decided()).isTrue();
        assertThat(five.verdict()).isEqualTo(Bisection.Verdict.FAIL);

        Bisection.Tally ten = new Bisection.Tally(10, 0.9);
        ten.add(Outcome.TIMEOUT);
        assertThat(ten.decided()).isFalse();
        for (int i = 0; i < 9; i++) {
            ten.add(Outcome.OK);
        }
        assertThat(ten.decided()).isTrue();
        assertThat(ten.verdict()).isEqualTo(Bisection.Verdict.PASS);
        assertThat(Bisection.needed(10, 0.9)).isEqualTo(9);
        assertThat(Bisection.needed(3, 0.9)).isEqualTo(3);
    }

    @Test
    void describesBreakingPointsReadably() {
        assertThat(new Bisection.Result(3.16e7, 1e8, true).describe()).isEqualTo("3.16e7 (fails at 1e8)");
        assertThat(new Bisection.Result(100, 316, true).describe()).isEqualTo("1e2 (fails at 316)");
    }
}
