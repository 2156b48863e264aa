package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input or usage gives exit code 2, nothing on stdout and exactly one line on stderr that names the file
 * (or option) and the problem, without a stack trace.
 */
class BadInputTest {

    private static final String GOOD_COV = "a,b\n0.09,0.009\n0.009,0.01\n";

    @TempDir
    Path dir;

    /** A bad input: files to write (name, content pairs), the arguments, and what stderr must contain. */
    record Case(String label, List<String[]> files, List<String> args, List<String> expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Case covCase(String label, String cov, String... expected) {
        return new Case(label, List.<String[]>of(new String[] {"cov.csv", cov}),
                List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2"), with("cov.csv", expected));
    }

    private static Case budgetCase(String label, String budgets, String... expected) {
        return new Case(label, List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"b.csv", budgets}),
                List.of("solve", "--cov", "@cov.csv", "--budgets", "@b.csv", "--solver", "closed-form-n2"),
                with("b.csv", expected));
    }

    private static Case usageCase(String label, List<String> args, String... expected) {
        return new Case(label, List.<String[]>of(new String[] {"cov.csv", GOOD_COV}), args, List.of(expected));
    }

    private static List<String> with(String first, String... rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l;
    }

    static Stream<Case> cases() {
        return Stream.of(
                covCase("non-square", "1,0.1,0.1\n0.1,1,0.1\n", "not square"),
                covCase("asymmetric", "1,0.5\n0.4,1\n", "not symmetric", "(1, 2)"),
                covCase("NaN entry", "1,NaN\nNaN,1\n", "NaN"),
                covCase("infinite entry", "1,0\n0,Infinity\n", "Infinity"),
                covCase("not positive definite", "1,-0.9,0.9\n-0.9,1,0.9\n0.9,0.9,1\n", "not positive definite"),
                covCase("zero variance", "x,y\n0,0\n0,1\n", "variance of asset 1", "'x'"),
                covCase("negative variance", "1,0\n0,-1\n", "variance of asset 2"),
                covCase("one asset", "1\n", "at least 2 assets"),
                covCase("not a number", "1,0\n0,abc\n", "line 2, column 2", "not a number: 'abc'"),
                covCase("ragged rows", "1,0\n0\n", "line 2", "expected 2"),
                covCase("header width", "a,b,c\n1,0\n0,1\n", "header has 3 names"),
                covCase("empty file", "", "empty"),
                covCase("unsupported problem: closed-form-n2 with n = 3",
                        "1,0,0\n0,1,0\n0,0,1\n", "closed-form-n2", "n = 3"),
                budgetCase("budgets of the wrong length", "0.2,0.3,0.5\n", "3 entries", "2 assets"),
                budgetCase("negative budget", "-0.5,1.5\n", "budget 1", "positive"),
                budgetCase("zero budget", "0,1\n", "budget 1", "positive"),
                budgetCase("budgets not summing to 1", "0.2,0.7\n", "sum to", "normalise"),
                budgetCase("NaN budget", "NaN,0.5\n", "budget 1", "NaN"),
                budgetCase("malformed budgets", "0.5,abc\n", "line 1, column 2", "not a number"),
                budgetCase("budgets with decimal commas", "0,5;0,5\n", "not a number: '5;0'", "separator is ','"),
                budgetCase("budgets as a matrix", "0.5,0.5\n0.5,0.5\n", "one row or one column"),
                covCase("text that is not UTF-8 (Latin-1)", "latin1:caf\u00e9,b\n1,0\n0,1\n",
                        "line 1", "not UTF-8", "byte offset 3"),
                covCase("UTF-16 text", "utf16:a,b\n1,0\n0,1\n", "UTF-16", "UTF-8"),
                covCase("a header and one row of two values", "a,b\n0.09,0.009\n", "1x2"),
                covCase("duplicate asset names", "a,a\n0.09,0.009\n0.009,0.01\n", "duplicate asset name 'a'"),
                budgetCase("budgets named with unknown assets", "x,y\n0.5,0.5\n", "by name", "missing 'a', 'b'",
                        "unknown 'x', 'y'"),
                budgetCase("budgets naming an asset twice", "a,a\n0.5,0.5\n", "duplicate asset name 'a'"),
                budgetCase("budgets naming one asset too many", "a,b,c\n0.4,0.4,0.2\n", "unknown 'c'"),
                new Case("initial weights named with an unknown asset",
                        List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"x0.csv", "a,z\n1,1\n"}),
                        List.of("solve", "--cov", "@cov.csv", "--init", "@x0.csv", "--solver", "closed-form-n2"),
                        List.of("x0.csv", "missing 'b'", "unknown 'z'")),
                new Case("returns with as many observations as assets",
                        List.<String[]>of(new String[] {"r.csv", "a,b\n0.01,0.02\n0.03,-0.01\n"}),
                        List.of("solve", "--returns", "@r.csv", "--solver", "closed-form-n2"),
                        List.of("r.csv", "2 observations of 2 assets", "singular")),
                new Case("returns with a near-constant column", List.<String[]>of(new String[] {"r.csv",
                        "a,b\n" + "0.01,0.02\n0.01,-0.01\n0.01,0.03\n0.01,0.00\n0.01,0.01\n".repeat(6)}),
                        List.of("solve", "--returns", "@r.csv", "--solver", "closed-form-n2"),
                        List.of("r.csv", "asset 1 'a' is constant")),
                new Case("--mu without --measure",
                        List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"mu.csv", "0.01,0.02\n"}),
                        List.of("solve", "--cov", "@cov.csv", "--mu", "@mu.csv", "--solver", "newton"),
                        List.of("--mu", "--measure")),
                new Case("--mu naming unknown assets",
                        List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"mu.csv", "a,q\n0.01,0.02\n"}),
                        List.of("solve", "--cov", "@cov.csv", "--mu", "@mu.csv", "--measure", "es:0.95",
                                "--solver", "newton"),
                        List.of("mu.csv", "unknown 'q'")),
                usageCase("tolerance of 1", List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2",
                        "--tol", "1"), "--tol", "below 1"),
                usageCase("time limit that is not a duration", List.of("solve", "--cov", "@cov.csv", "--solver",
                        "closed-form-n2", "--time-limit", "soon"), "--time-limit", "'soon'", "500ms"),
                new Case(".npy file that is not one", List.<String[]>of(new String[] {"cov.npy", "1,0\n0,1\n"}),
                        List.of("solve", "--cov", "@cov.npy", "--solver", "closed-form-n2"),
                        List.of("cov.npy", "not a .npy file")),
                usageCase("unknown criterion", List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2",
                        "--criterion", "sideways"), "--criterion", "sideways"),
                new Case("missing covariance file", List.of(),
                        List.of("solve", "--cov", "@nothere.csv", "--solver", "closed-form-n2"),
                        List.of("nothere.csv", "not found")),
                new Case("missing budgets file", List.<String[]>of(new String[] {"cov.csv", GOOD_COV}),
                        List.of("solve", "--cov", "@cov.csv", "--budgets", "@nob.csv", "--solver", "closed-form-n2"),
                        List.of("nob.csv", "not found")),
                new Case("returns with one observation", List.<String[]>of(new String[] {"r.csv", "a,b\n0.01,0.02\n"}),
                        List.of("solve", "--returns", "@r.csv", "--solver", "closed-form-n2"),
                        List.of("r.csv", "at least 2 observations")),
                new Case("collinear returns", List.<String[]>of(new String[] {"r.csv",
                        "a,b\n0.01,0.02\n0.02,0.04\n-0.01,-0.02\n"}),
                        List.of("solve", "--returns", "@r.csv", "--solver", "closed-form-n2"),
                        List.of("r.csv", "not positive definite")),
                new Case("initial point of the wrong length",
                        List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"x0.csv", "1,1,1\n"}),
                        List.of("solve", "--cov", "@cov.csv", "--init", "@x0.csv", "--solver", "closed-form-n2"),
                        List.of("x0.csv", "3 entries", "2 assets")),
                new Case("non-positive initial point",
                        List.of(new String[] {"cov.csv", GOOD_COV}, new String[] {"x0.csv", "1,-1\n"}),
                        List.of("solve", "--cov", "@cov.csv", "--init", "@x0.csv", "--solver", "closed-form-n2"),
                        List.of("x0.csv", "positive")),
                usageCase("unknown solver", List.of("solve", "--cov", "@cov.csv", "--solver", "no-such-solver"),
                        "--solver", "unknown solver 'no-such-solver'", "closed-form-n2"),
                usageCase("missing --solver", List.of("solve", "--cov", "@cov.csv"), "--solver"),
                usageCase("no input", List.of("solve", "--solver", "closed-form-n2"), "--cov", "--returns"),
                usageCase("both --cov and --returns",
                        List.of("solve", "--cov", "@cov.csv", "--returns", "@cov.csv", "--solver", "closed-form-n2"),
                        "mutually exclusive"),
                usageCase("negative tolerance",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--tol", "-1"),
                        "--tol", "positive"),
                usageCase("zero tolerance",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--tol", "0"),
                        "--tol", "positive"),
                usageCase("tolerance not a number",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--tol", "tiny"),
                        "--tol", "tiny"),
                usageCase("negative iteration cap",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--max-iter", "-1"),
                        "--max-iter"),
                usageCase("negative time limit",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--time-limit", "-2"),
                        "--time-limit"),
                usageCase("unknown format",
                        List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2", "--format", "xml"),
                        "--format", "xml"),
                usageCase("unknown option", List.of("solve", "--cov", "@cov.csv", "--solver", "closed-form-n2",
                        "--frobnicate"), "--frobnicate"),
                usageCase("trace time limit that is not a duration", List.of("trace", "--spec",
                        "random-spectrum:n=5,seed=1", "--solvers", "newton", "--out", "@t", "--time-limit", "soon"),
                        "--time-limit", "'soon'"),
                usageCase("peers without definitions", List.of("peers", "--ours", "newton"), "--external"),
                usageCase("peers size that is not a number", List.of("peers", "--external", "@defs", "--n", "ten"),
                        "--n", "ten"),
                usageCase("peers watchdog that is not a duration", List.of("peers", "--external", "@defs",
                        "--watchdog", "long"), "--watchdog", "'long'"),
                usageCase("unknown command", List.of("frobnicate"), "frobnicate"),
                usageCase("no command", List.of(), "missing command", "solve"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithCode2AndOneLineNamingTheFileAndTheProblem(Case c) throws IOException {
        for (String[] f : c.files()) {
            if (f[1].startsWith("latin1:")) {
                Files.write(dir.resolve(f[0]), f[1].substring(7).getBytes(StandardCharsets.ISO_8859_1));
            } else if (f[1].startsWith("utf16:")) {
                Files.write(dir.resolve(f[0]), f[1].substring(6).getBytes(StandardCharsets.UTF_16)); // with a BOM
            } else {
                Files.writeString(dir.resolve(f[0]), f[1]);
            }
        }
        String[] args = c.args().stream().map(a -> a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a)
                .toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(run.errLines()).as("stderr lines").hasSize(1);
        String line = run.errLines()[0];
        assertThat(line).startsWith("paritybench").doesNotContain("Exception").doesNotContain("\tat ");
        for (String expected : c.expected()) {
            assertThat(line).contains(expected);
        }
    }
}
