//! Generates the two pinyin-initial tables that `src/search.rs` includes, so the wasm ships
//! two bytes per ideograph instead of the `pinyin` crate's full readings.
//!
//! Both tables cover U+3400..=U+9FFF: CJK Extension A (U+3400..=U+4DBF), the 64 Yijing
//! hexagram symbols between the blocks (zeros; keeping them makes the lookup one subtraction)
//! and the CJK Unified Ideographs (U+4E00..=U+9FFF), one byte per code point.
//!
//! - `pinyin_initials.bin`: the ASCII lowercase first letter of the character's first plain
//!   reading in pinyin-data (usually the most common), or 0 when it has none.
//! - `pinyin_alternative_initials.bin`: for a heteronym (多音字), the first letter of its first
//!   other reading, in pinyin-data's order, whose letter differs from the first reading's
//!   (重 zhòng, chóng, tóng gives `c`; 行 xíng, háng gives `h`); 0 when every reading starts
//!   with the same letter or the character has none.

use pinyin::{Pinyin, ToPinyinMulti};
use std::path::PathBuf;
use std::{env, fs, io};

/// Must match `TABLE_FIRST` in `src/search.rs`; there the tables' array type turns a size
/// mismatch into a compile error.
const TABLE_FIRST: u32 = 0x3400;
/// Must match `TABLE_LAST` in `src/search.rs`.
const TABLE_LAST: u32 = 0x9FFF;

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(
        env::var_os("OUT_DIR")
            .ok_or_else(|| io::Error::other("cargo sets OUT_DIR for build scripts"))?,
    );
    let (primary, alternative): (Vec<u8>, Vec<u8>) =
        (TABLE_FIRST..=TABLE_LAST).map(initials_of).unzip();
    fs::write(out_dir.join("pinyin_initials.bin"), primary)?;
    fs::write(out_dir.join("pinyin_alternative_initials.bin"), alternative)
}

/// The initial of the code point's first plain reading and the first different initial among
/// its other readings; 0 for none.
fn initials_of(code: u32) -> (u8, u8) {
    let Some(readings) = char::from_u32(code).and_then(|ch| ch.to_pinyin_multi()) else {
        return (0, 0);
    };
    // The first reading is the one `ToPinyin::to_pinyin` gives: pinyin-data's first, the
    // most common reading of a heteronym.
    let mut initials = readings.into_iter().map(initial);
    let primary = initials.next().unwrap_or(0);
    let alternative = initials
        .find(|&letter| letter != 0 && letter != primary)
        .unwrap_or(0);
    (primary, alternative)
}

/// The ASCII letter a reading starts with, or 0.
fn initial(pinyin: Pinyin) -> u8 {
    // A few interjections (欸 ê) start with a non-ASCII letter; fold them to ASCII so the
    // table stays a byte per char and queries stay typable on a phone keyboard.
    match pinyin.plain().chars().next() {
        Some(letter @ 'a'..='z') => letter as u8,
        Some('ê') => b'e',
        _ => 0,
    }
}
