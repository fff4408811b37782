//! Two `rust_decimal` operations the score does per invoice and per customer, done on the
//! integer mantissa instead, with the very same result bit for bit (mantissa, scale and sign):
//! rounding to a number of decimals, and a running sum of amounts. Neither is an
//! approximation: where the integer way cannot show it gives the same `Decimal`, it hands the
//! work back to `rust_decimal`.

use rust_decimal::{Decimal, RoundingStrategy};

/// `value.round_dp_with_strategy(dp, strategy)`, bit for bit, without its cost: `rust_decimal`
/// builds the half-way mark by multiplying by ten once per dropped decimal (27 times for a
/// quotient rounded to one decimal), where one integer division by the power of ten does.
///
/// Why it is the same: `rust_decimal` drops the `k = scale − dp` last digits of the magnitude
/// by repeated (exact, flooring) divisions, which is `q = magnitude / 10^k`, keeps
/// `r = magnitude mod 10^k`, compares `r` with `5·10^(k−1)` = `10^k / 2`, adds one to `q` as
/// the strategy says, and builds the result from `q`, the sign and `dp` with `from_parts`
/// (which clears the sign of a zero). Here `magnitude < 2^96` and `10^k ≤ 10^28 < 2^94`, so
/// all of it fits in `u128`. A zero keeps its sign in `rust_decimal`'s own short cut, so a
/// zero, and any strategy not listed here, goes to `rust_decimal`.
pub fn round_dp(value: Decimal, dp: u32, strategy: RoundingStrategy) -> Decimal {
    let scale = value.scale();
    if scale <= dp {
        return value;
    }
    let magnitude = value.mantissa().unsigned_abs();
    if magnitude == 0 {
        return value.round_dp_with_strategy(dp, strategy);
    }
    let negative = value.is_sign_negative();
    let power = 10u128.pow(scale - dp);
    let (mut quotient, remainder) = (magnitude / power, magnitude % power);
    let half = power / 2;
    let up = match strategy {
        RoundingStrategy::MidpointAwayFromZero => remainder >= half,
        RoundingStrategy::MidpointNearestEven => {
            remainder > half || (remainder == half && quotient & 1 == 1)
        }
        RoundingStrategy::ToNegativeInfinity => negative && remainder != 0,
        RoundingStrategy::ToZero => false,
        _ => return value.round_dp_with_strategy(dp, strategy),
    };
    if up {
        quotient += 1;
    }
    Decimal::from_parts(
        quotient as u32,
        (quotient >> 32) as u32,
        (quotient >> 64) as u32,
        negative,
        dp,
    )
}

/// The largest mantissa a `Decimal` holds, 2^96 − 1.
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// A running `Decimal` sum of non-negative terms, `sum = sum.saturating_add(term)` from
/// `Decimal::ZERO`, kept as a mantissa and a scale while that is exact, which is nearly
/// always (and then as a `Decimal` from the first step that would not be).
///
/// Why it is the same: by induction the integer form holds exactly the `Decimal` the
/// `rust_decimal` sum would hold. A step with a zero operand gives the other operand as it is
/// (`rust_decimal`'s add returns it untouched, scale and all). Otherwise both operands are
/// positive and exact, and `rust_decimal` aligns them to the larger scale; when the exact sum
/// at that scale fits in 96 bits it is the result (no digit is dropped), which is what is kept
/// here. When it would not fit (or a term is negative), the integer form turns into the
/// `Decimal` it equals and that step and all later ones are `rust_decimal`'s own.
#[derive(Clone, Copy, Debug)]
pub enum Sum {
    Exact { mantissa: u128, scale: u32 },
    Decimal(Decimal),
}

impl Default for Sum {
    fn default() -> Sum {
        Sum::Exact {
            mantissa: 0,
            scale: 0,
        }
    }
}

/// A `Decimal` that is not negative (nor a negative zero), as its mantissa and scale: what
/// `Sum` adds, taken apart once when it goes into several sums.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    mantissa: u128,
    scale: u32,
}

impl Term {
    /// The term of `value`, `None` when it is negative.
    #[inline(always)]
    pub fn of(value: Decimal) -> Option<Term> {
        parts(value).map(|(mantissa, scale)| Term { mantissa, scale })
    }
}

impl Sum {
    /// `sum.saturating_add(term)`.
    pub fn add(&mut self, term: Decimal) {
        match Term::of(term) {
            Some(term) => self.add_term(term),
            None => *self = Sum::Decimal(self.value().saturating_add(term)),
        }
    }

    /// `sum.saturating_add(term)` for the `Decimal` the term was taken from.
    #[inline(always)]
    pub fn add_term(&mut self, term: Term) {
        self.add_parts(term.mantissa, term.scale);
    }

    /// `sum.saturating_add(amount.saturating_mul(Decimal::from(days)))` for a number of days
    /// above zero, `amount` being the `Decimal` the term was taken from: the product's
    /// mantissa is the amount's times the days at the amount's scale, exact when it fits in
    /// 96 bits, as `rust_decimal`'s is (its multiply returns a zero as `Decimal::ZERO`).
    #[inline(always)]
    pub fn add_product(&mut self, amount: Term, days: i64) {
        let product = (u128::try_from(days).ok())
            .filter(|days| amount.mantissa != 0 && *days != 0)
            .and_then(|days| amount.mantissa.checked_mul(days))
            .filter(|product| *product <= MAX_MANTISSA);
        match product {
            Some(product) => self.add_parts(product, amount.scale),
            None => {
                let amount = from_parts(amount.mantissa, amount.scale);
                self.add(amount.saturating_mul(Decimal::from(days)));
            }
        }
    }

    /// Adds the non-negative term `mantissa` at `scale` (a mantissa below 2^96, a scale up
    /// to 28: a `Decimal`'s).
    #[inline(always)]
    fn add_parts(&mut self, term: u128, term_scale: u32) {
        if let Sum::Exact { mantissa, scale } = *self {
            if let Some(sum) = exact_sum((mantissa, scale), (term, term_scale)) {
                *self = sum;
                return;
            }
        }
        let term = from_parts(term, term_scale);
        *self = Sum::Decimal(self.value().saturating_add(term));
    }

    /// The sum as a `Decimal`.
    pub fn value(&self) -> Decimal {
        match *self {
            Sum::Exact { mantissa, scale } => from_parts(mantissa, scale),
            Sum::Decimal(value) => value,
        }
    }
}

/// The mantissa and scale of a value that is not negative (nor a negative zero), else `None`.
#[inline(always)]
fn parts(value: Decimal) -> Option<(u128, u32)> {
    let bytes = value.serialize();
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let negative = bytes[3] & 0x80 != 0;
    let mantissa = u128::from(word(4)) | u128::from(word(8)) << 32 | u128::from(word(12)) << 64;
    (!negative).then_some((mantissa, u32::from(bytes[2])))
}

/// The non-negative `Decimal` of a mantissa below 2^96 and a scale up to 28.
#[inline(always)]
fn from_parts(mantissa: u128, scale: u32) -> Decimal {
    Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        (mantissa >> 64) as u32,
        false,
        scale,
    )
}

/// 10^0 to 10^28.
const POWERS: [u128; 29] = {
    let mut powers = [1u128; 29];
    let mut index = 1;
    while index < 29 {
        powers[index] = powers[index - 1] * 10;
        index += 1;
    }
    powers
};

/// The exact sum of an exactly held sum and a non-negative term, as `rust_decimal` would give
/// it, or `None` when it does not fit in 96 bits at the larger scale.
#[inline(always)]
fn exact_sum((mantissa, scale): (u128, u32), (term, term_scale): (u128, u32)) -> Option<Sum> {
    // `rust_decimal` looks at the sum first: a zero sum gives the term, scale and all.
    if mantissa == 0 {
        return Some(Sum::Exact {
            mantissa: term,
            scale: term_scale,
        });
    }
    if term == 0 {
        return Some(Sum::Exact { mantissa, scale });
    }
    // The one with the smaller scale is brought to the larger (both scales are at most 28).
    let (sum, scale) = if scale >= term_scale {
        let aligned = term.checked_mul(POWERS[(scale - term_scale) as usize])?;
        (mantissa.checked_add(aligned)?, scale)
    } else {
        let aligned = mantissa.checked_mul(POWERS[(term_scale - scale) as usize])?;
        (aligned.checked_add(term)?, term_scale)
    };
    (sum <= MAX_MANTISSA).then_some(Sum::Exact {
        mantissa: sum,
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decimal(mantissa: i128, scale: u32) -> Decimal {
        Decimal::from_i128_with_scale(mantissa, scale)
    }

    /// A mantissa of any size up to 96 bits, small ones more often.
    fn mantissa() -> impl Strategy<Value = i128> {
        prop_oneof![
            -1000i128..1000,
            -(1i128 << 40)..(1i128 << 40),
            -(MAX_MANTISSA as i128)..=(MAX_MANTISSA as i128),
            ((MAX_MANTISSA as i128) - 1000)..=(MAX_MANTISSA as i128),
        ]
    }

    const STRATEGIES: [RoundingStrategy; 4] = [
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStrategy::MidpointNearestEven,
        RoundingStrategy::ToNegativeInfinity,
        RoundingStrategy::ToZero,
    ];

    fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    #[test]
    fn rounding_edges_are_rust_decimals() {
        let values = [
            decimal(5, 1),
            decimal(-5, 1),
            decimal(15, 1),
            decimal(25, 1),
            decimal(-25, 1),
            decimal(1, 28),
            decimal(-1, 28),
            decimal(MAX_MANTISSA as i128, 28),
            decimal(-(MAX_MANTISSA as i128), 1),
            decimal(MAX_MANTISSA as i128, 0),
            decimal(0, 5),
            -decimal(0, 5),
            Decimal::new(333333333333333333, 17),
        ];
        for value in values {
            for dp in 0..=28 {
                for strategy in STRATEGIES {
                    let ours = round_dp(value, dp, strategy);
                    let theirs = value.round_dp_with_strategy(dp, strategy);
                    assert!(
                        same(ours, theirs),
                        "{value} {dp} {strategy:?}: {ours} {theirs}"
                    );
                }
            }
        }
    }

    #[test]
    fn sums_with_zeros_and_at_the_edge_are_rust_decimals() {
        let max = MAX_MANTISSA as i128;
        let runs = [
            vec![decimal(0, 2), decimal(0, 0), decimal(5, 0), decimal(0, 3)],
            vec![decimal(0, 3), decimal(7, 1), -decimal(0, 2), decimal(1, 4)],
            vec![-decimal(0, 2), decimal(0, 1)],
            vec![decimal(max, 0), decimal(1, 0), decimal(1, 5)],
            vec![
                decimal(max - 1, 2),
                decimal(1, 2),
                decimal(1, 3),
                decimal(1, 0),
            ],
            vec![
                decimal(max / 10, 1),
                decimal(1, 2),
                decimal(-3, 2),
                decimal(9, 0),
            ],
        ];
        for run in runs {
            let mut ours = Sum::default();
            let mut theirs = Decimal::ZERO;
            for term in run {
                ours.add(term);
                theirs = theirs.saturating_add(term);
                assert!(same(ours.value(), theirs), "{} {}", ours.value(), theirs);
            }
        }
    }

    proptest! {
        #[test]
        fn rounding_is_rust_decimals(m in mantissa(), scale in 0u32..=28, dp in 0u32..=28) {
            let value = decimal(m, scale);
            for strategy in STRATEGIES {
                let ours = round_dp(value, dp, strategy);
                let theirs = value.round_dp_with_strategy(dp, strategy);
                prop_assert!(same(ours, theirs), "{} {} {:?}: {} {}", value, dp, strategy, ours, theirs);
            }
        }

        #[test]
        fn sums_are_rust_decimals(
            terms in prop::collection::vec((mantissa(), 0u32..=28, any::<bool>(), -3i64..400), 0..40)
        ) {
            let mut ours = Sum::default();
            let mut theirs = Decimal::ZERO;
            let mut products = Sum::default();
            let mut theirs_products = Decimal::ZERO;
            for (m, scale, plain, days) in terms {
                // Mostly non-negative terms, as the score adds; a few negative ones too.
                let m = if plain { m.abs() } else { m };
                let term = decimal(m, scale);
                ours.add(term);
                theirs = theirs.saturating_add(term);
                prop_assert!(same(ours.value(), theirs), "{} {}", ours.value(), theirs);
                if let (Some(amount), true) = (Term::of(term), days > 0) {
                    products.add_product(amount, days);
                    theirs_products =
                        theirs_products.saturating_add(term.saturating_mul(Decimal::from(days)));
                    prop_assert!(same(products.value(), theirs_products));
                }
            }
        }
    }
}
