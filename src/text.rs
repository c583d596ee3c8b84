//! Text helpers shared by the rules and by dedup: trimming, normalisation (Unicode NFKC, case
//! folding, punctuation and quote styles dropped, whitespace collapsed), word tokens and the
//! compiled-in multilingual stop-word lists.

use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Characters that count as blank besides ASCII whitespace: NBSP, the BOM, the Unicode space
/// separators and zero-width spaces that scraped text is full of.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{00a0}')
}

/// `s` without leading and trailing blank characters (see [`is_space`]).
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// True when a line holds nothing but blank characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Apostrophes and quotes are dropped outright ("don't" and "don’t" both become "dont");
/// every other punctuation mark or symbol separates words.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '"'
            | '`'
            | '´'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
    )
}

/// Appends the normalised form of `s` to `out`: NFKC, case-folded, quotes dropped, other
/// punctuation and symbols turned into spaces, whitespace collapsed to single spaces, no leading
/// or trailing space. Two paragraphs that differ only in case, quote style, punctuation or
/// spacing normalise to the same string.
pub fn normalize_into(s: &str, out: &mut String) {
    normalize_count_into(s, out);
}

/// [`normalize_into`], returning the number of words appended (see [`norm_word_count`]).
///
/// ASCII text is handled byte by byte. NFKC only ever changes a stretch of non-ASCII
/// characters together with the ASCII character right before it (an ASCII character is a
/// starter that never composes with what precedes it, so the normal form of a string is the
/// concatenation of the normal forms of its pieces split before any ASCII character): each
/// such stretch is checked, and normalised if needed, on its own.
pub fn normalize_count_into(s: &str, out: &mut String) -> usize {
    let b = s.as_bytes();
    out.reserve(b.len());
    let mut n = Norm {
        start: out.len(),
        pending_space: false,
        spaces: 0,
    };
    let mut i = 0;
    while i < b.len() {
        // ASCII up to the character before the next non-ASCII one (that one starts a stretch).
        let next = i + ascii_prefix_len(&b[i..]);
        let run_end = if next == b.len() {
            next
        } else {
            next.saturating_sub(1).max(i)
        };
        n.push_ascii_run(&s[i..run_end], out);
        i = run_end;
        if i == b.len() {
            break;
        }
        // A stretch: this character and every non-ASCII character after it.
        let end = b[i + 1..]
            .iter()
            .position(|&d| d < 0x80)
            .map_or(b.len(), |p| i + 1 + p);
        let piece = &s[i..end];
        // Typographic punctuation and symbols (’ — « • …) between ASCII words: known effects.
        if piece
            .chars()
            .all(|ch| ch.is_ascii() || simple_effect(ch) != Simple::No)
        {
            for ch in piece.chars() {
                if ch.is_ascii() {
                    n.push_char(ch, out);
                } else if simple_effect(ch) == Simple::Separator {
                    n.pending_space = true;
                }
            }
        // Most text is NFKC already: skip the (comparatively slow) normaliser.
        } else if unicode_normalization::is_nfkc_quick(piece.chars()) == IsNormalized::Yes {
            for ch in piece.chars() {
                n.push_char(ch, out);
            }
        } else {
            for ch in piece.nfkc() {
                n.push_char(ch, out);
            }
        }
        i = end;
    }
    n.words(out)
}

/// What a non-ASCII character does in normalised text, when that does not depend on its
/// neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Simple {
    /// Not known to be simple: letters, digits, marks, characters that compose (the NFKC path).
    No,
    /// Dropped, like a quote.
    Dropped,
    /// A word separator, like punctuation.
    Separator,
}

/// Ranges of characters whose effect is worked out once and remembered: Latin-1's upper
/// half, general punctuation to miscellaneous symbols and arrows, and pictographs.
const SIMPLE_RANGES: [(u32, u32); 3] = [(0x80, 0xff), (0x2000, 0x2bff), (0x1f000, 0x1faff)];

/// The effect of `c` when it stands between ASCII characters, remembered per character (0 =
/// not worked out yet). Simple characters are starters (combining class 0) that neither
/// compose with nor reorder around a neighbour, and whose compatibility form holds no letter
/// or digit: then the normal form of the text around them is that of the pieces on either
/// side, and they drop out (quotes, marks) or separate words.
fn simple_effect(c: char) -> Simple {
    use std::sync::atomic::{AtomicU8, Ordering};
    static MEMO: [AtomicU8; 0x80 + 0xc00 + 0xb00] =
        [const { AtomicU8::new(0) }; 0x80 + 0xc00 + 0xb00];
    let mut base = 0;
    let mut slot = None;
    for (lo, hi) in SIMPLE_RANGES {
        if (lo..=hi).contains(&(c as u32)) {
            slot = Some(base + (c as u32 - lo) as usize);
            break;
        }
        base += (hi - lo + 1) as usize;
    }
    let Some(slot) = slot else {
        return Simple::No;
    };
    let effects = [Simple::No, Simple::Dropped, Simple::Separator];
    match MEMO[slot].load(Ordering::Relaxed) {
        0 => {
            let e = work_out_effect(c);
            MEMO[slot].store(e as u8 + 1, Ordering::Relaxed);
            e
        }
        k => effects[k as usize - 1],
    }
}

/// [`simple_effect`] from first principles: `c`'s compatibility form, char by char.
fn work_out_effect(c: char) -> Simple {
    use unicode_normalization::char::{canonical_combining_class, compose};
    let starter = canonical_combining_class(c) == 0 && !is_mark(c);
    // `c` composes with nothing before it (no starter of the ranges is a second element).
    let composes = ('\0'..='\u{7f}').any(|a| compose(a, c).is_some());
    if !starter || composes {
        return Simple::No;
    }
    let mut any_separator = false;
    for d in std::iter::once(c).nfkc() {
        if d.is_alphanumeric() {
            return Simple::No;
        }
        any_separator |= !is_quote(d) && !is_mark(d);
    }
    if any_separator {
        Simple::Separator
    } else {
        Simple::Dropped
    }
}

/// Length of the ASCII start of `b`, sixteen bytes at a time.
fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(16);
    let mut i = 0;
    for c in chunks.by_ref() {
        let high = high_bits(c.try_into().expect("16 bytes"));
        if high != 0 {
            return i + high.trailing_zeros() as usize;
        }
        i += 16;
    }
    i + chunks
        .remainder()
        .iter()
        .position(|&c| c >= 0x80)
        .unwrap_or(chunks.remainder().len())
}

/// Bit `j` set when byte `j` of `c` is not ASCII.
#[cfg(target_arch = "x86_64")]
#[inline]
fn high_bits(c: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always present on x86-64; an unaligned load of a 16-byte array.
    unsafe { _mm_movemask_epi8(_mm_loadu_si128(c.as_ptr().cast())) as u32 }
}

/// Bit `j` set when byte `j` of `c` is not ASCII.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn high_bits(c: &[u8; 16]) -> u32 {
    c.iter()
        .enumerate()
        .fold(0, |m, (j, &byte)| m | u32::from(byte >> 7) << j)
}

/// Sixteen ASCII bytes (padded with quotes at the end of a run), classified for the
/// normaliser.
struct Chunk {
    /// The bytes with `A`-`Z` lower-cased and every byte that is not a letter or a digit
    /// turned into a space.
    bytes: [u8; 16],
    /// Bit `j` set when byte `j` is a letter or a digit.
    word: u32,
    /// Bit `j` set when byte `j` is a quote (dropped outright).
    quote: u32,
}

/// Classifies sixteen ASCII bytes at once (SSE2, part of every x86-64 CPU).
#[cfg(target_arch = "x86_64")]
#[inline]
fn chunk(c: &[u8; 16]) -> Chunk {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always present on x86-64; the load and store are unaligned ones on
    // 16-byte arrays.
    unsafe {
        let v = _mm_loadu_si128(c.as_ptr().cast());
        // Every byte is below 0x80, so signed comparisons order them as unsigned ones.
        let within = |lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(v, _mm_set1_epi8(hi as i8 + 1)),
            )
        };
        let upper = within(b'A', b'Z');
        let alnum = _mm_or_si128(_mm_or_si128(upper, within(b'a', b'z')), within(b'0', b'9'));
        let eq = |x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
        let quote = _mm_or_si128(_mm_or_si128(eq(b'\''), eq(b'"')), eq(b'`'));
        let lower = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
        let out = _mm_or_si128(
            _mm_and_si128(alnum, lower),
            _mm_andnot_si128(alnum, _mm_set1_epi8(b' ' as i8)),
        );
        let mut bytes = [0u8; 16];
        _mm_storeu_si128(bytes.as_mut_ptr().cast(), out);
        Chunk {
            bytes,
            word: _mm_movemask_epi8(alnum) as u32,
            quote: _mm_movemask_epi8(quote) as u32,
        }
    }
}

/// Classifies sixteen ASCII bytes at once (portable version of the SSE2 one).
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn chunk(c: &[u8; 16]) -> Chunk {
    let mut bytes = [b' '; 16];
    let (mut word, mut quote) = (0u32, 0u32);
    for (j, &byte) in c.iter().enumerate() {
        if byte.is_ascii_alphanumeric() {
            bytes[j] = byte.to_ascii_lowercase();
            word |= 1 << j;
        }
        quote |= u32::from(matches!(byte, b'\'' | b'"' | b'`')) << j;
    }
    Chunk { bytes, word, quote }
}

/// For every eight-bit mask, the indices of its set bits packed to the front of eight bytes,
/// the rest 0x80 (a shuffle that keeps the masked bytes of eight, in order, and zeroes the rest).
#[cfg(target_arch = "x86_64")]
const PACK_SHUFFLES: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut m = 0;
    while m < 256 {
        let mut v = u64::MAX / 255 * 0x80;
        let mut n = 0;
        let mut j = 0;
        while j < 8 {
            if m >> j & 1 != 0 {
                v = (v & !(0xff << (8 * n))) | (j as u64) << (8 * n);
                n += 1;
            }
            j += 1;
        }
        t[m] = v;
        m += 1;
    }
    t
};

/// Writes the bytes of `bytes` whose bit is set in `keep` (sixteen bits) at `p + len`, in
/// order; returns the new length. Writes eight bytes at `p + len` and eight at the length
/// after the first half's bytes, so up to sixteen bytes past `len`.
///
/// # Safety
/// The CPU has SSSE3 and POPCNT, and `p + len` has room for sixteen bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn pack_kept(bytes: &[u8; 16], keep: u32, p: *mut u8, len: usize) -> usize {
    use std::arch::x86_64::*;
    let (lo, hi) = ((keep & 0xff) as usize, (keep >> 8 & 0xff) as usize);
    // SAFETY: per the contract; the loads and stores are unaligned ones.
    unsafe {
        let v = _mm_loadu_si128(bytes.as_ptr().cast());
        // The high half's indices point into the high eight bytes (0x80 stays negative).
        let shuffle = _mm_set_epi64x(
            (PACK_SHUFFLES[hi] + u64::MAX / 255 * 8) as i64,
            PACK_SHUFFLES[lo] as i64,
        );
        let packed = _mm_shuffle_epi8(v, shuffle);
        _mm_storel_epi64(p.add(len).cast(), packed);
        let len = len + lo.count_ones() as usize;
        _mm_storel_epi64(p.add(len).cast(), _mm_unpackhi_epi64(packed, packed));
        len + hi.count_ones() as usize
    }
}

/// Set bits of a sixteen-bit mask, by table: x86-64 has no `popcnt` before x86-64-v2.
#[inline]
fn ones16(m: u32) -> usize {
    const ONES: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = (i as u8).count_ones() as u8;
            i += 1;
        }
        t
    };
    usize::from(ONES[(m & 0xff) as usize]) + usize::from(ONES[(m >> 8 & 0xff) as usize])
}

/// What [`normalize_count_into`] does with each character, as a table for ASCII: 0 separates
/// words, 1 is dropped (quotes), anything else is the lower-case byte to append.
const ASCII_NORM: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if matches!(c, b'\'' | b'"' | b'`') {
            1
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The normaliser's state within one string.
struct Norm {
    /// Where this string's normalised text starts in the output.
    start: usize,
    pending_space: bool,
    /// Spaces written so far (the words are one more, once anything is written).
    spaces: usize,
}

impl Norm {
    fn words(&self, out: &str) -> usize {
        if out.len() > self.start {
            self.spaces + 1
        } else {
            0
        }
    }

    #[inline]
    fn word_char(&mut self, out: &mut String) {
        if self.pending_space && out.len() > self.start {
            out.push(' ');
            self.spaces += 1;
        }
        self.pending_space = false;
    }

    /// An ASCII string, sixteen bytes at a time, without branches on the text: a letter or
    /// digit is kept (lower-cased); a separator is kept, as a space, when the last byte
    /// before it that is not a quote is a letter or digit (so a run of separators leaves one
    /// space, and none leads); quotes go. The kept bytes of each sixteen are copied as runs.
    /// A space left at the end is taken back and becomes a pending one. A pending space from
    /// before is written first (and taken back the same way when nothing follows it).
    fn push_ascii_run(&mut self, run: &str, out: &mut String) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vbmi2")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU has AVX-512 BW and VBMI2 and POPCNT (just checked).
            return unsafe { self.push_ascii_run_avx512(run, out) };
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("ssse3")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU has SSSE3 and POPCNT (just checked).
            return unsafe { self.push_ascii_run_ssse3(run, out) };
        }
        self.push_ascii_run_with::<false>(run, out)
    }

    /// [`Norm::push_ascii_run`] where the CPU has SSSE3 and POPCNT: each sixteen's kept bytes
    /// are packed with two byte shuffles, without a branch per run.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3,popcnt")]
    unsafe fn push_ascii_run_ssse3(&mut self, run: &str, out: &mut String) {
        self.push_ascii_run_with::<true>(run, out)
    }

    /// The start of an ASCII run written at `p + len`: the pending space, when anything is
    /// written already. Returns the length, whether the last byte written was a letter or
    /// digit, and the spaces written.
    ///
    /// # Safety
    /// `p + len` has room for one byte.
    #[inline(always)]
    unsafe fn begin_run(&self, p: *mut u8, len: usize) -> (usize, bool, usize) {
        if self.pending_space && len > self.start {
            // SAFETY: per the contract.
            unsafe { *p.add(len) = b' ' };
            (len + 1, false, 1)
        } else {
            (len, len > self.start, 0)
        }
    }

    /// The end of an ASCII run: a space left last is taken back and becomes a pending one;
    /// sets `v`'s length to `len` and counts the run's `spaces`.
    ///
    /// # Safety
    /// The first `len` bytes of `v` are written, and ASCII.
    #[inline(always)]
    unsafe fn end_run(&mut self, v: &mut Vec<u8>, mut len: usize, word: bool, mut spaces: usize) {
        let mut pending = !word;
        // SAFETY: per the contract (and `len - 1` is within it).
        if len > self.start && unsafe { *v.as_ptr().add(len - 1) } == b' ' {
            len -= 1;
            spaces -= 1;
            pending = true;
        }
        // SAFETY: per the contract.
        unsafe { v.set_len(len) };
        self.pending_space = pending;
        self.spaces += spaces;
    }

    /// [`Norm::push_ascii_run`] sixty-four bytes at a time, where the CPU has AVX-512 BW and
    /// VBMI2: the same masks as [`Norm::push_ascii_run_with`], as 64-bit ones, and each
    /// sixty-four's kept bytes packed by one `vpcompressb`. The last, partial sixty-four is
    /// loaded under a mask and its missing bytes count as quotes (never kept, state unchanged).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
    unsafe fn push_ascii_run_avx512(&mut self, run: &str, out: &mut String) {
        use std::arch::x86_64::*;
        let b = run.as_bytes();
        let set = |c: u8| _mm512_set1_epi8(c as i8);
        // SAFETY: only ASCII bytes are written, so the string stays UTF-8. A sixty-four's
        // store of sixty-four bytes starts at the length so far, at most one byte (the pending
        // space) plus the bytes already read past the length before the run, so every store
        // ends within the `b.len() + 66` bytes reserved. The length is set to the bytes kept,
        // all of them written. The masked load reads only the run's bytes.
        unsafe {
            let v = out.as_mut_vec();
            v.reserve(b.len() + 66);
            let p = v.as_mut_ptr();
            let (mut len, mut word, mut spaces) = self.begin_run(p, v.len());
            let mut i = 0;
            while i < b.len() {
                let n = b.len() - i;
                let valid: u64 = if n >= 64 { !0 } else { (1u64 << n) - 1 };
                let x = _mm512_maskz_loadu_epi8(valid, b.as_ptr().add(i).cast());
                let within = |lo: u8, count: u8| {
                    _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, set(lo)), set(count))
                };
                let upper = within(b'A', 26);
                let w = upper | within(b'a', 26) | within(b'0', 10);
                let eq = |c: u8| _mm512_cmpeq_epi8_mask(x, set(c));
                let q = eq(b'\'') | eq(b'"') | eq(b'`') | !valid;
                let lowered = _mm512_mask_add_epi8(x, upper, x, set(0x20));
                let bytes = _mm512_mask_blend_epi8(w, set(b' '), lowered);
                let sep = !(w | q);
                let carry = u64::from(word);
                let starts = ((w << 1) | carry) & q;
                let after_word = w | ((q ^ q.wrapping_add(starts)) & q);
                let keep = w | (sep & ((after_word << 1) | carry));
                word = after_word >> 63 != 0;
                spaces += (keep & sep).count_ones() as usize;
                let packed = _mm512_maskz_compress_epi8(keep, bytes);
                _mm512_storeu_si512(p.add(len).cast(), packed);
                len += keep.count_ones() as usize;
                i += 64;
            }
            self.end_run(v, len, word, spaces);
        }
    }

    /// The body of [`Norm::push_ascii_run`]; `PACK` packs the kept bytes with SSSE3 shuffles
    /// (only where the caller has made sure the CPU has SSSE3 and POPCNT).
    #[inline(always)]
    fn push_ascii_run_with<const PACK: bool>(&mut self, run: &str, out: &mut String) {
        let b = run.as_bytes();
        // SAFETY: only ASCII bytes are written, so the string stays UTF-8. The output grows by
        // at most one byte per byte of `run`, plus the pending space; a write of sixteen bytes
        // starts at most fifteen bytes before the end of what a sixteen keeps (with `PACK`:
        // writes end at most sixteen bytes past the length before the sixteen), so every write
        // lies within the `b.len() + 32` bytes reserved. The length is set to the bytes kept,
        // all of them written.
        unsafe {
            let v = out.as_mut_vec();
            v.reserve(b.len() + 32);
            let p = v.as_mut_ptr();
            // The last byte that is not a quote was a letter or digit.
            let (mut len, mut word, mut spaces) = self.begin_run(p, v.len());
            let mut i = 0;
            while i < b.len() {
                let rest = &b[i..];
                let c = match rest.first_chunk::<16>() {
                    Some(c) => chunk(c),
                    None => {
                        // Quote padding is never kept and leaves the state as it was.
                        let mut padded = [b'\''; 16];
                        padded[..rest.len()].copy_from_slice(rest);
                        chunk(&padded)
                    }
                };
                let (w, q) = (c.word, c.quote);
                let sep = !(w | q) & 0xffff;
                let carry = u32::from(word);
                // Runs of quotes take the state of the byte before them: adding a run's
                // first bit carries through the run, so the run's bits flip where it follows
                // a letter or digit.
                let starts = ((w << 1) | carry) & q;
                let after_word = w | ((q ^ (q + starts)) & q);
                let keep = w | (sep & ((after_word << 1) | carry));
                word = after_word >> 15 & 1 != 0;
                #[cfg(target_arch = "x86_64")]
                if PACK {
                    spaces += (keep & sep).count_ones() as usize;
                    len = pack_kept(&c.bytes, keep, p, len);
                    i += 16;
                    continue;
                }
                spaces += ones16(keep & sep);
                if keep == 0xffff {
                    p.add(len).cast::<[u8; 16]>().write_unaligned(c.bytes);
                    len += 16;
                } else {
                    let x = u128::from_le_bytes(c.bytes);
                    let mut k = keep;
                    while k != 0 {
                        let at = k.trailing_zeros();
                        let n = (!(k >> at)).trailing_zeros();
                        p.add(len)
                            .cast::<[u8; 16]>()
                            .write_unaligned((x >> (8 * at)).to_le_bytes());
                        len += n as usize;
                        k &= !(((1u32 << n) - 1) << at);
                    }
                }
                i += 16;
            }
            self.end_run(v, len, word, spaces);
        }
    }

    #[inline]
    fn push_char(&mut self, c: char, out: &mut String) {
        if c.is_ascii() {
            match ASCII_NORM[c as usize] {
                0 => self.pending_space = true,
                1 => {}
                lower => {
                    self.word_char(out);
                    out.push(lower as char);
                }
            }
        } else if c.is_alphanumeric() {
            self.word_char(out);
            fold_into(c, out);
        } else if !is_quote(c) && !is_mark(c) {
            self.pending_space = true;
        }
    }
}

/// Convenience wrapper around [`normalize_into`].
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Combining marks left over after NFKC (rare) belong to the letter before them: drop them
/// rather than splitting a word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Simple case folding: lower case, plus the few full foldings that matter for European text.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Number of words of a normalised string: one more than its spaces (0 when empty).
pub fn norm_word_count(norm: &str) -> usize {
    if norm.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', norm.as_bytes()).count() + 1
    }
}

/// Words of a normalised string (see [`normalize`]): the space-separated tokens.
pub fn norm_words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(' ').filter(|w| !w.is_empty())
}

/// Number of words in a raw (not normalised) line: runs of alphanumeric characters.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w || (in_word && is_quote(c));
    }
    n
}

/// Characters of a script written without spaces between words that count as one word: Chinese
/// and Japanese words are one to three characters long (two on average), Thai, Lao, Khmer and
/// Burmese words, written with their vowel and tone marks, about four.
fn unspaced_chars_per_word(c: char) -> Option<usize> {
    match c as u32 {
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff => Some(2),
        0x0e00..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff => Some(4),
        _ => None,
    }
}

/// Function characters of Chinese and Japanese (particles, the possessive, copulas): the stop
/// words of scripts without spaces, where a whole clause is one token.
const CJK_FUNCTION_CHARS: &str = "的了是在和有也就不这与对为而及其被但将都之のにはをがでともへや";

/// The words and stop words a normalised token (see [`norm_words`]) is worth: one word, a stop
/// word when it is in [`stop_words`]; a token in a script written without spaces (a whole
/// Chinese clause) is worth one word per few characters (see `unspaced_chars_per_word`), and
/// one stop word per function character in it.
pub fn token_weight(w: &str) -> (f64, f64) {
    if w.is_ascii() {
        return (1.0, f64::from(u8::from(stop_words().contains(w))));
    }
    let (mut unspaced, mut stops) = (0.0, 0.0);
    for c in w.chars() {
        if let Some(per_word) = unspaced_chars_per_word(c) {
            unspaced += 1.0 / per_word as f64;
            stops += f64::from(u8::from(CJK_FUNCTION_CHARS.contains(c)));
        }
    }
    if unspaced < 1.0 {
        return (1.0, f64::from(u8::from(stop_words().contains(w))));
    }
    (unspaced.round(), stops)
}

/// The stop words of every compiled-in language, lower case.
pub fn stop_words() -> &'static HashSet<&'static str, foldhash::fast::RandomState> {
    static SET: OnceLock<HashSet<&'static str, foldhash::fast::RandomState>> = OnceLock::new();
    SET.get_or_init(|| {
        (STOP_WORD_LISTS.iter())
            .flat_map(|(_, list)| list.lines())
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Stop-word lists, one per language, compiled into the binary (`data/stopwords/`).
pub const STOP_WORD_LISTS: &[(&str, &str)] = &[
    ("en", include_str!("../data/stopwords/en.txt")),
    ("fr", include_str!("../data/stopwords/fr.txt")),
    ("de", include_str!("../data/stopwords/de.txt")),
    ("es", include_str!("../data/stopwords/es.txt")),
    ("it", include_str!("../data/stopwords/it.txt")),
    ("pt", include_str!("../data/stopwords/pt.txt")),
    ("nl", include_str!("../data/stopwords/nl.txt")),
    ("ar", include_str!("../data/stopwords/ar.txt")),
    ("bg", include_str!("../data/stopwords/bg.txt")),
    ("ca", include_str!("../data/stopwords/ca.txt")),
    ("cs", include_str!("../data/stopwords/cs.txt")),
    ("da", include_str!("../data/stopwords/da.txt")),
    ("el", include_str!("../data/stopwords/el.txt")),
    ("fi", include_str!("../data/stopwords/fi.txt")),
    ("he", include_str!("../data/stopwords/he.txt")),
    ("hi", include_str!("../data/stopwords/hi.txt")),
    ("hu", include_str!("../data/stopwords/hu.txt")),
    ("id", include_str!("../data/stopwords/id.txt")),
    ("no", include_str!("../data/stopwords/no.txt")),
    ("pl", include_str!("../data/stopwords/pl.txt")),
    ("ro", include_str!("../data/stopwords/ro.txt")),
    ("ru", include_str!("../data/stopwords/ru.txt")),
    ("sk", include_str!("../data/stopwords/sk.txt")),
    ("sv", include_str!("../data/stopwords/sv.txt")),
    ("tr", include_str!("../data/stopwords/tr.txt")),
    ("uk", include_str!("../data/stopwords/uk.txt")),
];

/// True for a word that carries topic: at least three characters, not a number, not a stop
/// word. `w` must already be normalised.
pub fn is_content_word(w: &str) -> bool {
    w.chars().count() >= 3 && !w.chars().all(|c| c.is_numeric()) && !stop_words().contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` strings of `alphabet`'s bytes, the n-th `n % max_len` long, from a xorshift
    /// generator seeded with `seed` (byte `k` picks with the state rotated by `rot * k`).
    fn xorshift_ascii(
        alphabet: &'static [u8],
        count: u64,
        max_len: u64,
        rot: u32,
        mut seed: u64,
    ) -> impl Iterator<Item = String> {
        (0..count).map(move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (0..(n % max_len) as usize)
                .map(|k| {
                    alphabet[(seed.rotate_left(rot * k as u32) % alphabet.len() as u64) as usize]
                        as char
                })
                .collect()
        })
    }

    #[test]
    fn normalisation_ignores_case_quotes_punctuation_and_spacing() {
        assert_eq!(normalize("  Don’t   STOP—now! "), "dont stop now");
        assert_eq!(normalize("Don't stop now"), "dont stop now");
        assert_eq!(normalize("ﬁnance Straße"), "finance strasse");
        assert_eq!(normalize("Name *"), "name");
        assert_eq!(normalize("***"), "");
    }

    /// The straightforward normaliser (whole-string NFKC, then character by character) that
    /// the fast one must agree with.
    fn reference(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut push = |c: char, out: &mut String| {
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                fold_into(c, out);
            } else if !is_quote(c) && !is_mark(c) {
                pending_space = true;
            }
        };
        for c in s.nfkc() {
            push(c, &mut out);
        }
        out
    }

    #[test]
    fn fast_normaliser_agrees_with_the_reference() {
        const PIECES: &[&str] = &[
            "a",
            "E",
            "z",
            "0",
            " ",
            "'",
            "\"",
            "`",
            "-",
            ".",
            "\u{301}",
            "\u{327}",
            "\u{308}",
            "\u{a0}",
            "é",
            "e\u{301}",
            "ﬁ",
            "Å",
            "Ω",
            "ß",
            "ẞ",
            "ς",
            "İ",
            "…",
            "’",
            "«",
            "½",
            "①",
            "\u{1100}",
            "\u{1161}",
            "\u{11a8}",
            "가",
            "\u{ac00}\u{11a8}",
            "ｶ",
            "\u{ff9e}",
            "\u{b47}",
            "\u{b3e}",
            "\u{fe20}",
            "\u{2060}",
            "x\u{323}\u{307}",
            "\u{1e0b}\u{323}",
            "Ǆ",
            "ᾼ",
            "\u{345}",
            "\u{3b1}\u{345}\u{301}",
            "™",
            "㎏",
            "\u{fdfa}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize;
            for k in 0..len {
                let r = seed.rotate_left(5 * k as u32 + 3) ^ (k as u64).wrapping_mul(0x9e37_79b9);
                s.push_str(PIECES[(r % PIECES.len() as u64) as usize]);
            }
            let mut out = String::from("prefix ");
            let words = normalize_count_into(&s, &mut out);
            let got = &out["prefix ".len()..];
            assert_eq!(got, reference(&s), "{s:?}");
            assert_eq!(words, norm_word_count(got), "{s:?}");
        }
        // Long ASCII stretches, where sixteen bytes at a time are copied.
        const ASCII: &[u8] = b"aaaaZZZ09   ,'-\"`.";
        for s in xorshift_ascii(ASCII, 20000, 70, 3, seed) {
            for prefix in ["", "x"] {
                let mut out = String::from(prefix);
                let words = normalize_count_into(&s, &mut out);
                let got = &out[prefix.len()..];
                assert_eq!(got, reference(&s), "{s:?}");
                assert_eq!(words, norm_word_count(got), "{s:?}");
            }
        }
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn packed_ascii_runs_agree_with_the_portable_ones() {
        if !std::arch::is_x86_feature_detected!("ssse3")
            || !std::arch::is_x86_feature_detected!("popcnt")
        {
            return;
        }
        let avx512 = std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vbmi2");
        const ASCII: &[u8] = b"aZ09 ,'-\"`.x  qQ";
        for s in xorshift_ascii(ASCII, 30000, 200, 5, 0x9e37_79b9_7f4a_7c15) {
            for (prefix, pending) in [("", false), ("w", false), ("w", true)] {
                // 0: portable, 1: SSSE3, 2: AVX-512.
                let run = |path: u8| {
                    let mut out = String::from(prefix);
                    let mut n = Norm {
                        start: 0,
                        pending_space: pending,
                        spaces: 0,
                    };
                    match path {
                        0 => n.push_ascii_run_with::<false>(&s, &mut out),
                        // SAFETY: the CPU has SSSE3 and POPCNT (checked above).
                        1 => unsafe { n.push_ascii_run_ssse3(&s, &mut out) },
                        // SAFETY: the CPU has AVX-512 BW, VBMI2 and POPCNT (checked above).
                        _ => unsafe { n.push_ascii_run_avx512(&s, &mut out) },
                    }
                    (out, n.pending_space, n.spaces)
                };
                let portable = run(0);
                assert_eq!(run(1), portable, "{s:?} after {prefix:?}");
                if avx512 {
                    assert_eq!(run(2), portable, "AVX-512: {s:?} after {prefix:?}");
                }
            }
        }
    }

    #[test]
    fn simple_characters_agree_with_the_reference() {
        let mut simple = Vec::new();
        for (lo, hi) in SIMPLE_RANGES {
            for c in (lo..=hi).filter_map(char::from_u32) {
                if simple_effect(c) != Simple::No {
                    simple.push(c);
                }
                // Beside ASCII characters of every kind, and between two of them.
                for a in ['a', 'Z', '0', ' ', '\'', '"', '-', '.'] {
                    for s in [format!("{a}{c}"), format!("{c}{a}"), format!("x{a}{c}{a}y")] {
                        assert_eq!(normalize(&s), reference(&s), "{s:?}");
                    }
                }
            }
        }
        // No simple character composes with one before it.
        for &c in &simple {
            let firsts = (0u8..0x80).map(char::from).chain(simple.iter().copied());
            for d in firsts {
                assert!(
                    unicode_normalization::char::compose(d, c).is_none(),
                    "{d:?}{c:?}"
                );
            }
        }
        assert!(simple.contains(&'’') && simple.contains(&'—') && simple.contains(&'\u{a0}'));
        assert!(!simple.contains(&'é') && !simple.contains(&'①') && !simple.contains(&'™'));
        // Runs of them, mixed with ASCII.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..50000 {
            let mut s = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                match seed % 3 {
                    0 => s.push(simple[(seed >> 8) as usize % simple.len()]),
                    1 => s.push(b"aZ9 '-."[(seed >> 8) as usize % 7] as char),
                    _ => s.push(simple[(seed >> 20) as usize % simple.len()]),
                }
            }
            assert_eq!(normalize(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn trimming_handles_nbsp_and_bom() {
        assert_eq!(trim("\u{feff}\u{a0}Hello\u{a0} "), "Hello");
        assert!(is_blank(" \t\u{a0}\r"));
        assert!(!is_blank("\u{fffd}"));
    }

    #[test]
    fn words_are_counted_across_apostrophes() {
        assert_eq!(word_count("Don’t you start the discussion?"), 5);
        assert_eq!(word_count("- AP"), 1);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn stop_words_cover_several_languages() {
        for w in [
            "the", "und", "les", "los", "della", "и", "في", "και", "oraz", "och", "और",
        ] {
            assert!(stop_words().contains(w), "{w}");
        }
        assert!(is_content_word("cybercrime"));
        assert!(!is_content_word("2025"));
        // The lists' header lines are comments, not words.
        for w in ["english", "stop", "words", "german"] {
            assert!(!stop_words().contains(w), "{w}");
        }
    }

    #[test]
    fn unspaced_scripts_count_words_by_characters() {
        // A Chinese clause is one token but some twenty words, four of them function words.
        let zh = normalize("香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询");
        assert_eq!(norm_words(&zh).count(), 1);
        let (words, stops) = token_weight(&zh);
        assert_eq!(words, 17.0);
        assert_eq!(stops, 4.0); // 在 就 其 的
        // Japanese particles are its stop words.
        let (words, stops) = token_weight("歴史的な米朝首脳会談を巡って戦っていたのは");
        assert!(words >= 10.0 && stops >= 3.0, "{words} {stops}");
        // Thai: about four characters a word.
        assert_eq!(token_weight("สวัสดีครับทุกคน").0, 4.0);
        // Spaced scripts: one token, one word.
        assert_eq!(token_weight("und"), (1.0, 1.0));
        assert_eq!(token_weight("straße"), (1.0, 0.0));
        assert_eq!(token_weight("中"), (1.0, 0.0));
    }
}
