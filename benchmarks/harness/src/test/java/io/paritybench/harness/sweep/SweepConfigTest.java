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
    void theStructuredBlockIsFactorFormAtTenThousandAndItsKeysAreChecked() {
        SweepConfig c = SweepConfig.defaults();
        List<SweepPlan.Group> s = SweepPlan.of(c).groups().stream().filter(g -> g.stage() == Stage.STRUCTURED)
                .toList();

        assertThat(s).hasSize(3);
        assertThat(s).extracting(g -> g.problem().n()).containsOnly(10_000);
        assertThat(s).allMatch(g -> g.problem() instanceof SweepProblem.Structured);
        assertThat(s.get(0).problem().id()).startsWith("factor-form:factor:n=10000");
        io.paritybench.core.RiskBudgetProblem built = s.get(0).problem().build();
        assertThat(built.isFactor()).isTrue();
        assertThat(SweepPlan.of(c.with("structured", "false")).groups()).noneMatch(g -> g.stage() == Stage.STRUCTURED);
        assertThat(c.with("structured", "false").fingerprint()).as("a run without the block")
                .isNotEqualTo(c.fingerprint());
        assertThatThrownBy(() -> c.with("structured.family", "random-spectrum"))
                .hasMessageContaining("'structured.family'").hasMessageContaining("factor family")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> c.with("structured.n", "1")).hasMessageContaining("'structured.n'");
        assertThatThrownBy(() -> c.with("structured.seeds", "x")).hasMessageContaining("'structured.seeds'");
        assertThatThrownBy(() -> c.with("structured", "maybe")).hasMessageContaining("'structured'");
    }

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

        assertThat(c.grid().solvers()).doesNotContain("reference");
        assertThat(c.limits().timeLimit()).isLessThan(c.limits().watchdog());
        assertThat(c.bisection().kappaMax()).isGreaterThan(c.bisection().kappaMin());
        assertThat(SweepPlan.of(c).groups()).isNotEmpty();
    }

    @Test
    void overridesReplaceKeysAndUnknownOrBadValuesNameTheKey() {
        SweepConfig c = SweepConfig.defaults().with(Map.of("n", "5, 7", "seeds", "3-5,9", "time-limit", "250ms"));

        assertThat(c.grid().sizes()).containsExactly(5, 7);
        assertThat(c.grid().seeds()).containsExactly(3L, 4L, 5L, 9L);
        assertThat(c.limits().timeLimit()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> c.with("nn", "5")).hasMessageContaining("unknown sweep setting 'nn'");
        assertThatThrownBy(() -> c.with("kappa", "0.5")).hasMessageContaining("'kappa'");
        assertThatThrownBy(() -> c.with("watchdog", "100ms")).hasMessageContaining("'watchdog'");
        assertThatThrownBy(() -> c.with("time-limit", "soon")).hasMessageContaining("'time-limit'");
        assertThatThrownBy(() -> c.with("solvers", "no-such-solver")).hasMessageContaining("no-such-solver");
        assertThatThrownBy(() -> c.with("families", "random-spectrum:n=4")).hasMessageContaining("'families'");
        assertThatThrownBy(() -> c.with("n2.rho", "0.5, 1")).hasMessage("sweep setting 'n2.rho': values must lie in "
                + "(-1, 1), got 1.0");
        assertThatThrownBy(() -> c.with("bisect.seeds", "ten")).hasMessage("sweep setting 'bisect.seeds': 'ten' is "
                + "not an integer");
        assertThatThrownBy(() -> c.with("measure", "maybe")).hasMessage("sweep setting 'measure': expected true or "
                + "false, got 'maybe'");
    }

    @Test
    void theSettingsAreParsedOnceIntoTypedRecords() {
        SweepConfig c = SweepConfig.defaults().with(Map.of("n2.rho", "0.5", "bisect.family", "vol-spread",
                "measure.measures", "es:0.975", "jobs", "1", "worker.jvm-args", "-Xmx1g  -Xss2m"));

        assertThat(c.twoAssets().rho()).containsExactly(0.5);
        assertThat(c.bisection().family().family().id()).isEqualTo("vol-spread");
        assertThat(c.bisection().family().sweepsKappa()).isTrue();
        assertThat(c.measure().measures()).containsExactly("es:0.975");
        assertThat(c.execution()).isEqualTo(new SweepConfig.Execution(1, List.of("-Xmx1g", "-Xss2m")));
        assertThat(c.limits().tolerance()).isEqualTo(1e-10);
        assertThat(c.grid()).isSameAs(c.grid());
        assertThat(c.with("kappa", "100, 1e4, 1e6, 1e8, 1e10, 1e12").fingerprint())
                .as("the fingerprint is of the typed values, not their spelling")
                .isEqualTo(c.with("kappa", "1e2, 1e4, 1e6, 1e8, 1e10, 1e12").fingerprint());
    }

    @Test
    void kappaIsSweptOnlyForFamiliesThatTakeItAndDoNotSetIt() {
        GeneratorSpec swept = SweepConfig.FamilyEntry.parse("random-spectrum").spec(10, 1e6, BudgetSpec.equal(), 3);
        GeneratorSpec fixed = SweepConfig.FamilyEntry.parse("vol-spread:kappa=50").spec(10, 1e6, BudgetSpec.equal(), 3);
        GeneratorSpec none = SweepConfig.FamilyEntry.parse("factor:idio=1e-8").spec(10, 1e6, BudgetSpec.dirichlet(1), 3);

        assertThat(swept.param("kappa")).isEqualTo(1e6);
        assertThat(fixed.param("kappa")).isEqualTo(50);
        assertThat(none.has("kappa")).isFalse();
        assertThat(none.param("idio")).isEqualTo(1e-8);
        assertThat(none.seed()).isEqualTo(3);
        assertThat(SweepConfig.FamilyEntry.parse("random-spectrum").sweepsKappa()).isTrue();
        assertThat(SweepConfig.FamilyEntry.parse("vol-spread:kappa=50").sweepsKappa()).isFalse();
        assertThat(SweepConfig.FamilyEntry.parse("factor").sweepsKappa()).isFalse();
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
