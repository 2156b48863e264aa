package io.paritybench.core.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeneratorSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "random-spectrum:n=100,kappa=1e8,budgets=equal,seed=42",
        "constant-correlation:n=10,gap=1e-3,budgets=dirichlet:0.5,seed=7",
        "constant-correlation:n=10,rho=-0.05,volmin=0.1,volmax=0.1,budgets=equal,seed=7",
        "block:n=9,blocks=3,rhoin=0.7,rhoout=-0.1,budgets=tiny,seed=3",
        "factor:n=50,k=5,idio=1e-10,mixed=1,budgets=tiny:3:1e-4,seed=1",
        "negative-correlation:n=12,pairrho=0.95,mix=0.1,budgets=dirichlet:2,seed=-5",
        "vol-spread:n=15,kappa=100,volmin=0.01,volmax=10,budgets=equal,seed=0",
        "sample:n=20,kappa=1e3,t=25,budgets=tiny:1,seed=9"})
    void theStringFormRoundTrips(String text) {
        GeneratorSpec spec = GeneratorSpec.parse(text);
        assertThat(GeneratorSpec.parse(spec.toString())).isEqualTo(spec);
        assertThat(GeneratorSpec.parse(spec.toString()).toString()).isEqualTo(spec.toString());
    }

    @Test
    void defaultsAreResolvedSoTheCanonicalFormNamesTheProblemCompletely() {
        GeneratorSpec spec = GeneratorSpec.parse("random-spectrum:n=5");
        assertThat(spec.toString()).isEqualTo("random-spectrum:n=5,kappa=100,budgets=equal,seed=0");
        // t of the sample family follows n unless given
        assertThat(GeneratorSpec.parse("sample:n=7").has("t")).isFalse();
        assertThat(GeneratorSpec.parse("sample:n=7").withN(30).toString()).isEqualTo("sample:n=30,kappa=100,budgets=equal,seed=0");
        GeneratorSpec gap = GeneratorSpec.parse("constant-correlation:n=4,gap=0.01");
        assertThat(gap.has("rho")).isFalse();
        assertThat(gap.with("rho", 0.2).has("gap")).isFalse();
        assertThat(GeneratorSpec.parse("FACTOR:n=3, k=2 ,seed=11").param("k")).isCloseTo(2.0, within(0.0));
    }

    @Test
    void badSpecsAreRejectedWithAReason() {
        assertThatThrownBy(() -> GeneratorSpec.parse("spiral:n=5")).hasMessageContaining("unknown generator family");
        assertThatThrownBy(() -> GeneratorSpec.parse("random-spectrum:kappa=10")).hasMessageContaining("n");
        assertThatThrownBy(() -> GeneratorSpec.parse("random-spectrum:n=5,rho=0.2")).hasMessageContaining("rho");
        assertThatThrownBy(() -> GeneratorSpec.parse("constant-correlation:n=5,rho=0.2,gap=0.1"))
                .hasMessageContaining("either");
        assertThatThrownBy(() -> GeneratorSpec.parse("random-spectrum:n=1")).hasMessageContaining("n >= 2");
        assertThatThrownBy(() -> GeneratorSpec.parse("random-spectrum:n=5,budgets=uniform"))
                .hasMessageContaining("budget spec");
        assertThatThrownBy(() -> GeneratorSpec.parse("random-spectrum:n=5,kappa=x")).hasMessageContaining("kappa");
    }

    @Test
    void budgetSpecsParseAndPrint() {
        assertThat(BudgetSpec.parse("equal")).isEqualTo(BudgetSpec.equal());
        assertThat(BudgetSpec.parse("dirichlet:0.5")).isEqualTo(BudgetSpec.dirichlet(0.5));
        assertThat(BudgetSpec.parse("tiny")).isEqualTo(BudgetSpec.tiny(0, 1e-4));
        assertThat(BudgetSpec.parse("tiny:2:1e-3").toString()).isEqualTo("tiny:2:0.001");
        assertThat(BudgetSpec.parse("tiny").tinyCount(2)).isEqualTo(1);
        assertThat(BudgetSpec.parse("tiny").tinyCount(50)).isEqualTo(3);
        assertThatThrownBy(() -> BudgetSpec.parse("dirichlet:-1")).hasMessageContaining("alpha");
        assertThatThrownBy(() -> BudgetSpec.parse("tiny:2:1.5")).hasMessageContaining("(0, 1)");
    }
}
