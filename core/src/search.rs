//! Customer search for the field-sales screen: one query matches customer numbers, names
//! (Chinese or Latin, case-insensitively) and pinyin initials such as `hwjs` for 华为技术.
//!
//! `SearchIndex` is built once from a `Portfolio` and then answers every keystroke, so all
//! lowercasing and initials work happens at build time. A query allocates its normalized
//! text, one byte per customer for the best rank so far and its result, never per customer;
//! demo portfolio L (10,000 customers) answers a keystroke in well under a millisecond in
//! wasm on a desktop.
//! Pinyin initials come from a one-byte-per-char table that `build.rs` generates from the
//! `pinyin` crate (a build-dependency only), covering CJK Extension A and the CJK Unified
//! Ideographs, U+3400..=U+9FFF. A heteronym (多音字) takes its first reading in the
//! pinyin-data source, which is not always the one names use: 中国银行 gives `zgyx`, not
//! `zgyh` (行 háng reads xíng), 重庆 gives `zq`, not `cq`, 长沙 `zs`, not `cs`. Characters
//! outside the table (rarer extensions, compatibility ideographs) contribute no initial.

use crate::model::{Customer, CustomerId};
use crate::portfolio::Portfolio;

/// First code point of the generated table; must match `TABLE_FIRST` in `build.rs`.
const TABLE_FIRST: u32 = 0x3400;
/// Last code point of the generated table; must match `TABLE_LAST` in `build.rs`.
const TABLE_LAST: u32 = 0x9FFF;

/// The ASCII lowercase pinyin initial of each code point in `TABLE_FIRST..=TABLE_LAST`, or 0.
static PINYIN_INITIALS: &[u8; (TABLE_LAST - TABLE_FIRST + 1) as usize] =
    include_bytes!(concat!(env!("OUT_DIR"), "/pinyin_initials.bin"));

/// The pinyin initial of a Chinese character, if the table knows one.
fn pinyin_initial(ch: char) -> Option<char> {
    let index = u32::from(ch).checked_sub(TABLE_FIRST)?;
    let initial = *PINYIN_INITIALS.get(usize::try_from(index).ok()?)?;
    (initial != 0).then_some(char::from(initial))
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

/// The initials a salesperson would type for `text`: the pinyin initial of each Chinese
/// character and the lowercased first character of each Latin word, when that character is
/// an ASCII letter or digit (full-width forms count); everything else is skipped.
/// `上海华联 Trading Co.` gives `shhltc`.
pub fn initials(text: &str) -> String {
    let mut result = String::new();
    let mut in_latin_word = false;
    for ch in text.chars().map(fold_full_width) {
        if is_latin_word_char(ch) {
            if !in_latin_word && ch.is_ascii_alphanumeric() {
                result.push(ch.to_ascii_lowercase());
            }
            in_latin_word = true;
            continue;
        }
        in_latin_word = false;
        if let Some(initial) = pinyin_initial(ch) {
            result.push(initial);
        }
    }
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

/// Every customer's number, name and initials, normalized once so that each keystroke only
/// scans. It is a snapshot: rebuild it when the portfolio's customers change.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    ids: Vec<CustomerId>,
    numbers: Column,
    names: Column,
    initials: Column,
}

impl SearchIndex {
    /// Prepares every customer of `state`; linear in the number of customers.
    pub fn new(state: &Portfolio) -> SearchIndex {
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
            index.initials.push(&initials(&customer.details.name));
        }
        index
    }

    /// The ids of at most `limit` customers matching `query` (trimmed, lowercased, full-width
    /// letters folded), best first: exact number, number prefix, name prefix, initials
    /// prefix, then any other match on number or name (substring) or initials; ties by id.
    /// A blank query matches nothing. Initials only count when the query is all ASCII
    /// letters, so `c0001` never matches initials by accident.
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
            self.initials.find(&query, |customer, is_prefix, _| {
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
