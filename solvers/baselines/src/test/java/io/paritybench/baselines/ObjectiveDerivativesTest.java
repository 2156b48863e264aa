package io.paritybench.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.ProblemGenerator;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradients and Jacobians handed to Hipparchus against central differences (step 1e-6, error O(h²)). */
class ObjectiveDerivativesTest {

    private static final double H = 1e-6;

    private static RiskBudgetProblem problem(long seed) {
        double[][] cov = ProblemGenerator.randomSpectrum(5, 50, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[5];
        for (int i = 0; i < 5; i++) {
            b[i] = 0.2 + rng.nextDouble();
        }
        return RiskBudgetProblem.normalising(cov, b);
    }

    private static double[] point(long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 100);
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
            x[i] = 0.1 + rng.nextDouble();
        }
        return x;
    }

    private static void checkGradient(TwiceDifferentiableFunction f, double[] x) {
        RealVector g = f.gradient(new ArrayRealVector(x));
        for (int k = 0; k < x.length; k++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += H;
            m[k] -= H;
            double fd = (f.value(new ArrayRealVector(p)) - f.value(new ArrayRealVector(m))) / (2 * H);
            assertThat(g.getEntry(k)).as("df/dx_%d", k).isCloseTo(fd, Offset.offset(1e-7 * (1 + Math.abs(fd))));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void leastSquaresGradient(long seed) {
        RiskBudgetProblem p = problem(seed);
        checkGradient(new GenericLeastSquares.Objective(Baselines.scaledCovariance(p), p.budgets()), point(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void volatilityGradientAndHessian(long seed) {
        RiskBudgetProblem p = problem(seed);
        GenericLogBarrier.Volatility f = new GenericLogBarrier.Volatility(Baselines.scaledCovariance(p), p.n());
        double[] x = point(seed);
        checkGradient(f, x);
        RealMatrix hess = f.hessian(new ArrayRealVector(x));
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += H;
            xm[k] -= H;
            RealVector gp = f.gradient(new ArrayRealVector(xp));
            RealVector gm = f.gradient(new ArrayRealVector(xm));
            for (int i = 0; i < x.length; i++) {
                double fd = (gp.getEntry(i) - gm.getEntry(i)) / (2 * H);
                assertThat(hess.getEntry(i, k)).as("d2f/dx_%d dx_%d", i, k)
                        .isCloseTo(fd, Offset.offset(1e-6 * (1 + Math.abs(fd))));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void logBudgetConstraintJacobian(long seed) {
        RiskBudgetProblem p = problem(seed);
        GenericLogBarrier.LogBudgetConstraint g = new GenericLogBarrier.LogBudgetConstraint(p.budgets(), -1.0);
        double[] x = point(seed);
        RealMatrix jac = g.jacobian(new ArrayRealVector(x));
        assertThat(jac.getRowDimension()).isEqualTo(p.n() + 1);
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += H;
            xm[k] -= H;
            RealVector vp = g.value(new ArrayRealVector(xp));
            RealVector vm = g.value(new ArrayRealVector(xm));
            for (int i = 0; i <= p.n(); i++) {
                double fd = (vp.getEntry(i) - vm.getEntry(i)) / (2 * H);
                assertThat(jac.getEntry(i, k)).as("dg_%d/dx_%d", i, k)
                        .isCloseTo(fd, Offset.offset(1e-7 * (1 + Math.abs(fd))));
            }
        }
        assertThat(g.getLowerBound().getEntry(0)).isEqualTo(-1.0);
    }
}
