package dev.lamina.examples.data;

import dev.lamina.random.Rng;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic stand-in for the bank-churn data set ({@code Churn_Modelling.csv}): the same
 * 14 columns and header, 10,000 rows, CRLF line endings, similar marginals, and a churn label with
 * a learnable signal, so the examples run without the real file and the project can ship its data.
 *
 * <p>Every column draws from its own stream {@code Rng.forPath(SEED, "churn/<column>")}, so the
 * file is identical on every machine and changing one column leaves the others alone.
 *
 * <p>Marginals (the real file's, rounded): CreditScore ~ N(650, 97) clipped to [350, 850];
 * Geography France 50 %, Germany 25 %, Spain 25 %; Gender 55 % Male; Age 14 + lognormal
 * (median 37, sigma 0.4 on the log scale, which matches the real deciles) within 18..92; Tenure
 * uniform 0..10; Balance 0 for 36 % else N(120000, 30000) kept above 1000; NumOfProducts 1, 2, 3, 4
 * with 51 / 46 / 2.7 / 0.6 %; HasCrCard 70 %; IsActiveMember 51.5 %; EstimatedSalary
 * U(11, 200000); money has 2 decimals (trailing zeros dropped, as in the real file).
 *
 * <p>Churn: P(Exited = 1) = sigmoid(b0 + f(age) + 1.35 inactive + 1.1 Germany + 0.75 female
 * + 0.45 [balance &gt; 0] + g(products)), with f(age) = 1.8 a - 0.6 a^2 for a = (age - 40) / 10
 * (rising to a peak near 55 and falling after, as in the real data) and g = 0, -2.5, 3, 5 for
 * 1..4 products (2 products churn least, 3-4 most). b0 is solved by bisection so that the mean
 * probability over the drawn customers is exactly {@link #TARGET_RATE}, the real file's rate.
 *
 * <p>Usage: {@code java -cp examples/target/classes:core/target/classes
 * dev.lamina.examples.data.SyntheticChurn [out.csv]} (default {@code data/churn.csv}).
 */
public final class SyntheticChurn {
  /** The fixed seed of the committed file (the real file's churn count, for memorability). */
  public static final long SEED = 2037L;
  /** Rows, as the real file. */
  public static final int ROWS = 10_000;
  /** The real file's churn rate (2,037 of 10,000). */
  public static final double TARGET_RATE = 0.2037;
  /** The header, exactly as the real file's. */
  public static final String HEADER = "RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,"
      + "Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited";
  /** The default output path, relative to the project root. */
  public static final String DEFAULT_OUTPUT = "data/churn.csv";

  private static final String EOL = "\r\n";
  private static final long FIRST_CUSTOMER_ID = 15_565_701L;
  private static final int MAX_ID_GAP = 50;
  private static final List<String> SURNAMES = List.of("Smith", "Scott", "Martin", "Walker",
      "Brown", "Yeh", "Shih", "Genovese", "Wright", "Maclean", "Wilson", "White", "Ma", "Fanucci",
      "Wang", "Moore", "Lu", "Johnson", "Chu", "Thompson", "Sun", "McGregor", "Mai", "Young",
      "Watson", "Trevisani", "Shen", "Palerma", "Mitchell", "Miller", "Lo", "Kerr", "Kennedy", "Kao",
      "Jamieson", "Hughes", "Graham", "Fang", "Wei", "Wallace");
  private static final String[] COUNTRIES = {"France", "Germany", "Spain"};
  private static final int GERMANY = 1;
  private static final double[] COUNTRY_P = {0.50, 0.25, 0.25};
  private static final double[] PRODUCTS_P = {0.507, 0.460, 0.027, 0.006};
  // churn log-odds effects (see the class comment); strong enough that the best possible
  // classifier scores about 0.86, close to what networks reach on the real file
  private static final double[] PRODUCTS_EFFECT = {0, -2.5, 3.0, 5.0};
  private static final double AGE_CENTRE = 40;
  private static final double AGE_UNIT = 10;
  private static final double AGE_LINEAR = 1.8;
  private static final double AGE_QUADRATIC = 0.6;
  private static final double INACTIVE_EFFECT = 1.35;
  private static final double GERMANY_EFFECT = 1.1;
  private static final double FEMALE_EFFECT = 0.75;
  private static final double BALANCE_EFFECT = 0.45;
  private static final double MALE_P = 0.55;
  private static final double CARD_P = 0.70;
  private static final double ACTIVE_P = 0.515;
  private static final double ZERO_BALANCE_P = 0.36;
  private static final int MIN_AGE = 18;
  private static final int MAX_AGE = 92;
  private static final int AGE_SHIFT = 14;
  private static final int AGE_MEDIAN = 37;
  private static final double AGE_SIGMA = 0.4;

  private SyntheticChurn() {}

  /** Writes the file to {@code args[0]}, or {@value #DEFAULT_OUTPUT}. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
    write(out, SEED, ROWS);
    System.out.println("wrote " + ROWS + " rows to " + out);
  }

  /** Writes {@code rows} customers drawn from {@code seed} to {@code out} (folders created). */
  public static void write(Path out, long seed, int rows) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(csv(seed, rows));
    }
  }

  /** The whole file as text. */
  public static String csv(long seed, int rows) {
    Customers c = draw(seed, rows);
    double[] logit = new double[rows];
    for (int i = 0; i < rows; i++) {
      logit[i] = churnScore(c, i);
    }
    double b0 = calibrate(logit, TARGET_RATE);
    Rng exited = Rng.forPath(seed, "churn/Exited");
    StringBuilder sb = new StringBuilder(rows * 80).append(HEADER).append(EOL);
    for (int i = 0; i < rows; i++) {
      int label = exited.nextDouble() < sigmoid(b0 + logit[i]) ? 1 : 0;
      sb.append(i + 1).append(',').append(c.customerId[i]).append(',').append(c.surname[i])
          .append(',').append(c.creditScore[i]).append(',').append(COUNTRIES[c.country[i]])
          .append(',').append(c.male[i] ? "Male" : "Female").append(',').append(c.age[i])
          .append(',').append(c.tenure[i]).append(',').append(money(c.balance[i]))
          .append(',').append(c.products[i]).append(',').append(c.card[i] ? 1 : 0)
          .append(',').append(c.active[i] ? 1 : 0).append(',').append(money(c.salary[i]))
          .append(',').append(label).append(EOL);
    }
    return sb.toString();
  }

  /** The columns of every customer, each from its own random stream. */
  private static Customers draw(long seed, int rows) {
    Customers c = new Customers(rows);
    Rng ids = Rng.forPath(seed, "churn/CustomerId");
    Rng names = Rng.forPath(seed, "churn/Surname");
    Rng score = Rng.forPath(seed, "churn/CreditScore");
    Rng geo = Rng.forPath(seed, "churn/Geography");
    Rng gender = Rng.forPath(seed, "churn/Gender");
    Rng age = Rng.forPath(seed, "churn/Age");
    Rng tenure = Rng.forPath(seed, "churn/Tenure");
    Rng balance = Rng.forPath(seed, "churn/Balance");
    Rng products = Rng.forPath(seed, "churn/NumOfProducts");
    Rng card = Rng.forPath(seed, "churn/HasCrCard");
    Rng active = Rng.forPath(seed, "churn/IsActiveMember");
    Rng salary = Rng.forPath(seed, "churn/EstimatedSalary");
    int[] order = new int[rows];
    long id = FIRST_CUSTOMER_ID;
    for (int i = 0; i < rows; i++) {
      c.customerId[i] = id;
      id += 1 + ids.nextInt(MAX_ID_GAP); // unique, ascending; shuffled below as in the real file
      order[i] = i;
      c.surname[i] = SURNAMES.get(names.nextInt(SURNAMES.size()));
      c.creditScore[i] = (int) Math.round(Math.min(850, Math.max(350, score.nextGaussian(650, 97))));
      c.country[i] = pick(geo, COUNTRY_P);
      c.male[i] = gender.nextDouble() < MALE_P;
      c.age[i] = drawAge(age);
      c.tenure[i] = tenure.nextInt(11);
      c.balance[i] = drawBalance(balance);
      c.products[i] = 1 + pick(products, PRODUCTS_P);
      c.card[i] = card.nextDouble() < CARD_P;
      c.active[i] = active.nextDouble() < ACTIVE_P;
      c.salary[i] = salary.nextDouble(11, 200_000);
    }
    ids.shuffle(order, rows);
    long[] shuffled = new long[rows];
    for (int i = 0; i < rows; i++) {
      shuffled[i] = c.customerId[order[i]];
    }
    System.arraycopy(shuffled, 0, c.customerId, 0, rows);
    return c;
  }

  /**
   * 14 + lognormal(ln 23, 0.4), rounded, redrawn outside 18..92: median 37 and the real file's
   * deciles (27 at 10 %, 53 at 90 %, 72 at 99 %) within a year or two.
   */
  private static int drawAge(Rng rng) {
    while (true) {
      long age = AGE_SHIFT + Math.round(Math.exp(rng.nextGaussian(Math.log(AGE_MEDIAN - AGE_SHIFT), AGE_SIGMA)));
      if (age >= MIN_AGE && age <= MAX_AGE) {
        return (int) age;
      }
    }
  }

  private static double drawBalance(Rng rng) {
    if (rng.nextDouble() < ZERO_BALANCE_P) {
      return 0;
    }
    while (true) {
      double b = rng.nextGaussian(120_000, 30_000);
      if (b > 1000) {
        return b;
      }
    }
  }

  /** An index drawn with the given probabilities (which sum to 1). */
  private static int pick(Rng rng, double[] p) {
    double u = rng.nextDouble();
    for (int k = 0; k < p.length - 1; k++) {
      u -= p[k];
      if (u < 0) {
        return k;
      }
    }
    return p.length - 1;
  }

  /** The churn log-odds of customer {@code i} without the intercept. */
  private static double churnScore(Customers c, int i) {
    double a = (c.age[i] - AGE_CENTRE) / AGE_UNIT;
    return AGE_LINEAR * a - AGE_QUADRATIC * a * a
        + (c.active[i] ? 0 : INACTIVE_EFFECT)
        + (c.country[i] == GERMANY ? GERMANY_EFFECT : 0)
        + (c.male[i] ? 0 : FEMALE_EFFECT)
        + (c.balance[i] > 0 ? BALANCE_EFFECT : 0)
        + PRODUCTS_EFFECT[c.products[i] - 1];
  }

  /** The intercept b0 with mean(sigmoid(b0 + logit)) = rate, by bisection (the mean is monotone in b0). */
  static double calibrate(double[] logit, double rate) {
    double lo = -20;
    double hi = 20;
    for (int iter = 0; iter < 200 && hi - lo > 1e-12; iter++) {
      double mid = (lo + hi) / 2;
      double sum = 0;
      for (double z : logit) {
        sum += sigmoid(mid + z);
      }
      if (sum / logit.length < rate) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Money with at most 2 decimals and no trailing zeros ({@code 0}, {@code 79084.1}). */
  static String money(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** The drawn columns, one array each. */
  private static final class Customers {
    final long[] customerId;
    final String[] surname;
    final int[] creditScore;
    final int[] country;
    final boolean[] male;
    final int[] age;
    final int[] tenure;
    final double[] balance;
    final int[] products;
    final boolean[] card;
    final boolean[] active;
    final double[] salary;

    Customers(int n) {
      customerId = new long[n];
      surname = new String[n];
      creditScore = new int[n];
      country = new int[n];
      male = new boolean[n];
      age = new int[n];
      tenure = new int[n];
      balance = new double[n];
      products = new int[n];
      card = new boolean[n];
      active = new boolean[n];
      salary = new double[n];
    }
  }
}
