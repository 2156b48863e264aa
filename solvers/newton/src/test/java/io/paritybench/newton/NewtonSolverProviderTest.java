package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.Solvers;
import org.junit.jupiter.api.Test;

class NewtonSolverProviderTest {

    @Test
    void bothSolversAreFoundByIdThroughTheServiceLoader() {
        assertThat(Solvers.byId("newton")).isInstanceOf(LogBarrierNewton.class);
        assertThat(Solvers.byId("newton-cg")).isInstanceOf(TruncatedNewtonCg.class);
        assertThat(new NewtonSolverProvider().solvers()).extracting(s -> s.id())
                .containsExactly(LogBarrierNewton.ID, TruncatedNewtonCg.ID);
    }
}
