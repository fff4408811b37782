//! Generates the pinyin-initial table that `src/search.rs` includes, so the wasm ships one
//! byte per ideograph instead of the `pinyin` crate's full readings.
//!
//! The table covers U+3400..=U+9FFF: CJK Extension A (U+3400..=U+4DBF), the 64 Yijing
//! hexagram symbols between the blocks (zeros; keeping them makes the lookup one subtraction)
//! and the CJK Unified Ideographs (U+4E00..=U+9FFF). Each byte is the ASCII lowercase first
//! letter of the character's first plain reading in pinyin-data (usually the most common;
//! heteronyms keep only that one), or 0 when it has none.

use pinyin::ToPinyin;
use std::path::PathBuf;
use std::{env, fs, io};

/// Must match `TABLE_FIRST` in `src/search.rs`; there the table's array type turns a size
/// mismatch into a compile error.
const TABLE_FIRST: u32 = 0x3400;
/// Must match `TABLE_LAST` in `src/search.rs`.
const TABLE_LAST: u32 = 0x9FFF;

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = env::var_os("OUT_DIR")
        .ok_or_else(|| io::Error::other("cargo sets OUT_DIR for build scripts"))?;
    let table: Vec<u8> = (TABLE_FIRST..=TABLE_LAST).map(initial_of).collect();
    fs::write(PathBuf::from(out_dir).join("pinyin_initials.bin"), table)
}

/// The initial letter of the code point's first plain reading; 0 for none.
fn initial_of(code: u32) -> u8 {
    let Some(pinyin) = char::from_u32(code).and_then(|ch| ch.to_pinyin()) else {
        return 0;
    };
    // Without the `heteronym` feature `to_pinyin` yields the first, most common reading of a
    // heteronym. A few interjections (欸 ê) start with a non-ASCII letter; fold them to ASCII so
    // the table stays a byte per char and queries stay typable on a phone keyboard.
    match pinyin.plain().chars().next() {
        Some(letter @ 'a'..='z') => letter as u8,
        Some('ê') => b'e',
        _ => 0,
    }
}
