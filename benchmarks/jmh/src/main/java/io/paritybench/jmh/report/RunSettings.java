package io.paritybench.jmh.report;

import java.util.List;

/**
 * How JMH ran one benchmark (from its JSON result).
 *
 * @param forks                 forked JVMs (0: in the host JVM)
 * @param warmupIterations      warm-up iterations per fork
 * @param warmupTime            duration of one warm-up iteration, as JMH prints it
 * @param measurementIterations measured iterations per fork
 * @param measurementTime       duration of one measured iteration
 * @param jvm                   path of the benchmark JVM
 * @param jvmArgs               the benchmark JVM's options
 * @param jdkVersion            JDK version
 * @param vmName                VM name
 * @param vmVersion             VM version
 * @param jmhVersion            JMH version
 */
public record RunSettings(int forks, int warmupIterations, String warmupTime, int measurementIterations,
                          String measurementTime, String jvm, List<String> jvmArgs, String jdkVersion, String vmName,
                          String vmVersion, String jmhVersion) {

    public RunSettings {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** @return e.g. {@code 1 fork × (2 × 1 s warm-up + 5 × 1 s measured)} */
    public String describe() {
        return forks + (forks == 1 ? " fork" : " forks") + " × (" + warmupIterations + " × " + warmupTime
                + " warm-up + " + measurementIterations + " × " + measurementTime + " measured)";
    }
}
