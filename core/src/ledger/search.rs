//! Customer search for the field-sales screen and the desk's customer list: one query
//! matches customer numbers, names (Chinese or Latin, case-insensitively) and pinyin, in
//! full (`guangzhou` for 广州), as initials (`hwjs` for 华为技术) or mixed (`gzhou`, `guangz`).
//!
//! `SearchIndex` is built once from the `Ledger` and then answers every keystroke, so all
//! lowercasing and reading work happens at build time. A query allocates its normalized
//! text, one byte per customer for the best rank so far and its result, never per customer.
//!
//! Pinyin comes from tables that `build.rs` generates from the `pinyin` crate (a
//! build-dependency only), covering CJK Extension A and the CJK Unified Ideographs,
//! U+3400..=U+9FFF: each character's first reading in the pinyin-data source, and for a
//! heteronym one other reading. Characters outside them (rarer extensions, compatibility
//! ideographs) have no reading.
//!
//! How a query matches a name: the name is a row of units, one per Chinese character (its
//! syllables) and one per Latin word (the word); the query, all ASCII letters, must be used up
//! by consecutive units, each taking a non-empty beginning of one of its syllables: the whole
//! syllable, or its initial, or anything between. So `shhl`, `shanghaihualian` and `shanghl`
//! all find 上海华联, and `shhltc` finds 上海华联 Trading Co.
//!
//! Heteronyms (多音字): the first reading is not always the one names use (重庆 reads `zq` by
//! it, 长沙 `zs`, 厦门 `sm`, 银行 `yx`), so a unit takes a beginning of either reading: `cq`,
//! `chongqing` and `zq` all find 重庆, `xiamen` 厦门, `zgyh` 中国银行. The limit: a character
//! keeps at most two readings, so a third one is not typable (重's rare tóng).
//! [`initials`] gives the first reading's initials alone and [`alternative_initials`] the
//! other's; [`pinyin_key`] sorts Chinese names by their readings.

use crate::base::ids::CustomerId;
use crate::ledger::state::Ledger;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// First code point of the generated tables; must match `TABLE_FIRST` in `build.rs`.
const TABLE_FIRST: u32 = 0x3400;
/// Last code point of the generated tables; must match `TABLE_LAST` in `build.rs`.
const TABLE_LAST: u32 = 0x9FFF;

/// The number of code points in `TABLE_FIRST..=TABLE_LAST`.
const TABLE_LEN: usize = (TABLE_LAST - TABLE_FIRST + 1) as usize;

/// Every plain syllable the tables use, sorted; a syllable id is 1 + its index here.
static SYLLABLES: &[&str] = include!(concat!(env!("OUT_DIR"), "/pinyin_syllables.rs"));

/// The syllable id of the first reading of each code point in `TABLE_FIRST..=TABLE_LAST`,
/// two bytes little-endian, or 0 for none.
static PINYIN_PRIMARY: &[u8; TABLE_LEN * 2] =
    include_bytes!(concat!(env!("OUT_DIR"), "/pinyin_primary.bin"));

/// `(code point − TABLE_FIRST, syllable id)` of a heteronym's other reading, sorted.
static PINYIN_ALTERNATIVE: &[(u16, u16)] =
    include!(concat!(env!("OUT_DIR"), "/pinyin_alternative.rs"));

/// The syllable of an id from the tables.
fn syllable(id: u16) -> &'static str {
    usize::from(id)
        .checked_sub(1)
        .and_then(|index| SYLLABLES.get(index))
        .copied()
        .unwrap_or("")
}

/// The syllable ids of a Chinese character's first and other reading, if the tables know
/// one; the other is the first when the character has no other.
fn pinyin_readings(ch: char) -> Option<(u16, u16)> {
    let offset = u32::from(ch).checked_sub(TABLE_FIRST)?;
    let index = usize::try_from(offset).ok()?;
    let bytes = PINYIN_PRIMARY.get(index * 2..index * 2 + 2)?;
    let primary = u16::from_le_bytes([bytes[0], bytes[1]]);
    if primary == 0 {
        return None;
    }
    let offset = u16::try_from(offset).ok()?;
    let alternative = PINYIN_ALTERNATIVE
        .binary_search_by_key(&offset, |&(at, _)| at)
        .map_or(primary, |found| PINYIN_ALTERNATIVE[found].1);
    Some((primary, alternative))
}

/// Full-width ASCII forms (`ＴＣＬ`, typed by Chinese input methods in full-width mode) as
/// their ASCII letters, so they match what a phone keyboard types in either mode.
fn fold_full_width(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(ch) - 0xFEE0).unwrap_or(ch),
        _ => ch,
    }
}

/// `text` as it is compared: full-width forms folded to ASCII, then lowercased.
fn normalized(text: &str) -> String {
    text.chars()
        .map(fold_full_width)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `ch` continues a Latin word: ASCII letters and digits, accented Latin letters
/// (Latin-1 to Latin Extended-B) and combining accents, so `Noël` stays one word.
fn is_latin_word_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric()
        || ('\u{C0}'..='\u{24F}').contains(&ch) && ch.is_alphabetic()
        || ('\u{300}'..='\u{36F}').contains(&ch)
}

/// One unit of a name as pinyin matching sees it.
enum Unit {
    /// A Chinese character: the syllable ids of its first and other reading.
    Reading(u16, u16),
    /// A Latin word, normalized (full-width forms folded, lowercased).
    Word(String),
}

/// Calls `each` for each unit of `text`, in order: each Chinese character the tables know and
/// each Latin word; everything else (punctuation, spaces, unknown characters) is skipped.
fn for_each_unit(text: &str, mut each: impl FnMut(Unit)) {
    let mut word = String::new();
    for ch in text.chars().map(fold_full_width) {
        if is_latin_word_char(ch) {
            word.extend(ch.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            each(Unit::Word(std::mem::take(&mut word)));
        }
        if let Some((primary, alternative)) = pinyin_readings(ch) {
            each(Unit::Reading(primary, alternative));
        }
    }
    if !word.is_empty() {
        each(Unit::Word(word));
    }
}

/// The initials of `text`, one per unit: the first letter of a character's first reading
/// (`alternative`: of its other reading) or a Latin word's first character when that is an
/// ASCII letter or digit.
fn initials_with(text: &str, alternative: bool) -> String {
    let mut result = String::new();
    for_each_unit(text, |unit| {
        let first = match unit {
            Unit::Reading(primary, other) => syllable(if alternative { other } else { primary })
                .chars()
                .next(),
            Unit::Word(word) => word.chars().next().filter(char::is_ascii_alphanumeric),
        };
        result.extend(first);
    });
    result
}

/// The initials a salesperson would type for `text`: the pinyin initial of each Chinese
/// character and the lowercased first character of each Latin word, when that character is
/// an ASCII letter or digit (full-width forms count); everything else is skipped.
/// `上海华联 Trading Co.` gives `shhltc`. A heteronym gives its first reading's initial:
/// 重庆 gives `zq`; [`alternative_initials`] gives the other, and search accepts either.
pub fn initials(text: &str) -> String {
    initials_with(text, false)
}

/// [`initials`] with each heteronym's other initial in place of its first, position by
/// position (so as long): 重庆 gives `cq`, 中国银行 `zgyh`. Search takes either reading at
/// each position, never one string as a whole.
pub fn alternative_initials(text: &str) -> String {
    initials_with(text, true)
}

/// The readings search matches `text` by, one pair per unit (see the module doc): a Chinese
/// character's first and other syllable (the first twice when it has one reading), a Latin
/// word twice. 重庆 gives `[("zhong", "chong"), ("qing", "qing")]`.
pub fn readings(text: &str) -> Vec<(String, String)> {
    let mut result = Vec::new();
    for_each_unit(text, |unit| {
        result.push(match unit {
            Unit::Reading(primary, other) => {
                (syllable(primary).to_string(), syllable(other).to_string())
            }
            Unit::Word(word) => (word.clone(), word),
        });
    });
    result
}

/// Whether `query` (trimmed, lowercased, all ASCII letters) matches `name`'s pinyin from some
/// unit on, as [`SearchIndex::search`] matches it: for lists filtered one name at a time.
pub fn pinyin_matches(name: &str, query: &str) -> bool {
    let query = normalized(query.trim());
    if query.is_empty() || !query.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return false;
    }
    let column = PinyinNames::of([name]);
    let mut matched = false;
    column.find(query.as_bytes(), |_, _| matched = true);
    matched
}

/// A key that sorts names as Chinese readers expect: by the first reading of each character
/// (青岛 qingdao before 郑州 zhengzhou), Latin words by their letters, then by the name itself
/// so that different names never tie.
pub fn pinyin_key(text: &str) -> String {
    let mut key = String::new();
    for_each_unit(text, |unit| {
        match unit {
            Unit::Reading(primary, _) => key.push_str(syllable(primary)),
            Unit::Word(word) => key.push_str(&word),
        }
        key.push(' ');
    });
    key.push('\u{0}');
    key.push_str(&normalized(text));
    key
}

/// How well a customer matches a query; lower ranks sort first. A customer takes its best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    NumberExact,
    NumberPrefix,
    NamePrefix,
    PinyinPrefix,
    Contains,
}

/// Every rank, best first.
const RANKS_BEST_FIRST: [Rank; 5] = [
    Rank::NumberExact,
    Rank::NumberPrefix,
    Rank::NamePrefix,
    Rank::PinyinPrefix,
    Rank::Contains,
];

/// One searchable text per customer, concatenated: one allocation per column instead of one
/// per customer, and a query scans it with `str::find(char)` (which runs `memchr`) instead
/// of calling `str::contains` per customer, whose searcher set-up dominated a keystroke in
/// wasm.
#[derive(Clone, Debug, Default)]
struct Column {
    text: String,
    /// Byte offset in `text` where each customer's entry ends, in customer order.
    ends: Vec<usize>,
}

impl Column {
    fn push(&mut self, entry: &str) {
        self.text.push_str(entry);
        self.ends.push(self.text.len());
    }

    /// Calls `found(customer, is_prefix, is_exact)` once for each customer whose entry
    /// contains `query`, in customer order, saying whether the entry starts with the query
    /// and whether it is the whole entry.
    fn find(&self, query: &str, mut found: impl FnMut(usize, bool, bool)) {
        let Some(first) = query.chars().next() else {
            return;
        };
        let mut customer = 0;
        let mut entry_start = 0;
        let mut from = 0;
        // Candidates are the places where the query's first character occurs.
        while let Some(offset) = self.text.get(from..).and_then(|rest| rest.find(first)) {
            let start = from + offset;
            while let Some(&end) = self.ends.get(customer).filter(|&&end| end <= start) {
                entry_start = end;
                customer += 1;
            }
            let Some(&entry_end) = self.ends.get(customer) else {
                return;
            };
            let match_end = start + query.len();
            let matched = match_end <= entry_end
                && self
                    .text
                    .get(start..)
                    .is_some_and(|rest| rest.starts_with(query));
            if !matched {
                from = start + first.len_utf8();
                continue;
            }
            // The first match in an entry is its leftmost; the rest of the entry can only
            // repeat it, so the scan moves on to the next customer.
            let is_prefix = start == entry_start;
            found(customer, is_prefix, is_prefix && match_end == entry_end);
            from = entry_end;
        }
    }
}

/// Where a unit's text is: a syllable of its column (`PinyinNames::syllables`, 1 + index),
/// or a Latin word of the column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum UnitText {
    Syllable(u16),
    Word(u32),
}

/// Every customer's name as units (see the module doc), concatenated like a `Column`: each
/// unit's first reading and its other one, if it has another (a Latin word has none). It
/// holds the syllables it uses, so it reads back whole where the tables are not linked: the
/// check view carries its customers' names this way, and the field check searches them
/// without the tables (ARCHITECTURE.md, "Bundles").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinyinNames {
    /// The tables' own text while pushing (no copy); owned when read back.
    syllables: Vec<Cow<'static, str>>,
    units: Vec<(UnitText, Option<UnitText>)>,
    words: Vec<String>,
    /// Unit offset where each name's units end, in the order pushed.
    ends: Vec<u32>,
    /// While pushing: each syllable id of the tables used so far, and 1 + its index in
    /// `syllables`. A map, not a table of every syllable: one name (`pinyin_matches`, per row
    /// of a filtered list) uses a few.
    #[serde(skip)]
    interned: BTreeMap<u16, u16>,
}

/// The longest query pinyin matching looks at (a bit set per query position).
const PINYIN_QUERY_MAX: usize = 63;

impl PinyinNames {
    /// The units of `names`, in order (see the module doc).
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> PinyinNames {
        let mut column = PinyinNames::default();
        for name in names {
            column.push(name);
        }
        // Only needed while pushing; without it a column equals its read-back copy.
        column.interned.clear();
        column
    }

    /// How many names the column holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn push(&mut self, name: &str) {
        for_each_unit(name, |unit| {
            let texts = match unit {
                Unit::Reading(primary, other) => {
                    let first = self.intern(primary);
                    (first, (other != primary).then(|| self.intern(other)))
                }
                Unit::Word(word) => {
                    self.words.push(word);
                    let index = u32::try_from(self.words.len() - 1).unwrap_or(0);
                    (UnitText::Word(index), None)
                }
            };
            self.units.push(texts);
        });
        self.ends
            .push(u32::try_from(self.units.len()).unwrap_or(u32::MAX));
    }

    /// A syllable id of the tables as this column's own.
    fn intern(&mut self, id: u16) -> UnitText {
        let next = u16::try_from(self.syllables.len() + 1).unwrap_or(0);
        let own = *self.interned.entry(id).or_insert(next);
        if own == next {
            self.syllables.push(Cow::Borrowed(syllable(id)));
        }
        UnitText::Syllable(own)
    }

    fn text(&self, text: UnitText) -> &[u8] {
        let found = match text {
            UnitText::Syllable(id) => usize::from(id)
                .checked_sub(1)
                .and_then(|index| self.syllables.get(index))
                .map(|syllable| syllable.as_ref()),
            UnitText::Word(index) => usize::try_from(index)
                .ok()
                .and_then(|index| self.words.get(index))
                .map(String::as_str),
        };
        found.map_or(&[], str::as_bytes)
    }

    /// Whether `query` is used up by the units from `start` on (each taking a non-empty
    /// beginning of one of its readings), before `end`. Tracks every query position reachable
    /// so far as one bit.
    fn matches_from(&self, start: usize, end: usize, query: &[u8]) -> bool {
        let done = 1u64 << query.len();
        let mut reachable = 1u64; // position 0
        for &(first, other) in self.units.get(start..end).unwrap_or(&[]) {
            let other = other.unwrap_or(first);
            let mut next = 0u64;
            for position in (0..query.len()).filter(|p| reachable & (1 << p) != 0) {
                let rest = &query[position..];
                for reading in [first, other] {
                    let common = self
                        .text(reading)
                        .iter()
                        .zip(rest)
                        .take_while(|(a, b)| a == b);
                    for taken in 1..=common.count() {
                        next |= 1 << (position + taken);
                    }
                }
            }
            if next & done != 0 {
                return true;
            }
            reachable = next;
            if reachable == 0 {
                return false;
            }
        }
        false
    }

    /// Calls `found(customer, is_prefix)` once for each customer whose name matches `query`
    /// (see the module doc) from some unit on, in customer order, saying whether a match
    /// starts at the name's first unit.
    fn find(&self, query: &[u8], mut found: impl FnMut(usize, bool)) {
        let Some(&first) = query.first().filter(|_| query.len() <= PINYIN_QUERY_MAX) else {
            return;
        };
        let mut entry_start = 0;
        for (customer, &entry_end) in self.ends.iter().enumerate() {
            let entry_end = entry_end as usize;
            let starts = (entry_start..entry_end).filter(|&unit| {
                let (a, b) = self.units[unit];
                let starts_with = |text| self.text(text).first() == Some(&first);
                starts_with(a) || b.is_some_and(starts_with)
            });
            for start in starts {
                if self.matches_from(start, entry_end, query) {
                    found(customer, start == entry_start);
                    break;
                }
            }
            entry_start = entry_end;
        }
    }
}

/// Every customer's number, name and initials, normalized once so that each keystroke only
/// scans. It is a snapshot: rebuild it when the portfolio's customers change.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    ids: Vec<CustomerId>,
    numbers: Column,
    names: Column,
    pinyin: PinyinNames,
}

impl SearchIndex {
    /// Prepares every customer of `state`; linear in the number of customers.
    pub fn new(state: &Ledger) -> SearchIndex {
        SearchIndex::of(
            state
                .customers
                .iter()
                .map(|c| (c.id, c.details.number.as_str(), c.details.name.as_str())),
        )
    }

    /// Prepares customers given as (id, number, name): what a page holds that has no ledger
    /// (the check view's customers, `check::view`).
    pub fn of<'a>(
        customers: impl IntoIterator<Item = (CustomerId, &'a str, &'a str)>,
    ) -> SearchIndex {
        // Id order makes ties by id fall out of one pass per rank, with no sort per query.
        // The portfolio keeps its customers by id already; sorting again keeps the index
        // right even if that ever changes.
        let mut customers: Vec<(CustomerId, &str, &str)> = customers.into_iter().collect();
        customers.sort_by_key(|(id, _, _)| *id);
        let mut index = SearchIndex::default();
        for (id, number, name) in customers {
            index.ids.push(id);
            index.numbers.push(&normalized(number));
            index.names.push(&normalized(name));
            index.pinyin.push(name);
        }
        index
    }

    /// Prepares customers given as (id, number, name) in id order, with their names' units
    /// made before (`PinyinNames::of` over the same names, in the same order): what the field
    /// check does with the check view's customers, so it links none of the pinyin tables.
    pub fn with_pinyin<'a>(
        customers: impl IntoIterator<Item = (CustomerId, &'a str, &'a str)>,
        pinyin: PinyinNames,
    ) -> SearchIndex {
        let mut index = SearchIndex {
            pinyin,
            ..SearchIndex::default()
        };
        for (id, number, name) in customers {
            index.ids.push(id);
            index.numbers.push(&normalized(number));
            index.names.push(&normalized(name));
        }
        index
    }

    /// The ids of at most `limit` customers matching `query` (trimmed, lowercased, full-width
    /// letters folded), best first: exact number, number prefix, name prefix, initials
    /// prefix, then any other match on number or name (substring) or initials; ties by id.
    /// A blank query matches nothing. Initials only count when the query is all ASCII
    /// letters, so `c0001` never matches initials by accident; each query letter may match
    /// either pinyin initial of a heteronym (`cq` and `zq` both find 重庆).
    pub fn search(&self, query: &str, limit: usize) -> Vec<CustomerId> {
        let query = normalized(query.trim());
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut ranks: Vec<Option<Rank>> = vec![None; self.ids.len()];
        let mut improve = |customer: usize, rank: Rank| {
            if let Some(best) = ranks.get_mut(customer) {
                *best = Some(best.map_or(rank, |best| best.min(rank)));
            }
        };
        self.numbers.find(&query, |customer, is_prefix, is_exact| {
            let rank = match (is_prefix, is_exact) {
                (_, true) => Rank::NumberExact,
                (true, false) => Rank::NumberPrefix,
                (false, false) => Rank::Contains,
            };
            improve(customer, rank);
        });
        self.names.find(&query, |customer, is_prefix, _| {
            let rank = if is_prefix {
                Rank::NamePrefix
            } else {
                Rank::Contains
            };
            improve(customer, rank);
        });
        if query.bytes().all(|byte| byte.is_ascii_alphabetic()) {
            self.pinyin.find(query.as_bytes(), |customer, is_prefix| {
                let rank = if is_prefix {
                    Rank::PinyinPrefix
                } else {
                    Rank::Contains
                };
                improve(customer, rank);
            });
        }
        best_first(&self.ids, &ranks, limit)
    }
}

/// How many matches `pick` looks through for an exact number or name.
const PICK_MATCHES_MAX: usize = 50;

/// Why typed text names no single customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickError {
    /// No customer matches the text.
    NoMatch,
    /// More than one matches and none has exactly this number or name; `count` is at most
    /// the number of matches looked through.
    Several { count: usize },
}

/// The one customer `text` names, for a field that asks for a customer: the customer with
/// exactly this number, else the only match of the search, else the only match whose number
/// (in any case) or name is exactly the text. Blank text names no one (`NoMatch`).
pub fn pick(ledger: &Ledger, index: &SearchIndex, text: &str) -> Result<CustomerId, PickError> {
    let text = text.trim();
    if let Some(id) = ledger.customer_by_number(text) {
        return Ok(id);
    }
    let found = index.search(text, PICK_MATCHES_MAX);
    if let [only] = found.as_slice() {
        return Ok(*only);
    }
    let exact: Vec<CustomerId> = found
        .iter()
        .copied()
        .filter(|id| {
            ledger.customer(*id).is_some_and(|customer| {
                customer.details.number.eq_ignore_ascii_case(text) || customer.details.name == text
            })
        })
        .collect();
    match (exact.as_slice(), found.len()) {
        ([only], _) => Ok(*only),
        (_, 0) => Err(PickError::NoMatch),
        (_, count) => Err(PickError::Several { count }),
    }
}

/// The ids of the ranked customers, best rank first, ties by id, at most `limit`. `ids` are
/// in id order, so one pass per rank lists each rank's customers already sorted.
fn best_first(ids: &[CustomerId], ranks: &[Option<Rank>], limit: usize) -> Vec<CustomerId> {
    let mut result = Vec::new();
    for rank in RANKS_BEST_FIRST {
        let ranked = ids
            .iter()
            .zip(ranks)
            .filter(|&(_, &customer_rank)| customer_rank == Some(rank))
            .map(|(&id, _)| id);
        result.extend(ranked.take(limit - result.len()));
        if result.len() == limit {
            break;
        }
    }
    result
}
