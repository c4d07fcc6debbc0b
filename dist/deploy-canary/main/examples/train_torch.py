"""Trains the example churn model with PyTorch, on the GPU when there is one.

    python3 examples/train_torch.py [data.csv]

The PyTorch twin of examples/train.mjs, for train-on-gpu-runner on a GPU runner: the same data,
features, split, training, log lines and output files, so the two can be compared run for run.

- data: examples/data/customers.csv (or the argument, or CD4ML_PARAMS "data"), label `churned`; an
  empty field is missing (NaN);
- split: a deterministic 20% validation hold-out, floor(rows / 5) rows: a Fisher-Yates shuffle of the
  row indexes driven by SplitMix64 seeded with CD4ML_SEED, exactly as train.mjs draws it;
- preprocessing: missing values replaced by the training mean, then standardised with the training
  mean and population standard deviation (1 where that is 0);
- model: logistic regression (torch.nn.Linear) trained in float64 by full-batch gradient descent
  (torch.optim.SGD without momentum) from zero weights on the mean log loss plus l2/2 * ||w||^2
  (the bias is not penalised); CUDA when available, else the CPU (the first line says which);
- log: `epoch=10 loss=0.5123 val_auc=0.7812` every `log_every` epochs and after the last one;
- model file: CD4ML_OUTPUT_DIR/model.onnx (default `model`) by torch.onnx.export (opset 13, the
  TorchScript exporter where this torch has it): the exported module replaces NaN by the training
  means itself, so the model takes raw features; input `features` float [N, 4] in the order age,
  tenure_months, monthly_spend, support_tickets, output `probability` float [N, 1], N dynamic;
- metrics: CD4ML_METRICS_FILE (default `metrics.json`) gets {"roc_auc", "log_loss", "accuracy"} on
  the validation rows, as scikit-learn's roc_auc_score, log_loss and accuracy_score (threshold 0.5).

Params (CD4ML_PARAMS, a JSON object) as train.mjs: lr (0.5), epochs (300), l2 (0.001), log_every (10),
features (all four), data. CD4ML_SEED: an integer in [0, 2^32) (default 42).

Needs PyTorch (Debian: python3-torch) and nothing else; with python3-onnx installed the written file
is also checked with onnx.checker. The same seed and params give the same file on the same machine
and device; CUDA and the CPU may differ in the last bits of the weights.
"""
from __future__ import annotations

import csv
import inspect
import json
import math
import os
import sys
import time
import warnings
from pathlib import Path

# cuBLAS is deterministic only with a fixed workspace (torch.use_deterministic_algorithms asks for it).
os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")

try:
    import torch
except ImportError as error:  # pragma: no cover - depends on the machine
    raise SystemExit(f"train_torch.py: PyTorch is not importable ({error}); install it (Debian: apt-get install python3-torch) or use examples/train.mjs, which needs only Node.")

FEATURES = ["age", "tenure_months", "monthly_spend", "support_tickets"]
LABEL = "churned"
HERE = Path(__file__).resolve().parent
DEFAULTS = {"lr": 0.5, "epochs": 300, "l2": 0.001, "log_every": 10}
KNOWN_PARAMS = ["lr", "epochs", "l2", "log_every", "features", "data"]
MASK64 = (1 << 64) - 1
EPS = sys.float_info.epsilon  # 2^-52, sklearn's log_loss clipping for float64


class UsageError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Settings


def number(name: str, value: object, *, integer: bool = False, minimum: float, exclusive: bool = False) -> float:
    parsed = value
    if isinstance(value, str) and value.strip() != "":
        try:
            parsed = float(value)
        except ValueError:
            parsed = None
    ok = isinstance(parsed, (int, float)) and not isinstance(parsed, bool) and math.isfinite(parsed)
    ok = ok and (not integer or float(parsed).is_integer()) and (parsed > minimum if exclusive else parsed >= minimum)
    if not ok:
        expected = f"{'an integer' if integer else 'a number'} {'>' if exclusive else '≥'} {minimum:g}"
        raise UsageError(f'CD4ML_PARAMS "{name}" is {json.dumps(value)}; expected {expected}.')
    return int(parsed) if integer else float(parsed)


def settings(env: dict[str, str], argv: list[str]) -> dict:
    params: object = {}
    raw = env.get("CD4ML_PARAMS", "").strip()
    if raw:
        try:
            params = json.loads(raw)
        except json.JSONDecodeError as error:
            raise UsageError(f'CD4ML_PARAMS is not valid JSON ({error}); expected an object such as {{"lr": 0.5, "epochs": 300}}.') from None
        if not isinstance(params, dict):
            raise UsageError(f'CD4ML_PARAMS is {raw}; expected a JSON object such as {{"lr": 0.5, "epochs": 300}}.')
    unknown = [name for name in params if name not in KNOWN_PARAMS]
    if unknown:
        keys = ", ".join(f'"{name}"' for name in unknown)
        raise UsageError(f"CD4ML_PARAMS has unknown key{'' if len(unknown) == 1 else 's'} {keys}; this script takes {', '.join(KNOWN_PARAMS)}.")
    if len(argv) > 1:
        raise UsageError(f"expected at most one argument (the CSV to train on), got {len(argv)}: {' '.join(argv)}.")

    features = FEATURES
    if "features" in params:
        value = params["features"]
        chosen = value if isinstance(value, list) else value.split(",") if isinstance(value, str) else None
        if chosen is None or not all(isinstance(name, str) for name in chosen):
            raise UsageError(f'CD4ML_PARAMS "features" is {json.dumps(value)}; expected a list or comma-separated string of {", ".join(FEATURES)}.')
        features = [name.strip() for name in chosen]
        bad = [name for name in features if name not in FEATURES]
        if bad or not features:
            named = ", ".join(f'"{name}"' for name in bad) if bad else "no column"
            raise UsageError(f'CD4ML_PARAMS "features" names {named}; choose from {", ".join(FEATURES)}.')

    seed_text = env.get("CD4ML_SEED", "").strip() or "42"
    if not seed_text.isdigit() or not seed_text.isascii() or int(seed_text) > 0xFFFFFFFF:
        raise UsageError(f'CD4ML_SEED is "{seed_text}"; expected an integer from 0 to 4294967295.')

    data = argv[0] if argv else params.get("data") if isinstance(params.get("data"), str) and params.get("data") else HERE / "data" / "customers.csv"
    return {
        "data": Path(data).resolve(),
        "lr": number("lr", params.get("lr", DEFAULTS["lr"]), minimum=0, exclusive=True),
        "epochs": number("epochs", params.get("epochs", DEFAULTS["epochs"]), integer=True, minimum=1),
        "l2": number("l2", params.get("l2", DEFAULTS["l2"]), minimum=0),
        "log_every": number("log_every", params.get("log_every", DEFAULTS["log_every"]), integer=True, minimum=1),
        "features": features,
        "seed": int(seed_text),
        "output_dir": Path(env.get("CD4ML_OUTPUT_DIR", "").strip() or "model").resolve(),
        "metrics_file": Path(env.get("CD4ML_METRICS_FILE", "").strip() or "metrics.json").resolve(),
    }


# ---------------------------------------------------------------------------------------------
# Data


def read_table(path: Path) -> tuple[list[list[float]], list[int]]:
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise UsageError(f'cannot read the training data {path}: {error.strerror}. Pass the CSV as the argument or CD4ML_PARAMS "data".') from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [name for name in [*FEATURES, LABEL] if name not in header]
        if missing:
            raise UsageError(f'{path} has no column "{missing[0]}" (its header: {", ".join(header)}); it needs {", ".join([*FEATURES, LABEL])}.')
        at = [header.index(name) for name in [*FEATURES, LABEL]]
        x: list[list[float]] = []
        y: list[int] = []
        for number_, fields in enumerate(reader, start=1):
            if not fields:
                continue
            row = []
            for j, name in enumerate(FEATURES):
                field = fields[at[j]] if at[j] < len(fields) else ""
                try:
                    value = float(field) if field != "" else math.nan
                except ValueError:
                    value = math.inf
                if not math.isfinite(value) and field != "":
                    raise UsageError(f'{path} row {number_}: {name} is "{field}"; expected a number or an empty field.')
                row.append(value)
            label = fields[at[-1]] if at[-1] < len(fields) else ""
            if label not in ("0", "1"):
                raise UsageError(f'{path} row {number_}: {LABEL} is "{label}"; expected 0 or 1.')
            x.append(row)
            y.append(int(label))
    if len(y) < 10:
        raise UsageError(f"{path} has {len(y)} data rows; training needs at least 10.")
    return x, y


def split_mix64(seed: int):
    """SplitMix64 (Steele, Lea & Flood 2014), as train.mjs: each call returns the next 64-bit output."""
    state = seed

    def next_value() -> int:
        nonlocal state
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    return next_value


def split(rows: int, seed: int) -> tuple[list[int], list[int]]:
    """Training and validation row indexes, each ascending, drawn as train.mjs draws them."""
    next_value = split_mix64(seed)
    order = list(range(rows))
    for i in range(rows - 1, 0, -1):
        j = ((next_value() >> 32) * (i + 1)) >> 32
        order[i], order[j] = order[j], order[i]
    validation = rows // 5
    return sorted(order[validation:]), sorted(order[:validation])


# ---------------------------------------------------------------------------------------------
# Metrics, as scikit-learn defines them (pure Python, on lists)


def roc_auc(labels: list[int], scores: list[float]) -> float:
    """roc_auc_score: the Mann-Whitney statistic with tied scores given their mean rank; NaN with one class."""
    n = len(labels)
    order = sorted(range(n), key=lambda i: (scores[i], i))
    positives = 0
    rank_sum = 0.0
    start = 0
    while start < n:
        end = start
        while end + 1 < n and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        rank = (start + end) / 2 + 1
        for k in range(start, end + 1):
            if labels[order[k]] == 1:
                positives += 1
                rank_sum += rank
        start = end + 1
    negatives = n - positives
    if positives == 0 or negatives == 0:
        return math.nan
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def log_loss(labels: list[int], probabilities: list[float]) -> float:
    total = 0.0
    for label, probability in zip(labels, probabilities):
        p = min(max(probability, EPS), 1 - EPS)
        total -= math.log(p if label == 1 else 1 - p)
    return total / len(labels)


def accuracy(labels: list[int], probabilities: list[float]) -> float:
    return sum(1 for label, p in zip(labels, probabilities) if (1 if p >= 0.5 else 0) == label) / len(labels)


# ---------------------------------------------------------------------------------------------
# Training and export


class ChurnModel(torch.nn.Module):
    """probability = sigmoid(impute(features) @ W + b): the standardisation folded into W and b."""

    def __init__(self, means: list[float], weights: list[float], bias: float) -> None:
        super().__init__()
        self.register_buffer("means", torch.tensor(means, dtype=torch.float32))
        self.linear = torch.nn.Linear(len(weights), 1)
        with torch.no_grad():
            self.linear.weight.copy_(torch.tensor([weights], dtype=torch.float32))
            self.linear.bias.copy_(torch.tensor([bias], dtype=torch.float32))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        imputed = torch.where(torch.isnan(features), self.means, features)
        return torch.sigmoid(self.linear(imputed))


def train(x: list[list[float]], y: list[int], config: dict, device: torch.device) -> dict:
    k = len(FEATURES)
    used = [name in config["features"] for name in FEATURES]
    train_rows, validation_rows = split(len(y), config["seed"])

    # Training means (ignoring missing values) and population standard deviations of the imputed
    # values, summed row by row in ascending order as train.mjs sums them.
    means: list[float] = []
    scales: list[float] = []
    for j in range(k):
        present = [x[row][j] for row in train_rows if not math.isnan(x[row][j])]
        if not present:
            raise UsageError(f"every training value of {FEATURES[j]} is missing; nothing to impute it with.")
        total = 0.0
        for value in present:
            total += value
        mean = total / len(present)
        squares = 0.0
        for row in train_rows:
            value = x[row][j]
            d = (mean if math.isnan(value) else value) - mean
            squares += d * d
        sd = math.sqrt(squares / len(train_rows))
        means.append(mean)
        scales.append(sd if sd > 0 else 1.0)

    def standardised(rows: list[int]) -> torch.Tensor:
        raw = torch.tensor([x[row] for row in rows], dtype=torch.float64, device=device)
        mean = torch.tensor(means, dtype=torch.float64, device=device)
        scale = torch.tensor(scales, dtype=torch.float64, device=device)
        mask = torch.tensor(used, dtype=torch.float64, device=device)
        return (torch.where(torch.isnan(raw), mean, raw) - mean) / scale * mask

    z_train, z_validation = standardised(train_rows), standardised(validation_rows)
    y_train = torch.tensor([float(y[row]) for row in train_rows], dtype=torch.float64, device=device).unsqueeze(1)
    y_validation = [y[row] for row in validation_rows]

    linear = torch.nn.Linear(k, 1, dtype=torch.float64, device=device)
    torch.nn.init.zeros_(linear.weight)
    torch.nn.init.zeros_(linear.bias)
    optimiser = torch.optim.SGD(linear.parameters(), lr=config["lr"])
    bce = torch.nn.functional.binary_cross_entropy_with_logits

    def validation_probabilities() -> list[float]:
        with torch.no_grad():
            return torch.sigmoid(linear(z_validation)).squeeze(1).cpu().tolist()

    for epoch in range(1, config["epochs"] + 1):
        optimiser.zero_grad()
        loss = bce(linear(z_train), y_train) + config["l2"] / 2 * linear.weight.pow(2).sum()
        loss.backward()
        optimiser.step()
        if epoch % config["log_every"] == 0 or epoch == config["epochs"]:
            with torch.no_grad():
                train_loss = bce(linear(z_train), y_train).item()
            val_auc = roc_auc(y_validation, validation_probabilities())
            print(f"epoch={epoch} loss={train_loss:.4f} val_auc={val_auc:.4f}", flush=True)

    probabilities = validation_probabilities()
    metrics = {"roc_auc": roc_auc(y_validation, probabilities), "log_loss": log_loss(y_validation, probabilities), "accuracy": accuracy(y_validation, probabilities)}
    w = linear.weight.detach().squeeze(0).cpu().tolist()
    b = linear.bias.detach().item()
    # Fold the standardisation into the weights: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
    weights = [w[j] / scales[j] for j in range(k)]
    bias = b - sum(w[j] * means[j] / scales[j] for j in range(k))
    return {"model": ChurnModel(means, weights, bias), "metrics": metrics, "validation_rows": len(validation_rows)}


def export(model: ChurnModel, path: Path) -> None:
    """torch.onnx.export on the CPU, `features` [N, 4] → `probability` [N, 1], opset 13."""
    model = model.cpu().eval()
    example = torch.tensor([[40.0, 12.0, math.nan, 1.0], [30.0, 1.0, 20.0, 0.0]], dtype=torch.float32)
    options = {
        "input_names": ["features"],
        "output_names": ["probability"],
        "dynamic_axes": {"features": {0: "N"}, "probability": {0: "N"}},
        "opset_version": 13,
        "do_constant_folding": True,
    }
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        options["dynamo"] = False  # the TorchScript exporter: opset 13 and no onnxscript needed
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # torch ≥ 2.9 warns that the TorchScript exporter is the legacy one; it is chosen on purpose.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        torch.onnx.export(model, (example,), str(path), **options)
    try:
        import onnx
    except ImportError:
        return
    onnx.checker.check_model(onnx.load(str(path)), full_check=True)


def main() -> None:
    started = time.perf_counter()
    config = settings(dict(os.environ), sys.argv[1:])
    cuda = torch.cuda.is_available()
    device = torch.device("cuda" if cuda else "cpu")
    print(f"device: cuda ({torch.cuda.get_device_name(0)})" if cuda else "device: cpu (CUDA is not available)", flush=True)
    torch.manual_seed(config["seed"])
    torch.use_deterministic_algorithms(True)
    x, y = read_table(config["data"])
    print(
        f"training on {config['data']} ({len(y)} rows; features {', '.join(config['features'])}); "
        f"lr {config['lr']:g}, epochs {config['epochs']}, l2 {config['l2']:g}, seed {config['seed']}; torch {torch.__version__}",
        flush=True,
    )
    result = train(x, y, config, device)
    path = config["output_dir"] / "model.onnx"
    export(result["model"], path)
    config["metrics_file"].parent.mkdir(parents=True, exist_ok=True)
    config["metrics_file"].write_text(json.dumps(result["metrics"], indent=2) + "\n")
    m = result["metrics"]
    # No `name=value` here: a metric regex such as `loss=([0-9.]+)` must read the epoch lines only.
    print(
        f"wrote {path} and {config['metrics_file']}: validation ({result['validation_rows']} rows) "
        f"roc_auc {m['roc_auc']:.4f}, log_loss {m['log_loss']:.4f}, accuracy {m['accuracy']:.4f}; {time.perf_counter() - started:.2f} s"
    )


if __name__ == "__main__":
    try:
        main()
    except UsageError as error:
        raise SystemExit(f"train_torch.py: {error}") from None
