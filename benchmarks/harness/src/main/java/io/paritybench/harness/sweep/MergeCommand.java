package io.paritybench.harness.sweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paritybench merge}: joins the results of sweep shards. */
@Command(name = "merge", sortOptions = false,
        description = {"Join sweep result files (the shards of a sweep, or repeated runs): rows deduplicated by trial "
                + "and sorted in the sweep's order. Fails if the inputs come from different settings or disagree on "
                + "a trial (other than on timing-dependent ones, which are reported)."},
        footer = {"", "Example:", "  paritybench merge --out results/sweep/sweep.csv results/sweep/sweep-shard-*-of-8.csv"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Merged results CSV (default results/sweep/sweep.csv).")
    Path out = Path.of("results", "sweep", "sweep.csv");

    @Option(names = "--force", description = "Overwrite an existing --out file.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Result CSVs to merge.")
    List<Path> inputs;

    @Override
    public Integer call() {
        if (!force && java.nio.file.Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists: give another --out, or --force to overwrite it");
        }
        ShardMerge.Result r = ShardMerge.merge(inputs);
        for (String w : r.warnings()) {
            System.err.println("merge: warning: " + w);
        }
        ShardMerge.write(r, out);
        System.err.printf("merge: %d rows from %d file(s), %d duplicate(s) dropped%n", r.rows().size(),
                inputs.size(), r.duplicates());
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
