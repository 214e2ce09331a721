package io.labctl.spark.nativemode;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessResult;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.KubeSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * spark-submit from this machine (pip's pyspark or a Spark distribution), with the same kubeconfig and context
 * labctl uses; the executor pod template, when there is one, is written to a temporary file for it.
 */
final class HostSubmission implements SubmissionStrategy {
    private final KubeSession session;
    private final ProcessRunner runner;
    private final Progress progress;

    HostSubmission(KubeSession session, ProcessRunner runner, Progress progress) {
        this.session = session;
        this.runner = runner;
        this.progress = progress;
    }

    @Override
    public String where() {
        return "host";
    }

    @Override
    public String submit(NativeSubmitRequest r, Duration timeout) {
        Path template = null;
        try {
            if (!r.executorTolerations().isEmpty()) {
                template = Files.createTempFile("labctl-executor-template-", ".yaml");
                Files.writeString(template, NativeNamespace.templateConfigMap(r).orElseThrow().getData()
                        .get(NativeNamespace.TEMPLATE_KEY));
            }
            List<String> args = new ArrayList<>(SubmitArguments.sparkSubmit(r, "k8s://" + session.server()
                    .replaceAll("/$", ""), template == null ? null : template.toString(), !r.quota().isEmpty()));
            // The host's spark-submit reads the same kubeconfig and context labctl uses.
            args.add(args.indexOf("--deploy-mode"), "--conf");
            args.add(args.indexOf("--deploy-mode"), "spark.kubernetes.context=" + session.context());
            Command submit = Command.of(args).withTimeout(Duration.ofMinutes(5)).onStderrLine(line -> {
                if (line.contains(" Client: ")) {
                    progress.update(line.replaceFirst("^\\S+ \\S+ ", ""));
                }
            });
            if (session.kubeconfig() != null) {
                submit = submit.withEnvironment("KUBECONFIG", session.kubeconfig());
            }
            progress.step("spark-submit from this machine (" + runner.find("spark-submit").orElseThrow() + ")");
            ProcessResult result = runner.run(submit);
            if (!result.succeeded()) {
                throw new LabctlException(ExitCode.PRECONDITION, "spark-submit failed: "
                        + SubmissionStrategy.lastMeaningfulLine(result.stderr()), "run it again with -v, or use --submit-from pod");
            }
            return result.stderr() + result.stdout();
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot write the executor pod template: " + e.getMessage(),
                    null, e);
        } finally {
            if (template != null) {
                template.toFile().delete();
            }
        }
    }
}
