package dev.lamina.fluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.init.VarianceScaling;
import dev.lamina.model.Model;
import dev.lamina.optim.Optimizers;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FluentApiTest {
  private static SequentialBuilder articleModel() {
    return Lamina.sequential("churn-he-uniform")
        .dense(6, d -> d.activation("relu").kernelInitializer("he_uniform").inputDim(11))
        .dense(6, d -> d.activation("relu").kernelInitializer("he_uniform"))
        .dense(1, d -> d.activation("sigmoid").kernelInitializer("glorot_uniform"))
        .compile("adam", "binary_crossentropy", "accuracy")
        .seed(42);
  }

  @Test
  void theFluentModelEqualsTheYamlSpecOfTheSameModel() {
    String root = System.getProperty("lamina.root", "..");
    ModelSpec fromYaml = SpecReader.read(Path.of(root, "examples/churn/model.yaml")).spec().model();
    assertThat(articleModel().spec()).isEqualTo(fromYaml);
  }

  @Test
  void aFluentSpecWritesOutAsYamlAndReadsBackEqual() {
    ModelSpec spec = Lamina.sequential("everything")
        .dense(8, d -> d.activation(Activations.RELU).kernelInitializer(Initializers.varianceScaling(2.0,
            VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL)).kernelL2(0.01).inputDim(4))
        .dropout(0.2)
        .leakyRelu()
        .dense(6, d -> d.useBias(false).kernelInitializer(Initializers.orthogonal(1.5)))
        .prelu()
        .elu(0.5)
        .activation("tanh")
        .dense(1, d -> d.activation("sigmoid").name("out"))
        .compile(Optimizers.adam(0.01), ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy")))
        .seed(3)
        .dtype(DType.FLOAT32)
        .spec();
    String yaml = SpecWriter.write(spec);
    assertThat(yaml).contains("dtype: float32");
    assertThat(SpecReader.read(yaml, "roundtrip.yaml").spec().model()).isEqualTo(spec);
    RunSpec run = new RunSpec(spec, null, null, null);
    assertThat(SpecReader.read(SpecWriter.write(run), "run.yaml").spec()).isEqualTo(run);
  }

  @Test
  void typedConstantsAndStringsBuildTheSameModel() {
    Model a = articleModel().build();
    Model b = Lamina.sequential("churn-he-uniform")
        .dense(6, d -> d.activation(Activations.RELU).kernelInitializer(Initializers.HE_UNIFORM).inputDim(11))
        .dense(6, d -> d.activation(Activations.RELU).kernelInitializer(Initializers.HE_UNIFORM))
        .dense(1, d -> d.activation(Activations.SIGMOID).kernelInitializer(Initializers.GLOROT_UNIFORM))
        .compile(Optimizers.ADAM, ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy")))
        .seed(42)
        .build();
    assertThat(a.weights()).isDeepEqualTo(b.weights());
  }

  @Test
  void invalidArgumentsNameTheLayer() {
    assertThatThrownBy(() -> Lamina.sequential().dense(6).dropout(1.5))
        .isInstanceOf(SpecException.class).hasMessageContaining("layer 1").hasMessageContaining("dropout rate");
    assertThatThrownBy(() -> Lamina.sequential().dense(0))
        .hasMessageContaining("layer 0").hasMessageContaining("units must be a positive whole number");
  }
}
