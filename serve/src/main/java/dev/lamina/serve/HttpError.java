package dev.lamina.serve;

/**
 * A request the server refuses, with its HTTP status: 400 (bad JSON, wrong types, missing
 * columns, unknown categories), 404 (no such model or endpoint), 405 (wrong method), 413 (body
 * or row count over the limit). The client gets {@code {"error": message}}.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }
}
