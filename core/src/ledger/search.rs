//! Customer search for the field-sales screen: one query matches customer numbers, names
//! (Chinese or Latin, case-insensitively) and pinyin initials such as `hwjs` for 华为技术.
//!
//! `SearchIndex` is built once from the `Ledger` and then answers every keystroke, so all
//! lowercasing and initials work happens at build time. A query allocates its normalized
//! text, one byte per customer for the best rank so far and its result, never per customer;
//! demo portfolio L (10,000 customers) answers a keystroke in well under a millisecond in
//! wasm on a desktop.
//!
//! Pinyin initials come from two one-byte-per-char tables that `build.rs` generates from the
//! `pinyin` crate (a build-dependency only), covering CJK Extension A and the CJK Unified
//! Ideographs, U+3400..=U+9FFF. Characters outside them (rarer extensions, compatibility
//! ideographs) contribute no initial.
//!
//! Heteronyms (多音字): the primary table holds the initial of each character's first
//! reading in the pinyin-data source, which is not always the one names use (重庆 reads
//! `zq` by it, 长沙 `zs`, 厦门 `sm`, 银行 `yx`). The alternative table holds, for a
//! heteronym, the initial of its first other reading (in pinyin-data's order) that starts
//! with a different letter. An initials query letter matches a character when it equals
//! either, so `cq` and `zq` both find 重庆, `cs` 长沙, `xm` 厦门 and `zgyh` 中国银行. The
//! limit: a character keeps at most two initials, so a third one is not typable (重's rare
//! tóng; 单's surname reading shàn, after dān and chán). [`initials`] gives the primary
//! form alone and [`alternative_initials`] the alternative one.

use crate::base::ids::CustomerId;
use crate::ledger::records::Customer;
use crate::ledger::state::Ledger;

/// First code point of the generated tables; must match `TABLE_FIRST` in `build.rs`.
const TABLE_FIRST: u32 = 0x3400;
/// Last code point of the generated tables; must match `TABLE_LAST` in `build.rs`.
const TABLE_LAST: u32 = 0x9FFF;

/// The number of code points in `TABLE_FIRST..=TABLE_LAST`, so of bytes in each table.
const TABLE_LEN: usize = (TABLE_LAST - TABLE_FIRST + 1) as usize;

/// The ASCII lowercase pinyin initial of the first reading of each code point in
/// `TABLE_FIRST..=TABLE_LAST`, or 0.
static PINYIN_INITIALS: &[u8; TABLE_LEN] =
    include_bytes!(concat!(env!("OUT_DIR"), "/pinyin_initials.bin"));

/// For each code point in `TABLE_FIRST..=TABLE_LAST`, the initial of its first other reading
/// that starts with a letter different from `PINYIN_INITIALS`'s, or 0.
static PINYIN_ALTERNATIVE_INITIALS: &[u8; TABLE_LEN] =
    include_bytes!(concat!(env!("OUT_DIR"), "/pinyin_alternative_initials.bin"));

/// The primary and alternative pinyin initials of a Chinese character, if the tables know
/// one; the alternative is the primary when the character has no other.
fn pinyin_initials(ch: char) -> Option<(u8, u8)> {
    let index = usize::try_from(u32::from(ch).checked_sub(TABLE_FIRST)?).ok()?;
    let primary = *PINYIN_INITIALS.get(index)?;
    if primary == 0 {
        return None;
    }
    let alternative = PINYIN_ALTERNATIVE_INITIALS
        .get(index)
        .copied()
        .filter(|&alternative| alternative != 0)
        .unwrap_or(primary);
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

/// Calls `each(primary, alternative)` for each initial of `text`, in order: the pinyin
/// initials of each Chinese character (the same twice unless it is a heteronym) and the
/// lowercased first character of each Latin word, when that character is an ASCII letter or
/// digit (full-width forms count), twice; everything else is skipped.
fn for_each_initial(text: &str, mut each: impl FnMut(u8, u8)) {
    let mut in_latin_word = false;
    for ch in text.chars().map(fold_full_width) {
        if is_latin_word_char(ch) {
            if !in_latin_word && ch.is_ascii_alphanumeric() {
                let letter = ch.to_ascii_lowercase() as u8;
                each(letter, letter);
            }
            in_latin_word = true;
            continue;
        }
        in_latin_word = false;
        if let Some((primary, alternative)) = pinyin_initials(ch) {
            each(primary, alternative);
        }
    }
}

/// The initials a salesperson would type for `text`: the pinyin initial of each Chinese
/// character and the lowercased first character of each Latin word, when that character is
/// an ASCII letter or digit (full-width forms count); everything else is skipped.
/// `上海华联 Trading Co.` gives `shhltc`. A heteronym gives its first reading's initial:
/// 重庆 gives `zq`; [`alternative_initials`] gives the other, and search accepts either.
pub fn initials(text: &str) -> String {
    let mut result = String::new();
    for_each_initial(text, |primary, _| result.push(char::from(primary)));
    result
}

/// [`initials`] with each heteronym's alternative initial in place of its first, position by
/// position (so as long): 重庆 gives `cq`, 中国银行 `zgyh`. Search matches a query letter
/// against either string at each position, never one string as a whole.
pub fn alternative_initials(text: &str) -> String {
    let mut result = String::new();
    for_each_initial(text, |_, alternative| result.push(char::from(alternative)));
    result
}

/// How well a customer matches a query; lower ranks sort first. A customer takes its best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    NumberExact,
    NumberPrefix,
    NamePrefix,
    InitialsPrefix,
    Contains,
}

/// Every rank, best first.
const RANKS_BEST_FIRST: [Rank; 5] = [
    Rank::NumberExact,
    Rank::NumberPrefix,
    Rank::NamePrefix,
    Rank::InitialsPrefix,
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

/// Every customer's initials as two parallel byte strings, concatenated like a `Column`:
/// `primary` holds each position's first-reading initial and `alternative` the heteronym's
/// other initial there, or the primary again. Both are ASCII lowercase letters and digits.
#[derive(Clone, Debug, Default)]
struct InitialsColumn {
    primary: Vec<u8>,
    alternative: Vec<u8>,
    /// Byte offset where each customer's entry ends, in customer order.
    ends: Vec<usize>,
}

impl InitialsColumn {
    fn push(&mut self, name: &str) {
        for_each_initial(name, |primary, alternative| {
            self.primary.push(primary);
            self.alternative.push(alternative);
        });
        self.ends.push(self.primary.len());
    }

    /// Whether each byte of `query` equals the primary or the alternative initial at the
    /// same position from `start` on; false past the end.
    fn matches_at(&self, start: usize, query: &[u8]) -> bool {
        let end = start + query.len();
        match (
            self.primary.get(start..end),
            self.alternative.get(start..end),
        ) {
            (Some(primary), Some(alternative)) => query
                .iter()
                .zip(primary.iter().zip(alternative))
                .all(|(letter, (primary, alternative))| letter == primary || letter == alternative),
            _ => false,
        }
    }

    /// Calls `found(customer, is_prefix)` once for each customer whose initials match
    /// `query` at some position (each letter the primary or the alternative initial there),
    /// in customer order, saying whether a match starts the entry. As `Column::find`, but a
    /// candidate is any position where either string holds the query's first letter.
    fn find(&self, query: &[u8], mut found: impl FnMut(usize, bool)) {
        let Some((&first, rest)) = query.split_first() else {
            return;
        };
        let mut customer = 0;
        let mut entry_start = 0;
        let mut from = 0;
        while let Some(offset) = self
            .primary
            .get(from..)
            .zip(self.alternative.get(from..))
            .and_then(|(primary, alternative)| {
                primary
                    .iter()
                    .zip(alternative)
                    .position(|(&primary, &alternative)| primary == first || alternative == first)
            })
        {
            let start = from + offset;
            while let Some(&end) = self.ends.get(customer).filter(|&&end| end <= start) {
                entry_start = end;
                customer += 1;
            }
            let Some(&entry_end) = self.ends.get(customer) else {
                return;
            };
            if start + query.len() > entry_end || !self.matches_at(start + 1, rest) {
                from = start + 1;
                continue;
            }
            // The leftmost match decides whether the entry starts with one; skip the rest.
            found(customer, start == entry_start);
            from = entry_end;
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
    initials: InitialsColumn,
}

impl SearchIndex {
    /// Prepares every customer of `state`; linear in the number of customers.
    pub fn new(state: &Ledger) -> SearchIndex {
        // Id order makes ties by id fall out of one pass per rank, with no sort per query.
        // The portfolio keeps its customers by id already; sorting again keeps the index
        // right even if that ever changes.
        let mut customers: Vec<&Customer> = state.customers.iter().collect();
        customers.sort_by_key(|customer| customer.id);
        let mut index = SearchIndex::default();
        for customer in customers {
            index.ids.push(customer.id);
            index.numbers.push(&normalized(&customer.details.number));
            index.names.push(&normalized(&customer.details.name));
            index.initials.push(&customer.details.name);
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
            self.initials.find(query.as_bytes(), |customer, is_prefix| {
                let rank = if is_prefix {
                    Rank::InitialsPrefix
                } else {
                    Rank::Contains
                };
                improve(customer, rank);
            });
        }
        best_first(&self.ids, &ranks, limit)
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
