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

/// The first eight bytes of `bytes[a..b]`, ASCII-lowercased and packed
/// little-endian (zero bytes after a shorter word).
#[inline(always)]
pub(crate) fn pack(bytes: &[u8], a: usize, b: usize) -> u64 {
    let n = b.saturating_sub(a).min(8);
    let x = match bytes
        .get(a..a + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        Some(chunk) => {
            let x = u64::from_le_bytes(chunk);
            if n < 8 {
                x & ((1u64 << (8 * n)) - 1)
            } else {
                x
            }
        }
        // Near the end of the text: byte by byte.
        None => bytes
            .get(a..a + n)
            .unwrap_or(&[])
            .iter()
            .rev()
            .fold(0u64, |x, &c| (x << 8) | u64::from(c)),
    };
    lower8(x)
}

/// A map from words (ASCII-case-insensitive) to small values, laid out for
/// scans that look up every word of a text: open addressing over slots
/// keyed by the word's first eight bytes (lowercased, packed in a `u64`)
/// and its length, value in the slot, behind a hash filter of 16 bits per
/// word (about 6% of absent words get past it) that turns most absent
/// words away before the table is touched. Only words longer than eight
/// bytes follow a pointer, to compare their tails.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    /// Length 0 marks a free slot.
    slots: Vec<Slot<V>>,
    /// Per slot: the bytes after the eighth of its word (empty for shorter
    /// words), kept beside the slots so that a slot stays 16 bytes.
    tails: Vec<Box<[u8]>>,
    shift: u32,
    filter: Vec<u64>,
    filter_shift: u32,
    /// Per entry: the lowercase word and its value (to rebuild on growth).
    words: Vec<Box<[u8]>>,
    values: Vec<V>,
}

#[derive(Clone, Copy, Debug)]
struct Slot<V> {
    packed: u64,
    len: u32,
    value: V,
}

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap::with_slots(16)
    }
}

impl<V: Copy + Default> WordMap<V> {
    fn with_slots(n: usize) -> WordMap<V> {
        let n = n.next_power_of_two().max(16);
        // 8 filter bits per slot, 16 per word at the fullest.
        let bits = (n * 8).max(4096);
        let free = Slot {
            packed: 0,
            len: 0,
            value: V::default(),
        };
        WordMap {
            slots: vec![free; n],
            tails: vec![Box::default(); n],
            shift: 64 - n.trailing_zeros(),
            filter: vec![0; bits / 64],
            filter_shift: 64 - bits.trailing_zeros(),
            words: Vec::new(),
            values: Vec::new(),
        }
    }

    #[inline(always)]
    fn hash(packed: u64, len: u32) -> u64 {
        (packed ^ u64::from(len).wrapping_mul(0xff51_afd7_ed55_8ccd))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The number of words.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Adds `word` with `value` unless the map has it already (in any
    /// case); the empty word is never added. True when added.
    pub fn insert(&mut self, word: &[u8], value: V) -> bool {
        let Ok(len) = u32::try_from(word.len()) else {
            return false;
        };
        if len == 0 || self.get(word).is_some() {
            return false;
        }
        if (self.words.len() + 1) * 2 > self.slots.len() {
            let mut bigger = WordMap::with_slots(self.slots.len() * 2);
            for (w, v) in self.words.iter().zip(&self.values) {
                bigger.insert(w, *v);
            }
            *self = bigger;
        }
        let packed = pack(word, 0, word.len());
        let h = WordMap::<V>::hash(packed, len);
        let bit = (h >> self.filter_shift) as usize;
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        while self.slots[i].len != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { packed, len, value };
        if let Some(tail) = word.get(8..) {
            self.tails[i] = tail.to_ascii_lowercase().into_boxed_slice();
        }
        self.words
            .push(word.to_ascii_lowercase().into_boxed_slice());
        self.values.push(value);
        true
    }

    /// The value of `word` (any ASCII case).
    #[inline]
    pub fn get<W: AsRef<[u8]> + ?Sized>(&self, word: &W) -> Option<&V> {
        let word = word.as_ref();
        self.get_packed(word, pack(word, 0, word.len()))
    }

    /// [`WordMap::get`] with `packed` = `pack(word, 0, word.len())` already
    /// computed by the caller's scan.
    #[inline(always)]
    pub fn get_packed(&self, word: &[u8], packed: u64) -> Option<&V> {
        let len = u32::try_from(word.len()).ok()?;
        let h = WordMap::<V>::hash(packed, len);
        let bit = (h >> self.filter_shift) as usize;
        if self.filter.get(bit / 64)? & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let slot = self.slots.get(i)?;
            if slot.len == 0 {
                return None;
            }
            if slot.packed == packed
                && slot.len == len
                && (len <= 8
                    || self
                        .tails
                        .get(i)
                        .is_some_and(|t| t.eq_ignore_ascii_case(&word[8..])))
            {
                return Some(&slot.value);
            }
            i = (i + 1) & mask;
        }
    }
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

    #[test]
    fn word_map_finds_each_word_in_any_case_and_no_other() {
        let words = [
            "abcdefghij",
            "abcdefghik",
            "abcdefgh",
            "abc",
            "a",
            "zürich",
            "x_1",
        ];
        let mut m = WordMap::default();
        for (i, w) in words.iter().enumerate() {
            assert!(m.insert(w.as_bytes(), i));
        }
        assert!(!m.insert(b"ABC", 99), "the first value stays");
        for _ in 0..40 {
            // grow past several resizes
            let n = m.len();
            m.insert(format!("filler{n}").as_bytes(), n);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w}");
            assert_eq!(m.get(&w.to_ascii_uppercase()), Some(&i), "{w}");
        }
        for w in [
            "abcdefghil",
            "abcdefg",
            "ab",
            "",
            "abcdefghijk",
            "b",
            "zÜrich",
        ] {
            assert_eq!(m.get(w), None, "{w}");
        }
    }
}
