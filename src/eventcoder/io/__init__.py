"""Readers (articles in) and writers (events out)."""
