package io.paritybench.harness.external;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A solver defined by a command ({@link ExternalDefinition}). One run: write Σ and b as header-less CSV
 * ({@code %.17g}) into a fresh scratch folder, substitute the template, run it with {@code /bin/sh -c} in its own
 * process group ({@code setsid}), wait at most the watchdog (then kill the whole group: {@link ExternalRun.TimedOut}),
 * and read the JSON answer from {@code {out}} with Jackson ({@link ExternalAnswer}). A non-zero exit, a missing
 * file, malformed JSON or an answer without weights is {@link ExternalRun.Failed}, with the tail of stderr. An
 * optional {@code trace} of iterates is checked ({@link ExternalTrace}); a bad one is kept as rejected, with the
 * reason, and does not fail the answer. The scratch folder is deleted afterwards.
 *
 * <p>Nothing the command says about accuracy is believed: callers judge the weights exactly as for built-in
 * solvers ({@code solve}'s report, the sweep's {@code Classifier}).
 */
public final class ExternalSolver implements RiskBudgetSolver {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_CHARS = 600;

    private final ExternalDefinition definition;
    private final Map<String, String> environment;

    public ExternalSolver(ExternalDefinition definition) {
        this(definition, Map.of());
    }

    private ExternalSolver(ExternalDefinition definition, Map<String, String> environment) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
    }

    /** @return a copy that adds these variables to the command's environment */
    public ExternalSolver withEnvironment(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(env);
        return new ExternalSolver(definition, all);
    }

    public ExternalDefinition definition() {
        return definition;
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public String description() {
        return "external command (" + definition.file().getFileName() + ":" + definition.line() + "): "
                + definition.template().text();
    }

    /**
     * Runs the command and maps the answer to a result, for callers that only know {@link RiskBudgetSolver}. A claim
     * of success keeps the status CONVERGED whatever the weights are (the caller's judge decides); a reported failure
     * is the {@link SolveStatus} of that name, else {@link SolveStatus#FAILED}; a timeout is
     * {@link SolveStatus#TIME_LIMIT}. The watchdog is twice the time limit plus 30 s (none without a time limit).
     *
     * @throws ExternalSolverException when the command failed ({@link ExternalRun.Failed})
     */
    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Duration limit = options.timeLimit();
        Duration watchdog = limit.isZero() ? Duration.ZERO : limit.multipliedBy(2).plusSeconds(30);
        ExternalRun run = run(problem, options, watchdog);
        if (run instanceof ExternalRun.Failed f) {
            throw new ExternalSolverException(id() + ": " + f.describe());
        }
        if (run instanceof ExternalRun.TimedOut t) {
            return new SolveResult(id(), new double[problem.n()], SolveStatus.TIME_LIMIT, -1, Double.NaN, Map.of(),
                    timeoutMessage(t));
        }
        return toResult((ExternalRun.Answered) run);
    }

    /** @return the answer as a {@link SolveResult} (status as in {@link #solve}); the weights as returned */
    public SolveResult toResult(ExternalRun.Answered a) {
        Map<String, Long> counters = a.repeats() >= 0 ? Map.of("repeats", (long) a.repeats()) : Map.of();
        return new SolveResult(id(), a.weights(), status(a), Math.max(a.iterations(), -1), Double.NaN, counters,
                a.message());
    }

    /** @return CONVERGED for a claim of success, else the status of that name, else FAILED */
    public static SolveStatus status(ExternalRun.Answered a) {
        if (a.claimsSuccess()) {
            return SolveStatus.CONVERGED;
        }
        for (SolveStatus s : SolveStatus.values()) {
            if (s != SolveStatus.CONVERGED && s.name().equalsIgnoreCase(a.status().strip())) {
                return s;
            }
        }
        return SolveStatus.FAILED;
    }

    /** @return the one-line explanation of a timeout */
    public static String timeoutMessage(ExternalRun.TimedOut t) {
        return String.format(Locale.ROOT, "the command ran past its watchdog (%.1f s); its process group was killed",
                t.watchdogNanos() / 1e9) + (t.stderrTail().isBlank() ? "" : "; stderr: " + t.stderrTail());
    }

    /**
     * Runs the command once.
     *
     * @param watchdog the longest the command may run before its process group is killed; {@link Duration#ZERO}
     *                 means no watchdog
     */
    public ExternalRun run(RiskBudgetProblem problem, SolverOptions options, Duration watchdog) {
        Path dir;
        try {
            dir = Files.createTempDirectory("paritybench-" + id() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder: " + e.getMessage(), e);
        }
        try {
            return runIn(dir, problem, options, watchdog);
        } finally {
            deleteRecursively(dir);
        }
    }

    private ExternalRun runIn(Path dir, RiskBudgetProblem problem, SolverOptions options, Duration watchdog) {
        int n = problem.n();
        Path cov = dir.resolve("cov.csv");
        Path budgets = dir.resolve("budgets.csv");
        Path init = dir.resolve("init.csv");
        Path out = dir.resolve("out.json");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        try {
            writeMatrix(cov, problem);
            writeRow(budgets, problem.budgets());
            if (options.hasInitialPoint()) {
                writeRow(init, options.initialPoint());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the problem into " + dir + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        values.put("cov", cov.toString());
        values.put("budgets", budgets.toString());
        values.put("init", options.hasInitialPoint() ? init.toString() : "");
        values.put("out", out.toString());
        values.put("dir", dir.toString());
        values.put("n", Integer.toString(n));
        values.put("tol", Double.toString(options.tolerance()));
        values.put("maxIter", Integer.toString(options.maxIterations()));
        values.put("timeLimit", Double.toString(options.timeLimit().toNanos() / 1e9));
        String command = definition.template().substitute(values);

        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            argv.add(SETSID.toString());
        }
        argv.add("/bin/sh");
        argv.add("-c");
        argv.add(command);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(definition.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(environment);
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ExternalRun.Failed("cannot start '/bin/sh -c " + command + "': " + e.getMessage(), "",
                    System.nanoTime() - start);
        }
        Thread hook = new Thread(() -> killGroup(p));
        Runtime.getRuntime().addShutdownHook(hook);
        boolean finished;
        try {
            if (watchdog.isZero()) {
                p.waitFor();
                finished = true;
            } else {
                finished = p.waitFor(watchdog.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            killGroup(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + id(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook runs
            }
        }
        long wall = System.nanoTime() - start;
        if (!finished) {
            killGroup(p);
            return new ExternalRun.TimedOut(watchdog.toNanos(), tail(stderr), wall);
        }
        // the command may have left background children in its group: they must not outlive the trial
        killGroup(p);
        int exit = p.exitValue();
        if (exit != 0) {
            return new ExternalRun.Failed("exit code " + exit, tail(stderr), wall);
        }
        if (!Files.isRegularFile(out)) {
            return new ExternalRun.Failed("exit code 0 but no answer in {out}", tail(stderr), wall);
        }
        ExternalAnswer a;
        try {
            a = JSON.readValue(out.toFile(), ExternalAnswer.class);
        } catch (IOException e) {
            return new ExternalRun.Failed("malformed JSON in {out}: " + oneLine(e.getMessage()), tail(stderr), wall);
        }
        if (a == null || a.weights() == null) {
            return new ExternalRun.Failed("the JSON in {out} has no 'weights' array", tail(stderr), wall);
        }
        String status = a.status() == null ? "" : a.status().strip();
        String message = a.message() == null ? "" : a.message();
        if (!a.claimsSuccess()) {
            message = message.isBlank() ? status : status + ": " + message;
        }
        return new ExternalRun.Answered(a.weightArray(), a.claimsSuccess(), status,
                a.iterations() == null ? -1 : a.iterations(), message,
                a.seconds() == null ? Double.NaN : a.seconds(), a.repeats() == null ? -1 : a.repeats(), wall,
                ExternalTrace.parse(a.trace(), n));
    }

    /** Kills the command's process group (it leads its own session) and any descendant that left it. */
    private static void killGroup(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        if (Files.isExecutable(SETSID)) {
            try {
                Process k = new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                k.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall back to the handles below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void writeMatrix(Path file, RiskBudgetProblem problem) throws IOException {
        int n = problem.n();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(n * 24);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int j = 0; j < n; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(number(problem.covariance(i, j)));
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    static void writeRow(Path file, double[] v) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(number(v[i]));
        }
        sb.append('\n');
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** @return {@code %.17g} (reads back to the same double) */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static String tail(Path stderr) {
        try {
            if (!Files.exists(stderr)) {
                return "";
            }
            String s = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            String t = s.length() <= TAIL_CHARS ? s : "..." + s.substring(s.length() - TAIL_CHARS);
            return oneLine(t);
        } catch (IOException | UncheckedIOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover scratch file in the temporary folder is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
