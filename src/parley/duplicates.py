"""Near-duplicate articles (syndicated copies, lightly edited reprints) by MinHash LSH.

A wire story printed by twenty papers would otherwise be coded twenty times and count as twenty
events. Each document is summarised by a MinHash of its word 5-shingles; an LSH index over the
stored originals finds candidates, and a candidate whose estimated Jaccard similarity reaches
`THRESHOLD` makes the new document a copy of it.

The index holds the band hashes of every stored original (a few hundred bytes each), so it grows
with the store, not with a run's input; hash values for checking candidates are read back from
the store, except for the last `_RECENT` documents, which may not be saved yet while the
pipeline batches them.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from parley.store import Signature, Store

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.8
SCHEME = f"words{SHINGLE_WORDS}-perm{NUM_PERM}-affine32"
"""Names how signatures were made; a stored signature of another scheme is recomputed."""

_SEED = 1
_DTYPE = np.dtype("<u4")  # affine32 hash values, little-endian on disk whatever the machine
_WORD = re.compile(r"\w+")
_RECENT = 4096
"""Signatures kept in memory: far more than the pipeline holds unsaved at once."""
_BACKFILL = 500


def signature(text: str) -> LeanMinHash:
    """The MinHash of `text`'s lower-cased word 5-shingles (a shorter text is one shingle)."""
    words = _WORD.findall(text.lower())
    width = min(SHINGLE_WORDS, len(words)) or 1
    shingles = {" ".join(words[i : i + width]) for i in range(max(len(words) - width + 1, 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return LeanMinHash(minhash)


def to_stored(minhash: LeanMinHash) -> Signature:
    return Signature(SCHEME, np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes())


def from_stored(hashvalues: bytes) -> LeanMinHash:
    values = np.frombuffer(hashvalues, dtype=_DTYPE)
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme="affine32")


class NearDuplicates:
    """The LSH index of one ingest run: query a document, then add it if it is an original."""

    def __init__(self, stored: Callable[[list[str]], dict[str, bytes]]) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._stored = stored
        self._recent: OrderedDict[str, LeanMinHash] = OrderedDict()

    @classmethod
    def from_store(cls, store: Store) -> NearDuplicates:
        """The index of the store's originals; documents stored without a signature (by an
        older Parley) get one first, so they can be found as originals too."""
        while unsigned := store.unsigned_documents(SCHEME, _BACKFILL):
            store.save_signatures(
                [(doc_id, to_stored(signature(text))) for doc_id, text in unsigned]
            )
        index = cls(lambda doc_ids: store.signatures_of(SCHEME, doc_ids))
        with index._lsh.insertion_session() as session:
            for doc_id, hashvalues in store.original_signatures(SCHEME):
                session.insert(doc_id, from_stored(hashvalues), check_duplication=False)
        return index

    def original_of(self, doc_id: str, minhash: LeanMinHash) -> tuple[str, float] | None:
        """The most similar indexed document at or above `THRESHOLD` (ties: smallest id), with
        its estimated similarity; None when `doc_id` is an original. `doc_id`'s own earlier
        version is forgotten first, so a changed document is never a copy of itself."""
        self.discard(doc_id)
        candidates = sorted(str(key) for key in self._lsh.query(minhash))
        if not candidates:
            return None
        known = {key: self._recent[key] for key in candidates if key in self._recent}
        missing = [key for key in candidates if key not in known]
        if missing:
            known.update({key: from_stored(v) for key, v in self._stored(missing).items()})
        best: tuple[str, float] | None = None
        for key in candidates:  # in id order, so a tie keeps the smallest id
            if key in known:
                score = float(minhash.jaccard(known[key]))
                if score >= THRESHOLD and (best is None or score > best[1]):
                    best = (key, score)
        return best

    def add(self, doc_id: str, minhash: LeanMinHash) -> None:
        """Index `doc_id` as an original."""
        self._lsh.insert(doc_id, minhash, check_duplication=False)
        self._recent[doc_id] = minhash
        if len(self._recent) > _RECENT:
            self._recent.popitem(last=False)

    def discard(self, doc_id: str) -> None:
        """Forget `doc_id` (absent is fine)."""
        if doc_id in self._lsh:
            self._lsh.remove(doc_id)
        self._recent.pop(doc_id, None)
