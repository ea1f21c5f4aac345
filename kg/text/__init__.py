"""Text helpers every stage shares: character classes and normalisation, and the sentence splitter."""
