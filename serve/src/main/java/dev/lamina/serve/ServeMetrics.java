package dev.lamina.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for {@code GET /metrics}, in Prometheus's text exposition format (version 0.0.4):
 * {@code lamina_requests_total{model,endpoint,code}}, {@code lamina_rows_total{model}} and the
 * histogram {@code lamina_request_duration_seconds{model}}. Recording is lock-free
 * ({@link LongAdder}s, found in concurrent maps), so it costs the scoring threads next to nothing;
 * the format is a few lines of text, so it needs no client library.
 */
final class ServeMetrics {
  /** Histogram bucket bounds in seconds (Prometheus's {@code le}), from 0.25 ms to 10 s. */
  static final double[] BUCKETS = {0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

  /** One answered request: which model (empty for none), endpoint and status, and how long it took. */
  void record(String model, String endpoint, int status, long nanos, int scoredRows) {
    String key = "model=\"" + escape(model) + "\",endpoint=\"" + endpoint + "\",code=\"" + status + "\"";
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (!model.isEmpty()) {
      latency.computeIfAbsent(model, k -> new Histogram()).observe(nanos);
      if (scoredRows > 0) {
        rows.computeIfAbsent(model, k -> new LongAdder()).add(scoredRows);
      }
    }
  }

  /** The exposition text. */
  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP lamina_requests_total Requests answered, by model, endpoint and HTTP status.\n");
    sb.append("# TYPE lamina_requests_total counter\n");
    new TreeMap<>(requests).forEach((k, v) -> sb.append("lamina_requests_total{").append(k).append("} ")
        .append(v.sum()).append('\n'));
    sb.append("# HELP lamina_rows_total Rows scored, by model.\n");
    sb.append("# TYPE lamina_rows_total counter\n");
    new TreeMap<>(rows).forEach((k, v) -> sb.append("lamina_rows_total{model=\"").append(escape(k)).append("\"} ")
        .append(v.sum()).append('\n'));
    sb.append("# HELP lamina_request_duration_seconds Time to answer a request to a model, from its headers to its body.\n");
    sb.append("# TYPE lamina_request_duration_seconds histogram\n");
    new TreeMap<>(latency).forEach((k, h) -> h.append(sb, escape(k)));
    return sb.toString();
  }

  /** A label value with backslash, quote and newline escaped, as the format requires. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Cumulative buckets are summed when written; each observation touches one adder. */
  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    private final LongAdder nanos = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(long ns) {
      double s = ns / 1e9;
      int b = 0;
      while (b < BUCKETS.length && s > BUCKETS[b]) {
        b++;
      }
      counts[b].increment();
      nanos.add(ns);
    }

    void append(StringBuilder sb, String model) {
      long cumulative = 0;
      for (int b = 0; b <= BUCKETS.length; b++) {
        cumulative += counts[b].sum();
        String le = b == BUCKETS.length ? "+Inf" : String.format(Locale.ROOT, "%s", BUCKETS[b]);
        sb.append("lamina_request_duration_seconds_bucket{model=\"").append(model).append("\",le=\"").append(le)
            .append("\"} ").append(cumulative).append('\n');
      }
      sb.append("lamina_request_duration_seconds_sum{model=\"").append(model).append("\"} ")
          .append(nanos.sum() / 1e9).append('\n');
      sb.append("lamina_request_duration_seconds_count{model=\"").append(model).append("\"} ").append(cumulative)
          .append('\n');
    }
  }
}
