"""Writes examples/data/customers-broken.csv, a copy of customers.csv with known defects, and the exact
findings expected from validating it against examples/customers.schema.yaml:

    /usr/bin/python3 examples/make_broken.py     (after examples/make_customers.py)

Outputs examples/data/customers-broken.csv and test/fixtures/reference/customers-broken.expected.json.
Rows are 1-based data rows: row 1 is the first line after the header (physical line = row + 1). Only the
named fields of the chosen rows change; every other byte is as in customers.csv. The rows are drawn with
numpy default_rng(7), disjoint across defects, plus two fixed ones: the first row gets an age below 18 and
the last row an invalid email (defects at the file's edges).

Defects (the rule each one breaks):
  age              3 below 18, 4 above 120            age.min, age.max
  email            12 without a valid user@host form  email.pattern
  country          60 not in the allowed list (1.2%,  country.allowed (mostly: 0.99 tolerates 50)
                   "UK", "us", "Germany", ...)
  customer_id      3 rows repeat an earlier row's id  customer_id.unique, table.key
  monthly_spend    40 more nulls (on top of the       monthly_spend.max_null_fraction (0.02)
                   file's own), > 2% of the rows
  tenure_months    5 non-integers such as 12.5        tenure_months.type
It also sets one row's age to exactly 120, a boundary value that must pass.

The expectations come from this bookkeeping and are checked against an independent pandas validator
(test/fixtures/reference/check_schema.py) before the JSON is written.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
ROOT = HERE.parent
SOURCE = HERE / "data" / "customers.csv"
BROKEN = HERE / "data" / "customers-broken.csv"
SCHEMA = HERE / "customers.schema.yaml"
REFERENCE = ROOT / "test" / "fixtures" / "reference"
EXPECTED = REFERENCE / "customers-broken.expected.json"

LOW_AGES = ["17", "16", "0"]
HIGH_AGES = ["121", "130", "199", "999"]
BAD_COUNTRIES = ["UK", "us", "Germany", "CA", "JP", "de", "BR", "MX"]
BAD_COUNTRY_COUNT = 60
BAD_EMAIL_COUNT = 12
EXTRA_SPEND_NULLS = 40
DUPLICATE_IDS = 3
NON_INTEGER_TENURES = 5


def bad_email(email: str, k: int) -> str:
    """Six ways an exported email stops being user@host."""
    local, domain = email.split("@")
    return [
        f"{local}{domain}",                                   # the @ lost
        f"{local}@@{domain}",                                 # a doubled @
        f"{local.replace('.', ' ', 1)}@{domain}",             # a space instead of the dot
        f"@{domain}",                                         # no user part
        f"{local}@",                                          # no host
        f"{local}@{domain.replace('.', '@', 1)}",             # a second @ in the host
    ][k % 6]


def load_checker():
    spec = importlib.util.spec_from_file_location("check_schema", REFERENCE / "check_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert '"' not in text and "\r" not in text, "customers.csv is expected to need no quoting"
    header, *lines = text.rstrip("\n").split("\n")
    columns = header.split(",")
    col = {name: i for i, name in enumerate(columns)}
    rows = [line.split(",") for line in lines]  # rows[r - 1] is data row r
    n = len(rows)
    assert all(len(r) == len(columns) for r in rows)

    spend_nulls = [r for r in range(1, n + 1) if rows[r - 1][col["monthly_spend"]] == ""]
    rng = np.random.default_rng(7)
    fixed = {1, n}  # row 1: a low age; row n: a bad email
    pool = np.array([r for r in range(3, n - 1) if r not in spend_nulls])
    picks = [int(r) for r in rng.choice(pool, size=400, replace=False)]

    def take(k: int) -> list[int]:
        chosen = []
        while len(chosen) < k:
            r = picks.pop()
            if all(abs(r - f) > 1 for f in fixed):  # also keeps duplicate ids away from their neighbours
                chosen.append(r)
                fixed.add(r)
        return sorted(chosen)

    defects: list[dict] = []

    def record(column: str, rule: str, changed: list[int], values: list[str]) -> None:
        before = [rows[r - 1][col[column]] for r in changed]
        for r, v in zip(changed, values):
            rows[r - 1][col[column]] = v
        defects.append({"column": column, "rule": rule, "rows": changed, "before": before, "after": values})

    low_rows = sorted([1] + take(len(LOW_AGES) - 1))
    record("age", "min", low_rows, LOW_AGES)
    record("age", "max", take(len(HIGH_AGES)), HIGH_AGES)
    email_rows = sorted(take(BAD_EMAIL_COUNT - 1) + [n])
    record("email", "pattern", email_rows, [bad_email(rows[r - 1][col["email"]], k) for k, r in enumerate(email_rows)])
    country_rows = take(BAD_COUNTRY_COUNT)
    record("country", "allowed", country_rows, [BAD_COUNTRIES[k % len(BAD_COUNTRIES)] for k in range(len(country_rows))])
    # A re-exported record: the row takes the id of an earlier row 5 to 500 rows before it.
    dup_rows = take(DUPLICATE_IDS)
    sources = []
    for r in dup_rows:
        source = r - int(rng.integers(5, 500))
        while source < 1 or source in fixed:
            source = r - int(rng.integers(5, 500))
        fixed.add(source)
        sources.append(source)
    record("customer_id", "unique", dup_rows, [rows[s - 1][col["customer_id"]] for s in sources])
    defects[-1]["copied_from_rows"] = sources
    record("monthly_spend", "max_null_fraction", take(EXTRA_SPEND_NULLS), [""] * EXTRA_SPEND_NULLS)
    tenure_rows = take(NON_INTEGER_TENURES)
    record("tenure_months", "type", tenure_rows, [f"{rows[r - 1][col['tenure_months']]}.5" for r in tenure_rows])
    boundary = take(1)
    record("age", "boundary (passes)", boundary, ["120"])

    BROKEN.write_text(header + "\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")

    # What the bookkeeping says must fail, per (column, rule); every other rule must find nothing.
    expected_failing = {(d["column"], d["rule"]): d["rows"] for d in defects if d["rule"] != "boundary (passes)"}
    expected_failing[("monthly_spend", "max_null_fraction")] = sorted(
        spend_nulls + expected_failing[("monthly_spend", "max_null_fraction")])
    # max_null_fraction counts the null rows even where the fraction is allowed.
    expected_failing[("last_login", "max_null_fraction")] = [
        r for r in range(1, n + 1) if rows[r - 1][col["last_login"]] == ""]
    expected_failing[("table", "key")] = expected_failing[("customer_id", "unique")]

    report = load_checker().check(BROKEN, SCHEMA)
    found = {(c, rule): r for c, results in report["columns"].items() for rule, r in results.items()}
    found[("table", "key")] = report["table"]["key"]
    for key, r in found.items():
        rows_expected = expected_failing.get(key, [])
        assert r["failing_rows"] == len(rows_expected), (key, r, len(rows_expected))
        assert r["first_rows"] == rows_expected[:5], (key, r["first_rows"], rows_expected[:5])
    assert all(key in found for key in expected_failing), set(expected_failing) - set(found)
    assert report["rows"] == n and report["table"]["rows"]["passed"] and report["table"]["columns"]["passed"]

    expected = {
        "file": "examples/data/customers-broken.csv",
        "schema": "examples/customers.schema.yaml",
        "source": "examples/data/customers.csv",
        "generated_by": "examples/make_broken.py",
        "row_numbering": "1-based data rows: row 1 is the first line after the header; physical line = row + 1",
        "conventions": {
            "failing_rows": "rows that break the rule; for unique and table.key, rows whose value already occurred "
                            "in an earlier row (the first occurrence passes)",
            "first_rows": "the first 5 failing rows in file order",
            "checked_rows": "non-null rows for row-level rules and unique; all rows for nullable, "
                            "max_null_fraction and table.key",
            "passed": "whether the check passes, after `mostly` and max_null_fraction",
        },
        "rows": report["rows"],
        "failed": report["failed"],
        "columns": report["columns"],
        "table": report["table"],
        "defects": defects,
    }
    EXPECTED.write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {BROKEN} ({n} rows, {BROKEN.stat().st_size} bytes)")
    print(f"wrote {EXPECTED}: failed error checks {report['failed']['error']}")


if __name__ == "__main__":
    main()
