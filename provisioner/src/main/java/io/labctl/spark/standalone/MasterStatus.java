package io.labctl.spark.standalone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Optional;

/**
 * What the Spark master reports at {@code http://MASTER:8080/json/}. The {@code workers} list keeps
 * DEAD entries long after scaling down or restarts, so live workers are counted by state, never by
 * the length of the list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MasterStatus(String url, List<Worker> workers, Integer aliveworkers, Integer cores, Integer coresused,
                           Long memory, Long memoryused, List<App> activeapps, List<App> completedapps,
                           String status) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MasterStatus {
        workers = workers == null ? List.of() : workers;
        activeapps = activeapps == null ? List.of() : activeapps;
        completedapps = completedapps == null ? List.of() : completedapps;
    }

    /** A worker as the master sees it; {@code state} is ALIVE, DEAD, DECOMMISSIONED or UNKNOWN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Worker(String id, String host, Integer port, String state, Integer cores, Long memory,
                         Long lastheartbeat) {
    }

    /** An application; {@code state} is WAITING, RUNNING, FINISHED, FAILED, KILLED or UNKNOWN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(String id, String name, String state, Integer cores, Long duration, Long starttime) {
    }

    public static MasterStatus parse(String json) {
        try {
            return JSON.readValue(json, MasterStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Spark master status: " + e.getOriginalMessage(), e);
        }
    }

    /** Workers the master currently considers ALIVE. */
    @JsonIgnore
    public List<Worker> aliveWorkers() {
        return workers.stream().filter(w -> "ALIVE".equals(w.state())).toList();
    }

    @JsonIgnore
    public int aliveWorkerCount() {
        return aliveWorkers().size();
    }

    @JsonIgnore
    public boolean isAlive() {
        return "ALIVE".equals(status);
    }

    /** Finds an application by id among active and completed ones. */
    public Optional<App> app(String appId) {
        return java.util.stream.Stream.concat(activeapps.stream(), completedapps.stream())
                .filter(a -> appId.equals(a.id())).findFirst();
    }
}
