//! Eight bytes at a time: tests and maps over ASCII bytes packed little-endian in
//! a `u64`, for the loops every token of every article passes through, where a
//! branch per byte would mispredict on where a word ends.

/// The high bit of every byte of a chunk.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A byte value repeated in every byte of a chunk.
#[inline]
pub const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The high bit of each byte of `chunk` that is `c` or more, for a chunk of bytes
/// below 0x80: adding 0x80 - c to such a byte sets its high bit exactly when it
/// is >= c, with no carry into the next byte.
#[inline]
pub fn at_least(chunk: u64, c: u8) -> u64 {
    chunk.wrapping_add(splat(0x80 - c)) & HIGH_BITS
}

/// Up to eight bytes of `bytes` from `at` (at most `left` of them) as a
/// little-endian chunk, zero past them and past the end of `bytes`.
#[inline]
pub fn load(bytes: &[u8], at: usize, left: usize) -> u64 {
    let mask = if left >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * left)) - 1
    };
    match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")) & mask,
        None => bytes[at..(at + left).min(bytes.len())]
            .iter()
            .rev()
            .fold(0u64, |chunk, &b| (chunk << 8) | u64::from(b)),
    }
}

/// The chunk with its ASCII capitals made lower case (meaningful when every
/// byte is below 0x80).
#[inline]
pub fn ascii_lowercase(chunk: u64) -> u64 {
    let capitals = at_least(chunk, b'A') & !at_least(chunk, b'Z' + 1);
    chunk | (capitals >> 2)
}

/// The length of the run of ASCII letters and digits that opens `chunk`, and
/// whether all of them are digits.
#[inline]
pub fn alphanumeric_run(chunk: u64) -> (usize, bool) {
    let ascii = !chunk & HIGH_BITS;
    // Bytes from 0x80 up are no letter or digit: test their low seven bits and
    // drop them with `ascii`.
    let low = chunk & !HIGH_BITS;
    let folded = low | splat(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let alphanumeric = (letter | digit) & ascii;
    let len = ((!alphanumeric & HIGH_BITS).trailing_zeros() / 8) as usize;
    let run = if len == 8 {
        HIGH_BITS
    } else {
        ((1u64 << (8 * len)) - 1) & HIGH_BITS
    };
    (len, digit & run == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_eight_bytes_agree_with_byte_by_byte() {
        let scalar = |eight: &[u8]| {
            let len = eight
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            (len, eight[..len].iter().all(u8::is_ascii_digit))
        };
        // Every byte value at every position, among letters, digits and stops.
        for fill in [*b"Abcdefgh", *b"01234567", *b"a1b2c3d4", *b"Zz9 .,'x"] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut eight = fill;
                    eight[at] = b;
                    assert_eq!(
                        alphanumeric_run(u64::from_le_bytes(eight)),
                        scalar(&eight),
                        "{eight:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_bytes_are_lower_cased_one_by_one() {
        for b in 0..0x80u8 {
            let chunk = u64::from_le_bytes([b, b'Q', b, b'q', b'@', b'[', b, b'Z']);
            let expected = u64::from_le_bytes(
                [b, b'Q', b, b'q', b'@', b'[', b, b'Z'].map(|x| x.to_ascii_lowercase()),
            );
            assert_eq!(ascii_lowercase(chunk), expected, "{b}");
        }
    }

    #[test]
    fn loads_stop_at_the_count_and_the_end() {
        let bytes = b"abcdefghij";
        assert_eq!(load(bytes, 0, 3), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
        assert_eq!(load(bytes, 8, 8), u64::from_le_bytes(*b"ij\0\0\0\0\0\0"));
        assert_eq!(load(bytes, 1, 8), u64::from_le_bytes(*b"bcdefghi"));
    }
}
