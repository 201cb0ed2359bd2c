"""Hypothesis as mutation runs need it, loaded by tools/mutation.py (``pytest -p tests.mutation_profile``).

No database: a failing example found under one mutant is not replayed against
the next (where the tree itself fails it, every later mutant would be counted
killed). The same examples every run: the clean run's pass holds for each mutant.
"""

from hypothesis import settings

settings.register_profile("mutation", database=None, derandomize=True)
settings.load_profile("mutation")
