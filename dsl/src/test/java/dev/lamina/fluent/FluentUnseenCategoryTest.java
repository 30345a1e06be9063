package dev.lamina.fluent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.metric.Metrics;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.predict.TrainedModels;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.PredictSummary;
import dev.lamina.run.RunOptions;
import dev.lamina.run.RunResult;
import dev.lamina.run.Runner;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.table.UnknownCategories;
import dev.lamina.task.Thresholds;
import dev.lamina.train.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code handle_unknown} set from Java ({@link DataSpec#withHandleUnknown}) on a fluent model, then scored by its saved model. */
class FluentUnseenCategoryTest {
  @TempDir
  Path tmp;

  @Test
  void aFluentModelIgnoringUnseenCountriesSavesTheSettingAndPredictCountsThem() throws Exception {
    ModelSpec model = Lamina.sequential("fluent-churn").seed(5)
        .dense(6, d -> d.activation("relu"))
        .dense(1, d -> d.activation("sigmoid"))
        .compile("adam", "binary_crossentropy").metrics(Metrics.ACCURACY).spec();
    DataSpec data = new DataSpec(TrainedModels.CHURN_CSV.toString(), null, "Exited", List.of("RowNumber", "CustomerId",
        "Surname"), null, List.of("Geography", "Gender"), true, null, "standard", 0.2, false, null)
        .withHandleUnknown(UnknownCategories.perColumn(Map.of("Geography", UnknownCategories.Policy.IGNORE)));
    RunResult r = Runner.run(new RunSpec(model, data, Fit.epochs(1).batchSize(64), null), tmp.resolve("f.yaml"),
        new RunOptions(tmp.resolve("run"), null, null, null, true, false), List.of(), s -> { });
    SavedModel saved = ModelFile.read(r.outDir().resolve("model.lamina"));
    assertThat(saved.spec().data().handleUnknown()).isEqualTo(data.handleUnknown());
    assertThat(saved.pipeline().ignoringUnseen()).containsExactly("Geography");

    List<String> lines = new ArrayList<>(Files.readAllLines(TrainedModels.CHURN_CSV).subList(0, 11));
    lines.set(4, lines.get(4).replaceFirst(",(France|Germany|Spain),", ",Italy,"));
    lines.set(7, lines.get(7).replaceFirst(",(France|Germany|Spain),", ",Portugal,"));
    lines.set(9, lines.get(9).replaceFirst(",(France|Germany|Spain),", ",Italy,"));
    Path csv = Files.write(tmp.resolve("new.csv"), lines);
    PredictSummary s = CsvScorer.predict(saved, csv, tmp.resolve("scored.csv"), Thresholds.of(0.5));
    assertThat(s.rows()).isEqualTo(10);
    assertThat(s.unseenRows()).isEqualTo(3);
    assertThat(s.unseen()).containsExactly(Map.entry("Geography=Italy", 2L), Map.entry("Geography=Portugal", 1L));
    assertThat(s.describe()).endsWith("; 3 rows had unseen categories, scored as all zeros: Geography=Italy (2), "
        + "Geography=Portugal (1)");
  }
}
