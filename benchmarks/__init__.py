"""Benchmarks: run by hand (`make bench`), never in the test suite; they print their figures."""
