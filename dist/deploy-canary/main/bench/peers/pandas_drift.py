"""The pandas + scipy peer of check-drift's benchmark (bench/drift.ts): the usual way to check two
CSVs for drift in Python, end to end.

Reads the reference and the current CSV with pandas, then per column:
  numeric (a numeric dtype with more than 5 distinct reference values): scipy's ks_2samp,
    wasserstein_distance normed by np.std of the reference, and PSI over the reference's deciles;
  categorical (any other column with at most 1,000 distinct reference values): chi2_contingency of
    the aligned value counts and scipy's jensenshannon of the aligned frequencies.
Columns with more distinct values that are not numeric (dates, e-mails) are skipped, as check-drift
skips them without value counts. Prints one JSON line: wall times, peak RSS (getrusage, KiB), CPU
seconds and every column's statistics.

Usage: python3 pandas_drift.py REFERENCE.csv CURRENT.csv
"""
import json
import resource
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402
from scipy.stats import chi2_contingency, ks_2samp, wasserstein_distance  # noqa: E402

imported = time.perf_counter()

MANY_VALUES = 5
MAX_CATEGORIES = 1000
PSI_EPS = 1e-4


def psi(reference: np.ndarray, current: np.ndarray) -> float:
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, 11)))
    edges[0], edges[-1] = -np.inf, np.inf
    ref = np.histogram(reference, edges)[0] / len(reference)
    cur = np.histogram(current, edges)[0] / len(current)
    ref = np.clip(ref, PSI_EPS, None)
    cur = np.clip(cur, PSI_EPS, None)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def main() -> None:
    reference_path, current_path = sys.argv[1], sys.argv[2]
    reference = pd.read_csv(reference_path)
    current = pd.read_csv(current_path)
    read = time.perf_counter()
    columns = {}
    for name in reference.columns:
        if name not in current.columns:
            continue
        ref = reference[name].dropna()
        cur = current[name].dropna()
        numeric = pd.api.types.is_numeric_dtype(ref) and pd.api.types.is_numeric_dtype(cur)
        distinct = ref.nunique()
        if numeric and distinct > MANY_VALUES:
            r = ref.to_numpy(dtype=np.float64)
            c = cur.to_numpy(dtype=np.float64)
            ks = ks_2samp(r, c)
            columns[name] = {
                'kind': 'numeric',
                'ks_statistic': float(ks.statistic),
                'ks_p': float(ks.pvalue),
                'wasserstein': float(wasserstein_distance(r, c) / np.std(r)),
                'psi': psi(r, c),
            }
        elif distinct <= MAX_CATEGORIES:
            counts = pd.concat([ref.value_counts(), cur.value_counts()], axis=1).fillna(0).to_numpy()
            chi2, p, _, _ = chi2_contingency(counts.T)
            columns[name] = {
                'kind': 'categorical',
                'chi2': float(chi2),
                'chi2_p': float(p),
                'jensenshannon': float(jensenshannon(counts[:, 0] / counts[:, 0].sum(), counts[:, 1] / counts[:, 1].sum())),
            }
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        'rows_reference': int(len(reference)),
        'rows_current': int(len(current)),
        'import_s': round(imported - started, 3),
        'read_s': round(read - imported, 3),
        'stats_s': round(done - read, 3),
        'total_s': round(done - started, 3),
        'maxrss_kib': int(usage.ru_maxrss),
        'cpu_s': round(usage.ru_utime + usage.ru_stime, 3),
        'pandas': pd.__version__,
        'columns': columns,
    }))


if __name__ == '__main__':
    main()
