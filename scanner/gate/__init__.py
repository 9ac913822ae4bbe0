"""The gate: suppressions, baseline and threshold, ending in an exit code."""
