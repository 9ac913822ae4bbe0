"""Analyzers turn discovered inputs of one domain into facts (see ``base``)."""
