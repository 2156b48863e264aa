package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code benchmarks.jar} (after {@code package}): JMH lists the benchmarks, and the default solver
 * lists of the benchmarks name every solver found on the class path (n = 2-only solvers in the n = 2 benchmark only)
 * and no unknown id. No timing.
 */
class BenchmarkJarIT {

    private static final List<String> BENCHMARKS = List.of("io.paritybench.jmh.SolverBenchmark.solve",
            "io.paritybench.jmh.TwoAssetBenchmark.solve");

    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
        assertThat(jar).as("the shaded jar built by package").isRegularFile();
    }

    @Test
    void listsEveryBenchmark() throws Exception {
        String out = jmh("-l");
        assertThat(out.lines().map(String::trim).toList()).containsAll(BENCHMARKS);
    }

    @Test
    void solverIdsComeFromTheServiceLoaderNotFromTheAnnotations() throws Exception {
        Map<String, Map<String, List<String>>> params = parameterLists(jmh("-lp"));
        // no hard-coded list: scripts/bench passes -p solver=... from SolverIds
        for (String b : BENCHMARKS) {
            List<String> declared = params.get(b).get("solver");
            assertThat(declared == null || declared.equals(List.of(""))).as(b + " declares solver ids " + declared)
                    .isTrue();
        }
        List<String> ids = Solvers.ids();
        assertThat(ids).isNotEmpty();
        assertThat(List.of(run("io.paritybench.jmh.SolverIds").trim().split(","))).as("n = 2 benchmark solvers")
                .containsExactlyElementsOf(ids);
        List<String> beyondTwo = new ArrayList<>();
        for (RiskBudgetSolver s : Solvers.all()) {
            if (handlesThreeAssets(s)) {
                beyondTwo.add(s.id());
            }
        }
        assertThat(List.of(run("io.paritybench.jmh.SolverIds", "--general").trim().split(",")))
                .as("solvers for n > 2").containsExactlyInAnyOrderElementsOf(beyondTwo);
    }

    @Test
    void gridParametersAreTheIssuesGrid() throws Exception {
        Map<String, List<String>> p = parameterLists(jmh("-lp")).get("io.paritybench.jmh.SolverBenchmark.solve");
        assertThat(p.get("n")).containsExactly("10", "50", "100", "500", "1000", "2000");
        assertThat(p.get("kappa")).containsExactly("1e2", "1e4", "1e6", "1e8");
        assertThat(p.get("family")).containsExactly("random-spectrum", "factor");
        assertThat(p.get("tol")).containsExactly("1e-8", "1e-12");
    }

    /** A solver that does not support a 3-asset problem handles n = 2 only (a closed form). */
    private static boolean handlesThreeAssets(RiskBudgetSolver s) {
        double[][] cov = {{0.04, 0.006, 0.002}, {0.006, 0.09, 0.01}, {0.002, 0.01, 0.16}};
        return s.supports(RiskBudgetProblem.erc(cov));
    }

    /** Parses {@code -lp} output: benchmark → parameter → values. */
    static Map<String, Map<String, List<String>>> parameterLists(String out) {
        Map<String, Map<String, List<String>>> result = new LinkedHashMap<>();
        Pattern param = Pattern.compile("^\\s+param \"([^\"]+)\" = \\{(.*)}\\s*$");
        Map<String, List<String>> current = null;
        for (String line : out.lines().toList()) {
            Matcher m = param.matcher(line);
            if (m.matches() && current != null) {
                current.put(m.group(1), Arrays.stream(m.group(2).split(",")).map(String::trim).toList());
            } else if (line.startsWith("io.paritybench.jmh.")) {
                current = new LinkedHashMap<>();
                result.put(line.trim(), current);
            }
        }
        return result;
    }

    private static String jmh(String option) throws IOException, InterruptedException {
        return exec(List.of("-jar", jar.toString(), option));
    }

    private static String run(String... mainAndArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-cp", jar.toString()));
        args.addAll(List.of(mainAndArgs));
        return exec(args);
    }

    private static String exec(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
