package io.paritybench.harness;

import java.io.PrintStream;

/**
 * Keeps a solver from ending the JVM with a misleading exit code. While installed, a shutdown hook stands by: if the
 * JVM starts to shut down before {@link #remove()} (a solver, typically a plug-in, called {@code System.exit}), the
 * hook prints one line "internal error in solver X: it ended the JVM before returning its result" and halts with
 * {@link ExitCodes#INTERNAL_ERROR}, whatever code the solver passed. {@code Runtime.halt} from a shutdown hook ends
 * the JVM at once, so the solver's own exit code never reaches the caller. Only a {@code Runtime.halt} in the
 * solver itself (or a signal) escapes this.
 */
final class ExitGuard {

    private final Thread hook;

    private ExitGuard(Thread hook) {
        this.hook = hook;
    }

    /** @return an installed guard for one solve of {@code solverId} */
    static ExitGuard install(String command, String solverId) {
        PrintStream err = System.err;
        Thread hook = new Thread(() -> {
            err.println(command + ": internal error in solver " + solverId
                    + ": it ended the JVM (System.exit) before returning its result; nothing was written");
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
        }, "solve-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ExitGuard(hook);
    }

    /** Stands the guard down (the solve returned, or failed in a way already reported). */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and reports
        }
    }
}
