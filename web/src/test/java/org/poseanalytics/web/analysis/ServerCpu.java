package org.poseanalytics.web.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds used so far by an embedded PostgreSQL's processes, by role (the backends, the WAL writer, the
 * checkpointer, the background writer…), from Linux's /proc: for the storage benchmark's account of where a store's
 * time goes (the client's encoding, the server's CPU, or neither: waiting for the disk). Empty where /proc is not Linux's.
 */
record ServerCpu(Map<String, Double> secondsByRole) {
    /** Clock ticks per second of /proc/PID/stat's times: 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS = 100;

    static ServerCpu of(Path pgdata) {
        Map<String, Double> by = new TreeMap<>();
        try {
            String postmaster = Files.readAllLines(pgdata.resolve("postmaster.pid")).getFirst().trim();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    if (!p.getFileName().toString().matches("\\d+")) continue;
                    String stat;
                    String cmd;
                    try {
                        stat = Files.readString(p.resolve("stat"));
                        cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
                    } catch (IOException gone) {
                        continue;
                    }
                    // fields after the command's closing parenthesis: state, ppid, …; utime and stime are the 14th and 15th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (!f[1].equals(postmaster) && !p.getFileName().toString().equals(postmaster)) continue;
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
                    by.merge(role(cmd), s, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ServerCpu(Map.of());
        }
        return new ServerCpu(by);
    }

    private static String role(String cmd) {
        if (!cmd.startsWith("postgres:")) return "postmaster";
        String r = cmd.substring("postgres:".length()).trim();
        for (String known : new String[] {"checkpointer", "background writer", "walwriter", "autovacuum", "logical", "io worker", "io_worker"})
            if (r.startsWith(known)) return known;
        return "backends";
    }

    /** CPU seconds by role from {@code before} to this. */
    Map<String, Double> since(ServerCpu before) {
        Map<String, Double> d = new TreeMap<>();
        secondsByRole.forEach((k, v) -> {
            double x = v - before.secondsByRole.getOrDefault(k, 0.0);
            if (x > 0.005) d.put(k, Math.round(x * 100) / 100.0);
        });
        return d;
    }
}
