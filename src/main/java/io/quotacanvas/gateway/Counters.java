package io.quotacanvas.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/// One Prometheus counter family: a count per label-value tuple. Thread-safe.
final class Counters {
    private final String name;
    private final String help;
    private final List<String> labels;
    private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    Counters(String name, String help, String... labels) {
        this.name = name;
        this.help = help;
        this.labels = List.of(labels);
    }

    void inc(String... labelValues) {
        values.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).increment();
    }

    long get(String... labelValues) {
        LongAdder a = values.get(List.of(labelValues));
        return a == null ? 0 : a.sum();
    }

    /// The family in the text exposition format, series sorted by labels.
    void render(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Object::toString)))
                .forEach(e -> out.append(name).append(Prometheus.labels(labels, e.getKey())).append(' ')
                        .append(e.getValue().sum()).append('\n'));
    }
}
