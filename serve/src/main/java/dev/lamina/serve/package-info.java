/**
 * The model server of {@code builder.jar serve}: {@link dev.lamina.serve.JettyModelServer} (Jetty 12,
 * found by dsl's {@link dev.lamina.predict.ModelServer#find()}), {@link dev.lamina.serve.Routes}
 * (paths to endpoints, errors as JSON), {@link dev.lamina.serve.OpenInference} (the Open Inference
 * Protocol's REST API, KServe V2), {@link dev.lamina.serve.PlainPredict} ({@code /v1/.../predict}),
 * and {@link dev.lamina.serve.ServeMetrics} ({@code /metrics} for Prometheus).
 */
package dev.lamina.serve;
