package io.paritybench.harness.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Joins the results of several shards (or of repeated runs) into one file: rows deduplicated by trial key and sorted
 * into the canonical order (stage, then ordinal), so the shards of a sweep merge into the same rows as the
 * unsharded run. Checks consistency: every input must come from the same settings (fingerprints in the
 * {@code .run.json} files), and a trial present twice must have the same result in both apart from its time; the
 * only tolerated difference is on a timing-dependent trial (a timeout or a time-limit status), where the first is
 * kept and a warning given.
 */
public final class ShardMerge {

    /** Canonical row order. */
    public static final Comparator<TrialRecord> ORDER = Comparator.comparing((TrialRecord r) -> r.key().stage())
            .thenComparingLong(r -> r.key().ordinal()).thenComparing(r -> r.key().id());

    private ShardMerge() {
    }

    /**
     * The merged rows.
     *
     * @param rows       deduplicated, in canonical order
     * @param duplicates rows dropped as duplicates
     * @param warnings   what the user should know (missing shards, torn rows, timing-dependent disagreements)
     * @param info       the merged run information
     */
    public record Result(List<TrialRecord> rows, int duplicates, List<String> warnings, RunInfo info) {
    }

    /** Merges result files; throws {@link IllegalArgumentException} on inconsistent inputs. */
    public static Result merge(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, TrialRecord> rows = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        List<RunInfo> shardInfos = new ArrayList<>();
        String fingerprint = null;
        Path fingerprintFile = null;
        Map<String, String> config = null;
        TreeSet<Integer> shardIndexes = new TreeSet<>();
        TreeSet<Integer> shardCounts = new TreeSet<>();
        int duplicates = 0;
        for (Path in : inputs) {
            RunInfo info = RunInfo.read(RunInfo.pathFor(in));
            if (info == null) {
                warnings.add(in + ": no " + RunInfo.pathFor(in).getFileName() + "; its settings cannot be checked");
            } else {
                String fp = info.fingerprint();
                if (fingerprint == null) {
                    fingerprint = fp;
                    fingerprintFile = in;
                    config = info.config();
                } else if (fp != null && !fp.equals(fingerprint)) {
                    throw new IllegalArgumentException("the inputs come from different sweep settings: " + in
                            + " has fingerprint " + fp + ", " + fingerprintFile + " has " + fingerprint);
                }
                String s = info.shard();
                if (s != null) {
                    try {
                        Shard sh = Shard.parse(s);
                        shardIndexes.add(sh.index());
                        shardCounts.add(sh.count());
                    } catch (IllegalArgumentException e) {
                        warnings.add(in + ": unreadable shard '" + s + "'");
                    }
                }
                shardInfos.add(info.asShardOf(in.getFileName().toString()));
            }
            ResultsCsv.Contents c = ResultsCsv.read(in);
            if (c.dropped() > 0) {
                warnings.add(in + ": dropped " + c.dropped() + " torn or unreadable row(s)");
            }
            for (TrialRecord r : c.rows()) {
                TrialRecord first = rows.get(r.key().id());
                if (first == null) {
                    rows.put(r.key().id(), r);
                    origin.put(r.key().id(), in);
                    continue;
                }
                duplicates++;
                if (!first.withoutTiming().equals(r.withoutTiming())) {
                    String what = "trial " + r.key().id() + ": " + origin.get(r.key().id()) + " has " + describe(first) + ", "
                            + in + " has " + describe(r);
                    if (first.timingDependent() || r.timingDependent()) {
                        warnings.add("timing-dependent " + what + "; kept the first");
                    } else {
                        throw new IllegalArgumentException("inconsistent results for " + what);
                    }
                }
            }
        }
        if (shardCounts.size() > 1) {
            warnings.add("the inputs are shards of different splits: " + shardCounts);
        } else if (shardCounts.size() == 1) {
            int count = shardCounts.first();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (!shardIndexes.contains(i)) {
                    missing.add(i + "/" + count);
                }
            }
            if (!missing.isEmpty()) {
                warnings.add("missing shard(s): " + String.join(", ", missing));
            }
        }
        List<TrialRecord> sorted = new ArrayList<>(rows.values());
        sorted.sort(ORDER);
        RunInfo merged = RunInfo.merged(fingerprint, inputs.stream().map(p -> p.getFileName().toString()).toList(),
                config, shardInfos);
        return new Result(sorted, duplicates, warnings, merged);
    }

    /** Writes the merged rows and run information. */
    public static void write(Result r, Path out) {
        ResultsCsv.writeAll(out, r.rows());
        r.info().write(RunInfo.pathFor(out));
    }

    private static String describe(TrialRecord r) {
        return r.judgement().outcome() + (r.result().status() == null ? "" : " (" + r.result().status() + ")") + ", rrc_abs " + r.judgement().rrcAbs()
                + ", w_rel " + r.judgement().wRel() + ", iterations " + r.result().iterations();
    }
}
