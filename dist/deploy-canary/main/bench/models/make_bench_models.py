"""Writes the two small binary classifiers the evaluate-gate benchmark scores (bench/gate.ts).
Run with Debian's python3 (numpy, python3-onnx): /usr/bin/python3 bench/models/make_bench_models.py

Both are MLPs 8 -> 32 -> 16 -> 1, sigmoid(relu(relu(x @ W1 + b1) @ W2 + b2) @ W3 + b3), taking
`features` float32 [N, 8] (the benchmark CSV's columns x0..x7, each standard normal) and returning
`probability` float32 [N, 1]:

mlp.onnx           the candidate: He-scaled normal weights drawn from numpy's PCG64 with seed SEED.
mlp-baseline.onnx  the baseline: the candidate's weights plus noise (PERTURBATION of each layer's
                   weight scale, seed SEED + 1), as if trained again on other data; a little worse.

In each, the last layer is rescaled so that on standard normal features (a seeded sample of SAMPLE
rows) the logit has mean LOGIT_MEAN and standard deviation LOGIT_SD. The benchmark draws each row's
label as Bernoulli(mlp(x)) (bench/gate-data.ts), so the candidate is the calibrated true model, ROC
AUC about 0.80, and the baseline about 0.01 below. Deterministic: the same script writes
byte-identical files. It prints the expected ROC AUCs on a simulated sample.
"""
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

here = Path(__file__).parent
FEATURES = 8
LAYERS = (FEATURES, 32, 16, 1)
SEED = 20240301
SAMPLE = 200_000
LOGIT_MEAN = -0.9
LOGIT_SD = 1.4
PERTURBATION = 0.15


def relu(x):
    return np.maximum(x, 0)


def logit(x, weights):
    (w1, b1), (w2, b2), (w3, b3) = weights
    return (relu(relu(x @ w1 + b1) @ w2 + b2) @ w3)[:, 0] + b3[0]


def standardized(weights, sample):
    """The weights with the last layer rescaled so the logit on `sample` has LOGIT_MEAN and LOGIT_SD."""
    (w1, b1), (w2, b2), (w3, _) = weights
    raw = logit(sample, [(w1, b1), (w2, b2), (w3, np.zeros(1))])
    scale = LOGIT_SD / raw.std()
    return [(w1, b1), (w2, b2), (w3 * scale, np.array([LOGIT_MEAN - raw.mean() * scale]))]


rng = np.random.default_rng(SEED)
candidate = [(rng.normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out)), rng.normal(0, 0.1, fan_out)) for fan_in, fan_out in zip(LAYERS, LAYERS[1:])]
sample = rng.standard_normal((SAMPLE, FEATURES))
candidate = standardized(candidate, sample)

noise = np.random.default_rng(SEED + 1)
baseline = [
    (w + noise.normal(0, PERTURBATION * np.abs(w).mean(), w.shape), b + noise.normal(0, PERTURBATION * 0.1, b.shape))
    for w, b in candidate
]
baseline = standardized(baseline, sample)


def const(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name=name)


def save(name, weights, doc):
    nodes = []
    initializer = []
    current = "features"
    for layer, (w, b) in enumerate(weights, start=1):
        last = layer == len(weights)
        nodes.append(helper.make_node("MatMul", [current, f"W{layer}"], [f"h{layer}_raw"]))
        nodes.append(helper.make_node("Add", [f"h{layer}_raw", f"b{layer}"], ["logit" if last else f"h{layer}_pre"]))
        if not last:
            nodes.append(helper.make_node("Relu", [f"h{layer}_pre"], [f"h{layer}"]))
        initializer += [const(f"W{layer}", w), const(f"b{layer}", b)]
        current = f"h{layer}"
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["probability"]))
    graph = helper.make_graph(
        nodes,
        name.removesuffix(".onnx"),
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", FEATURES])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])],
        initializer=initializer,
        doc_string=doc,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cd4ml-actions-bench")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, here / name)
    print(f"wrote {here / name} ({(here / name).stat().st_size} bytes)")


save("mlp.onnx", candidate, "Benchmark candidate: an MLP 8 -> 32 -> 16 -> 1 (bench/models/make_bench_models.py).")
save("mlp-baseline.onnx", baseline, "Benchmark baseline: mlp.onnx with perturbed weights (bench/models/make_bench_models.py).")

# Expected figures on a simulated sample, labels drawn as the benchmark draws them.
try:
    from sklearn.metrics import roc_auc_score

    check = np.random.default_rng(SEED + 2)
    x = check.standard_normal((SAMPLE, FEATURES))
    truth = logit(x, candidate)
    labels = check.random(SAMPLE) < 1 / (1 + np.exp(-truth))
    print(
        f"on {SAMPLE} simulated rows: positives {labels.mean():.3f}, "
        f"ROC AUC candidate {roc_auc_score(labels, truth):.4f}, baseline {roc_auc_score(labels, logit(x, baseline)):.4f}"
    )
except ImportError:
    pass
