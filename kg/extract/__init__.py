"""Stage 2: block texts -> NER Span records (GiNZA), cached, on this machine's cores or on Dask.

ner.py runs the model, cache.py keeps its spans in SQLite, distributed.py sends texts to a Dask
cluster, and spans.py decides which texts need the model at all.
"""

from kg.extract.ner import DEFAULT_MODEL, find_spans, load_nlp
from kg.extract.spans import ExtractOptions, spans_for

__all__ = ["DEFAULT_MODEL", "ExtractOptions", "find_spans", "load_nlp", "spans_for"]
