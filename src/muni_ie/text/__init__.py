"""Persian text layer: normalization with an alignment map, ZWNJ repair, tokens and sentences."""
