package dev.lamina.train;

import java.util.Map;

/**
 * A callback whose decisions depend on what it saw in earlier epochs (EarlyStopping's wait and best
 * value, ReduceLROnPlateau's cooldown): a training checkpoint saves that state and a resumed
 * training puts it back, so the resumed run stops and changes the learning rate at exactly the
 * epochs the uninterrupted run would.
 *
 * <p>The state is a map of named double arrays, so a checkpoint stores it bit for bit without
 * knowing the callback. {@link #restoreState} is called after {@link #onTrainBegin}.
 */
public interface StatefulCallback extends Callback {
  /** A copy of the state that decides later epochs. */
  Map<String, double[]> saveState();

  /** Puts back a state returned by {@link #saveState()}. */
  void restoreState(Map<String, double[]> state);
}
