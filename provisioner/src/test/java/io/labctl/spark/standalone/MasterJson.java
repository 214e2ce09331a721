package io.labctl.spark.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The Spark master's {@code /json/} as Spark 3.5 writes it (every field of resources/spark/master-json-*.json), for
 * tests that serve it from a mock API server's pod proxy. Workers keep their DEAD entries, as a real master does.
 */
public final class MasterJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long NOW = 1_795_428_960_000L;
    private static final int WORKER_MIB = 512;

    private final String url;
    private final List<Entry> workers = new ArrayList<>();
    private final List<Entry> activeApps = new ArrayList<>();
    private final List<Entry> completedApps = new ArrayList<>();

    /** A worker (host, state) or an application (name, state). */
    private record Entry(String name, String state) {
    }

    private MasterJson(String url) {
        this.url = url;
    }

    /** A master at this URL with no worker and no application yet. */
    public static MasterJson master(String url) {
        return new MasterJson(url);
    }

    public MasterJson alive(String... hosts) {
        return workers("ALIVE", hosts);
    }

    /** Workers the master lost (a scale-down, a restarted pod): still listed, never counted. */
    public MasterJson dead(String... hosts) {
        return workers("DEAD", hosts);
    }

    public MasterJson running(String appName) {
        activeApps.add(new Entry(appName, "RUNNING"));
        return this;
    }

    /** A completed application in {@code state} (FINISHED, FAILED, KILLED). */
    public MasterJson completed(String appName, String state) {
        completedApps.add(new Entry(appName, state));
        return this;
    }

    private MasterJson workers(String state, String... hosts) {
        for (String host : hosts) {
            workers.add(new Entry(host, state));
        }
        return this;
    }

    @Override
    public String toString() {
        ObjectNode root = JSON.createObjectNode();
        root.put("url", url);
        ArrayNode list = root.putArray("workers");
        int alive = 0;
        for (int i = 0; i < workers.size(); i++) {
            String host = workers.get(i).name();
            String state = workers.get(i).state();
            alive += "ALIVE".equals(state) ? 1 : 0;
            int port = 40_000 + i;
            ObjectNode w = list.addObject();
            w.put("id", "worker-20261122101502-" + host + "-" + port).put("host", host).put("port", port)
                    .put("webuiaddress", "http://" + host + ":8081").put("cores", 1).put("coresused", 0)
                    .put("coresfree", 1).put("memory", WORKER_MIB).put("memoryused", 0).put("memoryfree", WORKER_MIB);
            w.putObject("resources");
            w.putObject("resourcesused");
            w.putObject("resourcesfree");
            w.put("state", state).put("lastheartbeat", NOW + i);
        }
        root.put("aliveworkers", alive).put("cores", alive).put("coresused", 0).put("memory", alive * WORKER_MIB)
                .put("memoryused", 0);
        root.putArray("resources");
        root.putArray("resourcesused");
        apps(root.putArray("activeapps"), activeApps, 0);
        apps(root.putArray("completedapps"), completedApps, activeApps.size());
        root.putArray("activedrivers");
        root.putArray("completeddrivers");
        root.put("status", "ALIVE");
        return root.toPrettyString();
    }

    private static void apps(ArrayNode list, List<Entry> apps, int firstIndex) {
        for (int i = 0; i < apps.size(); i++) {
            ObjectNode a = list.addObject();
            a.put("id", String.format("app-20261122101801-%04d", firstIndex + i)).put("starttime", NOW + 21_000)
                    .put("name", apps.get(i).name()).put("cores", 2).put("user", "spark").put("memoryperexecutor", 1024)
                    .put("memoryperslave", 1024);
            a.putArray("resourcesperexecutor");
            a.putArray("resourcesperslave");
            a.put("submitdate", "Sun Nov 22 10:18:01 UTC 2026").put("state", apps.get(i).state()).put("duration", 14_210);
        }
    }
}
