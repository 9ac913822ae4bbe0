"""Evaluators apply one kind of rule check to facts (see ``base``)."""
