package io.labctl.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lock kubectl (client-go) takes around a read-modify-write of a kubeconfig: {@code FILE.lock}, created
 * exclusively, removed when done. Taking the same lock the same way means labctl and a concurrent {@code kubectl
 * config set-context} never lose each other's change. A lock another program holds is waited for a short while,
 * then reported; a stale one (left by a killed process) is the user's to remove, as with kubectl.
 */
public final class ExclusiveLockFile implements AutoCloseable {
    private final Path lock;

    private ExclusiveLockFile(Path lock) {
        this.lock = lock;
    }

    /** The lock file of {@code file}: {@code FILE.lock} beside it. */
    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code file}, waiting up to {@code waitMillis} for another holder.
     *
     * @throws LabctlException PRECONDITION when it is still held, naming the lock file
     */
    public static ExclusiveLockFile acquire(Path file, long waitMillis) {
        Path lock = lockFileOf(file.toAbsolutePath());
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            try {
                Files.createDirectories(lock.getParent());
                Files.createFile(lock);
                return new ExclusiveLockFile(lock);
            } catch (FileAlreadyExistsException held) {
                if (System.nanoTime() >= deadline) {
                    throw new LabctlException(ExitCode.PRECONDITION, file + " is being changed by another program: "
                            + lock + " exists", "wait for the other kubectl or labctl command to finish; if none is"
                            + " running, a crashed one left the lock behind: rm " + lock);
                }
                sleep();
            } catch (IOException e) {
                throw new LabctlException(ExitCode.PRECONDITION, "cannot create " + lock + ": " + e.getMessage(),
                        "check the folder's permissions", e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted waiting for a lock", null, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot remove " + lock + ": " + e.getMessage(),
                    "remove it by hand, or kubectl will refuse to change the file", e);
        }
    }
}
