package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which columns become features, in what order, and the errors for names the file lacks. */
class ColumnSelectionTest {
  private static final String CSV = "Id,Score,Country,Age,Exited\n1,600,France,30,0\n2,700,Spain,40,1\n"
      + "3,650,France,35,0\n";
  private static final String COLUMNS = "Id, Score, Country, Age, Exited";

  @TempDir
  Path dir;
  private Path csv;

  @BeforeEach
  void write() throws IOException {
    csv = Specs.write(dir, "data.csv", CSV);
  }

  private PreparedData prepare(Specs spec) {
    return TablePipeline.prepare(spec.build(), csv, null, 1);
  }

  @Test
  void dropKeepsTheOtherColumnsInFileOrderWithOneHotInPlace() {
    PreparedData d = prepare(Specs.target("Exited").drop("Id").oneHot("Country").keepFirst());
    assertThat(d.featureNames()).containsExactly("Score", "Country_France", "Country_Spain", "Age");
    assertThat(d.pipeline().inputColumns()).containsExactly("Score", "Country", "Age");
  }

  @Test
  void featuresKeepsOnlyTheListedColumnsInTheListedOrder() {
    PreparedData d = prepare(Specs.target("Exited").features("Age", "Score"));
    assertThat(d.featureNames()).containsExactly("Age", "Score");
    assertThat(d.xTrain()[1]).containsExactly(40, 700);
  }

  @Test
  void unknownTargetListsColumnsAndSuggests() {
    assertThatThrownBy(() -> prepare(Specs.target("Exitted").drop("Id", "Country")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": the target column 'Exitted' is not in the file. Did you mean Exited?"
            + " The columns are: " + COLUMNS + ".");
  }

  @Test
  void unknownDropColumnSuggests() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").drop("ID", "Country")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": drop names the column 'ID', which is not in the file. Did you mean Id?"
            + " The columns are: " + COLUMNS + ".");
  }

  @Test
  void unknownOneHotColumnSuggests() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").drop("Id").oneHot("Countyr")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": one_hot names the column 'Countyr', which is not in the file. Did you"
            + " mean Country? The columns are: " + COLUMNS + ".");
  }

  @Test
  void unknownFeaturesColumnSuggests() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").features("age")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": features names the column 'age', which is not in the file. Did you"
            + " mean Age? The columns are: " + COLUMNS + ".");
  }

  @Test
  void aOneHotColumnThatIsDroppedIsAContradiction() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").drop("Id", "Country").oneHot("Country")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ", column 'Country': one_hot names a column that is not a feature (it is"
            + " dropped or not in features); remove it from one_hot or keep the column");
  }

  @Test
  void aColumnCannotBeBothOneHotAndLabelEncoded() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").drop("Id").oneHot("Country").labelEncode("Country")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ", column 'Country': the column is in both one_hot and label_encode; choose one");
  }

  @Test
  void theTargetCannotBeAFeature() {
    // A spec error now, found by validate without the data.
    assertThatThrownBy(() -> prepare(Specs.target("Exited").features("Age", "Exited")))
        .isInstanceOf(dev.lamina.spec.SpecException.class)
        .hasMessage("features[1]: 'Exited' is the target column, so it cannot be in features: the model would read"
            + " the answer it has to predict; remove it from features");
  }

  @Test
  void fillMissingForAnUnknownColumnSuggests() {
    assertThatThrownBy(() -> prepare(Specs.target("Exited").drop("Id", "Country").fill("Agee", "mean")))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": fill_missing names the column 'Agee', which is not in the file. Did you"
            + " mean Age? The columns are: " + COLUMNS + ".");
  }
}
