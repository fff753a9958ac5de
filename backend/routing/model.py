"""A linear model over character and sound n-grams, learned from labelled complaints.

Trained with scikit-learn (TF-IDF features, multinomial logistic regression) on the
configuration's words and examples and on a labelled training set; routing then reads only
the learned weights (a vocabulary, idf and one weight row per n-gram), so scoring a text is
a dictionary look-up per n-gram and one small matrix product: no per-text sklearn overhead.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from backend.routing.examples import Example
from backend.routing.text import Unit, Word

# The blended score is (p + KEYWORD_SHARE * k) / (1 + KEYWORD_SHARE): p the model's
# probability, k the keyword evidence (0..1). Cross-validated on the training sets (issue
# 12): the model leads, the keywords break near ties and add what the model has not seen.
KEYWORD_SHARE = 0.3
# Inverse regularisation strength of the logistic regression (scikit-learn's C).
REGULARISATION_C = 20.0
_MAX_ITER = 2000


def features(
    units: Sequence[Unit], words: Sequence[Word], cuts: Callable[[int, int], bool]
) -> list[str]:
    """Return the n-grams of a text: characters 1-3, typed pinyin syllables 1-2, English stems.

    Two or three adjacent characters count only when they do not cut into a word (`cuts`:
    TextView.straddles; 学校 is not read in 大学校园), as the keyword matcher reads them.
    Typed pinyin counts by its syllables; a slip of a configured term reaches the model
    written as the term (Router: scoring.weigh respells it), so a homophone reads as its term.
    """
    found: list[str] = []
    previous: Unit | None = None
    before: Unit | None = None
    for unit in units:
        if unit.han:
            found.append(unit.surface)
            if previous is not None and previous.han and previous.end == unit.start:
                if not cuts(previous.start, unit.end):
                    found.append(previous.surface + unit.surface)
                if (
                    before is not None
                    and before.han
                    and before.end == previous.start
                    and not cuts(before.start, unit.end)
                ):
                    found.append(before.surface + previous.surface + unit.surface)
        else:
            found.append("~" + unit.syllable)
            if previous is not None and not previous.han:
                found.append("~" + previous.syllable + "~" + unit.syllable)
        before, previous = previous, unit
    found.extend("=" + word.stem for word in words)
    return found


@dataclass(frozen=True)
class CategoryModel:
    """Learned weights: per n-gram a row of per-category weights, and the categories' order."""

    categories: tuple[str, ...]
    vocabulary: dict[str, int]
    idf_squared: NDArray[np.float64]  # (n-grams,): the square of each n-gram's idf
    weights: NDArray[np.float64]  # (n-grams, categories), already multiplied by idf
    intercept: NDArray[np.float64]  # (categories,)
    fingerprint: str  # sha256 of the training texts and labels, to tell models apart

    def probabilities_of(self, grams: Iterable[str]) -> dict[str, float]:
        """Return each category's probability for a text's n-grams; {} if none is known."""
        vocabulary = self.vocabulary
        rows: list[int] = []
        counts: list[int] = []
        for gram, count in Counter(grams).items():
            index = vocabulary.get(gram)
            if index is not None:
                rows.append(index)
                counts.append(count)
        if not rows:  # nothing the model has seen: it says nothing (no prior alone)
            return {}
        tf = 1.0 + np.log(np.array(counts, dtype=np.float64))
        norm = float(np.sqrt(np.dot(tf * tf, self.idf_squared[rows])))
        logits = self.intercept + (tf / norm) @ self.weights[rows]
        exp = np.exp(logits - logits.max())
        return dict(zip(self.categories, (exp / exp.sum()).tolist(), strict=True))


def blend(keywords: dict[str, float], learned: dict[str, float]) -> dict[str, float]:
    """Return each category's blended score (0..1) from keyword evidence and model probability."""
    return {
        category: (
            learned.get(category, 0.0) + KEYWORD_SHARE * min(keywords.get(category, 0.0), 1.0)
        )
        / (1.0 + KEYWORD_SHARE)
        for category in keywords.keys() | learned.keys()
    }


_trained: dict[str, CategoryModel] = {}
_training_lock = threading.Lock()


Analyzer = Callable[[str], list[str]]  # a raw text to its n-grams, as routing reads them


def train(examples: Sequence[Example], analyzer: Analyzer, *, reuse: bool = True) -> CategoryModel:
    """Fit the model on labelled texts; the same texts always give the same weights.

    Fitted once per process for a set of texts (about a second for two thousand texts) and
    kept: routers built on the same configuration share it (the texts include the
    configuration's words, which the analyzer reads by). Raises ValueError when the texts
    name fewer than two categories. `reuse=False` fits anew (and keeps the new fit).
    """
    digest = hashlib.sha256()
    for example in examples:
        digest.update(f"{example.category}\t{example.text}\n".encode())
    fingerprint = digest.hexdigest()
    with _training_lock:
        model = _trained.get(fingerprint) if reuse else None
        if model is None:
            model = _fit(examples, analyzer, fingerprint)
            _trained[fingerprint] = model
    return model


def _fit(examples: Sequence[Example], analyzer: Analyzer, fingerprint: str) -> CategoryModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [example.category for example in examples]
    if len(set(labels)) < 2:
        raise ValueError("the routing model needs examples of at least two categories")
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float64)
    matrix = vectorizer.fit_transform([example.text for example in examples])
    classifier = LogisticRegression(
        C=REGULARISATION_C, solver="saga", max_iter=_MAX_ITER, random_state=0
    )
    classifier.fit(matrix, labels)
    idf = np.asarray(vectorizer.idf_, dtype=np.float64)
    coef = np.asarray(classifier.coef_, dtype=np.float64)
    intercept = np.asarray(classifier.intercept_, dtype=np.float64)
    if len(classifier.classes_) == 2:  # one row, for the second class against the first
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    weights = np.ascontiguousarray(coef.T * idf[:, None])
    return CategoryModel(
        categories=tuple(str(c) for c in classifier.classes_),
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf_squared=idf * idf,
        weights=weights,
        intercept=intercept,
        fingerprint=fingerprint,
    )
