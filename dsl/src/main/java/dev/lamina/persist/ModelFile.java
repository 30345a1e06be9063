package dev.lamina.persist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.io.BoundedRead;
import dev.lamina.model.Model;
import dev.lamina.optim.Parameter;
import dev.lamina.report.AtomicFile;
import dev.lamina.report.PlainJson;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.FittedPipeline;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.lamina} format: one UTF-8 JSON document holding the format name and version,
 * the run spec as YAML (readable, and read back by the same reader as {@code model.yaml}), the
 * fitted data pipeline, the threshold, provenance, and every weight tensor, trainable ones first and
 * then non-trainable state such as moving statistics (name, shape, and its
 * IEEE-754 doubles, big-endian, base64) - followed by a last line {@code sha256 <hex>} over all the
 * bytes before it.
 *
 * <p>Reading checks, before using anything: the checksum, the format and version, the size of the
 * network the spec describes (so a forged spec cannot make us allocate gigabytes), then each
 * tensor's name, shape and length against the network built from the spec. Any mismatch is a
 * {@link ModelFileException} that names the file. Writing is atomic.
 */
public final class ModelFile {
  /** The format name stored in every file. */
  public static final String FORMAT = "lamina-model";
  /** The current format version. */
  public static final int VERSION = 1;
  /** Largest network a model file may describe (parameters); far above any dense tabular model. */
  public static final long MAX_PARAMETERS = 50_000_000L;
  private static final long MAX_FILE_BYTES = 1L << 30;
  private static final String CHECKSUM_PREFIX = "sha256 ";

  /** Writes the plain files; the same defaults as the mapper's own factory. */
  private static final JsonFactory PLAIN = new JsonFactory();

  /**
   * The mapper that reads model files (and writes one whose pipeline or info is not plain JSON), in
   * a holder: writing a plain file must not load databind, which costs a cold JVM half a second.
   */
  private static final class ModelJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();

    static {
      MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength((int) Math.min(Integer.MAX_VALUE, MAX_FILE_BYTES))
          .maxNestingDepth(64)
          .build());
    }
  }

  /** The key of the one threshold (a binary model's, and every label's not in {@link #THRESHOLDS}). */
  static final String THRESHOLD = "threshold";
  /** The key of a multi-label model's thresholds by label name, when they differ by label. */
  static final String THRESHOLDS = "thresholds";

  private ModelFile() {}

  /**
   * Writes a trained model with its spec, pipeline (may be null), decision thresholds and
   * provenance. The thresholds are {@code "threshold": t} (the one threshold, as every version
   * wrote it), and for a multi-label model with a threshold per label also
   * {@code "thresholds": {"Weight": 0.4, ...}} by label name.
   */
  public static void write(Path path, RunSpec spec, Model model, FittedPipeline pipeline, Thresholds threshold,
      Map<String, Object> info) {
    Map<String, Object> pipelineMap = pipeline == null ? null : pipeline.toMap();
    Map<String, Object> infoMap = info == null ? Map.of() : info;
    byte[] body;
    try {
      String text = PlainJson.isPlain(pipelineMap) && PlainJson.isPlain(infoMap)
          ? plainText(spec, model, pipelineMap, threshold, infoMap)
          : treeText(spec, model, pipelineMap, threshold, infoMap);
      body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ModelFileException("could not encode model file " + path + ": " + e.getMessage(), e);
    }
    byte[] trailer = (CHECKSUM_PREFIX + sha256(body) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(body, body.length + trailer.length);
    System.arraycopy(trailer, 0, all, body.length, trailer.length);
    AtomicFile.write(path, all);
  }

  /**
   * The document streamed through jackson-core, field by field in the order of {@link #treeText},
   * with the same pretty printer and the same generator calls, so the bytes are the same.
   */
  private static String plainText(RunSpec spec, Model model, Map<String, Object> pipeline, Thresholds threshold,
      Map<String, Object> info) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = PLAIN.createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeStringField("spec", SpecWriter.write(resolved(spec, model)));
      g.writeFieldName("pipeline");
      PlainJson.write(g, pipeline);
      g.writeNumberField(THRESHOLD, threshold.fallback());
      if (!threshold.single()) {
        g.writeObjectFieldStart(THRESHOLDS);
        for (Map.Entry<String, Double> e : threshold.named().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeFieldName("info");
      PlainJson.write(g, info);
      g.writeArrayFieldStart("tensors");
      for (Parameter p : model.tensors()) {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeArrayFieldStart("shape");
        for (int d : p.shape()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeStringField("data", base64(p));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return text.toString();
  }

  private static RunSpec resolved(RunSpec spec, Model model) {
    return new RunSpec(model.resolvedSpec(), spec.data(), spec.fit(), spec.predict());
  }

  /** A tensor's doubles, big-endian, in base64. */
  private static String base64(Parameter p) {
    ByteBuffer b = ByteBuffer.allocate(p.size() * Double.BYTES);
    for (double v : p.value()) {
      b.putDouble(v);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The document built as a databind tree, for a pipeline or info that holds other than plain values. */
  private static String treeText(RunSpec spec, Model model, Map<String, Object> pipeline, Thresholds threshold,
      Map<String, Object> info) throws IOException {
    ObjectMapper json = ModelJson.MAPPER;
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("spec", SpecWriter.write(resolved(spec, model)));
    root.set("pipeline", pipeline == null ? json.nullNode() : json.valueToTree(pipeline));
    root.put(THRESHOLD, threshold.fallback());
    if (!threshold.single()) {
      ObjectNode each = root.putObject(THRESHOLDS);
      threshold.named().forEach(each::put);
    }
    root.set("info", json.valueToTree(info));
    ArrayNode tensors = root.putArray("tensors");
    for (Parameter p : model.tensors()) {
      ObjectNode t = tensors.addObject();
      t.put("name", p.name());
      ArrayNode shape = t.putArray("shape");
      for (int d : p.shape()) {
        shape.add(d);
      }
      t.put("data", base64(p));
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** Reads and validates a model file; {@code path} may also be a run folder holding {@code model.lamina}. */
  public static SavedModel read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("model.lamina") : path;
    byte[] all;
    try {
      String other = ModelFileKind.otherKind(file, BoundedRead.head(file, ModelFileKind.HEAD_BYTES));
      if (other != null) {
        throw new ModelFileException("model file " + file + " is not a Lamina model: " + other);
      }
      all = BoundedRead.readAtMost(file, MAX_FILE_BYTES);
      if (all == null) {
        throw new ModelFileException("model file " + file + " is larger than " + MAX_FILE_BYTES
            + " bytes, more than any Lamina model");
      }
    } catch (NoSuchFileException e) {
      throw new ModelFileException("model file " + file + " does not exist");
    } catch (IOException e) {
      throw new ModelFileException("could not read model file " + file + ": " + e.getMessage(), e);
    }
    return read(file.toString(), all);
  }

  /**
   * Reads and validates a model file's bytes, for example a copy broadcast to a cluster's workers;
   * the same checks as {@link #read(Path)}.
   *
   * @param file names the source in error messages
   * @param all the file's whole content
   */
  public static SavedModel read(String file, byte[] all) {
    byte[] body = verifiedBody(file, all);
    JsonNode root;
    try {
      root = ModelJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw corrupt(file, "not valid JSON");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new ModelFileException("model file " + file + " is not a Lamina model (format '" + (root == null ? "" : root.path("format").asText()) + "')");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new ModelFileException("model file " + file + " has format version " + version + "; this Lamina reads version "
          + VERSION + ". Re-train or re-export the model with this version");
    }
    RunSpec spec;
    try {
      spec = SpecReader.read(root.path("spec").asText(), file + "#spec").spec();
    } catch (SpecException e) {
      throw corrupt(file, "its spec is invalid: " + e.getMessage());
    }
    checkSize(file, spec);
    Model model;
    try {
      model = Model.of(spec.model());
    } catch (SpecException e) {
      throw corrupt(file, "its spec is invalid: " + e.getMessage());
    }
    if (!model.isBuilt()) {
      throw corrupt(file, "its spec has no input_dim");
    }
    // setWeights also marks data-dependent initialization (lsuv) as done: these are trained weights.
    model.setWeights(readTensors(file, root.path("tensors"), model.tensors()));
    FittedPipeline pipeline = null;
    if (!root.path("pipeline").isNull() && !root.path("pipeline").isMissingNode()) {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ModelJson.MAPPER.convertValue(root.path("pipeline"), Map.class);
        pipeline = FittedPipeline.fromMap(m);
      } catch (RuntimeException e) {
        throw corrupt(file, "its data pipeline is invalid: " + e.getMessage());
      }
      if (pipeline.featureCount() != model.inputWidth()) {
        throw corrupt(file, "its data pipeline makes " + pipeline.featureCount() + " features, its network reads "
            + model.inputWidth());
      }
    }
    Thresholds threshold = thresholds(file, root, pipeline);
    @SuppressWarnings("unchecked")
    Map<String, Object> info = root.path("info").isObject() ? ModelJson.MAPPER.convertValue(root.path("info"), LinkedHashMap.class) : Map.of();
    return new SavedModel(spec, model, pipeline, threshold, info);
  }

  /**
   * {@code "threshold"} (0.5 when absent, as in the first files) and, in a multi-label model's file
   * with a threshold per label, {@code "thresholds"} by label name: every name a target of the pipeline.
   */
  private static Thresholds thresholds(String file, JsonNode root, FittedPipeline pipeline) {
    double fallback = root.path(THRESHOLD).asDouble(Thresholds.DEFAULT_VALUE);
    if (!(fallback > 0 && fallback < 1)) {
      throw corrupt(file, "threshold " + fallback + " is outside (0, 1)");
    }
    Map<String, Double> named = new LinkedHashMap<>();
    JsonNode each = root.path(THRESHOLDS);
    if (!each.isMissingNode()) {
      if (!each.isObject()) {
        throw corrupt(file, THRESHOLDS + " is not a map of label to threshold");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = each.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber()) {
          throw corrupt(file, "the threshold of label '" + e.getKey() + "' is not a number");
        }
        if (pipeline != null && !pipeline.targets().contains(e.getKey())) {
          throw corrupt(file, "it has a threshold for '" + e.getKey() + "', which is not one of its targets "
              + pipeline.targets());
        }
        named.put(e.getKey(), e.getValue().doubleValue());
      }
    }
    try {
      return Thresholds.of(fallback, named);
    } catch (SpecException e) {
      throw corrupt(file, e.getMessage());
    }
  }

  private static byte[] verifiedBody(String file, byte[] all) {
    int end = all.length;
    // The trailer is the last line; line breaks and spaces after it (an editor's extra newline, CRLF) do not count.
    while (end > 0 && (all[end - 1] == '\n' || all[end - 1] == '\r' || all[end - 1] == ' ')) {
      end--;
    }
    int start = end;
    while (start > 0 && all[start - 1] != '\n') {
      start--;
    }
    String trailer = new String(all, start, end - start, StandardCharsets.UTF_8);
    if (!trailer.startsWith(CHECKSUM_PREFIX)) {
      throw corrupt(file, "checksum missing: truncated or not a Lamina model");
    }
    byte[] body = Arrays.copyOf(all, start);
    if (!sha256(body).equals(trailer.substring(CHECKSUM_PREFIX.length()).trim())) {
      throw corrupt(file, "checksum mismatch");
    }
    return body;
  }

  private static void checkSize(String file, RunSpec spec) {
    long params = 0;
    Integer width = null;
    for (LayerSpec l : spec.model().layers()) {
      if (l instanceof DenseSpec d) {
        if (width == null) {
          width = d.inputDim();
          if (width == null) {
            throw corrupt(file, "its spec has no input_dim");
          }
        }
        params += (long) width * d.units() + d.units();
        width = d.units();
      } else if (width != null) {
        params += width;
      }
      if (params > MAX_PARAMETERS) {
        throw corrupt(file, "its network would have more than " + MAX_PARAMETERS + " parameters");
      }
    }
  }

  /** The tensors' values, each checked for name, shape and length against {@code params}. */
  private static double[][] readTensors(String file, JsonNode tensors, List<Parameter> params) {
    if (!tensors.isArray() || tensors.size() != params.size()) {
      throw corrupt(file, "it holds " + (tensors.isArray() ? tensors.size() : 0) + " weight tensors, its spec needs " + params.size());
    }
    double[][] values = new double[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      JsonNode t = tensors.get(i);
      if (!p.name().equals(t.path("name").asText())) {
        throw corrupt(file, "tensor " + i + " is '" + t.path("name").asText() + "', expected '" + p.name() + "'");
      }
      int[] shape = p.shape();
      JsonNode s = t.path("shape");
      boolean same = s.isArray() && s.size() == shape.length;
      for (int k = 0; same && k < shape.length; k++) {
        same = s.get(k).asInt() == shape[k];
      }
      if (!same) {
        throw corrupt(file, "tensor " + p.name() + " has shape " + s + ", its spec needs " + Arrays.toString(shape));
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(t.path("data").asText());
      } catch (IllegalArgumentException e) {
        throw corrupt(file, "tensor " + p.name() + " data is not base64");
      }
      if (raw.length != p.size() * Double.BYTES) {
        throw corrupt(file, "tensor " + p.name() + " holds " + raw.length / Double.BYTES + " values, its shape needs " + p.size());
      }
      ByteBuffer b = ByteBuffer.wrap(raw);
      double[] v = new double[p.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = b.getDouble();
      }
      values[i] = v;
    }
    return values;
  }

  private static ModelFileException corrupt(String file, String why) {
    return new ModelFileException("model file " + file + " is corrupt (" + why + ")");
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
