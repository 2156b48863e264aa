package io.paritybench.core.generate;

import java.util.SplittableRandom;

/**
 * Seeded random variates with fully specified algorithms, so that a seed gives the same bits on every JVM: uniform
 * doubles from {@link SplittableRandom#nextDouble()} (SplitMix64), Gaussians by Marsaglia's polar method, Gamma by
 * Marsaglia and Tsang (2000), elementary functions from {@link StrictMath}. Not thread-safe: one instance per
 * generation.
 */
final class Draws {

    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    Draws(SplittableRandom rng) {
        this.rng = rng;
    }

    /** @return U(0, 1) */
    double uniform() {
        return rng.nextDouble();
    }

    /** @return an index uniform in [0, bound) */
    int index(int bound) {
        return rng.nextInt(bound);
    }

    /** @return N(0, 1), Marsaglia's polar method */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** @return Gamma(alpha, 1); for alpha < 1 via {@code Gamma(alpha + 1)·U^(1/alpha)} */
    double gamma(double alpha) {
        if (alpha < 1) {
            double g = gamma(alpha + 1);
            return g * StrictMath.pow(rng.nextDouble(), 1 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** @return a value log-uniform in [lo, hi] */
    double logUniform(double lo, double hi) {
        if (lo == hi) {
            return lo;
        }
        double a = StrictMath.log(lo);
        double b = StrictMath.log(hi);
        return StrictMath.exp(a + (b - a) * rng.nextDouble());
    }
}
