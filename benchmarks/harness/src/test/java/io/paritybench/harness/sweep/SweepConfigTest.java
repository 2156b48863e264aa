package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepConfigTest {

    @Test
    void theMeasureGridIsSmallDeterministicAndEveryDefaultProblemHasASolution() {
        SweepConfig c = SweepConfig.defaults();
        List<SweepPlan.Group> m = SweepPlan.of(c).groups().stream().filter(g -> g.stage() == Stage.MEASURE).toList();

        assertThat(m).hasSize(2 * 2 * 3 * 2);
        assertThat(m).extracting(g -> g.problem().measure()).containsOnly("var:0.99", "es:0.975");
        assertThat(SweepPlan.of(c.with("measure", "false")).groups()).noneMatch(g -> g.stage() == Stage.MEASURE);
        assertThatThrownBy(() -> c.with("measure.measures", "cvar:0.9")).hasMessageContaining("'measure.measures'");
        for (SweepPlan.Group g : m) {
            if (g.problem().n() != 50 || g.problem().kappa() != 1e6) {
                continue;
            }
            // the hardest block: diversification pushes the maximal Sharpe ratio above c unless μ is scaled down
            io.paritybench.core.RiskBudgetProblem p = g.problem().build();
            double[] mu = p.measure().mu();
            double[] drawn = SweepProblem.Measured.expectedReturns(p.volatilities(), g.problem().seed());
            double h = mu[0] / drawn[0];
            assertThat(h).isGreaterThan(0).isLessThanOrEqualTo(1);
            for (int i = 0; i < mu.length; i++) {
                // the same draw, scaled by h (a power of two, so up to rounding of nothing at all)
                assertThat(mu[i]).isCloseTo(h * drawn[i], org.assertj.core.api.Assertions.within(1e-16 * Math.abs(drawn[i])));
            }
            assertThat(References.referenceSolver(p).kind()).isEqualTo(ProblemReference.Kind.REFERENCE_UNCERTIFIED);
            assertThat(g.problem().build()).isEqualTo(p);
        }
    }

    @Test
    void theDefaultsParseAndNeverSelectTheReferenceItself() {
        SweepConfig c = SweepConfig.defaults();

        assertThat(c.solverIds()).doesNotContain("reference");
        assertThat(c.timeLimit()).isLessThan(c.watchdog());
        assertThat(c.bisectKappaMax()).isGreaterThan(c.bisectKappaMin());
        assertThat(SweepPlan.of(c).groups()).isNotEmpty();
    }

    @Test
    void overridesReplaceKeysAndUnknownOrBadValuesNameTheKey() {
        SweepConfig c = SweepConfig.defaults().with(Map.of("n", "5, 7", "seeds", "3-5,9", "time-limit", "250ms"));

        assertThat(c.sizes()).containsExactly(5, 7);
        assertThat(c.seeds()).containsExactly(3L, 4L, 5L, 9L);
        assertThat(c.timeLimit()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> c.with("nn", "5")).hasMessageContaining("unknown sweep setting 'nn'");
        assertThatThrownBy(() -> c.with("kappa", "0.5")).hasMessageContaining("'kappa'");
        assertThatThrownBy(() -> c.with("watchdog", "100ms")).hasMessageContaining("'watchdog'");
        assertThatThrownBy(() -> c.with("time-limit", "soon")).hasMessageContaining("'time-limit'");
        assertThatThrownBy(() -> c.with("solvers", "no-such-solver")).hasMessageContaining("no-such-solver");
        assertThatThrownBy(() -> c.with("families", "random-spectrum:n=4")).hasMessageContaining("'families'");
    }

    @Test
    void kappaIsSweptOnlyForFamiliesThatTakeItAndDoNotSetIt() {
        GeneratorSpec swept = SweepConfig.familySpec("random-spectrum", 10, 1e6, BudgetSpec.equal(), 3);
        GeneratorSpec fixed = SweepConfig.familySpec("vol-spread:kappa=50", 10, 1e6, BudgetSpec.equal(), 3);
        GeneratorSpec none = SweepConfig.familySpec("factor:idio=1e-8", 10, 1e6, BudgetSpec.dirichlet(1), 3);

        assertThat(swept.param("kappa")).isEqualTo(1e6);
        assertThat(fixed.param("kappa")).isEqualTo(50);
        assertThat(none.has("kappa")).isFalse();
        assertThat(none.param("idio")).isEqualTo(1e-8);
        assertThat(none.seed()).isEqualTo(3);
        assertThat(SweepConfig.sweepsKappa("random-spectrum")).isTrue();
        assertThat(SweepConfig.sweepsKappa("vol-spread:kappa=50")).isFalse();
        assertThat(SweepConfig.sweepsKappa("factor")).isFalse();
    }

    @Test
    void theGridIsTheProductOfItsDimensionsInACanonicalOrder() {
        SweepConfig c = SweepConfig.defaults().with(Map.of("families", "random-spectrum; factor", "n", "4,6",
                "kappa", "1e2,1e4,1e6", "budgets", "equal,dirichlet:1", "seeds", "1-2"));

        List<SweepPlan.Group> g = SweepPlan.grid(c);

        // random-spectrum: 2 n x 3 kappa x 2 budgets x 2 seeds; factor: 2 n x 2 budgets x 2 seeds.
        assertThat(g).hasSize(24 + 8);
        assertThat(g.get(0).problem().id()).isEqualTo("gen:random-spectrum:n=4,kappa=100,budgets=equal,seed=1");
        assertThat(g).extracting(SweepPlan.Group::position).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 32).boxed().toList());
        assertThat(g.stream().map(x -> x.problem().id()).distinct()).hasSize(32);
    }

    @Test
    void theFingerprintIgnoresExecutionSettingsOnly() {
        SweepConfig c = SweepConfig.defaults();

        assertThat(c.with("jobs", "1").fingerprint()).isEqualTo(c.with("jobs", "2").fingerprint());
        assertThat(c.with("worker.jvm-args", "-Xmx1g").fingerprint()).isEqualTo(c.fingerprint());
        assertThat(c.with("n", "10").fingerprint()).isNotEqualTo(c.fingerprint());
    }

    @Test
    void shardsPartitionThePlan() {
        SweepPlan plan = SweepPlan.of(SweepConfig.defaults());
        int total = 0;
        for (int i = 0; i < 3; i++) {
            total += plan.groups(new Shard(i, 3)).size();
        }

        assertThat(total).isEqualTo(plan.groups().size());
        // 0-based, like the task ids of a job array.
        assertThat(Shard.parse("0/3")).isEqualTo(new Shard(0, 3));
        assertThat(Shard.ALL.includes(17)).isTrue();
        assertThatThrownBy(() -> Shard.parse("3/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("I/N");
    }
}
