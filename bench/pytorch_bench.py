#!/usr/bin/env python3
"""PyTorch side of issue 5's two workloads, on the data exported by Lamina's harness
(EndToEnd --export DIR), with the same model, initializers, optimizer and batch sizes.

  churn: 11-6-6-1 relu/relu/sigmoid (he_uniform, he_uniform, glorot_uniform, zero biases),
         adam (lr 1e-3, eps 1e-7 as Keras), batch 10, 100 epochs, shuffled each epoch; reports
         training seconds and test accuracy.
  wide:  11-256-256-1, same settings, batch 256, 1 epoch on 1,000,000 rows; reports samples/s.

The loss is BCEWithLogitsLoss on the last layer's logits (what Keras's TensorFlow backend does for
sigmoid + binary_crossentropy). Prints "RESULT name median min max" lines like the Java harness.
Run with Debian's interpreter (/usr/bin/python3) after `apt-get install python3-torch`.
"""
import argparse
import statistics
import time

import numpy as np
import torch
from torch import nn


def network(inputs, hidden, dtype):
    layers = [nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1)]
    model = nn.Sequential(*layers).to(dtype)
    with torch.no_grad():
        for i, m in enumerate(model):
            if isinstance(m, nn.Linear):
                if i < 4:
                    nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")  # Keras he_uniform
                else:
                    nn.init.xavier_uniform_(m.weight)  # Keras glorot_uniform
                nn.init.zeros_(m.bias)
    return model


def train(model, x, y, epochs, batch):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.BCEWithLogitsLoss()
    n = x.shape[0]
    for _ in range(epochs):
        perm = torch.randperm(n)
        for start in range(0, n, batch):
            idx = perm[start:start + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()


def summary(name, values):
    print(f"RESULT {name} median {statistics.median(values):.4f} min {min(values):.4f} "
          f"max {max(values):.4f} runs {len(values)}", flush=True)


def churn(data, runs, dtype):
    tr = np.loadtxt(f"{data}/churn_train.csv", delimiter=",")
    te = np.loadtxt(f"{data}/churn_test.csv", delimiter=",")
    x = torch.tensor(tr[:, :-1], dtype=dtype)
    y = torch.tensor(tr[:, -1:], dtype=dtype)
    xt = torch.tensor(te[:, :-1], dtype=dtype)
    yt = te[:, -1]
    seconds = []
    acc = 0.0
    for run in range(-1, runs):
        torch.manual_seed(42 + run)
        model = network(11, 6, dtype)
        t0 = time.perf_counter()
        train(model, x, y, 100, 10)
        s = time.perf_counter() - t0
        with torch.no_grad():
            pred = (torch.sigmoid(model(xt)).numpy()[:, 0] > 0.5).astype(float)
        acc = float((pred == yt).mean())
        print(f"churn {'cold' if run < 0 else f'run {run}'}: {s:.3f} s, test accuracy {acc:.4f}", flush=True)
        if run >= 0:
            seconds.append(s)
    summary("churn_seconds", seconds)
    print(f"RESULT churn_test_accuracy {acc:.4f}")


def wide(data, runs, dtype):
    x = torch.from_numpy(np.fromfile(f"{data}/wide_x.f64", dtype="<f8").reshape(-1, 11)).to(dtype)
    y = torch.from_numpy(np.fromfile(f"{data}/wide_y.f64", dtype="<f8").reshape(-1, 1)).to(dtype)
    rates = []
    for run in range(-1, runs):
        torch.manual_seed(42 + run)
        model = network(11, 256, dtype)
        t0 = time.perf_counter()
        train(model, x, y, 1, 256)
        s = time.perf_counter() - t0
        r = x.shape[0] / s
        print(f"wide {'cold' if run < 0 else f'run {run}'}: {s:.3f} s, {r:.0f} samples/s", flush=True)
        if run >= 0:
            rates.append(r)
    summary("wide_samples_per_second", rates)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True, help="folder written by EndToEnd --export")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--workload", choices=["churn", "wide", "all"], default="all")
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    # One intra-op thread: Debian's torch runs its matrix products on OpenBLAS, whose own pthreads
    # already use both cores; with torch's OpenMP threads on top (2 + 2 threads on 2 cores) the wide
    # run fell from 108,000 to 29,000 samples/s and churn from 41 s to 51 s (docs/BENCHMARKS.md).
    p.add_argument("--threads", type=int, default=1,
                   help="torch intra-op threads (OpenBLAS keeps its own, OPENBLAS_NUM_THREADS)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    dtype = torch.float32 if a.dtype == "float32" else torch.float64
    import os
    print(f"torch {torch.__version__}, {torch.get_num_threads()} intra-op threads, OPENBLAS_NUM_THREADS="
          f"{os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, {a.dtype}", flush=True)
    if a.workload in ("churn", "all"):
        churn(a.data, a.runs, dtype)
    if a.workload in ("wide", "all"):
        wide(a.data, a.runs, dtype)


if __name__ == "__main__":
    main()
