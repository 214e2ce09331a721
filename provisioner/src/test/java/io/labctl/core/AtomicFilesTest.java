package io.labctl.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (files in a temporary folder). */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void write_existingFile_isReplaced_andKeepsItsMode_newFileGetsTheGivenMode() throws IOException {
        Path existing = Files.writeString(dir.resolve("report.json"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.write(existing, AtomicFiles.OWNER_ONLY, out -> out.write("new"));
        AtomicFiles.write(dir.resolve("fresh.json"), AtomicFiles.OWNER_ONLY, out -> out.write("fresh"));

        assertThat(existing).hasContent("new");
        assertThat(mode(existing)).isEqualTo("rw-r--r--");
        assertThat(mode(dir.resolve("fresh.json"))).isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("report.json", "fresh.json");
        }
    }

    @Test
    void writeWithMode_forcesTheModeOnAnExistingFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("kubeconfig"), "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.writeWithMode(secret, AtomicFiles.OWNER_ONLY, out -> out.write("keys"));

        assertThat(mode(secret)).isEqualTo("rw-------");
    }

    @Test
    void write_overALinkOrAFolder_isRefused_andNothingChanges() throws IOException {
        Path target = Files.writeString(dir.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Path folder = Files.createDirectories(dir.resolve("folder"));

        assertThatThrownBy(() -> AtomicFiles.write(link, AtomicFiles.OWNER_ONLY, out -> out.write("x")))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a symbolic link, not a regular file");
        assertThatThrownBy(() -> AtomicFiles.write(folder, AtomicFiles.OWNER_ONLY, out -> out.write("x")))
                .hasMessageContaining("is a directory");
        assertThat(link).isSymbolicLink();
        assertThat(target).hasContent("keep");
        assertThat(AtomicFiles.notRegular(dir.resolve("absent"))).isEmpty();
        assertThat(AtomicFiles.notRegular(target)).isEmpty();
    }

    @Test
    void write_bodyFails_leavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("class.csv"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, out -> {
            out.write("half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old");
        try (var left = Files.list(dir)) {
            assertThat(left).hasSize(1);
        }
    }

    @Test
    void followLinks_resolvesRelativeChains_danglingEndsAreTheFileToCreate_loopsFail() throws IOException {
        Path real = dir.resolve("real/config");
        Files.createDirectories(real.getParent());
        Files.createSymbolicLink(dir.resolve("b"), Path.of("real/config"));
        Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));

        assertThat(AtomicFiles.followLinks(a)).isEqualTo(real.toAbsolutePath());
        assertThat(AtomicFiles.followLinks(dir.resolve("plain"))).isEqualTo(dir.resolve("plain").toAbsolutePath());
        assertThatThrownBy(() -> AtomicFiles.followLinks(dir.resolve("loop1")))
                .hasMessageContaining("too many levels of symbolic links");
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
