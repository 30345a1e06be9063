#!/usr/bin/python3
"""Writes classification_fixture.csv: scikit-learn's confusion matrix and per-class scores.

Run with Debian's python3-sklearn (1.2.1) and python3-numpy:
    /usr/bin/python3 make_classification_fixture.py > classification_fixture.csv

Each case is a block of rows "data,<case>,<k>,<threshold>,<label>,<p_0..>" (the true class index
and the model's outputs: k probabilities for a multi-class case, one score for a binary case,
where a row is predicted positive when its score is strictly above the threshold), then rows
"expect,<case>,<what>,<values...>": "confusion" once per true class (scikit-learn's
confusion_matrix, rows true class, columns predicted), and "precision", "recall", "f1" per class
(precision_recall_fscore_support(average=None, zero_division=0)). Predicted multi-class labels
are numpy's argmax, the first maximum on ties. Values are written with repr(), so they read back
exactly.
"""
import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support


def cases():
    rng = np.random.default_rng(20261207)
    # Three classes, iris-sized, probabilities that are right about two times in three.
    y = rng.integers(0, 3, size=45)
    p = rng.dirichlet([1, 1, 1], size=45)
    p[np.arange(45), y] += rng.uniform(0, 0.8, size=45)
    yield "three_classes", 3, 0.0, y, p / p.sum(axis=1, keepdims=True)
    # Four classes, one never predicted (its precision divides by zero) and ties in some rows.
    y = rng.integers(0, 4, size=30)
    p = rng.dirichlet([2, 2, 2, 0.05], size=30)
    p[:4] = [0.4, 0.4, 0.1, 0.1]
    p[:, 3] = np.minimum(p[:, 3], 0.2)
    yield "never_predicted", 4, 0.0, y, p
    # Binary scores at a threshold that is not 0.5.
    y = rng.integers(0, 2, size=40)
    s = np.clip(0.35 * y + rng.uniform(0, 0.65, size=40), 0, 1)
    yield "binary", 2, 0.3, y, s.reshape(-1, 1)


def main():
    for name, k, threshold, y, p in cases():
        for i in range(len(y)):
            print(",".join(["data", name, str(k), repr(threshold), str(int(y[i]))] + [repr(float(v)) for v in p[i]]))
        predicted = (p[:, 0] > threshold).astype(int) if k == 2 else np.argmax(p, axis=1)
        m = confusion_matrix(y, predicted, labels=list(range(k)))
        for row in m:
            print(",".join(["expect", name, "confusion"] + [str(int(v)) for v in row]))
        pr, rc, f1, _ = precision_recall_fscore_support(y, predicted, labels=list(range(k)), average=None,
                                                        zero_division=0)
        for what, values in (("precision", pr), ("recall", rc), ("f1", f1)):
            print(",".join(["expect", name, what] + [repr(float(v)) for v in values]))


if __name__ == "__main__":
    main()
