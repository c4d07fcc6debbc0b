"""The pandas contender of the benchmark (bench/run.ts): load a CSV with pd.read_csv and profile every
column, about the work of validate-data's profile.

Per column: count, nulls; numeric columns: mean, std, min, max and the quantiles 0.01, 0.05, 0.25,
0.5, 0.75, 0.95, 0.99 (exact); date columns (--dates): min and max; text (object) columns:
value_counts (the distinct count and the 20 most frequent values are kept).

Usage: python3 pandas_profile.py FILE [--dates col,col] [--profile-output PATH]

Prints one JSON line on stdout: pandas and Python versions, rows, seconds (import, read, profile,
total, measured inside this process), CPU seconds (user + system) and peak RSS
(resource.getrusage(RUSAGE_SELF).ru_maxrss, KiB on Linux). The full profile goes to --profile-output
when given.
"""

import time

started = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402

import pandas as pd  # noqa: E402

imported = time.perf_counter()

QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
TOP = 20


def plain(value):
    """A JSON-ready scalar (numpy numbers and timestamps become Python numbers and ISO text)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def profile_column(series):
    count = int(series.count())
    column = {"dtype": str(series.dtype), "count": count, "nulls": int(len(series) - count)}
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        quantiles = series.quantile(QUANTILES)
        column.update(
            mean=plain(series.mean()),
            std=plain(series.std()),
            min=plain(series.min()),
            max=plain(series.max()),
            quantiles={str(q): plain(v) for q, v in quantiles.items()},
        )
    elif pd.api.types.is_datetime64_any_dtype(series):
        column.update(min=plain(series.min()), max=plain(series.max()))
    else:
        counts = series.value_counts()
        column.update(distinct=int(len(counts)), top={str(k): int(v) for k, v in counts.head(TOP).items()})
    return column


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--dates", default="")
    parser.add_argument("--profile-output")
    args = parser.parse_args()
    dates = [name for name in args.dates.split(",") if name]

    frame = pd.read_csv(args.file, parse_dates=dates)
    loaded = time.perf_counter()
    columns = {name: profile_column(frame[name]) for name in frame.columns}
    profiled = time.perf_counter()

    if args.profile_output:
        with open(args.profile_output, "w") as out:
            json.dump({"rows": int(len(frame)), "columns": columns}, out, indent=1)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "contender": "pandas",
                "pandas": pd.__version__,
                "python": platform.python_version(),
                "rows": int(len(frame)),
                "import_s": round(imported - started, 3),
                "read_s": round(loaded - imported, 3),
                "profile_s": round(profiled - loaded, 3),
                "total_s": round(profiled - started, 3),
                "maxrss_kib": usage.ru_maxrss,
                "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
