package io.labctl.spark.access;

import io.labctl.core.LabctlException;

import java.time.Duration;

/**
 * What {@code labctl spark logs} shows.
 *
 * @param worker the worker's number (1-based) with {@link Selection#WORKER}
 * @param since  only lines newer than this (null: all), like {@code kubectl logs --since}
 * @param tail   only the last lines of each container (null: all), like {@code kubectl logs --tail}
 */
public record LogRequest(String namespace, String cluster, Selection selection, int worker, boolean follow,
                         Duration since, Integer tail) {
    /** The master (the default), one worker, or the master and every worker. */
    public enum Selection { MASTER, WORKER, ALL }

    public LogRequest {
        if (tail != null && tail < 0) {
            throw LabctlException.usage("--tail " + tail + " is negative", "give a number of lines, e.g. --tail 100");
        }
        if (since != null && since.toSeconds() < 1) {
            throw LabctlException.usage("--since must be at least 1s", "e.g. --since 10m");
        }
    }
}
