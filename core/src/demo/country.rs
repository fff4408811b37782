//! What a demo customer of each country looks like, so that every one is coherent: the legal
//! form its name ends with, its currency, its telephone number (country code and a city's area
//! code) and its registration number in that country's form — a Chinese 统一社会信用代码 with
//! its check character and the city's division code, an 8-digit Companies House number, a
//! German HRB entry, a US EIN, a Singapore UEN, a Dutch KvK number, a French SIREN with its
//! Luhn digit. The numbers are made up; only their form is real.

use crate::base::money::Currency;

/// A city: its name in the customer's name (Chinese cities only), its telephone area code and,
/// for China, its administrative division code (the 3rd–8th characters of a 统一社会信用代码).
#[derive(Clone, Copy, Debug)]
pub struct City {
    pub name: &'static str,
    pub area_code: &'static str,
    pub division: &'static str,
}

const fn city(name: &'static str, area_code: &'static str, division: &'static str) -> City {
    City {
        name,
        area_code,
        division,
    }
}

/// The Chinese cities of demo names, with their area codes and division codes.
pub const CN_CITIES: &[City] = &[
    city("上海", "21", "310000"),
    city("深圳", "755", "440300"),
    city("苏州", "512", "320500"),
    city("杭州", "571", "330100"),
    city("宁波", "574", "330200"),
    city("广州", "20", "440100"),
    city("东莞", "769", "441900"),
    city("佛山", "757", "440600"),
    city("无锡", "510", "320200"),
    city("南京", "25", "320100"),
    city("青岛", "532", "370200"),
    city("天津", "22", "120000"),
    city("成都", "28", "510100"),
    city("武汉", "27", "420100"),
    city("重庆", "23", "500000"),
    city("厦门", "592", "350200"),
    city("合肥", "551", "340100"),
    city("长沙", "731", "430100"),
    city("郑州", "371", "410100"),
    city("温州", "577", "330300"),
];

/// A country of the demo portfolios and the form of its customers' details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Country {
    China,
    UnitedStates,
    UnitedKingdom,
    Singapore,
    Germany,
    Netherlands,
    France,
}

impl Country {
    /// The country of a roll in 0..=99: 85 % China, then the others (the same roll that once
    /// chose only the currency, so the rest of the demo draws what it drew before).
    pub fn of_roll(roll: i64) -> Country {
        match roll {
            ..=84 => Country::China,
            85..=89 => Country::UnitedStates,
            90..=91 => Country::UnitedKingdom,
            92..=93 => Country::Singapore,
            94..=96 => Country::Germany,
            97 => Country::Netherlands,
            _ => Country::France,
        }
    }

    /// ISO 3166-1 alpha-2, as the customer's country field holds it.
    pub fn code(self) -> &'static str {
        match self {
            Country::China => "CN",
            Country::UnitedStates => "US",
            Country::UnitedKingdom => "GB",
            Country::Singapore => "SG",
            Country::Germany => "DE",
            Country::Netherlands => "NL",
            Country::France => "FR",
        }
    }

    pub fn currency(self) -> Currency {
        let code = match self {
            Country::China => "CNY",
            Country::UnitedStates => "USD",
            Country::UnitedKingdom => "GBP",
            Country::Singapore => "SGD",
            Country::Germany | Country::Netherlands | Country::France => "EUR",
        };
        Currency::parse(code).unwrap_or(Currency::CNY)
    }

    /// The legal forms a company name of this country ends with.
    pub fn legal_forms(self) -> &'static [&'static str] {
        match self {
            Country::China => &["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"],
            Country::UnitedStates => &["Inc.", "LLC"],
            Country::UnitedKingdom => &["Ltd", "PLC"],
            Country::Singapore => &["Pte. Ltd."],
            Country::Germany => &["GmbH", "AG"],
            Country::Netherlands => &["B.V.", "N.V."],
            Country::France => &["S.A.", "SAS"],
        }
    }

    /// The international dialling code, with its `+`.
    pub fn dialling_code(self) -> &'static str {
        match self {
            Country::China => "+86",
            Country::UnitedStates => "+1",
            Country::UnitedKingdom => "+44",
            Country::Singapore => "+65",
            Country::Germany => "+49",
            Country::Netherlands => "+31",
            Country::France => "+33",
        }
    }

    /// Area codes of a few cities (China's come with the city of the name: [`CN_CITIES`]).
    pub fn area_codes(self) -> &'static [&'static str] {
        match self {
            Country::China => &[],
            Country::UnitedStates => &["212", "312", "213", "713", "206", "404"],
            Country::UnitedKingdom => &["20", "161", "121", "113", "141", "117"],
            Country::Singapore => &[""],
            Country::Germany => &["30", "40", "89", "69", "221", "211"],
            Country::Netherlands => &["20", "10", "70", "30", "40", "50"],
            Country::France => &["1", "4", "3", "5", "2"],
        }
    }

    /// A telephone number with this country's code and `area` (empty for Singapore), its
    /// subscriber digits made from two draws in 1000..=9999.
    pub fn phone(self, area: &str, first: i64, second: i64) -> String {
        let code = self.dialling_code();
        let (first, second) = (first.rem_euclid(10_000), second.rem_euclid(10_000));
        match self {
            // Eight digits after a two-digit area code, seven after a three-digit one.
            Country::China | Country::Germany | Country::UnitedKingdom if area.len() <= 2 => {
                format!("{code} {area} {first:04} {second:04}")
            }
            Country::China | Country::Germany | Country::UnitedKingdom => {
                format!("{code} {area} {:03} {second:04}", first % 1000)
            }
            // NANP: a three-digit exchange that does not start with 0 or 1.
            Country::UnitedStates => {
                format!("{code} {area} {} {second:04}", 200 + first % 800)
            }
            Country::Singapore => format!("{code} 6{:03} {second:04}", first % 1000),
            Country::Netherlands => format!("{code} {area} {:03} {second:04}", first % 1000),
            // France: nine digits after the country code, written in pairs after the first.
            Country::France => {
                let digits = format!("{:04}{second:04}", first);
                let pairs: Vec<&str> = (0..4).map(|at| &digits[at * 2..at * 2 + 2]).collect();
                format!("{code} {area} {}", pairs.join(" "))
            }
        }
    }

    /// A registration number in this country's form, made from one draw; `city` is the
    /// Chinese city of the name (its division code is part of the number).
    pub fn registration_no(self, draw: u64, city: &City) -> String {
        match self {
            Country::China => unified_social_credit_code(city.division, draw),
            Country::UnitedStates => {
                let (prefix, serial) = (10 + draw % 89, (draw / 89) % 10_000_000);
                format!("{prefix:02}-{serial:07}")
            }
            Country::UnitedKingdom => format!("{:08}", draw % 100_000_000),
            Country::Singapore => {
                let year = 1990 + draw % 33;
                let serial = (draw / 33) % 100_000;
                let check = LETTERS[((draw / 3_300_000) % 26) as usize] as char;
                format!("{year}{serial:05}{check}")
            }
            Country::Germany => format!("HRB {}", 10_000 + draw % 990_000),
            Country::Netherlands => format!("{:08}", 10_000_000 + draw % 90_000_000),
            Country::France => siren(draw),
        }
    }
}

const LETTERS: &[u8; 26] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The characters of a 统一社会信用代码 and their values (GB 32100-2015: no I, O, S, V, Z).
const USCC_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A 统一社会信用代码: `9` (registered by market regulation), `1` (an enterprise), the
/// division code, a 9-character organisation code with its GB 11714 check character, and the
/// code's own check character (GB 32100-2015).
fn unified_social_credit_code(division: &str, draw: u64) -> String {
    let organisation = format!("{:08}", draw % 100_000_000);
    let body = format!(
        "91{division}{organisation}{}",
        organisation_check(&organisation)
    );
    let check = uscc_check(&body);
    format!("{body}{check}")
}

/// GB 11714's check character of an 8-digit organisation code: weights 3 7 9 10 5 8 4 2,
/// 11 − sum mod 11, written `X` for 10 and `0` for 11.
fn organisation_check(digits: &str) -> char {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits
        .chars()
        .zip(WEIGHTS)
        .map(|(digit, weight)| digit.to_digit(10).unwrap_or(0) * weight)
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        value => char::from_digit(value, 10).unwrap_or('0'),
    }
}

/// GB 32100-2015's check character of the first 17 characters: weights 3^i mod 31,
/// 31 − sum mod 31 (31 is 0).
fn uscc_check(body: &str) -> char {
    let mut weight = 1u32;
    let mut sum = 0u32;
    for character in body.bytes() {
        let value = USCC_CHARS.iter().position(|c| *c == character).unwrap_or(0) as u32;
        sum += value * weight;
        weight = weight * 3 % 31;
    }
    USCC_CHARS[((31 - sum % 31) % 31) as usize] as char
}

/// A SIREN: eight digits and a Luhn check digit, written in threes.
fn siren(draw: u64) -> String {
    let body = format!("{:08}", 10_000_000 + draw % 90_000_000);
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(position, digit)| {
            let digit = digit.to_digit(10).unwrap_or(0);
            // The check digit will sit right of these, so the rightmost of them is doubled.
            if position % 2 == 0 {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum();
    let digits = format!("{body}{}", (10 - sum % 10) % 10);
    format!("{} {} {}", &digits[0..3], &digits[3..6], &digits[6..9])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published codes carry the check characters computed here: 91350100M000100Y43 (the
    /// sample of GB 32100-2015), 91110000600037341L and 91440300708461136T (companies in
    /// Beijing and Shenzhen), whose organisation codes 60003734-1 and 70846113-6 check too.
    #[test]
    fn the_chinese_check_characters_are_the_standards() {
        assert_eq!(uscc_check("91350100M000100Y4"), '3');
        assert_eq!(uscc_check("91110000600037341"), 'L');
        assert_eq!(uscc_check("91440300708461136"), 'T');
        assert_eq!(organisation_check("60003734"), '1');
        assert_eq!(organisation_check("70846113"), '6');
    }

    #[test]
    fn sirens_pass_luhn() {
        // A published SIREN (542 051 180) passes; ours are made the same way.
        let sum = |text: &str| -> u32 {
            text.chars()
                .filter(char::is_ascii_digit)
                .rev()
                .enumerate()
                .map(|(position, digit)| {
                    let digit = digit.to_digit(10).unwrap_or(0);
                    if position % 2 == 1 {
                        (digit * 2) / 10 + (digit * 2) % 10
                    } else {
                        digit
                    }
                })
                .sum()
        };
        assert_eq!(sum("542051180") % 10, 0);
        for draw in [0, 1, 12_345, u64::MAX] {
            assert_eq!(sum(&siren(draw)) % 10, 0, "{}", siren(draw));
        }
    }
}
