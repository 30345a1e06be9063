package dev.lamina.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.ServeOptions;
import dev.lamina.run.Version;
import dev.lamina.spec.Names;
import dev.lamina.table.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The endpoints by path and method. Every answer is JSON (Prometheus text for {@code /metrics});
 * every refusal is {@code {"error": "..."}} with 400, 404, 405 or 413, and is counted. Nothing a
 * client sends can make it answer 500: the scoring code's errors about data are 400s, and anything
 * unexpected is caught here too (500, counted, the server keeps serving).
 */
final class Routes extends Handler.Abstract {
  private static final String JSON = "application/json";
  private static final String ENDPOINTS = "GET /v2, /v2/health/live, /v2/health/ready, /v2/models/NAME,"
      + " /v2/models/NAME/ready, /metrics; POST /v2/models/NAME/infer, /v1/models/NAME/predict";

  private final ServeOptions options;
  private final ServeMetrics metrics;
  private final String version = Version.current();

  Routes(ServeOptions options, ServeMetrics metrics) {
    this.options = options;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    String model = "";
    String endpoint = "other";
    int status = 200;
    int rows = 0;
    byte[] body;
    String type = JSON;
    try {
      String[] parts = path.split("/", -1);
      if (path.equals("/v2/health/live") || path.equals("/v2/health/ready")) {
        endpoint = "health";
        requireMethod(method, "GET");
        body = Json.write(g -> {
          g.writeStartObject();
          g.writeBooleanField(path.endsWith("live") ? "live" : "ready", true);
          g.writeEndObject();
        });
      } else if (path.equals("/v2")) {
        endpoint = "server_metadata";
        requireMethod(method, "GET");
        body = OpenInference.serverMetadata(version);
      } else if (path.equals("/metrics")) {
        endpoint = "metrics";
        requireMethod(method, "GET");
        body = metrics.text().getBytes(StandardCharsets.UTF_8);
        type = "text/plain; version=0.0.4; charset=utf-8";
      } else if (parts.length >= 4 && parts[0].isEmpty() && parts[2].equals("models")
          && (parts[1].equals("v2") || parts[1].equals("v1"))) {
        String name = parts[3];
        String action = parts.length == 4 ? "" : parts.length == 5 ? parts[4] : null;
        endpoint = endpointOf(parts[1], action);
        Predictor p = options.models().get(name);
        if (p == null) {
          throw new HttpError(404, "no model named '" + name + "'; this server has " + options.models().keySet() + "."
              + Names.didYouMean(name, options.models().keySet()));
        }
        model = name;
        switch (endpoint) {
          case "model_metadata" -> {
            requireMethod(method, "GET");
            body = OpenInference.metadata(name, p);
          }
          case "model_ready" -> {
            requireMethod(method, "GET");
            body = OpenInference.ready(name);
          }
          case "infer" -> {
            requireMethod(method, "POST");
            OpenInference.Result r = OpenInference.infer(name, p, Json.parse(read(request)), options.maxRows());
            rows = r.rows();
            body = r.body();
          }
          case "predict" -> {
            requireMethod(method, "POST");
            OpenInference.Result r = PlainPredict.predict(p, Json.parse(read(request)), options.maxRows());
            rows = r.rows();
            body = r.body();
          }
          default -> throw new HttpError(404, "no endpoint " + path + "; the endpoints are " + ENDPOINTS);
        }
      } else {
        throw new HttpError(404, "no endpoint " + path + "; the endpoints are " + ENDPOINTS);
      }
    } catch (HttpError e) {
      status = e.status();
      body = Json.error(e.getMessage());
    } catch (DataException e) {
      status = 400;
      body = Json.error(describe(e, endpoint));
    } catch (IllegalStateException | IllegalArgumentException e) {
      status = 400;
      body = Json.error(String.valueOf(e.getMessage()));
    } catch (RuntimeException | IOException e) {
      status = 500;
      body = Json.error("internal error: " + e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    if (status == 405) {
      response.getHeaders().put(HttpHeader.ALLOW, endpoint.equals("infer") || endpoint.equals("predict") ? "POST" : "GET");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
    metrics.record(model, endpoint, status, System.nanoTime() - start, status == 200 ? rows : 0);
    return true;
  }

  private static String endpointOf(String api, String action) {
    if (action == null) {
      return "other";
    }
    if (api.equals("v1")) {
      return action.equals("predict") ? "predict" : "other";
    }
    return switch (action) {
      case "" -> "model_metadata";
      case "ready" -> "model_ready";
      case "infer" -> "infer";
      default -> "other";
    };
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, method + " is not allowed here; use " + allowed);
    }
  }

  /** A data error placed in the request's terms: {@code rows[i]} for /v1, the row index for /v2. */
  private static String describe(DataException e, String endpoint) {
    StringBuilder sb = new StringBuilder();
    if (e.row() > 0) {
      sb.append(endpoint.equals("predict") ? "rows[" + (e.row() - 1) + "]" : "row " + (e.row() - 1) + " of the inputs");
    }
    if (e.column() != null) {
      sb.append(sb.length() > 0 ? ", " : "").append(endpoint.equals("predict") ? "column '" : "input '")
          .append(e.column()).append('\'');
    }
    return (sb.length() > 0 ? sb + ": " : "") + e.detail();
  }

  /**
   * The body, refused with 413 past the limit (by its declared length, or while reading). A refused
   * body is read to its end first, up to {@link #DRAIN_LIMIT} bytes: a client still sending when the
   * connection closes may see the reset instead of the 413 (seen with Java's HttpClient).
   */
  private byte[] read(Request request) throws IOException {
    long limit = options.maxBodyBytes();
    long declared = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > limit) {
        drain(in);
        throw tooLarge(declared + " bytes");
      }
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (b.length > limit) {
        drain(in);
        throw tooLarge("more than " + limit + " bytes");
      }
      return b;
    }
  }

  /** The most of a refused body read and thrown away before answering; past it the connection closes. */
  private static final long DRAIN_LIMIT = 64L << 20;

  private static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long left = DRAIN_LIMIT;
    int n;
    while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
      left -= n;
    }
  }

  private HttpError tooLarge(String size) {
    return new HttpError(413, "the request body is " + size + ", over this server's limit of " + options.maxBodyBytes()
        + " bytes (--max-body-bytes); send fewer rows per request");
  }
}
