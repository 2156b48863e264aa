package io.paritybench.harness.external;

import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.harness.InputException;
import io.paritybench.harness.sweep.Environment;
import io.paritybench.harness.sweep.ResultsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code paritybench peers}: the side-by-side timing of our solvers against external peers ({@link PeerTiming}) and,
 * given the results of a sweep of the peers beside ours, their robustness tables ({@link PeersReport}); writes the
 * markdown report and the CSV of every measurement beside it. {@code scripts/peers} runs the sweep and this.
 */
@Command(name = "peers", sortOptions = false,
        description = "Time our solvers against external peers side by side (interleaved rounds, in-process medians) "
                + "and tabulate a sweep of the peers beside ours; writes a markdown report and a CSV.")
public final class PeersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    io.paritybench.harness.ExternalFile external;

    @Option(names = "--peers", paramLabel = "IDS", split = ",", description = "Peer ids, comma-separated (default: "
            + "every one of --external).")
    List<String> peers;

    @Option(names = "--ours", paramLabel = "IDS", split = ",", defaultValue = "newton,newton-cg,ccd-spinu,ccd-grr",
            description = "Our solvers (default: ${DEFAULT-VALUE}).")
    List<String> ours;

    @Option(names = "--problems", paramLabel = "LIST", split = ";", defaultValue = "random-spectrum:kappa=1e2;"
            + "random-spectrum:kappa=1e6;factor:k=3,idio=0.1",
            description = "Generator families with parameters, ';'-separated (default: ${DEFAULT-VALUE}).")
    List<String> problems;

    @Option(names = "--n", paramLabel = "LIST", split = ",", defaultValue = "100,500,1000", description = "Sizes "
            + "(default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed solves per measurement (default: "
            + "${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed solves per measurement; the median "
            + "counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--tol", defaultValue = "1e-10", description = "Tolerance on max|RRC - b| (default: "
            + "${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--watchdog", paramLabel = "DURATION", defaultValue = "300",
            converter = io.paritybench.harness.Durations.Converter.class,
            description = "Longest one peer command may run: 300 (seconds), 5m, PT5M (default: ${DEFAULT-VALUE} s).")
    Duration watchdog;

    @Option(names = "--slow", paramLabel = "DURATION", defaultValue = "2",
            converter = io.paritybench.harness.Durations.Converter.class,
            description = "A side slower than this per solve is timed once in later rounds (default: ${DEFAULT-VALUE} "
                    + "s).")
    Duration slow;

    @Option(names = "--sweep", paramLabel = "CSV", split = ",", description = "Results of sweeps of the peers beside "
            + "ours (robustness tables), comma-separated.")
    List<Path> sweep;

    @Option(names = "--versions", paramLabel = "FILE", description = "Text file with the peers' runtime and package "
            + "versions (included in the report).")
    Path versions;

    @Option(names = "--note", paramLabel = "TEXT", description = "A line for the report's header (how it was run).")
    String note;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "results/peers.md", description = "The report "
            + "(default: ${DEFAULT-VALUE}); the CSV goes beside it (.csv).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing report.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (external.file() == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--external=FILE' (the peer definitions)");
        }
        Path definitions = external.use();
        Path csv = Path.of(out.toString().replaceFirst("\\.md$", "") + ".csv");
        if (!force && (Files.exists(out) || Files.exists(csv))) {
            throw new InputException(out.toString(), "exists: use --force to overwrite it");
        }
        if (rounds < 1 || warmup < 0 || repeats < 1 || !(tolerance > 0) || watchdog.isZero()) {
            throw new InputException("--rounds/--warmup/--repeats/--tol/--watchdog", "need rounds >= 1, warmup >= 0, "
                    + "repeats >= 1, tol > 0 and watchdog > 0");
        }
        List<PeerTiming.Side> sides = new ArrayList<>();
        for (String id : ours) {
            if (ExternalSolvers.isExternal(id.strip())) {
                throw new InputException("--ours", id + " is an external solver");
            }
            ExternalSolvers.byId(id.strip());
            sides.add(new PeerTiming.Side(id.strip(), true));
        }
        Set<String> peerIds = new LinkedHashSet<>();
        if (peers == null) {
            ExternalSolvers.external().forEach(e -> peerIds.add(e.id()));
        } else {
            for (String id : peers) {
                if (!ExternalSolvers.isExternal(id.strip())) {
                    throw new InputException("--peers", "'" + id.strip() + "' is not defined in " + definitions);
                }
                peerIds.add(id.strip());
            }
        }
        peerIds.forEach(id -> sides.add(new PeerTiming.Side(id, false)));
        List<PeerTiming.Problem> grid = new ArrayList<>();
        for (int n : sizes) {
            for (String f : problems) {
                String family = f.strip();
                String spec = family + (family.contains(":") ? "," : ":") + "n=" + n + ",budgets=equal,seed=1";
                try {
                    grid.add(new PeerTiming.Problem(family, n,
                            ProblemGenerator.problem(GeneratorSpec.parse(spec))));
                } catch (RuntimeException e) {
                    throw new InputException("--problems", spec + ": " + e.getMessage());
                }
            }
        }
        List<io.paritybench.harness.sweep.TrialRecord> sweepRows = new ArrayList<>();
        if (sweep != null) {
            sweep.forEach(f -> sweepRows.addAll(ResultsCsv.read(f).rows()));
        }
        String versionText = versions == null ? "" : Files.readString(versions, StandardCharsets.UTF_8).strip();
        PeerTiming.Settings settings = new PeerTiming.Settings(tolerance, rounds, warmup, repeats,
                watchdog, slow.toNanos() * 1e-9);
        String load = loadAverage();
        List<PeerTiming.Measurement> ms = PeerTiming.run(grid, sides, settings, System.err);

        StringBuilder md = new StringBuilder("# parity-bench against its peers\n\n");
        md.append("Written by `scripts/peers` (`paritybench peers`)").append(note == null ? "" : ": " + note)
                .append(".\n\n## Environment\n\n");
        List<String> shown = List.of("recorded", "cpu", "cores", "memory_total_mb", "os", "jvm", "git_commit",
                "git_dirty");
        for (Environment.Field f : Environment.capture(List.of()).fields()) {
            if (shown.contains(f.name())) {
                md.append("- ").append(f.name()).append(": ").append(f.text()).append('\n');
            }
        }
        md.append("- load average before / after: ").append(load).append(" / ").append(loadAverage()).append('\n');
        if (!versionText.isEmpty()) {
            versionText.lines().forEach(l -> md.append("- ").append(l).append('\n'));
        }
        md.append("\nThe peers (").append(definitions.getFileName()).append("):\n\n");
        for (String id : peerIds) {
            md.append("- `").append(id).append("`: `").append(((ExternalSolver) ExternalSolvers.byId(id))
                    .definition().template().text()).append("`\n");
        }
        md.append("\n## Side-by-side timing\n\n").append(PeersReport.timing(ms, sides, settings));
        if (sweep != null) {
            md.append("\n## Robustness of the peers beside ours\n\n").append(String.format(Locale.ROOT,
                    "From the sweep results %s (%d trials); the harness judges every answer itself: a silent failure is "
                            + "a claim of success (no status, for the R convex methods) whose weights fail the "
                            + "harness's check.%n%n", sweep.stream().map(f -> "`" + f.getFileName() + "`").toList(), sweepRows.size()))
                    .append(PeersReport.robustness(sweepRows));
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, md, StandardCharsets.UTF_8);
        Files.writeString(csv, PeersReport.csv(ms), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).strip();
            return String.join(" ", java.util.Arrays.copyOf(s.split("\\s+"), 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
