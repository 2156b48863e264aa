package io.paritybench.jmh.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.paritybench.core.SolveStatus;
import io.paritybench.jmh.Verdict;
import java.util.List;

/**
 * One line of the benchmarks' side file: what JMH cannot aggregate, written by the benchmarks' set-up and tear-down
 * and read by the timing report, both through these records (Jackson databind; the {@code kind} field names the
 * record). Optional fields are null when absent and are not written; fields this version does not know are ignored.
 * JMH parameters ({@code kappa}, {@code seed}, {@code tol}, {@code cap}, {@code shape}) are kept as the text JMH was
 * given, since they identify the configuration in the JMH results.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SideRecord.Probe.class, name = "probe"),
    @JsonSubTypes.Type(value = SideRecord.Trial.class, name = "trial"),
    @JsonSubTypes.Type(value = SideRecord.FactorProbe.class, name = "factor-probe"),
    @JsonSubTypes.Type(value = SideRecord.FactorTrial.class, name = "factor-trial"),
    @JsonSubTypes.Type(value = SideRecord.TwoAsset.class, name = "two-asset"),
    @JsonSubTypes.Type(value = SideRecord.Conditioning.class, name = "conditioning")})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface SideRecord {

    /** @return NaN for null */
    static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /**
     * The configuration of a {@code SolverBenchmark} trial ({@code SolverBenchmark.config()} is their join).
     *
     * @param benchmark the benchmark class
     * @param config    the configuration key
     */
    record Config(String benchmark, String config, String solver, String family, int n, String kappa, String seed,
                  String tol, String cap) {
    }

    /**
     * The probe of a {@code SolverBenchmark} configuration (its set-up): the warm-up and the verdict on the cap.
     *
     * @param spec               the problem spec (of the first seed)
     * @param specs              every instance's spec, when the seed parameter lists several
     * @param prepared           whether the problem's conditioning was prepared before JMH started
     * @param achievableResidual the residual the harness accepts for this problem and tolerance
     * @param judgedSpec         the instance the verdict was made on, when several
     * @param coldSeconds        the first solve of the warm-up
     * @param probeSeconds       the judged (warm) solve
     * @param load               the 1-minute load average at the set-up
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Probe(String benchmark, String config, String solver, String family, int n, String kappa, String seed,
                 String tol, String cap, String spec, List<String> specs, Boolean prepared, Double achievableResidual,
                 Verdict verdict, String judgedSpec, Integer warmupSolves, Double coldSeconds, Double probeSeconds,
                 SolveStatus status, Long iterations, Double residual, String message, Double load)
            implements SideRecord {
        public Probe {
            specs = specs == null ? null : List.copyOf(specs);
        }

        /** @return a probe record with the configuration only (the verdict and the rest follow by {@code with}) */
        public static Probe of(Config c) {
            return new Probe(c.benchmark(), c.config(), c.solver(), c.family(), c.n(), c.kappa(), c.seed(), c.tol(),
                    c.cap(), null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** @return this record with the verdict and its explanation (a set-up that failed) */
        public Probe failed(Verdict v, String why) {
            return new Probe(benchmark, config, solver, family, n, kappa, seed, tol, cap, spec, specs, prepared,
                    achievableResidual, v, judgedSpec, warmupSolves, coldSeconds, probeSeconds, status, iterations,
                    residual, why, load);
        }
    }

    /**
     * The tear-down of a {@code SolverBenchmark} trial: the kernels timed in the same JVM after the measurement, the
     * load and steal over the trial, and the JVM.
     *
     * @param matvecSeconds    samples of one matrix–vector product in the solvers' loop shape
     * @param choleskySeconds  samples of one Cholesky factorisation (newton's own)
     * @param residualSeconds  samples of one residual check of the harness
     * @param stealShare       the steal share of the CPU time over the trial
     * @param gc               the garbage collectors, comma-separated
     * @param jit              the JIT compiler
     * @param jvmArgs          the JVM's input arguments
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Trial(String benchmark, String config, String solver, String family, int n, String kappa, String seed,
                 String tol, String cap, double[] matvecSeconds, double[] choleskySeconds, double[] residualSeconds,
                 Double loadStart, Double loadEnd, Double stealShare, Integer warmupSolves, Double coldSeconds,
                 Double probeSeconds, Boolean prepared, String gc, Long maxHeapBytes, String jit, String jvmArgs)
            implements SideRecord {
    }

    /**
     * The probe of a {@code FactorBenchmark} configuration.
     *
     * @param shape                     {@code NxK}
     * @param buildSeconds              building the factor-form problem
     * @param referenceSeconds          the reference solve (first fork only)
     * @param referenceCertified        whether the reference certified its answer
     * @param relWeightErrorVsReference max relative weight error of the probe's answer against the reference
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FactorProbe(String benchmark, String config, String solver, String shape, String tol, String cap,
                       String spec, Double buildSeconds, Double referenceSeconds, Boolean referenceCertified,
                       Verdict verdict, Integer warmupSolves, Double coldSeconds, Double probeSeconds,
                       SolveStatus status, Long iterations, Double residual, Double relWeightErrorVsReference,
                       String message, Double load) implements SideRecord {
    }

    /** The tear-down of a {@code FactorBenchmark} trial. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FactorTrial(String benchmark, String config, String solver, String shape, String tol, String cap,
                       Double loadStart, Double loadEnd, Double stealShare, Long maxHeapBytes) implements SideRecord {
    }

    /**
     * A {@code TwoAssetBenchmark} trial: its verdict, and after a timed trial the maxima of the errors over the grid,
     * each with the grid case where it occurred.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TwoAsset(String benchmark, String solver, String tol, String cap, Verdict verdict, String message,
                    Integer problems, Long solves, Long failed, Double maxWeightError, String maxWeightErrorCase,
                    Double maxConvergedWeightError, String maxConvergedWeightErrorCase,
                    Double maxConvergedWeightErrorOverAchievable, String maxConvergedWeightErrorOverAchievableCase,
                    Double maxResidual, String maxResidualCase) implements SideRecord {
        /** No record: every field null. */
        public static final TwoAsset NONE = new TwoAsset(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /**
     * The conditioning of one benchmark problem, computed once (before JMH starts) and read back by every trial.
     *
     * @param kappa         the family's κ(Σ) parameter
     * @param kappaSigma    κ(Σ) measured
     * @param kappaWeights  the componentwise condition number of the weights κ_w
     * @param cancellation  the cancellation factor of Σw
     * @param rrcFloorNaive the RRC error of the rounded reference evaluated in double
     * @param seconds       the time the generation and the reference took
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Conditioning(String family, int n, double kappa, Long seed, String spec, Boolean certified,
                        Double kappaSigma, Double kappaWeights, Double cancellation, Double rrcFloorNaive,
                        Double seconds) implements SideRecord {
    }
}
