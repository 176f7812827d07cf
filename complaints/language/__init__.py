"""Words that the pure modules write in English, said in the reader's language (citations, sources)."""
