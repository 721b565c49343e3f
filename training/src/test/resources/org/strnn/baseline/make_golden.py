#!/usr/bin/python3
"""Writes golden.json: scikit-learn's shrinkage LDA and L2 multinomial logistic regression on a
small seeded data set, for BaselinesGoldenTest (which runs without Python).

    /usr/bin/python3 cli/src/test/resources/org/strnn/baseline/make_golden.py

Data: 3 classes, 20 training and 10 test samples per class, 24 features (T=2 x n=4 (a 2x2
lattice) x d=3), class means apart along a few features, a shared correlated noise, and one
constant feature. There are fewer samples per class than features, so the Ledoit-Wolf shrinkage
matters. Made with scikit-learn 1.2.1 and NumPy 1.24.2 (Debian bookworm).
"""

import json
import os

import numpy as np
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(20261127)
p, classes = 24, 3
mix = rng.normal(size=(p, p)) / np.sqrt(p)
means = rng.normal(scale=0.25, size=(classes, p))


def draw(per_class):
    x, y = [], []
    for c in range(classes):
        z = rng.normal(size=(per_class, p)) @ mix + means[c] + 2.0
        z[:, 5] = 3.0  # a constant feature
        x.append(z * (1 + np.arange(p) / 10))
        y += [c] * per_class
    return np.vstack(x), np.array(y)


x_train, y_train = draw(20)
x_test, y_test = draw(10)
scaler = StandardScaler().fit(x_train)
s_train, s_test = scaler.transform(x_train), scaler.transform(x_test)
lda = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto").fit(s_train, y_train)
# newton-cg converges to the optimum (largest gradient component ~1e-9); lbfgs stops at ~2e-4 here.
logreg = LogisticRegression(C=1.0, multi_class="multinomial", solver="newton-cg", tol=1e-14,
                            max_iter=100000).fit(s_train, y_train)
golden = {
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "shape": {"T": 2, "n": 4, "d": 3, "classes": classes},
    "x_train": x_train.tolist(), "y_train": y_train.tolist(),
    "x_test": x_test.tolist(), "y_test": y_test.tolist(),
    "lda_coef": lda.coef_.tolist(), "lda_intercept": lda.intercept_.tolist(),
    "lda_decision": lda.decision_function(s_test).tolist(), "lda_predict": lda.predict(s_test).tolist(),
    "logreg_coef": logreg.coef_.tolist(), "logreg_intercept": logreg.intercept_.tolist(),
    "logreg_proba": logreg.predict_proba(s_test).tolist(), "logreg_predict": logreg.predict(s_test).tolist(),
    "lda_accuracy": float(np.mean(lda.predict(s_test) == y_test)),
    "logreg_accuracy": float(np.mean(logreg.predict(s_test) == y_test)),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json"), "w") as f:
    json.dump(golden, f, indent=1)
    f.write("\n")
print("lda", golden["lda_accuracy"], "logreg", golden["logreg_accuracy"])
