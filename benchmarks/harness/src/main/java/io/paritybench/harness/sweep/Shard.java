package io.paritybench.harness.sweep;

/**
 * A deterministic part of a sweep: shard {@code index} of {@code count} takes the problems (and the bisection's
 * solver × n pairs) whose position in the plan is {@code index} modulo {@code count}. Indices start at 0, like the
 * task ids of a job array ({@code --shard $SLURM_ARRAY_TASK_ID/N}). The same plan on any machine gives the same
 * split, so the shards partition the sweep exactly.
 *
 * @param index 0-based, below {@code count}
 * @param count number of shards
 */
public record Shard(int index, int count) {

    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** @return the shard of {@code I/N} */
    public static Shard parse(String s) {
        String[] parts = s.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard: expected I/N with 0 <= I < N (for example 2/8), got '" + s
                    + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: expected I/N with 0 <= I < N (for example 2/8), got '" + s
                    + "'");
        }
    }

    /** @return whether the item at this position of the plan belongs to the shard */
    public boolean includes(long position) {
        return Math.floorMod(position, (long) count) == index;
    }

    /** @return whether this is the whole sweep */
    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
