package io.paritybench.harness.sweep;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results file: one CSV row per trial ({@link TrialRecord}), with a header. Doubles are written with
 * {@link Double#toString} (they read back bit for bit), times with microsecond resolution. Rows are appended and
 * flushed one by one as trials finish, so an interrupted sweep loses at most the row being written; reading is
 * lenient about such a torn last row (see {@link #read}).
 */
public final class ResultsCsv {

    /** The columns, in file order. */
    public static final List<String> COLUMNS = List.of("key", "stage", "ordinal", "solver", "problem", "family", "n",
            "kappa", "budgets", "measure", "seed", "rho", "vol_ratio", "kappa_sigma", "kappa_w", "canc", "rrc_floor", "b_min",
            "ref_kind", "ref_crosscheck", "tolerance", "w_allowed", "outcome", "status", "iterations", "time_ms",
            "rrc_abs", "rrc_rel", "w_rel", "sum_err", "at_floor", "solver_residual", "message",
            "solver_ms");

    /** The columns of files written before {@code solver_ms} existed (still read; the column is then NaN). */
    private static final List<String> COLUMNS_WITHOUT_SOLVER_MS = COLUMNS.subList(0, COLUMNS.size() - 1);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private ResultsCsv() {
    }

    /** The rows of a file and how many torn or malformed rows were dropped. */
    public record Contents(List<TrialRecord> rows, int dropped) {
    }

    /**
     * Reads a results file. A row that does not parse, and a last row without its line end (torn by an
     * interruption: rows are written whole, line end included, so only the last one can be torn), is dropped and
     * counted; a file whose header is not {@link #COLUMNS} is rejected.
     */
    public static Contents read(Path file) {
        Contents c = parseAll(file);
        if (!c.rows().isEmpty() && !endsWithLineEnd(file) && lastLineParsed(file, c)) {
            List<TrialRecord> rows = new ArrayList<>(c.rows());
            rows.remove(rows.size() - 1);
            return new Contents(rows, c.dropped() + 1);
        }
        return c;
    }

    private static boolean endsWithLineEnd(Path file) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            if (len == 0) {
                return true;
            }
            f.seek(len - 1);
            return f.read() == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @return whether the last parsed row is the file's last line (and not an earlier row before a torn one) */
    private static boolean lastLineParsed(Path file, Contents c) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String last = lines.get(lines.size() - 1);
            return last.startsWith(csvField(c.rows().get(c.rows().size() - 1).key()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String csvField(String s) {
        return FORMAT.format(s);
    }

    private static Contents parseAll(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = FORMAT.parse(r)) {
            List<TrialRecord> rows = new ArrayList<>();
            int dropped = 0;
            boolean header = true;
            for (CSVRecord rec : p) {
                if (header) {
                    header = false;
                    if (!rec.toList().equals(COLUMNS) && !rec.toList().equals(COLUMNS_WITHOUT_SOLVER_MS)) {
                        throw new IllegalArgumentException(file + ": not a sweep results file (its header is not "
                                + String.join(",", COLUMNS) + ")");
                    }
                    continue;
                }
                try {
                    rows.add(parse(rec));
                } catch (RuntimeException e) {
                    dropped++;
                }
            }
            return new Contents(rows, dropped);
        } catch (IOException | UncheckedIOException e) {
            // A torn quoted field at the end makes the parser fail; salvage the complete lines.
            return readLineByLine(file);
        }
    }

    private static Contents readLineByLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<TrialRecord> rows = new ArrayList<>();
            int dropped = 0;
            for (int i = 1; i < lines.size(); i++) {
                try (CSVParser p = FORMAT.parse(new java.io.StringReader(lines.get(i)))) {
                    List<CSVRecord> recs = p.getRecords();
                    if (recs.size() != 1) {
                        throw new IllegalArgumentException("not one row");
                    }
                    rows.add(parse(recs.get(0)));
                } catch (IOException | RuntimeException e) {
                    dropped++;
                }
            }
            return new Contents(rows, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes a complete file (header and rows) atomically: to a temporary file, then renamed. */
    public static void writeAll(Path file, List<TrialRecord> rows) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                out.printRecord(COLUMNS);
                for (TrialRecord r : rows) {
                    out.printRecord(values(r));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Appends rows to a results file as they come, flushing each; thread-safe. */
    public static final class Appender implements AutoCloseable {
        private final CSVPrinter out;

        /** Opens a file for appending, writing the header first if the file is new or empty. */
        public Appender(Path file) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                boolean fresh = !Files.exists(file) || Files.size(file) == 0;
                Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                out = new CSVPrinter(w, FORMAT);
                if (fresh) {
                    out.printRecord(COLUMNS);
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot open for writing: " + e.getMessage(), e);
            }
        }

        /** Writes one row and flushes it to the file. */
        public synchronized void append(TrialRecord r) {
            try {
                out.printRecord(values(r));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a result row: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<String> values(TrialRecord r) {
        return List.of(r.key(), r.stage().label(), Long.toString(r.ordinal()), r.solver(), r.problem(), r.family(),
                Integer.toString(r.n()), num(r.kappa()), r.budgets(), r.measure(), r.seed() < 0 ? "" : Long.toString(r.seed()),
                num(r.rho()), num(r.volRatio()), num(r.kappaSigma()), num(r.kappaW()), num(r.cancellation()),
                num(r.rrcFloor()), num(r.budgetMin()), r.refKind(), num(r.refCrossCheck()), num(r.tolerance()),
                num(r.weightAllowance()), r.outcome().name(), r.status(), Integer.toString(r.iterations()),
                Double.isNaN(r.timeMs()) ? "" : String.format(Locale.ROOT, "%.3f", r.timeMs()), num(r.rrcAbs()),
                num(r.rrcRel()), num(r.wRel()), num(r.sumErr()), Boolean.toString(r.atFloor()),
                num(r.solverResidual()), r.message(), num(r.solverMs()));
    }

    private static TrialRecord parse(CSVRecord c) {
        if (c.size() != COLUMNS.size() && c.size() != COLUMNS_WITHOUT_SOLVER_MS.size()) {
            throw new IllegalArgumentException("row has " + c.size() + " fields, expected " + COLUMNS.size());
        }
        int i = 0;
        String key = c.get(i++);
        Stage stage = Stage.of(c.get(i++));
        long ordinal = Long.parseLong(c.get(i++));
        String solver = c.get(i++);
        String problem = c.get(i++);
        String family = c.get(i++);
        int n = Integer.parseInt(c.get(i++));
        double kappa = dbl(c.get(i++));
        String budgets = c.get(i++);
        String measure = c.get(i++);
        String seedText = c.get(i++);
        long seed = seedText.isEmpty() ? -1 : Long.parseLong(seedText);
        double rho = dbl(c.get(i++));
        double volRatio = dbl(c.get(i++));
        double kappaSigma = dbl(c.get(i++));
        double kappaW = dbl(c.get(i++));
        double canc = dbl(c.get(i++));
        double floor = dbl(c.get(i++));
        double bMin = dbl(c.get(i++));
        String refKind = c.get(i++);
        double cross = dbl(c.get(i++));
        double tol = dbl(c.get(i++));
        double allowed = dbl(c.get(i++));
        Outcome outcome = Outcome.valueOf(c.get(i++));
        String status = c.get(i++);
        int iterations = Integer.parseInt(c.get(i++));
        double time = dbl(c.get(i++));
        double rrc = dbl(c.get(i++));
        double rrcRel = dbl(c.get(i++));
        double wRel = dbl(c.get(i++));
        double sumErr = dbl(c.get(i++));
        String atFloor = c.get(i++);
        if (!atFloor.equals("true") && !atFloor.equals("false")) {
            throw new IllegalArgumentException("at_floor is '" + atFloor + "'");
        }
        double solverResidual = dbl(c.get(i++));
        String message = c.get(i++);
        double solverMs = i < c.size() ? dbl(c.get(i)) : Double.NaN;
        return new TrialRecord(key, stage, ordinal, solver, problem, family, n, kappa, budgets, measure, seed, rho,
                volRatio,
                kappaSigma, kappaW, canc, floor, bMin, refKind, cross, tol, allowed, outcome, status, iterations, time,
                rrc, rrcRel, wRel, sumErr, Boolean.parseBoolean(atFloor), solverResidual, message, solverMs);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static double dbl(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
