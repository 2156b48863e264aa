#!/usr/bin/env python3
"""Stub external solvers for the harness's tests: stub.py MODE COV BUDGETS TOL MAXITER OUT.

ok      cyclical coordinate descent (Spinu form) in plain Python, to TOL; MAX_ITERATIONS when capped
liar    1/n weights and no status (a claim of success)
failed  reports the status DIVERGED
short   claims success with n - 1 weights
"""
import json
import math
import sys

mode, cov, budgets, tol, maxiter, out = sys.argv[1:7]
S = [[float(v) for v in line.split(",")] for line in open(cov) if line.strip()]
b = [float(v) for v in open(budgets).read().strip().split(",")]
n = len(b)
tol = float(tol)
maxiter = int(maxiter) or 100000
answer = {}
if mode == "ok":
    x = [1.0 / math.sqrt(S[i][i]) for i in range(n)]
    it = 0
    while True:
        Sx = [sum(S[i][j] * x[j] for j in range(n)) for i in range(n)]
        var = sum(x[i] * Sx[i] for i in range(n))
        err = max(abs(x[i] * Sx[i] / var - b[i]) for i in range(n))
        if err <= tol / 4 or it >= maxiter:
            break
        for i in range(n):
            c = sum(S[i][j] * x[j] for j in range(n)) - S[i][i] * x[i]
            x[i] = (-c + math.sqrt(c * c + 4 * S[i][i] * b[i])) / (2 * S[i][i])
        it += 1
    s = sum(x)
    answer = {"weights": [v / s for v in x], "iterations": it, "seconds": 0.001, "repeats": 1}
    if err > tol / 4:
        answer["status"] = "MAX_ITERATIONS"
elif mode == "liar":
    answer = {"weights": [1.0 / n] * n}
elif mode == "failed":
    answer = {"weights": [1.0 / n] * n, "status": "DIVERGED", "message": "cycle cap"}
elif mode == "short":
    answer = {"weights": [1.0 / (n - 1)] * (n - 1)}
with open(out, "w") as f:
    json.dump(answer, f)
