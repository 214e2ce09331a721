package io.labctl.grading;

import io.labctl.core.LabctlException;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.files.ManifestValidator;
import io.labctl.grading.files.Submission;
import io.labctl.grading.files.SubmissionArchive;
import io.labctl.grading.live.ClusterConnection;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeTarget;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grades one student: opens their cluster (when live checks are selected and a cluster is given),
 * reads their submission folder, runs the {@link Grader}, and closes the connection.
 */
public final class StudentGrading {
    private final KubeConnector connector;
    private final Grader grader;
    private final ManifestValidator validator;

    public StudentGrading(KubeConnector connector, Clock clock) {
        this(connector, new Grader(clock));
    }

    /** With a grader of its own (unit tests grade with in-memory check types). */
    StudentGrading(KubeConnector connector, Grader grader) {
        this(connector, grader, null);
    }

    private StudentGrading(KubeConnector connector, Grader grader, ManifestValidator validator) {
        this.connector = connector;
        this.grader = grader;
        this.validator = validator;
    }

    /** The same grading, with submitted manifests validated by {@code validator} (--validate-on CONTEXT). */
    public StudentGrading validatingWith(ManifestValidator validator) {
        return new StudentGrading(connector, grader, validator);
    }

    /**
     * @param cluster    the student's cluster, or null for none
     * @param submission the student's folder, .zip or .tar.gz, or null for none
     */
    public GradeReport grade(String student, Lab lab, Map<String, String> vars, Grader.Selection selection,
                             KubeTarget cluster, Path submission) {
        Submission files = null;
        String noFiles = null;
        List<SubmissionArchive> unpacked = new ArrayList<>();
        if (selection.targets().stream().anyMatch(CheckTarget::needsFiles)) {
            if (submission == null) {
                noFiles = "no submission folder given (--submission DIR)";
            } else {
                try {
                    files = Submission.open(submission, unpacked::add);
                } catch (LabctlException e) {
                    noFiles = e.getMessage();
                }
            }
        }
        try {
            return grade(student, lab, vars, selection, cluster, files, noFiles);
        } finally {
            unpacked.forEach(SubmissionArchive::close);
        }
    }

    private GradeReport grade(String student, Lab lab, Map<String, String> vars, Grader.Selection selection,
                              KubeTarget cluster, Submission files, String noFiles) {
        if (cluster == null || selection.targets().stream().noneMatch(CheckTarget::needsCluster)) {
            GradingContext context = lend(GradingContext.of(null, "no cluster given (--kubeconfig/--context)", files,
                    noFiles));
            return grader.grade(student, lab, vars, selection, context, null);
        }
        try (ClusterConnection connection = ClusterConnection.open(connector, cluster)) {
            GradingContext context = lend(GradingContext.of(connection.cluster(), connection.unavailable(), files,
                    noFiles));
            return grader.grade(student, lab, vars, selection, context, connection.clusterUid());
        }
    }

    private GradingContext lend(GradingContext context) {
        return validator == null ? context : context.with(ManifestValidator.class, validator);
    }
}
