"""The evaluate-gate benchmark's peer: the usual scikit-learn paired bootstrap of ROC AUC.

    /usr/bin/python3 bench/peers/sklearn_bootstrap.py DIR [--resamples K] [--seed S] [--extrapolate-to B]

DIR holds labels.npy (uint8 0/1), candidate.npy and baseline.npy (float64 probabilities), written by
bench/gate.ts from the same scores the action's bootstrap uses. Each resample draws n row indices with
replacement (numpy's default_rng(seed).integers(0, n, n)) and computes roc_auc_score of the candidate
and of the baseline on those rows: ROC AUC only (the action computes ten metrics per resample), one
thread. K resamples are timed and the time per resample extrapolated to B (default 1000).

Prints one JSON line: rows, resamples, seconds (the K resamples), per_resample_s, extrapolated_s,
the point estimates auc_candidate and auc_baseline (full data), the interval of the K deltas,
load_s, import_s, maxrss_kib, and the sklearn and numpy versions.
"""
import argparse
import json
import resource
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

import_s = time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--resamples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--extrapolate-to", type=int, default=1000)
    args = parser.parse_args()

    loading = time.perf_counter()
    labels = np.load(f"{args.dir}/labels.npy")
    candidate = np.load(f"{args.dir}/candidate.npy")
    baseline = np.load(f"{args.dir}/baseline.npy")
    load_s = time.perf_counter() - loading
    n = labels.shape[0]

    point = time.perf_counter()
    auc_candidate = roc_auc_score(labels, candidate)
    auc_baseline = roc_auc_score(labels, baseline)
    point_s = time.perf_counter() - point

    rng = np.random.default_rng(args.seed)
    deltas = []
    timing = time.perf_counter()
    for _ in range(args.resamples):
        rows = rng.integers(0, n, n)
        y = labels[rows]
        deltas.append(roc_auc_score(y, candidate[rows]) - roc_auc_score(y, baseline[rows]))
    seconds = time.perf_counter() - timing
    per_resample = seconds / args.resamples

    report = {
        "rows": int(n),
        "resamples": args.resamples,
        "seconds": round(seconds, 3),
        "per_resample_s": round(per_resample, 4),
        "extrapolate_to": args.extrapolate_to,
        "extrapolated_s": round(per_resample * args.extrapolate_to, 1),
        "point_s": round(point_s, 3),
        "auc_candidate": float(auc_candidate),
        "auc_baseline": float(auc_baseline),
        "delta_min": float(min(deltas)),
        "delta_max": float(max(deltas)),
        "load_s": round(load_s, 3),
        "import_s": round(import_s, 3),
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
