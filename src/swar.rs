//! Eight bytes at a time: small word-at-a-time (SWAR) helpers shared by
//! the scans that look at every word of a text (the gazetteer matcher and
//! the claim cue matcher).

/// ASCII-lowercases the eight bytes of `x` at once (only `A`-`Z` change).
#[inline]
pub(crate) fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low7 = x & !HIGH;
    // bit 7 of each byte: set when its low seven bits are >= 'A' / > 'Z'
    let ge_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let gt_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// The eight bytes at `i` as a little-endian `u64`, zero bytes past the
/// end of `bytes`.
#[inline(always)]
pub(crate) fn load8(bytes: &[u8], i: usize) -> u64 {
    match bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        Some(chunk) => u64::from_le_bytes(chunk),
        None => bytes
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .rev()
            .fold(0u64, |x, &c| (x << 8) | u64::from(c)),
    }
}

/// How many of the eight bytes of `x` (little-endian), from the first, are
/// ASCII word characters (`0-9 A-Z a-z _`): 0 to 8, computed for all eight
/// at once.
#[inline(always)]
pub(crate) fn ascii_word_len8(x: u64) -> u32 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low7 = x & !HIGH;
    // Sums stay below 0x100 per byte, so no carry crosses bytes; bit 7 of
    // each byte answers the comparison.
    let folded = low7 | (ONES * 0x20);
    let alpha = (folded + ONES * (0x80 - 0x61)) & !(folded + ONES * (0x80 - 0x7b));
    let digit = (low7 + ONES * (0x80 - 0x30)) & !(low7 + ONES * (0x80 - 0x3a));
    let y = low7 ^ (ONES * 0x5f);
    let underscore = !((y + ONES * 0x7f) | y);
    let word = (alpha | digit | underscore) & !x & HIGH;
    (!word & HIGH).trailing_zeros() / 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_lowercases_only_ascii_capitals() {
        for b in 0..=255u8 {
            for shift in [0, 8, 56] {
                let x = 0x4161_7a5a_405b_60c1_u64 ^ (u64::from(b) << shift);
                let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(lower8(x), want, "{x:#x}");
            }
        }
    }

    #[test]
    fn ascii_word_len8_counts_leading_word_bytes() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                let x = u64::from_le_bytes(bytes);
                let want = if b.is_ascii_alphanumeric() || b == b'_' {
                    8
                } else {
                    at as u32
                };
                assert_eq!(ascii_word_len8(x), want, "byte {b:#x} at {at}");
            }
        }
        assert_eq!(load8(b"ab", 0), 0x6261);
        assert_eq!(load8(b"ab", 5), 0);
    }
}
