package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a sweep: every trial of a {@link SweepPlan} (or of one shard of it) in worker JVMs
 * ({@link WorkerProcess}, a watchdog per trial), classified ({@link Classifier}) against a reference computed once
 * per problem ({@link References}), one CSV row appended and flushed per finished trial ({@link ResultsCsv}).
 * With {@code resume}, trials whose key is already in the file are not run again (their rows also feed the
 * bisection, so a resumed search takes the same path). The settings, the environment and a summary go to
 * {@link RunInfo} beside the results.
 */
public final class Sweep {

    /**
     * How to run.
     *
     * @param results     the results CSV
     * @param resume      continue an existing results file, skipping its finished trials
     * @param force       overwrite an existing results file
     * @param shard       the part of the plan to run
     * @param progress    show a progress bar on the log stream
     * @param stopAfter   run at most this many new trials, then stop as if interrupted (negative: no limit)
     * @param workerClassPath the worker JVMs' class path
     * @param log         where warnings, the progress bar and the summary go
     */
    public record Settings(Path results, boolean resume, boolean force, Shard shard, boolean progress, long stopAfter,
                           String workerClassPath, PrintStream log) {

        /** @return settings for a results file: whole sweep, fresh file, this JVM's class path, stderr */
        public static Settings of(Path results) {
            return new Settings(results, false, false, Shard.ALL, false, -1, WorkerProcess.classPath(), System.err);
        }

        public Settings withResume(boolean r) {
            return new Settings(results, r, force, shard, progress, stopAfter, workerClassPath, log);
        }

        public Settings withForce(boolean f) {
            return new Settings(results, resume, f, shard, progress, stopAfter, workerClassPath, log);
        }

        public Settings withShard(Shard s) {
            return new Settings(results, resume, force, s, progress, stopAfter, workerClassPath, log);
        }

        public Settings withProgress(boolean p) {
            return new Settings(results, resume, force, shard, p, stopAfter, workerClassPath, log);
        }

        public Settings withStopAfter(long k) {
            return new Settings(results, resume, force, shard, progress, k, workerClassPath, log);
        }

        public Settings withWorkerClassPath(String cp) {
            return new Settings(results, resume, force, shard, progress, stopAfter, cp, log);
        }

        public Settings withLog(PrintStream l) {
            return new Settings(results, resume, force, shard, progress, stopAfter, workerClassPath, l);
        }
    }

    /**
     * What a run did.
     *
     * @param reused          trials found finished in the results file and not run again
     * @param executed        the keys of the trials run now, in the order they finished
     * @param outcomes        the outcomes of the trials run now
     * @param skippedProblems problems that could not be built (named in the log)
     * @param workerStarts    worker JVMs started (one per job, plus one per timeout or crash)
     * @param breakingPoints  {@code solver n=N: verdict} for each finished search
     * @param interrupted     stopped by {@code stopAfter} before the plan was done
     * @param elapsed         wall time
     */
    public record Summary(long reused, List<String> executed, Map<Outcome, Long> outcomes, int skippedProblems,
                          int workerStarts, List<String> breakingPoints, boolean interrupted, Duration elapsed) {
    }

    private final SweepConfig config;
    private final SweepPlan plan;
    private final Settings settings;
    private final References references = new References();
    private final Map<String, TrialRecord> done = new ConcurrentHashMap<>();
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final Map<Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final List<String> breakingPoints = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong budget;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicInteger skippedProblems = new AtomicInteger();
    private ResultsCsv.Appender csv;
    private ProgressBar progress;

    public Sweep(SweepConfig config, SweepPlan plan, Settings settings) {
        this.config = config;
        this.plan = plan;
        this.settings = settings;
        this.budget = new AtomicLong(settings.stopAfter() < 0 ? Long.MAX_VALUE : settings.stopAfter());
    }

    /** Signals that the trial budget ({@link Settings#stopAfter}) is spent. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * Runs the sweep and returns what it did, holding the results file's lock ({@link ResultsLock}) throughout.
     *
     * @throws IllegalArgumentException when another sweep writes the same file, the file exists without
     *                                  {@code resume}/{@code force}, or {@code resume} meets other settings
     *                                  without {@code force}
     */
    public Summary run() {
        try (ResultsLock lock = ResultsLock.acquire(settings.results())) {
            return runLocked();
        }
    }

    private Summary runLocked() {
        long start = System.nanoTime();
        Path file = settings.results();
        prepare(file);
        RunInfo info = RunInfo.start(config, settings.shard(), plan);
        info.write(RunInfo.pathFor(file));
        Path workerLog = RunInfo.workerLogFor(file);
        List<String> jvmArgs = new ArrayList<>(config.execution().workerJvmArgs());
        if (io.paritybench.harness.external.ExternalSolvers.file() != null) {
            jvmArgs.add("-D" + io.paritybench.harness.external.ExternalSolvers.PROPERTY + "="
                    + io.paritybench.harness.external.ExternalSolvers.file());
        }
        List<String> command = WorkerProcess.command(jvmArgs, settings.workerClassPath());
        int jobs = Math.min(config.execution().jobs(), Runtime.getRuntime().availableProcessors());
        if (jobs < config.execution().jobs()) {
            settings.log().println("sweep: " + jobs + " worker(s) instead of " + config.execution().jobs() + ": only " + jobs
                    + " processor(s) available, and more workers than cores would distort the times");
        }
        BlockingQueue<WorkerProcess> workers = new ArrayBlockingQueue<>(jobs);
        List<WorkerProcess> all = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            WorkerProcess w = new WorkerProcess(command, workerLog);
            all.add(w);
            workers.add(w);
        }
        List<SweepPlan.Group> groups = plan.groups(settings.shard());
        List<SweepPlan.Pair> pairs = plan.pairs(settings.shard());
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        csv = new ResultsCsv.Appender(file);
        progress = settings.progress() ? progressBar(groups, pairs) : null;
        try {
            List<Future<?>> futures = new ArrayList<>();
            // The searches are the longest tasks: start them first so that they do not finish last.
            for (SweepPlan.Pair p : pairs) {
                futures.add(pool.submit(() -> withWorker(workers, w -> search(p, w))));
            }
            for (SweepPlan.Group g : groups) {
                futures.add(pool.submit(() -> withWorker(workers, w -> group(g, w))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            try {
                // A thread still waiting on its worker wakes up interrupted, kills it and ends.
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (WorkerProcess w : all) {
                w.close();
            }
            if (progress != null) {
                progress.close();
            }
            csv.close();
            deleteIfEmpty(workerLog);
        }
        int starts = all.stream().mapToInt(WorkerProcess::starts).sum();
        Summary s = new Summary(reused.get(), List.copyOf(executed), counts(), skippedProblems.get(), starts,
                List.copyOf(breakingPoints), interrupted.get(), Duration.ofNanos(System.nanoTime() - start));
        info.finish(s).write(RunInfo.pathFor(file));
        return s;
    }

    /** @return the settings' fingerprint, with the content of the external solver definitions in use */
    static String fingerprint(SweepConfig config) {
        return config.fingerprint(io.paritybench.harness.external.ExternalSolvers.definitionsText());
    }

    private void prepare(Path file) {
        try {
            boolean exists = Files.exists(file) && Files.size(file) > 0;
            if (exists && settings.resume()) {
                RunInfo before = RunInfo.read(RunInfo.pathFor(file));
                boolean unknown = before == null || before.fingerprint() == null;
                String now = fingerprint(config);
                boolean changed = !unknown && !before.fingerprint().equals(now);
                if ((unknown || changed) && !settings.force()) {
                    throw new IllegalArgumentException(file + (unknown
                            ? " has no run record (" + RunInfo.pathFor(file) + "), so its settings are unknown"
                            : " was made with other settings (fingerprint " + before.fingerprint() + ", now "
                                    + now + ")")
                            + ": resume it with the same settings, write to another --out, or add --force to reuse "
                            + "its rows where the trial is the same");
                }
                if (unknown || changed) {
                    settings.log().println("sweep: warning: --force: " + file + " was made with "
                            + (unknown ? "unknown" : "other") + " settings; its rows are kept and reused where the "
                            + "trial is the same");
                }
                ResultsCsv.Contents c = ResultsCsv.read(file);
                for (TrialRecord r : c.rows()) {
                    done.put(r.key().id(), r);
                }
                if (c.dropped() > 0) {
                    settings.log().println("sweep: dropped " + c.dropped() + " torn or unreadable row(s) of " + file
                            + "; those trials run again");
                    ResultsCsv.writeAll(file, c.rows());
                }
            } else if (exists && settings.force()) {
                Files.delete(file);
            } else if (exists) {
                throw new IllegalArgumentException(file + " exists: use --resume to continue it or --force to "
                        + "start over");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private interface WorkerTask {
        void run(WorkerProcess w);
    }

    private static void withWorker(BlockingQueue<WorkerProcess> workers, WorkerTask task) {
        WorkerProcess w;
        try {
            w = workers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            task.run(w);
        } catch (Stopped s) {
            // the trial budget is spent: leave the rest of this task undone
        } finally {
            workers.add(w);
        }
    }

    /** Every solver on one problem. */
    private void group(SweepPlan.Group g, WorkerProcess worker) {
        RiskBudgetProblem built = build(g.problem());
        if (built != null && !built.measure().isVolatility()
                && references.of(g.problem(), built).kind() == ProblemReference.Kind.NO_SOLUTION) {
            skippedProblems.incrementAndGet();
            settings.log().println("sweep: skipped " + g.problem().id() + ": "
                    + references.of(g.problem(), built).note());
            built = null;
        }
        List<String> solvers = plan.solvers();
        for (int s = 0; s < solvers.size(); s++) {
            Trial t = new Trial(g.stage(), plan.ordinal(g, s), g.problem(), solvers.get(s), config.limits().tolerance(),
                    config.limits().maxIterations(), config.limits().timeLimit());
            if (built == null) {
                step();
                continue;
            }
            run(t, built, worker);
        }
    }

    /** One breaking-point search. */
    private void search(SweepPlan.Pair p, WorkerProcess worker) {
        double min = config.bisection().kappaMin();
        double max = config.bisection().kappaMax();
        double res = config.bisection().resolution();
        int intervals = Bisection.intervals(min, max, res);
        int seeds = config.bisection().seeds();
        AtomicInteger runs = new AtomicInteger();
        Bisection.Result r = Bisection.search(intervals, k -> {
            double kappa = Bisection.kappa(min, max, res, k);
            Bisection.Tally tally = new Bisection.Tally(seeds, config.bisection().success());
            for (int s = 1; s <= seeds && !tally.decided(); s++) {
                SweepProblem problem = new SweepProblem.Generated(config.bisection().family().spec(p.n(),
                        kappa, config.bisection().budgets(), s));
                RiskBudgetProblem built = build(problem);
                runs.incrementAndGet();
                if (built == null) {
                    tally.add(Outcome.EXCEPTION);
                    step();
                    continue;
                }
                Trial t = new Trial(Stage.BISECT, SweepPlan.ordinal(p, k, s - 1), problem, p.solverId(),
                        config.limits().tolerance(), config.limits().maxIterations(), config.limits().timeLimit());
                tally.add(run(t, built, worker).judgement().outcome());
            }
            return tally.verdict();
        }, k -> Bisection.kappa(min, max, res, k));
        breakingPoints.add(p.solverId() + " n=" + p.n() + ": " + r.describe());
        if (progress != null) {
            long unused = maxTrials(intervals, seeds) - runs.get();
            progress.maxHint(progress.getMax() - unused);
        }
    }

    private static long maxTrials(int intervals, int seeds) {
        int probes = 2 + (int) Math.ceil(Math.log(Math.max(2, intervals)) / Math.log(2));
        return (long) probes * seeds;
    }

    private RiskBudgetProblem build(SweepProblem problem) {
        try {
            return problem.build();
        } catch (RuntimeException e) {
            skippedProblems.incrementAndGet();
            settings.log().println("sweep: skipped " + problem.id() + ": cannot build it: " + e.getMessage());
            return null;
        }
    }

    /** Runs one trial, or returns its row from an earlier run. */
    private TrialRecord run(Trial t, RiskBudgetProblem built, WorkerProcess worker) {
        TrialRecord previous = done.get(t.key());
        if (previous != null) {
            reused.incrementAndGet();
            return previous;
        }
        if (budget.getAndDecrement() <= 0) {
            interrupted.set(true);
            throw new Stopped();
        }
        ProblemReference ref = references.of(t.problem(), built);
        double tau = ref.tolerance(config.criterion().solverTolerance(t.tolerance(), built));
        WorkerReply reply = worker.run(t.problem().id(), built, new WorkerProtocol.TrialRequest(t.solverId(), tau,
                t.maxIterations(), t.timeLimit().toNanos(), config.limits().watchdog().toNanos()),
                config.limits().watchdog());
        TrialRecord row = Classifier.classify(t, ref, built, tau, config.criterion(), reply);
        csv.append(row);
        done.put(row.key().id(), row);
        executed.add(row.key().id());
        outcomes.computeIfAbsent(row.judgement().outcome(), o -> new AtomicLong()).incrementAndGet();
        step();
        return row;
    }

    private void step() {
        if (progress != null) {
            progress.step();
        }
    }

    private ProgressBar progressBar(List<SweepPlan.Group> groups, List<SweepPlan.Pair> pairs) {
        int intervals = Bisection.intervals(config.bisection().kappaMin(), config.bisection().kappaMax(),
                config.bisection().resolution());
        long total = (long) groups.size() * plan.solvers().size()
                + pairs.size() * maxTrials(intervals, config.bisection().seeds());
        // Trials finished by an earlier run count as done from the start, so the ETA reflects the work left.
        long already = 0;
        for (SweepPlan.Group g : groups) {
            for (String s : plan.solvers()) {
                if (done.containsKey(Trial.key(g.stage(), g.problem().id(), s, config.limits().tolerance(),
                        config.limits().maxIterations(), config.limits().timeLimit()))) {
                    already++;
                }
            }
        }
        java.util.Set<String> searches = new java.util.HashSet<>();
        pairs.forEach(p -> searches.add(p.solverId() + "|" + p.n()));
        for (TrialRecord r : done.values()) {
            if (r.key().stage() == Stage.BISECT && searches.contains(r.key().solver() + "|" + r.key().n())) {
                already++;
            }
        }
        return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(settings.log())).setUpdateIntervalMillis(1000)
                .setMaxRenderedLength(100).startsFrom(Math.min(already, total), Duration.ZERO).build();
    }

    private Map<Outcome, Long> counts() {
        Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
        outcomes.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    private static void deleteIfEmpty(Path p) {
        try {
            if (Files.exists(p) && Files.size(p) == 0) {
                Files.delete(p);
            }
        } catch (IOException e) {
            // a leftover empty log is harmless
        }
    }

    /** @return one line per outcome class with its count, for the log */
    public static String describe(Summary s) {
        Map<String, Long> m = new LinkedHashMap<>();
        s.outcomes().forEach((k, v) -> m.put(k.name(), v));
        return String.format(Locale.ROOT, "%d trials run, %d reused from the results file, %s; %d worker JVM(s) started,"
                        + " %d problem(s) skipped; %.1f s%s", s.executed().size(), s.reused(), m, s.workerStarts(),
                s.skippedProblems(), s.elapsed().toNanos() / 1e9, s.interrupted() ? " (stopped early)" : "");
    }
}
