"""Writes examples/models/churn-fixed-batch.onnx, the demo's bad release:

    /usr/bin/python3 examples/make_fixed_batch.py     (Debian's python3-onnx)

It is churn-v2.onnx with an export bug: the input goes through Reshape [-1, 5] and back to [-1, 4]
before the model proper. A batch whose row count is a multiple of 5 comes back unchanged, so offline
scoring in one batch (evaluate-gate on 2,000 rows) gives exactly churn-v2's predictions, while every
other request fails at run time, every single-row one included. The offline gate passes it; a canary
serving real requests catches it. Running the script again writes the same bytes.
"""
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

models = Path(__file__).parent / "models"
model = onnx.load(models / "churn-v2.onnx")
graph = model.graph

for node in graph.node:
    node.input[:] = ["batched" if name == "features" else name for name in node.input]
graph.initializer.extend([
    numpy_helper.from_array(np.array([-1, 5], dtype=np.int64), name="shape5"),
    numpy_helper.from_array(np.array([-1, 4], dtype=np.int64), name="shape4"),
])
bug = [
    helper.make_node("Reshape", ["features", "shape5"], ["fives"]),
    helper.make_node("Reshape", ["fives", "shape4"], ["batched"]),
]
nodes = bug + list(graph.node)
del graph.node[:]
graph.node.extend(nodes)
model.doc_string = "churn-v2 exported with a fixed-batch bug: only row counts that are multiples of 5 score."

onnx.checker.check_model(model)
out = models / "churn-fixed-batch.onnx"
onnx.save(model, out)
print("wrote", out)
