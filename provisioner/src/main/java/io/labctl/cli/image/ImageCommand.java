package io.labctl.cli.image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labctl image ...}: the Spark images from dockerfiles/. */
@Command(name = "image",
        description = "Build the Ubuntu/OpenJDK/Hadoop/Spark base image and the master and worker images, and load them into a lab cluster.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl image build                        # base, master and worker, tagged 3.5.7",
            "  labctl image load --cluster lab1          # onto every node, no registry"},
        subcommands = {ImageBuildCommand.class, ImageLoadCommand.class})
public final class ImageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
