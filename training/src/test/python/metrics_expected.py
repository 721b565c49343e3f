#!/usr/bin/python3
"""Writes metrics-expected.json: what scikit-learn reports for a handful of label vectors, for
MetricsGoldenTest (which reads the committed file and runs without Python).

    /usr/bin/python3 training/src/test/python/metrics_expected.py

Each case holds the number of classes C the Java side is told about, y_true, y_pred and, from
scikit-learn:
  present           the classes that occur in y_true or y_pred (scikit-learn's unique_labels)
  accuracy          accuracy_score(y_true, y_pred)
  macro_f1          f1_score(y_true, y_pred, average="macro"), whose labels are by default the
                    union of y_true and y_pred, so a class that occurs in neither does not count
  per_class_recall  recall_score(..., labels=range(C), average=None), with null (JSON has no NaN)
                    for a class that has no true samples, where recall is 0/0
  confusion         confusion_matrix(y_true, y_pred, labels=range(C)), rows true, columns predicted

Deterministic: the random cases come from a seeded generator. Made with scikit-learn 1.2.1 and
NumPy 1.24.2 (Debian bookworm).
"""

import json
import os

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, recall_score

rng = np.random.default_rng(20261208)


def noisy(y_true, classes, error_rate):
    """y_true with about error_rate of its entries replaced by a random class in range(classes)."""
    y = np.array(y_true)
    flip = rng.random(len(y)) < error_rate
    y[flip] = rng.integers(0, classes, size=int(flip.sum()))
    return y.tolist()


def case(name, classes, y_true, y_pred):
    y_true, y_pred = list(map(int, y_true)), list(map(int, y_pred))
    labels = list(range(classes))
    present = sorted(set(y_true) | set(y_pred))
    support = np.bincount(y_true, minlength=classes)
    recall = recall_score(y_true, y_pred, labels=labels, average=None, zero_division=0)
    return {
        "name": name,
        "classes": classes,
        "y_true": y_true,
        "y_pred": y_pred,
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
        "present": present,
        "per_class_recall": [float(r) if support[c] > 0 else None for c, r in enumerate(recall)],
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }


cases = []
# A two-class face task labelled with CK+'s seven emotions, a perfect model: 1.0, not 2/7.
face = [3, 5, 5, 3, 3, 5, 3, 5, 5, 3]
cases.append(case("perfect, two of seven classes occur", 7, face, face))
# The same labels, some mistakes, no class outside the two.
cases.append(case("two of seven classes occur, mistakes", 7, face, [3, 5, 3, 3, 5, 5, 3, 5, 3, 3]))
# A class occurs in the predictions only (class 1 is never true).
cases.append(case("class absent from truth only", 4, [0, 0, 2, 2, 3, 3, 3, 0], [0, 1, 2, 1, 3, 3, 0, 0]))
# A class occurs in the truth only (class 2 is never predicted).
cases.append(case("class absent from predictions only", 3, [0, 1, 2, 2, 1, 0, 2, 1], [0, 1, 0, 1, 1, 0, 1, 1]))
# One class absent from truth, another from predictions, and one from both.
cases.append(case("absent from truth, from predictions, from both", 5,
                  [0, 0, 1, 1, 1, 3, 3, 0, 1, 3], [0, 2, 1, 0, 1, 3, 2, 0, 0, 0]))
# One class only, every prediction right.
cases.append(case("one class", 1, [0, 0, 0, 0], [0, 0, 0, 0]))
# One class in truth and predictions, declared among three.
cases.append(case("one class of three occurs", 3, [1, 1, 1], [1, 1, 1]))
# Every prediction wrong.
cases.append(case("every prediction wrong", 3, [0, 1, 2, 0, 1, 2], [1, 2, 0, 2, 0, 1]))
# Perfect predictions, all classes occur.
balanced = [c for c in range(4) for _ in range(5)]
cases.append(case("perfect, all classes occur", 4, balanced, balanced))
# Seeded random cases: three classes, mostly right; seven classes of which five occur.
y3 = rng.integers(0, 3, size=60).tolist()
cases.append(case("random, three classes", 3, y3, noisy(y3, 3, 0.35)))
y7 = rng.choice([0, 1, 2, 4, 6], size=97).tolist()
cases.append(case("random, five of seven classes occur in truth", 7, y7, noisy(y7, 6, 0.5)))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "metrics-expected.json")
with open(out, "w") as f:
    # One case a line, so that a diff after regenerating shows which case changed.
    f.write('{"sklearn": %s, "numpy": %s, "cases": [\n' % (json.dumps(sklearn.__version__), json.dumps(np.__version__)))
    f.write(",\n".join(json.dumps(c) for c in cases))
    f.write("\n]}\n")
for c in cases:
    print(f"{c['name']}: accuracy {c['accuracy']:.4f} macro_f1 {c['macro_f1']:.4f}")
