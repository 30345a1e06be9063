package dev.lamina.predict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link ModelServer} serves: where it listens, its limits, and the models by name.
 *
 * @param host the address to bind ({@value #DEFAULT_HOST} by default: this machine only)
 * @param port the TCP port ({@value #DEFAULT_PORT} by default; 0 picks a free one)
 * @param maxBodyBytes the largest request body accepted, else 413 ({@value #DEFAULT_MAX_BODY_BYTES} by default)
 * @param maxRows the most rows one request may score, else 413 ({@value #DEFAULT_MAX_ROWS} by default)
 * @param accessLog whether to write one line per request to stderr (off by default)
 * @param models the predictors by the name clients use in URLs, in order
 */
public record ServeOptions(String host, int port, long maxBodyBytes, int maxRows, boolean accessLog,
    Map<String, Predictor> models) {
  /** The default address: loopback, so nothing is exposed by accident. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The default port (the Open Inference Protocol's HTTP port in KServe). */
  public static final int DEFAULT_PORT = 8080;
  /** The default body limit, 10 MiB: about 40,000 churn rows as JSON. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  /** The default row limit per request. */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  /** Validates and copies. */
  public ServeOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    }
    if (maxBodyBytes < 1 || maxRows < 1) {
      throw new IllegalArgumentException("--max-body-bytes and --max-rows must be at least 1");
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("give at least one model to serve");
    }
    models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }
}
