package dev.lamina.init;

/**
 * The classic "standard" heuristic U[-1/sqrt(fan_in), 1/sqrt(fan_in)), variance
 * {@code 1 / (3 fan_in)}.
 *
 * <p>This is the rule the article Lamina started from calls a uniform initialization; Glorot and
 * Bengio (AISTATS 2010, eq. 1) name it the "commonly used heuristic" and show that it shrinks the
 * variance layer after layer. It is PyTorch's {@code nn.Linear} default for the weight
 * ({@code kaiming_uniform_(w, a=sqrt(5))}, which works out to exactly this bound) and DL4J's
 * {@code UNIFORM}. Keras has no class for it; in Keras it is
 * {@code VarianceScaling(scale=1/3, mode="fan_in", distribution="uniform")}, and it is implemented
 * here as exactly that preset. Lamina names it {@code uniform_fan_in}.
 *
 * <p>Where the article, Keras and PyTorch differ:
 * <ul>
 *   <li>Keras's {@code "uniform"} / {@code RandomUniform} is <em>not</em> this rule: it is the fixed
 *       U[-0.05, 0.05) whatever the fans ({@link RandomUniform}).</li>
 *   <li>Keras's normal presets ({@code glorot_normal}, {@code he_normal}, {@code lecun_normal}) are
 *       truncated at 2 sigma with sigma enlarged by 1/0.8796, so the article's standard deviation
 *       is their std after truncation; PyTorch (and Keras 1) draw it untruncated.</li>
 *   <li>PyTorch stores a Linear weight transposed, {@code (out, in)}, and takes fan_in from its
 *       second dimension; Keras and Lamina store the kernel as {@code (in, units)} and take fan_in
 *       from the first. The same rule therefore needs the shape read the right way round.</li>
 *   <li>PyTorch also draws the bias from U[-1/sqrt(fan_in), 1/sqrt(fan_in)); Keras's bias default
 *       is zeros, and a bias has no fan_in of its own (use {@link RandomUniform} with the bound of
 *       the kernel it belongs to).</li>
 * </ul>
 */
public final class UniformFanIn extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "uniform_fan_in";
  /** The variance numerator: a third, since U[-L, L) has variance L^2/3 and L^2 = 1/fan_in. */
  public static final double SCALE = 1.0 / 3.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_IN;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION = VarianceScaling.Distribution.UNIFORM;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public UniformFanIn() {
    this(null);
  }

  /** With its own seed (null for none). */
  public UniformFanIn(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}
