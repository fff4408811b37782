//! The check view: every customer's standing for one day, made from one journal head, with the
//! limit policy in force that day. The field check and the widget read it instead of the whole
//! journal (ARCHITECTURE.md, "Bundles"), so their pages link neither the fold nor the snapshot
//! reader; `CheckView::check` answers any order amount exactly as `check_order` does on the
//! portfolio it was made from (`tests/check.rs` compares them for every customer).
//!
//! What a view is for is written beside it: `head` and `as_of`. A page uses a view only when
//! both are the journal's current head and its own today; otherwise the worker makes a new one.

use super::{check_amount, check_standing, standing_from, CheckError, CreditCheck, Standing};
use crate::alerts::{alerts_scored, AlertHold};
use crate::base::ids::{CustomerId, OrderId, UserId};
use crate::base::money::{Currency, Money};
use crate::credit::score::{previous_month_end, score_all, Score};
use crate::journal::{ChainHead, Portfolio};
use crate::ledger::reports::{balances_all, Balance};
use crate::ledger::search::{initials, PinyinNames, SearchIndex};
use crate::limits::{CheckReason, LimitStatus};
use crate::policy::{Grade, LimitPolicy};
use crate::team::User;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The format of a view's stored bytes; a view of another version is made again. Version 1
/// was JSON; version 2 is postcard (`encode` / `decode`), which the small pages read with far
/// less code than serde_json's reader of every type in the view; version 3 adds the names'
/// pinyin (`pinyin`, `search_example`), so the field check links none of the pinyin tables.
pub const VIEW_VERSION: u32 = 3;

/// Every customer's standing on `as_of`, from the journal ending at `head`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckView {
    pub version: u32,
    /// The head of the journal the view was made from; `None` for an empty journal.
    pub head: Option<ChainHead>,
    #[serde(with = "crate::base::dates::date_serde")]
    pub as_of: NaiveDate,
    /// The limit rules of the policy in force on `as_of` (grade terms, who may release).
    pub limits: LimitPolicy,
    /// The host origins the widget answers.
    pub widget_origins: Vec<String>,
    /// The local profiles: who is acting, and whether that role may release a block.
    pub users: Vec<User>,
    /// The id the next order will get (the field check's default order number).
    pub next_order: OrderId,
    /// In id order.
    pub customers: Vec<ViewCustomer>,
    /// The customers' names as pinyin search reads them, in the same order.
    pub pinyin: PinyinNames,
    /// The field check's search hint, from this portfolio.
    pub search_example: Option<SearchExample>,
}

/// An example the search really finds: the first customer with a Chinese name, by its
/// number, the name's first four characters and their pinyin initials (issue 9: a fixed
/// example is in no demo). `None` when no name has a reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchExample {
    pub number: String,
    pub name: String,
    pub initials: String,
}

impl SearchExample {
    fn of(customers: &[ViewCustomer]) -> Option<SearchExample> {
        customers.iter().find_map(|customer| {
            let start: String = customer.name.chars().take(4).collect();
            let initials = initials(&start);
            let chinese = start
                .chars()
                .any(|ch| ('\u{4E00}'..='\u{9FFF}').contains(&ch));
            (chinese && initials.len() >= 2).then(|| SearchExample {
                number: customer.number.clone(),
                name: start,
                initials,
            })
        })
    }
}

/// One customer as the check sees it: who, and the standing without what the view holds
/// once for all (the day and the grade's terms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewCustomer {
    pub id: CustomerId,
    pub number: String,
    pub name: String,
    pub grade: Grade,
    pub limit: LimitStatus,
    pub balance: Balance,
    pub reasons_before: Vec<CheckReason>,
    pub reasons_after: Vec<CheckReason>,
}

impl ViewCustomer {
    pub fn currency(&self) -> Currency {
        self.balance.currency
    }
}

impl CheckView {
    /// The view of `state` on `as_of`, with the policy in force that day. Each standing is
    /// `standing_with_grade`'s, with the scores, balances and alert holds worked out for all
    /// customers at once (one by one they cost L about a second).
    pub fn of(state: &Portfolio, as_of: NaiveDate) -> CheckView {
        let policy = state.policy_on(as_of);
        let scores = score_all(&state.ledger, &state.credit, &policy, as_of);
        let balances = balances_all(&state.ledger, as_of);
        let holds = alert_holds(state, as_of, &scores);
        let customers = (state.ledger.customers.iter())
            .zip(scores.iter().zip(balances).zip(holds))
            .map(|(account, ((score, balance), hold))| {
                let parts = (score.grade, balance, hold);
                let standing = standing_from(state, &policy, account, parts, as_of);
                ViewCustomer {
                    id: account.id,
                    number: account.details.number.clone(),
                    name: account.details.name.clone(),
                    grade: standing.grade,
                    limit: standing.limit,
                    balance: standing.balance,
                    reasons_before: standing.reasons_before,
                    reasons_after: standing.reasons_after,
                }
            })
            .collect::<Vec<ViewCustomer>>();
        CheckView {
            version: VIEW_VERSION,
            head: state.head,
            pinyin: PinyinNames::of(customers.iter().map(|c| c.name.as_str())),
            search_example: SearchExample::of(&customers),
            as_of,
            limits: policy.limits,
            widget_origins: state.limits.widget_origins.clone(),
            users: state.team.users.clone(),
            next_order: state.next_ids().order,
            customers,
        }
    }

    /// The stored form: postcard, with decimals as (mantissa, scale) and dates as days since
    /// the epoch (`decimal_serde`, `date_serde`).
    pub fn encode(&self) -> Vec<u8> {
        // Plain data of known length: postcard cannot fail on it.
        postcard::to_allocvec(self).expect("a check view always serialises to postcard")
    }

    /// The view in `bytes`, or `None` when they are not a whole view (trailing bytes included).
    pub fn decode(bytes: &[u8]) -> Option<CheckView> {
        match postcard::take_from_bytes::<CheckView>(bytes) {
            Ok((view, [])) => Some(view),
            _ => None,
        }
    }

    /// The view of an empty journal: what `of` gives for `Portfolio::default()`, made without
    /// scoring (a page that finds the store empty makes it itself, with no worker).
    pub fn empty(as_of: NaiveDate) -> CheckView {
        CheckView {
            version: VIEW_VERSION,
            head: None,
            as_of,
            limits: LimitPolicy::default(),
            widget_origins: Vec::new(),
            users: Vec::new(),
            next_order: OrderId(1),
            customers: Vec::new(),
            pinyin: PinyinNames::default(),
            search_example: None,
        }
    }

    pub fn customer(&self, id: CustomerId) -> Option<&ViewCustomer> {
        let index = self.customers.binary_search_by_key(&id, |c| c.id).ok()?;
        self.customers.get(index)
    }

    /// The customer with this number, exactly (as `Ledger::customer_by_number`).
    pub fn customer_by_number(&self, number: &str) -> Option<&ViewCustomer> {
        self.customers.iter().find(|c| c.number == number)
    }

    pub fn user(&self, id: UserId) -> Option<&User> {
        self.users.iter().find(|user| user.id == id)
    }

    /// The customer's standing on the view's day.
    pub fn standing(&self, customer: &ViewCustomer) -> Standing {
        Standing {
            customer: customer.id,
            as_of: self.as_of,
            grade: customer.grade,
            terms: self.limits.terms(customer.grade).clone(),
            limit: customer.limit.clone(),
            balance: customer.balance.clone(),
            reasons_before: customer.reasons_before.clone(),
            reasons_after: customer.reasons_after.clone(),
        }
    }

    /// The check of an order of `order` for `customer` on the view's day: what `check_order`
    /// gives on the portfolio the view was made from, refusals included.
    pub fn check(&self, customer: CustomerId, order: &Money) -> Result<CreditCheck, CheckError> {
        let customer = self.customer(customer).ok_or(CheckError::UnknownCustomer)?;
        check_amount(customer.currency(), order)?;
        Ok(check_standing(
            &self.standing(customer),
            &self.limits,
            order.amount,
        ))
    }

    /// The customer's standing as a check: an order of zero.
    pub fn check_standing(&self, customer: CustomerId) -> Result<CreditCheck, CheckError> {
        let currency = self
            .customer(customer)
            .ok_or(CheckError::UnknownCustomer)?
            .currency();
        self.check(customer, &Money::zero(currency))
    }

    /// The search over the view's customers (numbers, names, pinyin), with the names' units
    /// the view carries.
    pub fn search_index(&self) -> SearchIndex {
        SearchIndex::with_pinyin(
            self.customers
                .iter()
                .map(|c| (c.id, c.number.as_str(), c.name.as_str())),
            self.pinyin.clone(),
        )
    }
}

/// Every customer's alert hold on `as_of`, in `ledger.customers` order: what `alert_hold`
/// gives one by one, from the portfolio's alerts derived once (`now`: the scores on `as_of`).
fn alert_holds(state: &Portfolio, as_of: NaiveDate, now: &[Score]) -> Vec<Option<AlertHold>> {
    let month_end = previous_month_end(as_of);
    let policy = state.policy_on(month_end);
    let before = score_all(&state.ledger, &state.credit, &policy, month_end);
    let mut holds: Vec<Option<AlertHold>> = vec![None; state.ledger.customers.len()];
    let alerts = alerts_scored(&state.alert_sources(), as_of, now, &before);
    for alert in alerts.iter().filter(|alert| alert.holding) {
        let Some(index) = state.ledger.customer_index(alert.customer) else {
            continue;
        };
        let hold = holds[index].get_or_insert(AlertHold {
            alerts: Vec::new(),
            since: alert.since,
        });
        hold.alerts.push(alert.run());
        hold.since = hold.since.min(alert.since);
    }
    holds
}
