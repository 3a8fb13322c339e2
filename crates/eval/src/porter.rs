//! NLTK-compatible Porter stemmer (placeholder until implemented).
