#!/usr/bin/python3
"""Writes multilabel_fixture.csv: scikit-learn's multi-label classification scores on fixed scores.

Run with Debian's python3-sklearn (1.2.1) and python3-numpy:
    /usr/bin/python3 make_multilabel_fixture.py > multilabel_fixture.csv

Each case is a row "thresholds,<case>,<t_0..t_k-1>" (each label's decision threshold: a label is 1
when its score is strictly greater), a block of rows "data,<case>,<y_0..y_k-1>,<s_0..s_k-1>" (the
0/1 labels and the sigmoid scores), then rows "expect,<case>,<metric>,<label>,<value>" where
<label> is a label's index or "macro", and the value is scikit-learn's on that data
(average=None per label, average="macro" for the mean over the labels). Values are written with
repr(), so they read back exactly.
"""
import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score


def cases():
    rng = np.random.default_rng(20261207)
    # Two labels on churn's rates (about 20% and 50% positive), scores that know something.
    y = np.column_stack([rng.random(200) < 0.2, rng.random(200) < 0.5]).astype(float)
    s = 1 / (1 + np.exp(-(2.5 * (y - 0.5) + rng.normal(0, 1.2, size=y.shape))))
    yield "two_labels", y, s, np.array([0.5, 0.5])
    # Three labels, per-label thresholds, tied scores (rounded to 0.05) and a label never flagged.
    y = (rng.random((60, 3)) < np.array([0.1, 0.4, 0.7])).astype(float)
    s = np.round(1 / (1 + np.exp(-(2 * (y - 0.5) + rng.normal(0, 1, size=y.shape)))) * 20) / 20
    yield "three_labels_ties", y, s, np.array([0.99, 0.35, 0.6])


def expectations(y, s, t):
    p = (s > t).astype(int)
    yield "precision", precision_score(y, p, average=None, zero_division=0), \
        precision_score(y, p, average="macro", zero_division=0)
    yield "recall", recall_score(y, p, average=None, zero_division=0), \
        recall_score(y, p, average="macro", zero_division=0)
    yield "f1", f1_score(y, p, average=None, zero_division=0), f1_score(y, p, average="macro", zero_division=0)
    yield "roc_auc", roc_auc_score(y, s, average=None), roc_auc_score(y, s, average="macro")


def main():
    for name, y, s, t in cases():
        print(",".join(["thresholds", name] + [repr(float(v)) for v in t]))
        for i in range(y.shape[0]):
            print(",".join(["data", name] + [repr(float(v)) for v in y[i]] + [repr(float(v)) for v in s[i]]))
        for metric, per_label, macro in expectations(y, s, t):
            for j, v in enumerate(per_label):
                print(",".join(["expect", name, metric, str(j), repr(float(v))]))
            print(",".join(["expect", name, metric, "macro", repr(float(macro))]))


if __name__ == "__main__":
    main()
