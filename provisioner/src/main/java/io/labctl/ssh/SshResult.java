package io.labctl.ssh;

/** A remote command's exit status and output. */
public record SshResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
