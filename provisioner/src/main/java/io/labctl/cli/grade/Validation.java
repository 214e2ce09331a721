package io.labctl.cli.grade;

import io.labctl.cli.Cli;
import io.labctl.grading.StudentGrading;
import io.labctl.grading.files.ServerSideValidator;
import io.labctl.kube.KubeSession;
import io.labctl.kube.KubeTarget;

/**
 * {@code --validate-on CONTEXT}: a session to the API server that validates the submitted YAML, open for the whole
 * run (one client for every student) and closed after it; without the option, nothing to open.
 */
final class Validation implements AutoCloseable {
    private final KubeSession session;
    private final String context;

    private Validation(KubeSession session, String context) {
        this.session = session;
        this.context = context;
    }

    static Validation open(Cli cli, String context) {
        if (context == null) {
            return new Validation(null, null);
        }
        return new Validation(cli.connector().connect(new KubeTarget(cli.options().kubeconfigFile(), context, null)),
                context);
    }

    StudentGrading apply(StudentGrading grading) {
        return session == null ? grading : grading.validatingWith(new ServerSideValidator(session.client(), context));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
