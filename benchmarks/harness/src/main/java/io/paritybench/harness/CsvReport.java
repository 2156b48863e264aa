package io.paritybench.harness;

import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV form of a {@link SolveReport}: a header {@code asset,weight,rrc,budget}, then one row per asset. Numbers
 * are written with {@code %.17g} ({@link CsvIo#format}), which reads back bit for bit. The status is not in the file;
 * the exit code (and a line on stderr) says whether the solve converged.
 */
public final class CsvReport {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private CsvReport() {
    }

    /** Writes the header and one row per asset. */
    public static void write(SolveReport r, Writer out) throws IOException {
        double[] w = r.weights();
        double[] rrc = r.riskContributions();
        double[] b = r.budgets();
        CSVPrinter p = new CSVPrinter(out, FORMAT);
        p.printRecord("asset", "weight", "rrc", "budget");
        for (int i = 0; i < w.length; i++) {
            p.printRecord(r.assets().get(i), CsvIo.format(w[i]), CsvIo.format(rrc[i]), CsvIo.format(b[i]));
        }
        p.flush();
    }
}
