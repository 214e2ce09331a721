package io.labctl.cluster;

/** One reason a cluster cannot be created here, and what the user can do about it. */
public record PreflightProblem(String problem, String fix) {
    public String line() {
        return problem + " (fix: " + fix + ")";
    }
}
