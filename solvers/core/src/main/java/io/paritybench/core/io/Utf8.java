package io.paritybench.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Locates the first byte that is not valid UTF-8, for a one-line message (only run once decoding has failed). */
final class Utf8 {

    private Utf8() {
    }

    /** @return "UTF-16 (FF FE)" etc. when the bytes start with a UTF-16 or UTF-32 byte-order mark, else null */
    static String wideByteOrderMark(byte[] b) {
        int b0 = b.length > 0 ? b[0] & 0xFF : -1;
        int b1 = b.length > 1 ? b[1] & 0xFF : -1;
        if (b.length >= 4 && b0 == 0xFF && b1 == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE";
        }
        if (b.length >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32BE";
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return "UTF-16LE";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16BE";
        }
        return null;
    }

    /** @return "line L: not UTF-8 text: byte 0xE9 at byte offset K is not valid UTF-8" (offsets from 0) */
    static String describeFirstError(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            long line = 1;
            int b;
            while ((b = in.read()) >= 0) {
                long at = offset++;
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    }
                    continue;
                }
                int extra;
                int min;
                if (b >= 0xC2 && b <= 0xDF) {
                    extra = 1;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    extra = 2;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    extra = 3;
                    min = 0x10000;
                } else {
                    return message(line, b, at);
                }
                int cp = b & (0x3F >> extra);
                for (int k = 0; k < extra; k++) {
                    int c = in.read();
                    offset++;
                    if (c < 0 || (c & 0xC0) != 0x80) {
                        return message(line, b, at);
                    }
                    cp = (cp << 6) | (c & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return message(line, b, at);
                }
            }
            return "not UTF-8 text";
        } catch (IOException e) {
            return "not UTF-8 text (" + e.getMessage() + ")";
        }
    }

    private static String message(long line, int b, long offset) {
        return String.format(Locale.ROOT, "line %d: not UTF-8 text: byte 0x%02X at byte offset %d is not valid UTF-8"
                + " (save the file as UTF-8)", line, b, offset);
    }
}
