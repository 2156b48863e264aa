package io.paritybench.core.reference;

/**
 * Double-double numbers: an unevaluated sum {@code hi + lo} with {@code |lo| ≤ ulp(hi)/2}, about 106 significant
 * bits (unit roundoff ≈ 2^-104 for the operations here). Error-free transformations TwoSum (Knuth) and TwoProd
 * (via {@link Math#fma}); arithmetic after Joldes, Muller and Popescu, "Tight and rigorous error bounds for basic
 * building blocks of double-word arithmetic", ACM TOMS 44 (2017): addition (their Algorithm 6, relative error
 * ≤ 3u²), multiplication (Algorithm 12, ≤ 5u²), division by three quotient digits (Hida, Li and Bailey's QD
 * library), error a few u². Immutable; used outside the O(n²) kernels, which inline the same transformations.
 */
final class DoubleDouble {

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    final double hi;
    final double lo;

    DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    static DoubleDouble of(double v) {
        return new DoubleDouble(v, 0.0);
    }

    /** @return the normalised sum of two doubles with {@code |a| ≥ |b|} or a = 0 (Dekker's FastTwoSum) */
    static DoubleDouble fast(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** @return the exact sum {@code a + b} as a double-double (TwoSum) */
    static DoubleDouble sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    /** @return the exact product {@code a·b} as a double-double (TwoProd with fma) */
    static DoubleDouble product(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    DoubleDouble add(DoubleDouble b) {
        double s = hi + b.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b.hi - bb);
        double t = lo + b.lo;
        double tb = t - lo;
        double f = (lo - (t - tb)) + (b.lo - tb);
        e += t;
        double s2 = s + e;
        e = e - (s2 - s);
        e += f;
        double s3 = s2 + e;
        return new DoubleDouble(s3, e - (s3 - s2));
    }

    DoubleDouble add(double b) {
        double s = hi + b;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b - bb);
        e += lo;
        double s2 = s + e;
        return new DoubleDouble(s2, e - (s2 - s));
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble subtract(DoubleDouble b) {
        return add(b.negate());
    }

    DoubleDouble multiply(DoubleDouble b) {
        double p = hi * b.hi;
        double e = Math.fma(hi, b.hi, -p);
        e += hi * b.lo + lo * b.hi;
        double s = p + e;
        return new DoubleDouble(s, e - (s - p));
    }

    DoubleDouble multiply(double b) {
        double p = hi * b;
        double e = Math.fma(hi, b, -p);
        e += lo * b;
        double s = p + e;
        return new DoubleDouble(s, e - (s - p));
    }

    DoubleDouble divide(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = subtract(b.multiply(q1));
        double q2 = r.hi / b.hi;
        r = r.subtract(b.multiply(q2));
        double q3 = r.hi / b.hi;
        DoubleDouble q = fast(q1, q2);
        return q.add(q3);
    }

    DoubleDouble abs() {
        return hi < 0 || (hi == 0 && lo < 0) ? negate() : this;
    }

    /** @return the double nearest to {@code hi + lo} (hi, since the pair is normalised) */
    double doubleValue() {
        return hi;
    }

    @Override
    public String toString() {
        return hi + (lo >= 0 ? " + " : " - ") + Math.abs(lo);
    }
}
