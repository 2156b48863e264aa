package io.paritybench.core.io;

import io.paritybench.core.InvalidProblemException;

/** A malformed CSV file; the message names the file, line and column. */
public class CsvFormatException extends InvalidProblemException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String source, long line, int column, String problem) {
        super(source + ": line " + line + (column > 0 ? ", column " + column : "") + ": " + problem);
    }

    public CsvFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
