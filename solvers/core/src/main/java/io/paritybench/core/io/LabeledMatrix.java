package io.paritybench.core.io;

import java.util.List;

/**
 * A numeric matrix read from CSV with optional column names.
 *
 * @param values rows of numbers
 * @param names  column names from a header row, or null when the file had none
 */
public record LabeledMatrix(double[][] values, List<String> names) {
    public LabeledMatrix {
        names = names == null ? null : List.copyOf(names);
    }

    /** @return whether the file had a header row of names */
    public boolean hasNames() {
        return names != null;
    }
}
