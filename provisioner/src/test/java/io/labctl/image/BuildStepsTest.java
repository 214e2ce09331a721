package io.labctl.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. Both builders' step lines, and lines that only look like them. */
class BuildStepsTest {
    @Test
    void classicBuilder() {
        assertThat(BuildSteps.parse("Step 3/9 : RUN apt-get update"))
                .contains(new BuildSteps.Step(3, 9, "RUN apt-get update"));
    }

    @Test
    void buildKit_withAndWithoutAStageName() {
        assertThat(BuildSteps.parse("#7 [base 3/9] RUN apt-get update")).contains(new BuildSteps.Step(3, 9, "RUN apt-get update"));
        assertThat(BuildSteps.parse("#5 [2/4] COPY spark /opt/spark")).contains(new BuildSteps.Step(2, 4, "COPY spark /opt/spark"));
    }

    @Test
    void otherLines_areNoSteps() {
        assertThat(BuildSteps.parse("#7 0.512 Get:1 http://deb.example/ubuntu jammy InRelease")).isEmpty();
        assertThat(BuildSteps.parse(" ---> Running in 5c3f0e")).isEmpty();
        assertThat(BuildSteps.parse("Step 99999999999/3 : RUN x")).isEmpty();
    }
}
