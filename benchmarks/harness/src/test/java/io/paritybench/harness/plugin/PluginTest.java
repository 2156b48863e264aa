package io.paritybench.harness.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.io.CsvIo;
import io.paritybench.harness.ParityBench;
import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.ResultsCsv;
import io.paritybench.harness.sweep.TrialRecord;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plug-in solver in its own jar, on the class path of a fresh {@code paritybench} JVM (as
 * {@code PARITYBENCH_CLASSPATH} puts it there): it is listed, solves through {@code solve}, and runs in the
 * sweep's worker JVMs, which get the same class path. The JVM's class path here is the main class path without the
 * test classes, so nothing but the jar brings the plug-in in.
 */
class PluginTest {

    @TempDir
    static Path dir;
    static Path jar;
    static String mainClassPath;

    @BeforeAll
    static void packThePlugin() throws IOException, URISyntaxException {
        Path classes = Path.of(ExamplePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("io/paritybench/harness/plugin");
        jar = dir.resolve("example-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("ExamplePlugin")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.paritybench.core.SolverProvider"));
            out.write((ExamplePlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        mainClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.equals(classes.toString()) && !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Runs paritybench in a fresh JVM with the plug-in jar on its class path; @return exit code and stdout. */
    private static Map.Entry<Integer, String> paritybench(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", mainClassPath + File.pathSeparator + jar,
                ParityBench.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Map.entry(p.exitValue(), out);
    }

    @Test
    void thePluginIsListedAndSolvesThroughSolve() throws Exception {
        Path cov = dir.resolve("cov.csv");
        CsvIo.writeMatrix(cov, new double[][] {{0.09, 0.009, 0.0}, {0.009, 0.01, 0.002}, {0.0, 0.002, 0.04}}, null);

        assertThat(paritybench("list").getValue()).contains("plugin-exact", "plugin-equal");
        Map.Entry<Integer, String> exact = paritybench("solve", "--cov", cov.toString(), "--solver", "plugin-exact");
        assertThat(exact.getKey()).isZero();
        assertThat(exact.getValue()).contains("\"solver\"").contains("plugin-exact").contains("CONVERGED");
        assertThat(paritybench("solve", "--cov", cov.toString(), "--solver", "plugin-equal").getKey())
                .as("equal weights do not meet 1e-10 on this problem: exit 3, result written").isEqualTo(3);
    }

    @Test
    void thePluginRunsInTheSweepsWorkerJvmsAndIsJudgedLikeAnyOther() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Map.Entry<Integer, String> r = paritybench("sweep", "--solvers", "plugin-exact,plugin-equal",
                "--families", "random-spectrum", "--n", "5", "--kappa", "1e2", "--budgets", "equal", "--seeds", "1-2",
                "--no-bisect", "--no-n2", "--no-measure", "--no-progress", "--set", "jobs=1", "--out", csv.toString());

        assertThat(r.getKey()).isZero();
        List<TrialRecord> rows = ResultsCsv.read(csv).rows();
        assertThat(rows).hasSize(4);
        Map<String, List<Outcome>> outcomes = rows.stream().collect(Collectors.groupingBy(t -> t.key().solver(),
                Collectors.mapping(t -> t.judgement().outcome(), Collectors.toList())));
        assertThat(outcomes).containsOnlyKeys("plugin-exact", "plugin-equal");
        assertThat(outcomes.get("plugin-exact")).containsOnly(Outcome.OK);
        assertThat(outcomes.get("plugin-equal")).containsOnly(Outcome.REPORTED_FAILURE);
    }
}
