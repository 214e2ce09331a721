package io.labctl.kube;

import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class TolerationsTest {

    @Test
    void keyValueEffect_isAnEqualToleration() {
        assertThat(Tolerations.parse("--toleration", "kwok.x-k8s.io/node=fake:NoSchedule")).isEqualTo(new TolerationBuilder()
                .withKey("kwok.x-k8s.io/node").withOperator("Equal").withValue("fake").withEffect("NoSchedule").build());
    }

    @Test
    void keyEffect_isAnExistsToleration() {
        assertThat(Tolerations.parse("--toleration", "nvidia.com/gpu:NoExecute")).isEqualTo(new TolerationBuilder()
                .withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoExecute").build());
    }

    @Test
    void missingEffect_isRejected() {
        assertThatThrownBy(() -> Tolerations.parse("--toleration", "key=value")).hasMessageContaining("is not KEY[=VALUE]:EFFECT");
    }
}
