"""Near duplicates: MinHash LSH over word shingles of ``text`` (schema v3 ``near_dup_of``).

- :mod:`.shingles`: a text's shingles (its words; CJK character pairs), hashed alike
  in every process;
- :mod:`.minhash`: its 128-value MinHash signature, as datasketch computes it;
- :mod:`.lsh`: where the LSH buckets and the cluster roots live (memory or Redis);
- :mod:`.index`: which earlier record a new one is a near duplicate of;
- :mod:`.store`: the index files beside a dataset, so later runs join the same clusters;
- :mod:`.clusters`: all clusters of one or more folders recomputed (``healthcorpus dedup``).
"""

from cleaning.dataset.near_dups.index import THRESHOLD, NearDupIndex
from cleaning.dataset.near_dups.minhash import record_signature, signature, similarity
from cleaning.dataset.near_dups.store import NEAR_DUPS_DIR, open_index, save_index

__all__ = [
    "NEAR_DUPS_DIR",
    "THRESHOLD",
    "NearDupIndex",
    "open_index",
    "record_signature",
    "save_index",
    "signature",
    "similarity",
]
