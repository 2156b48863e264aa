package io.paritybench.harness;

import java.io.IOException;
import java.io.Writer;

/** The output formats of {@code solve}. */
public enum OutputFormat {
    /** Machine-readable; doubles round-trip exactly. See {@link JsonReport}. */
    JSON,
    /** One row per asset: asset, weight, rrc, budget. See {@link CsvReport}. */
    CSV,
    /** Aligned text for reading. See {@link TableReport}. */
    TABLE;

    /** Writes the report in this format. */
    public void write(SolveReport report, Writer out) throws IOException {
        switch (this) {
            case JSON -> JsonReport.write(report, out);
            case CSV -> CsvReport.write(report, out);
            case TABLE -> TableReport.write(report, out);
            default -> throw new IllegalStateException(name());
        }
    }
}
