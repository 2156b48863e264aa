package io.paritybench.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and one-line messages. Bad input ({@link InputException},
 * {@link IllegalArgumentException} including the core's {@code InvalidProblemException} and
 * {@code CsvFormatException}, I/O errors) and usage errors give {@link ExitCodes#BAD_INPUT} and exactly one line on
 * stderr, without a stack trace. Anything else is a bug: {@link ExitCodes#INTERNAL_ERROR} with the stack trace.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String msg = oneLine(ex.getMessage()).replaceFirst("^Error: ", "");
        cmd.getErr().println(name + ": " + msg + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (isBadInput(ex)) {
            err.println(name + ": " + oneLine(ex.getMessage()));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println(name + ": internal error: " + oneLine(String.valueOf(ex)));
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof InputException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException || ex instanceof IOException;
    }

    /** @return the message on one line (line breaks become "; ") */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
