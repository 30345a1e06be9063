#!/usr/bin/python3
"""Writes regression_fixture.csv: scikit-learn's regression metrics on fixed predictions.

Run with Debian's python3-sklearn (1.2.1) and python3-numpy:
    /usr/bin/python3 make_regression_fixture.py > regression_fixture.csv

Each case is a block of rows "data,<case>,<t_0..t_k-1>,<p_0..p_k-1>,<w>" (targets, predictions and a
sample weight), then rows "expect,<case>,<metric>,<weighted 0|1>,<value>" with the value
scikit-learn (or numpy, for log_cosh, which scikit-learn lacks) gives on that data. Values are
written with repr(), so they read back exactly. mape is scaled by 100: Keras reports a percentage,
scikit-learn a fraction. r2_raw_<j> is output j's R2 (multioutput="raw_values").
"""
import numpy as np
from sklearn.metrics import (mean_absolute_error, mean_absolute_percentage_error, mean_squared_error,
                             mean_squared_log_error, r2_score)
from sklearn.metrics.pairwise import cosine_similarity


def cases():
    rng = np.random.default_rng(20261206)
    # One output on the diabetes scale (progression 25..346).
    t = rng.uniform(25, 346, size=(53, 1))
    yield "single", t, np.abs(t + rng.normal(0, 40, size=t.shape)), rng.uniform(0.2, 3.0, size=53)
    # Three outputs on linnerud's scales (Weight, Waist, Pulse).
    t = np.column_stack([rng.uniform(138, 247, 40), rng.uniform(31, 46, 40), rng.uniform(46, 74, 40)])
    yield "three_outputs", t, t * rng.uniform(0.8, 1.2, size=t.shape), rng.uniform(0.5, 2.0, size=40)
    # Small positive values, where percentage and log errors matter.
    t = rng.uniform(0.05, 2.0, size=(31, 2))
    yield "small", t, np.abs(t + rng.normal(0, 0.3, size=t.shape)), rng.integers(0, 4, size=31).astype(float)


def expectations(t, p, w):
    row_cos = np.diag(cosine_similarity(t, p))
    d = p - t
    row_logcosh = np.mean(np.log(np.cosh(d)), axis=1)
    yield "mae", lambda sw: mean_absolute_error(t, p, sample_weight=sw)
    yield "mse", lambda sw: mean_squared_error(t, p, sample_weight=sw)
    yield "rmse", lambda sw: np.sqrt(mean_squared_error(t, p, sample_weight=sw))
    yield "mape", lambda sw: 100 * mean_absolute_percentage_error(t, p, sample_weight=sw)
    yield "msle", lambda sw: mean_squared_log_error(t, p, sample_weight=sw)
    yield "r2", lambda sw: r2_score(t, p, sample_weight=sw)
    yield "r2_variance_weighted", lambda sw: r2_score(t, p, sample_weight=sw, multioutput="variance_weighted")
    for j in range(t.shape[1]):
        # multioutput="raw_values": one R2 per output (what a run reports per target).
        yield "r2_raw_%d" % j, lambda sw, j=j: r2_score(t, p, sample_weight=sw, multioutput="raw_values")[j]
    yield "log_cosh", lambda sw: np.average(row_logcosh, weights=sw)
    yield "cosine_similarity", lambda sw: np.average(row_cos, weights=sw)


def main():
    for name, t, p, w in cases():
        for i in range(t.shape[0]):
            print(",".join(["data", name] + [repr(float(v)) for v in t[i]] + [repr(float(v)) for v in p[i]]
                           + [repr(float(w[i]))]))
        for metric, f in expectations(t, p, w):
            print(",".join(["expect", name, metric, "0", repr(float(f(None)))]))
            print(",".join(["expect", name, metric, "1", repr(float(f(w)))]))


if __name__ == "__main__":
    main()
