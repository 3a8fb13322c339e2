//! Any charset in, UTF-8 out.
//!
//! Order of evidence: a byte-order mark, then the charset the document declares
//! (HTML meta), then valid UTF-8, then a statistical guess (chardetng). A declared
//! charset loses to valid UTF-8 when it claims a single-byte encoding, or when the
//! bytes hold non-ASCII that is valid UTF-8 (pages re-saved as UTF-8 keep their old
//! `gb2312` meta; legacy multi-byte text is almost never valid UTF-8 by chance),
//! because pages that say `iso-8859-1` yet are UTF-8 are common and the reverse is not.

use encoding_rs::{Encoding, UTF_8};

use crate::ReadError;

/// Decoded text and the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    /// The text, UTF-8, without a byte-order mark.
    pub text: String,
    /// The encoding that decoded it.
    pub encoding: &'static Encoding,
}

/// Decodes `bytes` to UTF-8. `declared` is the charset the document itself names.
///
/// Fails on binary content (NUL bytes or many control characters), never on
/// merely odd text: undecodable bytes in otherwise good text become U+FFFD.
pub fn decode(
    origin: &str,
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, ReadError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(origin, text.into_owned(), encoding);
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary {
            origin: origin.to_string(),
        });
    }
    let utf8_valid = std::str::from_utf8(bytes).is_ok();
    let encoding = match declared {
        Some(enc)
            if enc != UTF_8
                && !(utf8_valid && (is_single_byte_latin(enc) || !bytes.is_ascii())) =>
        {
            enc
        }
        _ if utf8_valid => UTF_8,
        Some(enc) if enc != UTF_8 => enc,
        _ => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    finish(origin, text.into_owned(), encoding)
}

fn finish(origin: &str, text: String, encoding: &'static Encoding) -> Result<Decoded, ReadError> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(ReadError::Binary {
            origin: origin.to_string(),
        });
    }
    Ok(Decoded { text, encoding })
}

fn is_single_byte_latin(enc: &'static Encoding) -> bool {
    enc.is_single_byte()
}

/// NUL bytes, or more than 5% control characters in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("t", "Café — ok".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Café — ok");
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn bom_is_stripped_and_utf16_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Kyiv".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode("t", &bytes, None).unwrap().text, "Kyiv");
        let d = decode("t", b"\xEF\xBB\xBFhello", None).unwrap();
        assert_eq!(d.text, "hello");
    }

    #[test]
    fn windows_1252_is_guessed() {
        let bytes = b"Caf\xe9 na\xefve \x80 5, \x93quoted\x94 and more text here to guess from.";
        let d = decode("t", bytes, None).unwrap();
        assert!(d.text.starts_with("Café naïve € 5, “quoted”"), "{}", d.text);
    }

    #[test]
    fn declared_charset_wins_over_guess() {
        let koi8 = encoding_rs::KOI8_R;
        let (bytes, _, _) = koi8.encode("Привет мир");
        let d = decode("t", &bytes, Some(koi8)).unwrap();
        assert_eq!(d.text, "Привет мир");
    }

    #[test]
    fn binary_is_refused() {
        let err = decode("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).unwrap_err();
        assert!(matches!(err, ReadError::Binary { .. }));
        assert!(err.to_string().contains("img.png"));
    }
}
