package io.labctl.cluster;

/**
 * One reason a cluster cannot be created here, and what the user can do about it.
 *
 * @param hostLacksProvider true when this host cannot run the provider at all (no engine, tool not installed): the
 *                          error then also names the other providers
 */
public record PreflightProblem(String problem, String fix, boolean hostLacksProvider) {

    public PreflightProblem(String problem, String fix) {
        this(problem, fix, false);
    }

    /** The host lacks what the provider needs (Docker, minikube, vagrant...). */
    public static PreflightProblem providerUnavailable(String problem, String fix) {
        return new PreflightProblem(problem, fix, true);
    }

    public String line() {
        return problem + " (fix: " + fix + ")";
    }
}
