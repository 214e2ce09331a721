package io.labctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.labctl.core.Durations;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way labctl waits on Kubernetes: a watch (an informer) on the objects that matter, the condition
 * evaluated again on every change and at least every {@link #recheckEvery recheck interval} (for state the API
 * server cannot watch, such as the Spark master's own worker count), and a deadline that becomes exit code 6
 * naming what is still missing. No sleep loops: a change is seen as soon as the API server sends it.
 *
 * <pre>{@code
 * List<Node> nodes = Await.on(client, client.nodes(), "the cluster's nodes")
 *         .reportingTo(progress)
 *         .until(timeout, nodes -> ready(nodes) >= 3, nodes -> Nodes.summary(nodes, 3));
 * }</pre>
 *
 * @param <T> the kind of object watched
 */
public final class Await<T extends HasMetadata> {
    private static final Duration DEFAULT_RECHECK = Duration.ofSeconds(5);

    private final KubernetesClient client;
    private final Informable<T> objects;
    private final String what;
    private Duration recheck = DEFAULT_RECHECK;
    private Progress progress = Progress.SILENT;
    private String hint;

    private Await(KubernetesClient client, Informable<T> objects, String what) {
        this.client = client;
        this.objects = objects;
        this.what = what;
    }

    /**
     * @param objects the objects to watch: a list ({@code client.pods().inNamespace(ns).withLabels(...)}) or one
     *                object ({@code client.resource(deployment)}), whose list then has zero or one element
     * @param what    what is awaited, in words that complete "waiting for ..." ("the pods of spark-a")
     */
    public static <T extends HasMetadata> Await<T> on(KubernetesClient client, Informable<T> objects, String what) {
        return new Await<>(client, objects, what);
    }

    /** Evaluates the condition at least this often even without a change (default 5 s). */
    public Await<T> recheckEvery(Duration interval) {
        this.recheck = interval;
        return this;
    }

    /** Shows each new state line (from the condition's verdict) as progress. */
    public Await<T> reportingTo(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** The fix printed when the wait times out; the default points at `kubectl get`. */
    public Await<T> hint(String hint) {
        this.hint = hint;
        return this;
    }

    /**
     * What one evaluation found: done with a result, or not yet. {@code state} is the progress line ("2/3 workers
     * ALIVE"); {@code missing} says in words what is still missing, for the timeout error (the state when null).
     */
    public record Verdict<R>(boolean done, R result, String state, String missing) {
        public static <R> Verdict<R> done(R result, String state) {
            return new Verdict<>(true, result, state, null);
        }

        public static <R> Verdict<R> notYet(String state) {
            return new Verdict<>(false, null, state, null);
        }

        public static <R> Verdict<R> notYet(String state, String missing) {
            return new Verdict<>(false, null, state, missing);
        }

        String explanation() {
            return missing != null ? missing : state;
        }
    }

    /** Waits until {@code done} holds for the watched list; {@code state} describes the list for progress and errors. */
    public List<T> until(Duration timeout, Predicate<List<T>> done, Function<List<T>, String> state) {
        return until(timeout, list -> done.test(list) ? Verdict.done(list, state.apply(list))
                : Verdict.notYet(state.apply(list)));
    }

    /**
     * Waits until an evaluation is done and returns its result; throws TIMEOUT (exit 6) with the last state when
     * {@code timeout} passes, INTERRUPTED on Ctrl-C, and the translated API error when the watch cannot start.
     */
    public <R> R until(Duration timeout, Function<List<T>, Verdict<R>> evaluate) {
        Waited<R> waited = wait(timeout, evaluate);
        if (waited.verdict().done()) {
            return waited.verdict().result();
        }
        throw new LabctlException(ExitCode.TIMEOUT, "timed out after " + Durations.format(timeout) + " waiting for "
                + what + ": " + waited.verdict().explanation(), hint != null ? hint
                : "the objects exist; look at them with kubectl get/describe, or wait longer with --timeout");
    }

    /** Like {@link #until(Duration, Function)}, but a timeout is an empty result rather than an error. */
    public <R> Optional<R> within(Duration timeout, Function<List<T>, Verdict<R>> evaluate) {
        Waited<R> waited = wait(timeout, evaluate);
        return waited.verdict().done() ? Optional.ofNullable(waited.verdict().result()) : Optional.empty();
    }

    private record Waited<R>(Verdict<R> verdict) {
    }

    private <R> Waited<R> wait(Duration timeout, Function<List<T>, Verdict<R>> evaluate) {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        SharedIndexInformer<T> informer;
        try {
            informer = objects.inform(new SignalOnChange<>(changed));
        } catch (RuntimeException e) {
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "watch " + what);
        }
        try {
            String last = null;
            while (true) {
                Verdict<R> verdict = evaluate.apply(informer.getStore().list());
                if (verdict.state() != null && !verdict.state().equals(last)) {
                    progress.update(verdict.state());
                    last = verdict.state();
                }
                long left = deadline - System.nanoTime();
                if (verdict.done() || left <= 0) {
                    return new Waited<>(verdict);
                }
                changed.tryAcquire(Math.min(left, recheck.toNanos()), TimeUnit.NANOSECONDS);
                changed.drainPermits(); // several events at once need one evaluation
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while waiting for " + what, null);
        } finally {
            informer.close();
        }
    }

    private record SignalOnChange<T>(Semaphore changed) implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T object) {
            changed.release();
        }

        @Override
        public void onUpdate(T before, T after) {
            changed.release();
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            changed.release();
        }
    }
}
