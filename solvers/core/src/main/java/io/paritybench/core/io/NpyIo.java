package io.paritybench.core.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} file (format versions 1–3) holding a 2-D float64 array in C order: {@code descr}
 * {@code '<f8'} or {@code '>f8'}, {@code fortran_order False}, {@code shape (rows, cols)}. No Java library for
 * this format on Maven Central is both small and maintained, so this is the minimal reader the format needs
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * the header is parsed once, then the data is streamed row by row into {@code double[]} rows (memory: the matrix
 * plus a 64 KiB buffer). Anything else is rejected with one line naming the file and the problem.
 */
public final class NpyIo {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyIo() {
    }

    /** @return whether the file name ends in {@code .npy} (any case) */
    public static boolean isNpy(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    /** Reads a 2-D float64 C-order array; the matrix has no names. */
    public static LabeledMatrix readMatrix(Path file) {
        String src = file.toString();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new CsvFormatException(src, "not a .npy file (no \\x93NUMPY magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long headerLen;
            if (major == 1) {
                headerLen = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            } else if (major == 2 || major == 3) {
                headerLen = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            } else {
                throw new CsvFormatException(src, ".npy format version " + major + " is not supported (1-3 are)");
            }
            if (headerLen > 1 << 20) {
                throw new CsvFormatException(src, ".npy header of " + headerLen + " bytes is implausible");
            }
            byte[] h = new byte[(int) headerLen];
            in.readFully(h);
            String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, src, "descr");
            ByteOrder order;
            if (descr.equals("<f8")) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (descr.equals(">f8")) {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new CsvFormatException(src, ".npy dtype '" + descr + "' is not float64 ('<f8' or '>f8'); "
                        + "save it with arr.astype(numpy.float64)");
            }
            if (group(FORTRAN, header, src, "fortran_order").equals("True")) {
                throw new CsvFormatException(src, ".npy array is in Fortran order; save it in C order "
                        + "(numpy.ascontiguousarray)");
            }
            String[] dims = group(SHAPE, header, src, "shape").split(",");
            int rows;
            int cols;
            try {
                rows = Integer.parseInt(dims[0].trim());
                cols = dims.length > 1 && !dims[1].isBlank() ? Integer.parseInt(dims[1].trim()) : -1;
            } catch (NumberFormatException e) {
                throw new CsvFormatException(src, ".npy shape (" + String.join(",", dims) + ") is not 2-D");
            }
            if (cols < 0 || (dims.length > 2 && !dims[2].isBlank())) {
                throw new CsvFormatException(src, ".npy array has shape (" + String.join(",", dims).trim()
                        + "); expected a 2-D array (rows, cols)");
            }
            double[][] m = new double[rows][cols];
            byte[] buf = new byte[Math.max(8, (1 << 16) / 8 * 8)];
            ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
            for (int i = 0; i < rows; i++) {
                double[] row = m[i];
                int j = 0;
                while (j < cols) {
                    int k = Math.min(cols - j, buf.length / 8);
                    in.readFully(buf, 0, 8 * k);
                    bb.clear();
                    bb.asDoubleBuffer().get(row, j, k);
                    j += k;
                }
            }
            return new LabeledMatrix(m, null);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(src, "file not found");
        } catch (EOFException e) {
            throw new CsvFormatException(src, ".npy file ends before its data does (truncated)");
        } catch (IOException e) {
            throw new CsvFormatException(src, "cannot read: " + e.getMessage());
        }
    }

    private static String group(Pattern p, String header, String src, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new CsvFormatException(src, ".npy header has no '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    /** Writes a 2-D float64 C-order array (format 1.0), for tests and tools. */
    public static void writeMatrix(Path file, double[][] m) throws IOException {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            out.write(MAGIC);
            out.write(1);
            out.write(0);
            out.writeShort(Short.reverseBytes((short) header.length()));
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            ByteBuffer bb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : m) {
                for (double v : row) {
                    bb.clear();
                    bb.putDouble(v);
                    out.write(bb.array());
                }
            }
        }
    }
}
