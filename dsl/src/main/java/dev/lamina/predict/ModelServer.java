package dev.lamina.predict;

import java.util.ServiceLoader;

/**
 * An HTTP server for {@link Predictor}s (the Open Inference Protocol's REST API and a plain JSON
 * endpoint), found through {@link ServiceLoader} so that the HTTP library stays out of this
 * module: the {@code lamina-serve} module provides it, and {@code builder.jar} carries it.
 */
public interface ModelServer {
  /** A server that is listening. */
  interface Running {
    /** The port it listens on (the one picked when 0 was asked). */
    int port();

    /** Stops accepting connections, lets the requests in flight finish, then stops. Idempotent. */
    void stop();

    /** Waits until the server has stopped. */
    void join() throws InterruptedException;
  }

  /**
   * Starts serving and returns once the port is bound.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  Running start(ServeOptions options);

  /** The server on the class path, or an error saying how to get one. */
  static ModelServer find() {
    return ServiceLoader.load(ModelServer.class).findFirst().orElseThrow(() -> new IllegalStateException(
        "no model server on the class path: serve is part of builder.jar; from Maven, add dev.lamina:lamina-serve"));
  }
}
