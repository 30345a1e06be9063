#!/usr/bin/python3
"""Writes the example data sets from the copies Debian's python3-sklearn ships (BSD-3-Clause,
redistributable): examples/diabetes/diabetes.csv, examples/iris/iris.csv, examples/linnerud/linnerud.csv.

    /usr/bin/python3 examples/make_datasets.py

diabetes: Efron, Hastie, Johnstone and Tibshirani (2004), "Least Angle Regression": 442 patients, ten
baseline variables as measured (not scikit-learn's scaled copy) and the disease progression one year later.
iris: Fisher (1936), the species by name. linnerud: Tenenhaus (1998), three exercises and three
physiological measurements of 20 men.
"""
import csv
import gzip
import os

DATA = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, header, rows):
    with open(os.path.join(HERE, path), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def diabetes():
    with gzip.open(os.path.join(DATA, "diabetes_data_raw.csv.gz"), "rt") as f:
        x = [line.split() for line in f if line.strip()]
    with gzip.open(os.path.join(DATA, "diabetes_target.csv.gz"), "rt") as f:
        y = [line.strip() for line in f if line.strip()]
    header = ["age", "sex", "bmi", "bp", "tc", "ldl", "hdl", "tch", "ltg", "glu", "progression"]
    write("diabetes/diabetes.csv", header, [r + [str(int(float(t)))] for r, t in zip(x, y)])


def iris():
    names = ["setosa", "versicolor", "virginica"]
    with open(os.path.join(DATA, "iris.csv")) as f:
        rows = list(csv.reader(f))[1:]
    header = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    write("iris/iris.csv", header, [r[:4] + [names[int(r[4])]] for r in rows])


def linnerud():
    def read(name):
        with open(os.path.join(DATA, name)) as f:
            return [line.split() for line in f if line.strip()]
    exercise, physiological = read("linnerud_exercise.csv"), read("linnerud_physiological.csv")
    write("linnerud/linnerud.csv", exercise[0] + physiological[0], [a + b for a, b in zip(exercise[1:], physiological[1:])])


if __name__ == "__main__":
    diabetes()
    iris()
    linnerud()
