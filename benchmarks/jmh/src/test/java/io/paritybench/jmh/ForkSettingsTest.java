package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Fork;

/**
 * Every benchmark fork runs with a fixed, pre-touched heap ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}):
 * without pre-touching, the first measured iterations pay the page faults of heap pages touched for the first time,
 * and the first and last iteration medians of the small configurations disagree by more than the steady-state test
 * allows.
 */
class ForkSettingsTest {

    @ParameterizedTest
    @ValueSource(classes = {SolverBenchmark.class, TwoAssetBenchmark.class, FactorBenchmark.class,
            JudgeBenchmark.class})
    void heapIsFixedAndPreTouched(Class<?> benchmark) {
        Fork fork = benchmark.getAnnotation(Fork.class);
        assertThat(fork).as(benchmark.getSimpleName() + " @Fork").isNotNull();
        List<String> args = Arrays.asList(fork.jvmArgsAppend());
        assertThat(args).contains("-XX:+AlwaysPreTouch");
        String xms = args.stream().filter(a -> a.startsWith("-Xms")).findFirst().orElseThrow();
        String xmx = args.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElseThrow();
        assertThat(xms.substring(4)).as("-Xms equals -Xmx").isEqualTo(xmx.substring(4));
    }
}
