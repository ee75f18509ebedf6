"""Pure text analysis: segmentation, tokens, entities, quotes and dates (no I/O)."""
