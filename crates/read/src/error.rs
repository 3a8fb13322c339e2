//! Why an input could not be read.

/// An input that yields no usable article. Each variant names the input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Nothing but whitespace.
    #[error("{origin}: input is empty")]
    Empty {
        /// The input's name.
        origin: String,
    },
    /// NUL bytes or control characters: not text.
    #[error("{origin}: input looks binary, not text or HTML")]
    Binary {
        /// The input's name.
        origin: String,
    },
    /// Bytes that no supported charset decodes.
    #[error("{origin}: cannot decode the text ({reason})")]
    Charset {
        /// The input's name.
        origin: String,
        /// What went wrong.
        reason: String,
    },
    /// Past [`crate::MAX_INPUT_BYTES`].
    #[error("{origin}: input is {bytes} bytes, over the {limit}-byte limit for one document")]
    TooLarge {
        /// The input's name.
        origin: String,
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// An HTML page with no main text (an index page, an error page, an empty shell).
    #[error("{origin}: no article text found in the page")]
    NoArticle {
        /// The input's name.
        origin: String,
    },
    /// A feed that cannot be parsed.
    #[error("{origin}: malformed feed ({reason})")]
    Feed {
        /// The input's name.
        origin: String,
        /// What the parser said.
        reason: String,
    },
    /// A damaged WARC record or archive.
    #[error("{origin}: {reason}")]
    Warc {
        /// The input (or record) name.
        origin: String,
        /// What is wrong.
        reason: String,
    },
    /// A bad JSONL record.
    #[error("{origin}:{line}: {reason}")]
    Jsonl {
        /// The input's name.
        origin: String,
        /// 1-based line number (0 when not about one line).
        line: usize,
        /// What is wrong with the record.
        reason: String,
    },
}

impl ReadError {
    /// The kind of failure in a few words, for counts of rejected inputs.
    pub fn reason(&self) -> &'static str {
        match self {
            ReadError::Empty { .. } => "empty",
            ReadError::Binary { .. } => "binary",
            ReadError::Charset { .. } => "undecodable text",
            ReadError::TooLarge { .. } => "too large",
            ReadError::NoArticle { .. } => "no article text",
            ReadError::Jsonl { .. } => "bad JSONL record",
            ReadError::Feed { .. } => "malformed feed",
            ReadError::Warc { .. } => "damaged WARC record",
        }
    }
}
