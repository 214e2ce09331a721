package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class UploadedAppStepTest {

    private static Pod submitted(JobPodConfig config) {
        return new SubmitArgsStep().apply(new BaseJobPodStep().apply(new Pod(), config), config);
    }

    @Test
    void appInTheImage_isANoOp() {
        Pod before = submitted(JobPodConfigs.defaults());
        assertThat(new UploadedAppStep().apply(before, JobPodConfigs.defaults())).isSameAs(before);
    }

    @Test
    void uploadedApp_getsAVolumeAndWaitsForTheMarker() {
        Pod before = submitted(JobPodConfigs.uploaded());
        Pod pod = new UploadedAppStep().apply(before, JobPodConfigs.uploaded());
        List<String> args = pod.getSpec().getContainers().get(0).getArgs();
        List<String> expectedArgs = new ArrayList<>(args.subList(0, 4));
        expectedArgs.addAll(before.getSpec().getContainers().get(0).getArgs());
        assertThat(pod).isEqualTo(new PodBuilder(before).editSpec()
                .addNewVolume().withName("app").withNewEmptyDir().endEmptyDir().endVolume()
                .editFirstContainer().addNewVolumeMount().withName("app").withMountPath("/opt/labctl/app").endVolumeMount()
                .withArgs(expectedArgs).endContainer().endSpec().build());
        assertThat(args.subList(0, 2)).containsExactly("sh", "-c");
        assertThat(args.get(2)).contains("[ ! -f /opt/labctl/app/.uploaded ]").contains("$$((i+1))").endsWith("exec \"$@\"");
    }
}
