package dev.lamina.train;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import java.util.List;

/**
 * The callbacks reachable by name from a spec, with Keras's names and defaults:
 * {@code early_stopping}, {@code reduce_lr_on_plateau}, {@code model_checkpoint},
 * {@code terminate_on_nan}.
 */
public final class Callbacks {
  private Callbacks() {}

  /** The registry of named callbacks. */
  public static final Registry<Callback> REGISTRY = new Registry<Callback>("callback")
      .register("early_stopping", "EarlyStopping", a -> new EarlyStopping(
          a.getString("monitor", "val_loss"), a.getDouble("min_delta", 0.0), a.getInt("patience", 0),
          a.getChoice("mode", "auto", List.of("auto", "min", "max")), a.getOptionalDouble("baseline"),
          a.getBoolean("restore_best_weights", false), a.getInt("start_from_epoch", 0), a.path()))
      .register("reduce_lr_on_plateau", "ReduceLROnPlateau", a -> new ReduceLROnPlateau(
          a.getString("monitor", "val_loss"), a.getDouble("factor", 0.1), a.getInt("patience", 10),
          a.getChoice("mode", "auto", List.of("auto", "min", "max")), a.getDouble("min_delta", 1e-4),
          a.getInt("cooldown", 0), a.getDouble("min_lr", 0.0), a.path()))
      .register("model_checkpoint", "ModelCheckpoint", a -> new ModelCheckpoint(
          a.getString("filepath", null), a.getString("monitor", "val_loss"), a.getBoolean("save_best_only", false),
          a.getChoice("mode", "auto", List.of("auto", "min", "max")), a.path()))
      .register("terminate_on_nan", "TerminateOnNaN", a -> new TerminateOnNaN());

  /** Builds a callback from its spec. */
  public static Callback create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** Early stopping on val_loss with the given patience, restoring the best weights. */
  public static ComponentSpec earlyStopping(int patience) {
    return ComponentSpec.of("early_stopping", "monitor", "val_loss", "patience", patience, "restore_best_weights", true);
  }

  /** Keras's TerminateOnNaN. */
  public static final ComponentSpec TERMINATE_ON_NAN = ComponentSpec.of("terminate_on_nan");
}
