//! Extraction scoring (placeholder until implemented).
