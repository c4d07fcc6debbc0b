"""Trains the example churn model and exports it to ONNX.

    /usr/bin/python3 examples/train.py --features tenure_months,monthly_spend --out examples/models/churn-v1.onnx
    /usr/bin/python3 examples/train.py --out examples/models/churn-v2.onnx

A standardised logistic regression (scikit-learn, lbfgs, C=1.0) on examples/data/customers.csv,
label `churned`. The ONNX graph takes every column of FEATURES in that order as one float tensor
`features` [N, 4] and returns `probability` [N, 1]; columns not selected with --features get weight
zero, so every model of this family is evaluated with the same `features` list. A missing value
(an empty `monthly_spend`, read as NaN) is replaced in the graph by the training mean of its column. Deterministic: the
same data and options write a byte-identical file. Needs Debian's python3-sklearn and python3-onnx.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

FEATURES = ["age", "tenure_months", "monthly_spend", "support_tickets"]
LABEL = "churned"
here = Path(__file__).parent


def read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    x = np.array([[float(row[name]) if row[name] != "" else np.nan for name in FEATURES] for row in rows], dtype=np.float64)
    y = np.array([int(row[LABEL]) for row in rows], dtype=np.int64)
    return x, y


def export(weights: np.ndarray, bias: float, means: np.ndarray, out: Path, doc: str) -> None:
    """probability = sigmoid(impute(features) @ weights + bias), weights already folded with the scaling."""
    graph = helper.make_graph(
        [
            helper.make_node("IsNaN", ["features"], ["missing"]),
            helper.make_node("Where", ["missing", "means", "features"], ["imputed"]),
            helper.make_node("MatMul", ["imputed", "W"], ["logit_raw"]),
            helper.make_node("Add", ["logit_raw", "b"], ["logit"]),
            helper.make_node("Sigmoid", ["logit"], ["probability"]),
        ],
        "churn",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", len(FEATURES)])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])],
        initializer=[
            numpy_helper.from_array(weights.astype(np.float32).reshape(-1, 1), name="W"),
            numpy_helper.from_array(np.array([bias], dtype=np.float32), name="b"),
            numpy_helper.from_array(means.astype(np.float32), name="means"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cd4ml-examples", doc_string=doc)
    model.ir_version = 8
    onnx.checker.check_model(model)
    out.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=here / "data" / "customers.csv")
    parser.add_argument("--features", default=",".join(FEATURES), help="comma-separated subset of " + ", ".join(FEATURES))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    chosen = [name.strip() for name in args.features.split(",")]
    unknown = [name for name in chosen if name not in FEATURES]
    if unknown:
        parser.error(f"unknown feature(s) {', '.join(unknown)}; choose from {', '.join(FEATURES)}")

    x, y = read(args.data)
    mask = np.array([name in chosen for name in FEATURES])
    mean = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), mean, x)
    scale = x.std(axis=0)
    z = (x[:, mask] - mean[mask]) / scale[mask]
    model = LogisticRegression(C=1.0, max_iter=1000).fit(z, y)
    # Fold the standardisation into the weights: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
    weights = np.zeros(len(FEATURES))
    weights[mask] = model.coef_[0] / scale[mask]
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * mean[mask] / scale[mask]))
    doc = f"churn logistic regression on {', '.join(chosen)}"
    export(weights, bias, mean, args.out, doc)
    auc = roc_auc_score(y, model.predict_proba(z)[:, 1])
    print(f"wrote {args.out} ({doc}); training ROC AUC {auc:.4f}")


if __name__ == "__main__":
    main()
