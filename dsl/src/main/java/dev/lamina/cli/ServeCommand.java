package dev.lamina.cli;

import dev.lamina.predict.ModelServer;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.ServeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves saved models over HTTP until stopped (Ctrl-C or SIGTERM finish the requests in flight). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    header = "Serve saved models over HTTP (Open Inference Protocol and a JSON endpoint).",
    description = {"Serve saved models over HTTP. MODEL is a run folder, a model.lamina file or a Keras file, optionally",
        "named as NAME=MODEL (default name: the spec's name). Endpoints: GET /v2/health/live, /v2/health/ready,",
        "/v2/models/NAME, /v2/models/NAME/ready; POST /v2/models/NAME/infer (the Open Inference Protocol, KServe V2:",
        "one input tensor per raw column, BYTES for text, FP64 for numbers); POST /v1/models/NAME/predict with",
        "{\"rows\": [{column: value, ...}]} -> {\"predictions\": [...]}, the columns of predict's CSV; GET /metrics",
        "(Prometheus). Bad requests get a JSON error with 400, 404 or 413. Ctrl-C or SIGTERM stop it gracefully."},
    footer = {"", "Example:", "  java -jar builder.jar serve examples/churn/runs/churn-he-uniform --port 8080",
        "  curl -s localhost:8080/v1/models/churn-he-uniform/predict -d '{\"rows\": [{\"CreditScore\": 600, ...}]}'"})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "model to serve: [NAME=]run folder, model.lamina or .keras/.h5")
  List<String> models;

  @Option(names = "--host", paramLabel = "ADDR", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host = ServeOptions.DEFAULT_HOST;

  @Option(names = "--port", paramLabel = "N", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port = ServeOptions.DEFAULT_PORT;

  @Option(names = "--max-body-bytes", paramLabel = "N", description = "largest request body (default: ${DEFAULT-VALUE}); larger: 413")
  long maxBodyBytes = ServeOptions.DEFAULT_MAX_BODY_BYTES;

  @Option(names = "--max-rows", paramLabel = "N", description = "most rows per request (default: ${DEFAULT-VALUE}); more: 413")
  int maxRows = ServeOptions.DEFAULT_MAX_ROWS;

  @Option(names = "--access-log", description = "write one line per request to stderr")
  boolean accessLog;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = command.commandLine().getOut();
    Map<String, Predictor> byName = new LinkedHashMap<>();
    for (String m : models) {
      int eq = m.indexOf('=');
      Predictor p = Predictor.load(Path.of(eq > 0 ? m.substring(eq + 1) : m));
      String name = eq > 0 ? m.substring(0, eq) : p.name();
      if (byName.putIfAbsent(name, p) != null) {
        throw new ParameterException(command.commandLine(), "two models are named '" + name
            + "'; name them on the command line: NAME=" + m);
      }
    }
    ServeOptions options;
    try {
      options = new ServeOptions(host, port, maxBodyBytes, maxRows, accessLog, byName);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    ModelServer.Running server = ModelServer.find().start(options);
    Thread stopper = new Thread(server::stop, "lamina-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    out.println("serving " + String.join(", ", byName.keySet()) + " on http://" + host + ":" + server.port()
        + " (Ctrl-C or SIGTERM to stop)");
    server.join();
    return ExitCode.OK;
  }
}
