package io.paritybench.harness.sweep;

import picocli.CommandLine;

/** Runs {@code sweep} as its own process, so that a test can kill it. */
public final class SweepMain {

    private SweepMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SweepCommand()).execute(args));
    }
}
