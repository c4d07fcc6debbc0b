"""Writes the example churn data: /usr/bin/python3 examples/make_customers.py

examples/data/customers.csv          5,000 customers as of 2024-06-30 (the training data, the drift reference)
examples/data/customers-2024-07.csv  2,000 customers as of 2024-07-31 (the "current" month, mildly shifted)

Synthetic and seeded (numpy default_rng(7)): running it again writes byte-identical files. The shape is
a subscription business's churn table; see examples/README.md for the columns and the July shift.
Needs only numpy.
"""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
DATA = HERE / "data"

COLUMNS = [
    "customer_id", "age", "country", "plan", "signup_date", "tenure_months",
    "monthly_spend", "support_tickets", "email", "last_login", "churned",
]

COUNTRIES = ["US", "DE", "GB", "FR", "ES", "IT", "NL"]
COUNTRY_P = [0.38, 0.18, 0.14, 0.12, 0.07, 0.06, 0.05]
PLANS = ["basic", "standard", "premium"]
# Typical monthly price per plan; the spend varies around it (discounts, add-ons, usage).
PLAN_PRICE = {"basic": 11.0, "standard": 24.0, "premium": 52.0}
# Churn log-odds by plan, relative to standard.
PLAN_CHURN = {"basic": 0.45, "standard": 0.0, "premium": -0.35}

FIRST_NAMES = {
    "US": ["james", "mary", "john", "linda", "michael", "sarah", "david", "emily", "chris", "jessica", "daniel", "ashley"],
    "DE": ["anna", "lukas", "lena", "jonas", "marie", "felix", "laura", "paul", "julia", "leon", "sophie", "max"],
    "GB": ["oliver", "amelia", "harry", "olivia", "george", "isla", "jack", "ava", "noah", "grace", "thomas", "emma"],
    "FR": ["louis", "camille", "hugo", "chloe", "lucas", "manon", "jules", "ines", "arthur", "lea", "gabriel", "louise"],
    "ES": ["pablo", "lucia", "alejandro", "paula", "javier", "carmen", "diego", "elena", "mateo", "sara", "hugo", "martina"],
    "IT": ["marco", "giulia", "luca", "francesca", "matteo", "chiara", "andrea", "sofia", "lorenzo", "elisa", "davide", "alice"],
    "NL": ["daan", "emma", "sem", "julia", "lucas", "tess", "finn", "sanne", "bram", "fleur", "thijs", "lotte"],
}
LETTERS = list("abcdefghijklmnoprstvw")
DOMAINS = ["example.com", "example.org", "example.net"]
DOMAIN_P = [0.6, 0.25, 0.15]

FIRST_SIGNUP = date(2015, 1, 1)
NULL_P = 0.015  # monthly_spend and last_login are each missing in about 1.5% of rows


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (the customer's tenure on the snapshot day)."""
    return (end.year - start.year) * 12 + (end.month - start.month) - (1 if end.day < start.day else 0)


def draw_population(rng: np.random.Generator, n: int, snapshot: date, *, age_mean: float,
                    spend_factor: float, plan_p: list[float]) -> dict[str, np.ndarray]:
    """The customers' attributes, before ids, emails and churn."""
    country = rng.choice(COUNTRIES, size=n, p=COUNTRY_P)
    plan = rng.choice(PLANS, size=n, p=plan_p)
    age = np.clip(np.rint(rng.normal(age_mean, 13.0, n)), 18, 90).astype(int)

    # Signups grow over time: days since signup are roughly exponential (mean ~26 months).
    max_days = (snapshot - FIRST_SIGNUP).days
    days_ago = np.floor(rng.exponential(800.0, n)).astype(int) % (max_days + 1)
    signup = np.array([snapshot - timedelta(days=int(d)) for d in days_ago], dtype=object)
    tenure = np.array([months_between(s, snapshot) for s in signup], dtype=int)

    price = np.array([PLAN_PRICE[p] for p in plan])
    spend = price * spend_factor * rng.lognormal(0.0, 0.35, n) * (1.0 + 0.004 * np.minimum(tenure, 60))
    spend[rng.random(n) < 0.008] = 0.0  # a fully discounted month
    spend = np.round(spend, 2)

    tickets = rng.poisson(0.6 + 0.5 * rng.random(n) + np.where(plan == "basic", 0.4, 0.0))
    return {"country": country, "plan": plan, "age": age, "signup": signup, "tenure": tenure,
            "spend": spend, "tickets": tickets}


def churn_logit(pop: dict[str, np.ndarray]) -> np.ndarray:
    """Log-odds of churn without the intercept: short tenure, many tickets, low spend and basic plans churn."""
    plan_effect = np.array([PLAN_CHURN[p] for p in pop["plan"]])
    return (-0.035 * pop["tenure"] + 0.55 * pop["tickets"] - 0.012 * pop["spend"]
            + plan_effect - 0.008 * (pop["age"] - 40))


def intercept_for(logit: np.ndarray, rate: float) -> float:
    """The intercept that makes the mean churn probability equal `rate` (bisection, deterministic)."""
    lo, hi = -10.0, 10.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if np.mean(1.0 / (1.0 + np.exp(-(mid + logit)))) < rate:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def finish(rng: np.random.Generator, pop: dict[str, np.ndarray], snapshot: date, intercept: float) -> dict[str, np.ndarray]:
    """Churn labels, last logins and missing values."""
    n = len(pop["age"])
    p = 1.0 / (1.0 + np.exp(-(intercept + churn_logit(pop))))
    churned = (rng.random(n) < p).astype(int)

    # Churners were last seen a little longer ago; nobody logged in before signing up or after the snapshot.
    end = datetime(snapshot.year, snapshot.month, snapshot.day, 23, 59, 59, tzinfo=timezone.utc)
    seconds_ago = rng.exponential(np.where(churned == 1, 12.0, 5.0) * 86400.0)
    last_login = []
    for s, ago in zip(pop["signup"], seconds_ago):
        first = datetime(s.year, s.month, s.day, tzinfo=timezone.utc)
        seen = max(end - timedelta(seconds=int(ago)), first + timedelta(seconds=int(ago) % 3600))
        last_login.append(min(seen, end).strftime("%Y-%m-%dT%H:%M:%SZ"))
    last_login = np.array(last_login, dtype=object)

    spend = pop["spend"].astype(object)
    spend[rng.random(n) < NULL_P] = None
    last_login[rng.random(n) < NULL_P] = None
    return {**pop, "spend": spend, "last_login": last_login, "churned": churned}


def assign_ids_and_emails(rng: np.random.Generator, pops: list[dict[str, np.ndarray]]) -> None:
    """Customer ids grow with the signup date across both months; emails are unique across both."""
    signups = np.concatenate([p["signup"] for p in pops])
    order = sorted(range(len(signups)), key=lambda i: (signups[i], i))
    ids = 100000 + np.cumsum(rng.integers(1, 25, len(signups)))
    all_ids = np.empty(len(signups), dtype=int)
    all_ids[order] = ids
    seen: set[str] = set()
    offset = 0
    for pop in pops:
        n = len(pop["age"])
        pop["id"] = all_ids[offset:offset + n]
        offset += n
        emails = []
        for country in pop["country"]:
            while True:
                first = FIRST_NAMES[country][rng.integers(len(FIRST_NAMES[country]))]
                letter = LETTERS[rng.integers(len(LETTERS))]
                number = int(rng.integers(1, 100))
                domain = DOMAINS[rng.choice(len(DOMAINS), p=DOMAIN_P)]
                email = f"{first}.{letter}{number}@{domain}"
                if email not in seen:
                    break
            seen.add(email)
            emails.append(email)
        pop["email"] = np.array(emails, dtype=object)


def write(path: Path, pop: dict[str, np.ndarray]) -> None:
    order = np.argsort(pop["id"], kind="stable")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        for i in order:
            spend = pop["spend"][i]
            out.writerow([
                int(pop["id"][i]), int(pop["age"][i]), pop["country"][i], pop["plan"][i],
                pop["signup"][i].isoformat(), int(pop["tenure"][i]),
                "" if spend is None else f"{spend:.2f}", int(pop["tickets"][i]), pop["email"][i],
                pop["last_login"][i] or "", int(pop["churned"][i]),
            ])
    print(f"wrote {path} ({len(order)} rows, {path.stat().st_size} bytes, "
          f"churn rate {np.mean(pop['churned']):.3f})")


def main() -> None:
    rng = np.random.default_rng(7)
    june, july = date(2024, 6, 30), date(2024, 7, 31)
    reference = draw_population(rng, 5000, june, age_mean=41.0, spend_factor=1.0, plan_p=[0.50, 0.35, 0.15])
    # July: an older audience, higher spend and a plan mix moving towards premium (a pricing change).
    current = draw_population(rng, 2000, july, age_mean=45.0, spend_factor=1.12, plan_p=[0.38, 0.37, 0.25])
    intercept = intercept_for(churn_logit(reference), 0.20)
    reference = finish(rng, reference, june, intercept)
    current = finish(rng, current, july, intercept)  # same churn mechanism; only the inputs moved
    assign_ids_and_emails(rng, [reference, current])
    write(DATA / "customers.csv", reference)
    write(DATA / "customers-2024-07.csv", current)


if __name__ == "__main__":
    main()
