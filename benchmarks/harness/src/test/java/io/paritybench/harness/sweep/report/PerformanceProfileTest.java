package io.paritybench.harness.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {

    @Test
    void ratiosAreToTheBestSolverPerProblemAndFailuresNeverCount() {
        Map<String, Map<String, Double>> costs = new LinkedHashMap<>();
        costs.put("p1", Map.of("a", 1.0, "b", 2.0));
        costs.put("p2", Map.of("a", 8.0, "b", 2.0));
        costs.put("p3", Map.of("a", 3.0, "b", Double.POSITIVE_INFINITY));
        costs.put("p4", Map.of("a", Double.POSITIVE_INFINITY, "b", Double.POSITIVE_INFINITY));

        List<PerformanceProfile.Curve> curves = PerformanceProfile.of(List.of("a", "b"), costs);
        PerformanceProfile.Curve a = curves.get(0);
        PerformanceProfile.Curve b = curves.get(1);

        // a: ratios 1 (p1), 4 (p2), 1 (p3); b: 2 (p1), 1 (p2); four problems in the denominator.
        assertThat(a.ratios()).containsExactly(1.0, 1.0, 4.0);
        assertThat(b.ratios()).containsExactly(1.0, 2.0);
        assertThat(a.at(1)).isEqualTo(0.5);
        assertThat(a.at(3.9)).isEqualTo(0.5);
        assertThat(a.at(4)).isEqualTo(0.75);
        assertThat(b.at(1)).isEqualTo(0.25);
        assertThat(b.at(1e9)).isEqualTo(0.5);
        assertThat(PerformanceProfile.maxRatio(curves)).isEqualTo(4.0);
    }
}
