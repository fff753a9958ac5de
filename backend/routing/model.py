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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from backend.routing.examples import Example
from backend.routing.normalize import normalize
from backend.routing.text import TextView, Unit, Word, latin_words, units_of

# The blended score is (p + KEYWORD_SHARE * k) / (1 + KEYWORD_SHARE): p the model's
# probability, k the keyword evidence (0..1). Cross-validated on the training sets (issue
# 12): the model leads, the keywords break near ties and add what the model has not seen.
KEYWORD_SHARE = 0.3
# Inverse regularisation strength of the logistic regression (scikit-learn's C).
REGULARISATION_C = 20.0
_MAX_ITER = 2000


def features(units: Sequence[Unit], words: Sequence[Word]) -> list[str]:
    """Return the n-grams of a text: characters 1-3, pinyin syllables 1-2, English stems.

    Characters catch words and their parts (医保, 保卡); syllables make a homophone slip (医宝)
    and typed pinyin (yibao) look like the word; English words count by their stem.
    """
    found: list[str] = []
    previous: Unit | None = None
    before: Unit | None = None
    for unit in units:
        if unit.han:
            found.append(unit.surface)
            if previous is not None and previous.han and previous.end == unit.start:
                found.append(previous.surface + unit.surface)
                if before is not None and before.han and before.end == previous.start:
                    found.append(before.surface + previous.surface + unit.surface)
        found.append("~" + unit.syllable)
        if previous is not None:
            found.append("~" + previous.syllable + "~" + unit.syllable)
        before, previous = previous, unit
    found.extend("=" + word.stem for word in words)
    return found


def text_features(text: str) -> list[str]:
    """Return the n-grams of a raw text (normalised first), as `features` reads them."""
    folded = normalize(text)
    return features(units_of(folded), latin_words(folded))


@dataclass(frozen=True)
class CategoryModel:
    """Learned weights: per n-gram a row of per-category weights, and the categories' order."""

    categories: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    weights: NDArray[np.float64]  # (n-grams, categories), already multiplied by idf
    intercept: NDArray[np.float64]  # (categories,)
    fingerprint: str  # sha256 of the training texts and labels, to tell models apart

    def probabilities(self, view: TextView) -> dict[str, float]:
        """Return each category's probability for a prepared text (summing to 1)."""
        return self.probabilities_of(features(view.units, view.words))

    def probabilities_of(self, grams: Iterable[str]) -> dict[str, float]:
        """Return each category's probability for a text's n-grams."""
        counts: Counter[int] = Counter()
        vocabulary = self.vocabulary
        for gram in grams:
            index = vocabulary.get(gram)
            if index is not None:
                counts[index] += 1
        logits = self.intercept
        if counts:
            rows = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            norm = float(np.sqrt(np.dot(tf * tf, self.idf[rows] ** 2)))
            logits = logits + (tf / norm) @ self.weights[rows]
        exp = np.exp(logits - logits.max())
        shares = exp / exp.sum()
        return dict(zip(self.categories, shares.tolist(), strict=True))


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


def train(examples: Sequence[Example]) -> CategoryModel:
    """Fit the model on labelled texts; the same texts always give the same weights.

    Fitted once per process for a set of texts (a few hundred ms for a thousand complaints)
    and kept: routers built on the same configuration share it. Raises ValueError when the
    texts name fewer than two categories.
    """
    digest = hashlib.sha256()
    for example in examples:
        digest.update(f"{example.category}\t{example.text}\n".encode())
    fingerprint = digest.hexdigest()
    with _training_lock:
        model = _trained.get(fingerprint)
        if model is None:
            model = _fit(examples, fingerprint)
            _trained[fingerprint] = model
    return model


def _fit(examples: Sequence[Example], fingerprint: str) -> CategoryModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [example.category for example in examples]
    if len(set(labels)) < 2:
        raise ValueError("the routing model needs examples of at least two categories")
    vectorizer = TfidfVectorizer(analyzer=text_features, sublinear_tf=True, dtype=np.float64)
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
        idf=idf,
        weights=weights,
        intercept=intercept,
        fingerprint=fingerprint,
    )
