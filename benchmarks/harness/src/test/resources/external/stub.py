#!/usr/bin/env python3
"""Stub external solvers for the harness's tests: stub.py MODE COV BUDGETS TOL MAXITER OUT.

ok      cyclical coordinate descent (Spinu form) in plain Python, to TOL; MAX_ITERATIONS when capped; its trace
        (the normalised iterate after every sweep, the start as iteration 0, times from its own clock)
liar    1/n weights and no status (a claim of success)
failed  reports the status DIVERGED
short   claims success with n - 1 weights
Modes whose answer is ok's, with a bad trace (the harness rejects the trace, never the answer):
trace-order     iteration numbers that repeat
trace-time      a time before the one before
trace-short     an iterate with n - 1 weights
trace-nan       an iterate with a NaN weight
trace-type      'trace' is a string
"""
import json
import math
import sys
import time

t0 = time.perf_counter()

mode, cov, budgets, tol, maxiter, out = sys.argv[1:7]
S = [[float(v) for v in line.split(",")] for line in open(cov) if line.strip()]
b = [float(v) for v in open(budgets).read().strip().split(",")]
n = len(b)
tol = float(tol)
maxiter = int(maxiter) or 100000
answer = {}
if mode == "ok" or mode.startswith("trace-"):
    x = [1.0 / math.sqrt(S[i][i]) for i in range(n)]
    it = 0
    trace = []
    while True:
        sx = sum(x)
        trace.append({"iteration": it, "seconds": time.perf_counter() - t0, "weights": [v / sx for v in x]})
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
    answer = {"weights": [v / s for v in x], "iterations": it, "seconds": 0.001, "repeats": 1, "trace": trace}
    if err > tol / 4:
        answer["status"] = "MAX_ITERATIONS"
    if mode == "trace-order":
        trace[-1]["iteration"] = trace[0]["iteration"]
    elif mode == "trace-time":
        trace[-1]["seconds"] = trace[-2]["seconds"] / 2
    elif mode == "trace-short":
        trace[-1]["weights"] = trace[-1]["weights"][:-1]
    elif mode == "trace-nan":
        trace[-1]["weights"][0] = float("nan")
    elif mode == "trace-type":
        answer["trace"] = "sweeps"
elif mode == "liar":
    answer = {"weights": [1.0 / n] * n}
elif mode == "failed":
    answer = {"weights": [1.0 / n] * n, "status": "DIVERGED", "message": "cycle cap"}
elif mode == "short":
    answer = {"weights": [1.0 / (n - 1)] * (n - 1)}
with open(out, "w") as f:
    json.dump(answer, f)
