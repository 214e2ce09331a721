package io.labctl.cluster;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Images in the local Docker engine, on their way to a cluster's nodes: whether they are there, and one
 * {@code docker save} archive of them that providers copy onto their nodes.
 */
public final class LocalImages {
    public static final Duration STEP_TIMEOUT = Duration.ofMinutes(15);

    private final ProcessRunner runner;

    public LocalImages(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Whether the local Docker engine has the image. */
    public boolean present(String image) {
        return runner.find("docker").isPresent() && runner.run(Command.of("docker", "image", "inspect", "--format",
                "{{.Id}}", image).withTimeout(Duration.ofMinutes(1))).succeeded();
    }

    /** Fails before anything is copied when an image was never built. */
    public void requirePresent(List<String> images) {
        for (String image : images) {
            if (!present(image)) {
                throw LabctlException.notFound("image " + image + " is not in the local Docker engine",
                        "build it first: labctl image build --tag " + image.substring(image.lastIndexOf(':') + 1));
            }
        }
    }

    /** {@code docker save} of the images into a temporary archive; the caller deletes it with {@link #delete}. */
    public Path save(List<String> images, Progress progress) {
        try {
            Path archive = Files.createTempFile("labctl-images-", ".tar");
            List<String> args = new ArrayList<>(List.of("docker", "save", "-o", archive.toString()));
            args.addAll(images);
            run(progress, args.toArray(String[]::new));
            return archive;
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot create a temporary archive: " + e.getMessage(),
                    "check free space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Runs one step of a load, printing it as the command a user would type. */
    public void run(Progress progress, String... arguments) {
        Command command = Command.of(arguments).withTimeout(STEP_TIMEOUT);
        progress.step(command.display());
        runner.runChecked(command, ExitCode.PRECONDITION, "see the message above");
    }

    public static void delete(Path archive) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }
}
