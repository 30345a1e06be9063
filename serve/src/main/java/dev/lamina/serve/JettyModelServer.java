package dev.lamina.serve;

import dev.lamina.predict.ModelServer;
import dev.lamina.predict.ServeOptions;
import java.io.UncheckedIOException;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The {@link ModelServer} on Jetty 12's core API: one HTTP/1.1 connector (keep-alive), a
 * {@link GracefulHandler} so that {@link Running#stop()} (and so SIGTERM) refuses new connections
 * and lets the requests being scored finish (up to {@value #STOP_TIMEOUT_MS} ms; Jetty cuts off a
 * client that stalls in the middle of sending its body), the
 * optional NCSA access log to stderr, and {@link Routes}.
 */
public final class JettyModelServer implements ModelServer {
  /** How long a stop waits for requests in flight. */
  static final long STOP_TIMEOUT_MS = 30_000;

  @Override
  public Running start(ServeOptions options) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("lamina-serve");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(new Routes(options, new ServeMetrics()));
    server.setHandler(graceful);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    if (options.accessLog()) {
      server.setRequestLog(new CustomRequestLog(new RequestLogWriter(), CustomRequestLog.EXTENDED_NCSA_FORMAT));
    }
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // already failing; the start's error is the one to report
      }
      throw new UncheckedIOException("could not listen on " + options.host() + ":" + options.port() + ": "
          + e.getMessage(), e instanceof java.io.IOException io ? io : new java.io.IOException(e));
    }
    return new Running() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void stop() {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void join() throws InterruptedException {
        server.join();
      }
    };
  }
}
