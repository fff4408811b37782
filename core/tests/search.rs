//! Customer search: the pinyin initials of known names, each way a query matches (number,
//! Chinese or Latin name, initials), the ranking and its ties, the limit, and queries and
//! names of any text never panicking.

use chrono::NaiveDate;
use creditdesk_core::ledger::search::{alternative_initials, initials, readings, SearchIndex};
use creditdesk_core::*;
use proptest::prelude::*;

/// A portfolio of customers `(number, name)` with ids 1, 2, … in the given order, decided
/// and folded through the public API as the shell does.
fn portfolio(customers: &[(&str, &str)]) -> Portfolio {
    let date = NaiveDate::from_ymd_opt(2025, 1, 1).expect("2025-01-01 is a date");
    let commands =
        customers
            .iter()
            .zip(1..)
            .map(|(&(number, name), id)| Command::RegisterCustomer {
                id: CustomerId(id),
                date,
                recorded_on: date,
                details: CustomerDetails {
                    number: number.into(),
                    name: name.into(),
                    registration_no: String::new(),
                    industry: String::new(),
                    country: "CN".into(),
                    currency: Currency::CNY,
                    payment_terms_days: 30,
                    contact: String::new(),
                    group: String::new(),
                    discount: None,
                },
            });
    let (_entries, state) = decide_batch(&Portfolio::default(), commands)
        .unwrap_or_else(|rejection| panic!("test customers were rejected: {rejection:?}"));
    state
}

/// The numbers of the customers a query finds, best first, for readable expectations.
fn found(state: &Portfolio, query: &str, limit: usize) -> Vec<String> {
    SearchIndex::new(&state.ledger)
        .search(query, limit)
        .into_iter()
        .map(|id| match state.ledger.customer(id) {
            Some(customer) => customer.details.number.clone(),
            None => panic!("search returned {id:?}, which is no customer"),
        })
        .collect()
}

#[test]
fn initials_of_known_names() {
    let cases = [
        ("华为技术有限公司", "hwjsyxgs"),
        ("上海华联 Trading Co.", "shhltc"),
        ("Blue Ridge Trading Ltd.", "brtl"),
        ("阿里巴巴（中国）网络技术有限公司", "albbzgwljsyxgs"),
        // A Latin word gives its first letter or digit once, however long it is.
        ("3M中国", "3zg"),
        ("ABC-123 深圳", "a1sz"),
        ("Hello世界World", "hsjw"),
        // Full-width Latin, as Chinese input methods type it, counts as Latin.
        ("ＴＣＬ科技", "tkj"),
        // Extension A is in the table: 㐀 qiū.
        ("㐀", "q"),
        // Heteronyms (多音字) take their first reading here: 行 háng reads xíng, 重 chóng
        // reads zhòng, 长 cháng reads zhǎng. `alternative_initials` gives the other reading,
        // and search accepts either (see `heteronyms_match_either_initial`).
        ("中国银行", "zgyx"),
        ("重庆长安", "zqza"),
        // Everything that is neither Chinese nor ASCII-alphanumeric is skipped.
        ("", ""),
        ("  ·、。！？🙂—", ""),
        // Accented letters continue a Latin word but start none: no table folds them.
        ("Café Noël", "cn"),
        ("Société Générale", "sg"),
        ("𠀀", ""),
    ];
    let actual: Vec<(&str, String)> = cases
        .iter()
        .map(|&(text, _)| (text, initials(text)))
        .collect();
    let expected: Vec<(&str, String)> = cases
        .iter()
        .map(|&(text, initials)| (text, initials.to_string()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn alternative_initials_of_heteronyms() {
    let cases = [
        // 行 xíng/háng, 重 zhòng/chóng, 长 zhǎng/cháng, 厦 shà/xià.
        ("中国银行", "zgyx", "zgyh"),
        ("重庆长安", "zqza", "cqca"),
        ("长沙", "zs", "cs"),
        ("厦门", "sm", "xm"),
        // 中 zhōng/zhòng: all readings start with z, so no alternative.
        ("中国", "zg", "zg"),
        // Latin words and skipped characters line up in both forms.
        ("3M 重庆 Ltd.", "3zql", "3cql"),
        ("", "", ""),
    ];
    let actual: Vec<(&str, String, String)> = cases
        .iter()
        .map(|&(text, _, _)| (text, initials(text), alternative_initials(text)))
        .collect();
    let expected: Vec<(&str, String, String)> = cases
        .iter()
        .map(|&(text, primary, alternative)| (text, primary.to_string(), alternative.to_string()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn heteronyms_match_either_initial() {
    let state = portfolio(&[
        ("H1", "重庆长安汽车"),
        ("H2", "长沙银行"),
        ("H3", "厦门航空"),
        ("H4", "中国银行"),
        ("H5", "重庆银行"),
    ]);
    let cases: [(&str, &[&str]); 14] = [
        // Either reading of 重 (zhòng, chóng), per position.
        ("cq", &["H1", "H5"]),
        ("zq", &["H1", "H5"]),
        ("cqca", &["H1"]),
        ("zqza", &["H1"]),
        // Mixed readings in one query still match, letter by letter.
        ("cqza", &["H1"]),
        // 长 cháng.
        ("cs", &["H2"]),
        ("csyh", &["H2"]),
        // 厦 xià.
        ("xm", &["H3"]),
        ("xmhk", &["H3"]),
        // 行 háng, as a prefix and inside; the first reading xíng still matches.
        ("zgyh", &["H4"]),
        ("zgyx", &["H4"]),
        ("yh", &["H2", "H4", "H5"]),
        // A letter neither reading starts with does not match.
        ("tq", &[]),
        ("sq", &[]),
    ];
    let actual: Vec<(&str, Vec<String>)> = cases
        .iter()
        .map(|&(query, _)| (query, found(&state, query, 10)))
        .collect();
    let expected: Vec<(&str, Vec<String>)> = cases
        .iter()
        .map(|&(query, numbers)| (query, numbers.iter().map(|n| n.to_string()).collect()))
        .collect();
    assert_eq!(actual, expected);
}

/// The customers most tests search.
fn customers() -> Portfolio {
    portfolio(&[
        ("C000001", "上海华联 Trading Co."),
        ("C000010", "中国银行上海分行"),
        ("C000100", "华为技术有限公司"),
        ("C001000", "Blue Ridge Trading Ltd."),
        ("C010000", "深圳市腾讯计算机系统有限公司"),
        ("K-77", "ＴＣＬ科技集团"),
    ])
}

#[test]
fn each_way_of_matching() {
    let state = customers();
    let cases: [(&str, &[&str]); 16] = [
        // Number: exact, prefix, substring, any case.
        ("C000100", &["C000100"]),
        ("c0001", &["C000100"]),
        ("000100", &["C000100"]),
        ("k-77", &["K-77"]),
        // Chinese substring anywhere in the name.
        ("上海", &["C000001", "C000010"]),
        ("技术", &["C000100"]),
        ("腾讯", &["C010000"]),
        // Latin name, case-insensitive, substring.
        ("TRADING", &["C000001", "C001000"]),
        ("blue ridge", &["C001000"]),
        ("ＴＣＬ", &["K-77"]),
        // Initials, as a prefix or inside, only for all-letter queries.
        ("hwjs", &["C000100"]),
        ("shhl", &["C000001"]),
        ("txjs", &["C010000"]),
        ("HWJS", &["C000100"]),
        ("tkj", &["K-77"]),
        ("hwjs1", &[]),
    ];
    let actual: Vec<(&str, Vec<String>)> = cases
        .iter()
        .map(|&(query, _)| (query, found(&state, query, 10)))
        .collect();
    let expected: Vec<(&str, Vec<String>)> = cases
        .iter()
        .map(|&(query, numbers)| (query, numbers.iter().map(|n| n.to_string()).collect()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn ranking_is_number_exact_then_prefixes_then_the_rest_by_id() {
    // Registered in the reverse of the expected order, so the id never decides across ranks.
    let state = portfolio(&[
        ("X4", "Bright HW Supplies"), // 1: "hw" inside the name
        ("X3", "深圳华为"),           // 2: "hw" inside the initials szhw
        ("X2", "华为技术"),           // 3: initials hwjs start with "hw"
        ("X1", "Hwang Logistics"),    // 4: name starts with "hw"
        ("HW-2", "Beta"),             // 5: number starts with "hw"
        ("HW", "Alpha"),              // 6: number is "hw"
        ("X5", "Nothing to see"),     // 7: no match
    ]);
    assert_eq!(
        found(&state, "hw", 10),
        ["HW", "HW-2", "X1", "X2", "X4", "X3"]
    );
}

#[test]
fn limit_keeps_the_best() {
    let state = customers();
    // "c0" is in every number but K-77's; all are number prefixes, so by id.
    let cases: [(usize, &[&str]); 4] = [
        (0, &[]),
        (1, &["C000001"]),
        (3, &["C000001", "C000010", "C000100"]),
        (99, &["C000001", "C000010", "C000100", "C001000", "C010000"]),
    ];
    for (limit, numbers) in cases {
        assert_eq!(found(&state, "c0", limit), numbers, "limit {limit}");
    }
}

#[test]
fn blank_queries_find_nothing_and_queries_are_trimmed() {
    let state = customers();
    for query in ["", " ", "\t\n", "\u{3000}"] {
        assert_eq!(found(&state, query, 10), Vec::<String>::new(), "{query:?}");
    }
    assert_eq!(found(&state, "  C000010\u{3000}", 10), ["C000010"]);
}

#[test]
fn odd_queries_find_nothing_without_panicking() {
    let state = customers();
    for query in [
        "🙂", "(", "%", "\\", ".*", "\u{0}", "İ", "e\u{301}", "ß", "\u{FFFF}",
    ] {
        assert_eq!(found(&state, query, 10), Vec::<String>::new(), "{query:?}");
    }
}

proptest! {
    /// Any names and any query: no panic, no duplicates, and a smaller limit returns a
    /// prefix of the longer answer.
    #[test]
    fn any_text_never_panics(
        names in proptest::collection::vec("\\PC{1,12}", 1..8),
        query in "\\PC{0,6}",
        limit in 0usize..10,
    ) {
        let named: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .filter(|(_, name)| !name.trim().is_empty())
            .map(|(index, name)| (format!("N{index}"), name.clone()))
            .collect();
        let customers: Vec<(&str, &str)> = named
            .iter()
            .map(|(number, name)| (number.as_str(), name.as_str()))
            .collect();
        let index = SearchIndex::new(&portfolio(&customers).ledger);
        let all = index.search(&query, usize::MAX);
        let limited = index.search(&query, limit);
        prop_assert!(limited.len() <= limit);
        prop_assert_eq!(&all[..limited.len()], &limited[..]);
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), all.len());
        for name in &names {
            let _ = initials(name);
        }
    }
}

/// Whether `query` is used up by the units from the first of `units` on, each taking a
/// non-empty beginning of one of its two readings: the module doc's rule, by recursion.
fn pinyin_match(units: &[(String, String)], query: &[u8]) -> bool {
    let Some(((first, other), rest)) = units.split_first() else {
        return false;
    };
    [first, other].into_iter().any(|reading| {
        (1..=reading.len().min(query.len())).any(|taken| {
            reading.as_bytes()[..taken] == query[..taken]
                && (taken == query.len() || pinyin_match(rest, &query[taken..]))
        })
    })
}

/// What `search` must answer, computed the obvious way, customer by customer, for text
/// without full-width forms (where lowercasing is all the normalizing there is). A query of
/// letters matches a name's pinyin from some unit on, by `pinyin_match`.
fn search_reference(customers: &[(String, String)], query: &str, limit: usize) -> Vec<CustomerId> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let letters = query.bytes().all(|byte| byte.is_ascii_alphabetic());
    let mut ranked: Vec<(u8, CustomerId)> = customers
        .iter()
        .zip(1..)
        .filter_map(|((number, name), id)| {
            let number = number.trim().to_lowercase();
            let name = name.trim().to_lowercase();
            let units = readings(&name);
            let query_bytes = query.as_bytes();
            let pinyin_prefix = letters && pinyin_match(&units, query_bytes);
            let pinyin_contain =
                letters && (0..units.len()).any(|at| pinyin_match(&units[at..], query_bytes));
            let rank = if number == query {
                0
            } else if number.starts_with(&query) {
                1
            } else if name.starts_with(&query) {
                2
            } else if pinyin_prefix {
                3
            } else if number.contains(&query) || name.contains(&query) || pinyin_contain {
                4
            } else {
                return None;
            };
            Some((rank, CustomerId(id)))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().take(limit).map(|(_, id)| id).collect()
}

proptest! {
    /// Small alphabets, so that matches are frequent and often sit at the border between
    /// two customers' texts, which must never join into a match. The heteronyms 行 (x/h),
    /// 重 and 长 (z/c) and 圳 (z/q) and their letters in queries exercise matching either
    /// initial, also mixed within one query.
    #[test]
    fn search_answers_as_the_reference_does(
        customers in proptest::collection::vec(
            ("[a-c0-1]{1,3}", "[a-cA-Chs 深圳华行重长]{0,6}[a-cA-Chs深圳华行重长]"),
            1..12,
        ),
        query in "[ a-eA-Cghinoqsuxz0-1深圳华行重长]{0,5}",
        limit in 1usize..15,
    ) {
        let mut unique: Vec<(String, String)> = Vec::new();
        for (number, name) in customers {
            if !unique.iter().any(|(taken, _)| *taken == number) {
                unique.push((number, name));
            }
        }
        let borrowed: Vec<(&str, &str)> = unique
            .iter()
            .map(|(number, name)| (number.as_str(), name.as_str()))
            .collect();
        let index = SearchIndex::new(&portfolio(&borrowed).ledger);
        prop_assert_eq!(
            index.search(&query, limit),
            search_reference(&unique, &query, limit)
        );
    }
}

#[test]
fn full_pinyin_finds_names_whole_or_mixed_with_initials() {
    let state = portfolio(&[
        ("C1", "广州白云贸易有限公司"),
        ("C2", "上海华联 Trading Co."),
        ("C3", "重庆长安汽车"),
        ("C4", "厦门航空"),
        ("C5", "绿地控股"),
        ("C6", "深圳市腾讯计算机系统"),
    ]);
    let cases: [(&str, &[&str]); 12] = [
        ("guangzhou", &["C1"]),
        ("guangz", &["C1"]),
        ("gzhou", &["C1"]),
        ("baiyun", &["C1"]),
        ("shanghaihualian", &["C2"]),
        ("shanghhl", &["C2"]),
        ("shhltc", &["C2"]),
        ("shanghaihualiantrading", &["C2"]),
        // Heteronyms by either reading, whole: 重 chóng, 长 cháng, 厦 xià.
        ("chongqingchangan", &["C3"]),
        ("xiamen", &["C4"]),
        // ü is typed v.
        ("lvdi", &["C5"]),
        ("tengxun", &["C6"]),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&state, query, 10), expected, "query {query:?}");
    }
    // A syllable must be a beginning of one reading: no skipping letters, no crossing a
    // character with nothing.
    for query in ["guagzhou", "gzhu", "shanghaixhualian", "zhouguang"] {
        assert_eq!(
            found(&state, query, 10),
            Vec::<String>::new(),
            "query {query:?}"
        );
    }
    assert_eq!(
        readings("重庆"),
        [
            ("zhong".to_string(), "chong".to_string()),
            ("qing".to_string(), "qing".to_string())
        ]
    );
}

#[test]
fn chinese_names_sort_by_pinyin() {
    use creditdesk_core::ledger::search::pinyin_key;
    let mut names = [
        "郑州宇通",
        "青岛啤酒",
        "北京银行",
        "Zeta Ltd.",
        "上海华联",
        "alpha GmbH",
    ];
    names.sort_by_key(|name| pinyin_key(name));
    assert_eq!(
        names,
        [
            "alpha GmbH",
            "北京银行",
            "青岛啤酒",
            "上海华联",
            "Zeta Ltd.",
            "郑州宇通"
        ]
    );
}
