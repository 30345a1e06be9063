"""The physical limit next to the benchmark table: dgemm and sgemm on this machine's OpenBLAS.

numpy's matmul calls the BLAS that Debian's libblas.so.3 alternative points to (OpenBLAS when
libopenblas0 is installed), on all cores. Prints the best of several 2048 x 2048 x 2048 products
in GFLOP/s (2 n^3 floating-point operations each), for float64 (dgemm) and float32 (sgemm).
Run: /usr/bin/python3 bench/gemm_peak.py
"""
import time

import numpy as np


def peak(dtype, n=2048, repeats=7):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n)).astype(dtype)
    b = rng.standard_normal((n, n)).astype(dtype)
    c = a @ b  # warm-up: threads started, pages touched
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - t0)
    return 2 * n ** 3 / best / 1e9


def main():
    for name, dtype in (("dgemm", np.float64), ("sgemm", np.float32)):
        print(f"RESULT {name}_gflops {peak(dtype):.1f}", flush=True)


if __name__ == "__main__":
    main()
