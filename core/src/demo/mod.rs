//! Seeded, deterministic demo portfolios (S, M, L) with a realistic mix: industries, terms
//! 30/45/60/90, prompt and late payers, partial payments, credit notes, disputes, a few
//! defaults and written-off invoices, open orders, customers in China and six other countries,
//! each coherent: the name's legal form, the currency, the telephone number and the
//! registration number are those of its country (`country`).
//! Every record goes through `decide_batch`, so demo data obeys the same rules as user input.
//! The generator works out its figures as decimals; each becomes a checked [`Amount`] when its
//! command is made, and one that is none (never, for the cents it draws) stops the demo with
//! the rejection `decide` would give, never a panic.

mod country;

pub use country::{City, Country, CN_CITIES};

use crate::base::ids::*;
use crate::base::money::{Amount, Currency, Sign};
use crate::base::rng::Rng;
use crate::credit::score::{score, score_inputs};
use crate::decide::{
    approval_role, decide_batch, AllocationChoice, BatchRejection, Command, Rejection,
};
use crate::journal::{Entry, Portfolio};
use crate::ledger::reports::customer_balance;
use crate::ledger::{Allocation, Customer, CustomerDetails, DisputeOutcome};
use crate::limits::recommend;
use crate::policy::CreditPolicy;
use crate::team::Role;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoSize {
    S,
    M,
    L,
}

impl DemoSize {
    pub fn customers(&self) -> usize {
        match self {
            DemoSize::S => 50,
            DemoSize::M => 1_000,
            DemoSize::L => 10_000,
        }
    }
    pub fn invoices_per_customer(&self) -> i64 {
        25
    }
    /// Days of invoice history before `as_of`.
    pub fn history_days(&self) -> i64 {
        match self {
            DemoSize::S => 365,
            DemoSize::M => 540,
            DemoSize::L => 730,
        }
    }
    pub fn token(&self) -> &'static str {
        match self {
            DemoSize::S => "S",
            DemoSize::M => "M",
            DemoSize::L => "L",
        }
    }
    pub fn from_token(token: &str) -> Option<DemoSize> {
        match token {
            "S" | "s" => Some(DemoSize::S),
            "M" | "m" => Some(DemoSize::M),
            "L" | "l" => Some(DemoSize::L),
            _ => None,
        }
    }
}

/// The seed used by the app's "load demo portfolio" buttons.
pub const DEMO_SEED: u64 = 20_261_123;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Payer {
    Prompt,
    Slow,
    Late,
    Troubled,
    Defaulted,
}

const BRANDS: &[&str] = &[
    "华信", "恒达", "宏图", "鼎盛", "瑞丰", "金桥", "新源", "远航", "博雅", "中联", "天成", "永安",
    "鑫泰", "东方", "嘉禾", "盛世", "联创", "汇通", "长城", "富强", "佳美", "正泰", "百川", "海纳",
    "万和", "协力", "精工", "凯达", "明辉", "利群",
];
const INDUSTRIES_ZH: &[(&str, &str)] = &[
    ("机械", "机械制造"),
    ("电子", "电子元器件"),
    ("化工", "化工"),
    ("纺织", "纺织服装"),
    ("物流", "物流运输"),
    ("建材", "建筑材料"),
    ("食品", "食品饮料"),
    ("医药", "医药"),
    ("汽车配件", "汽车零部件"),
    ("塑胶", "塑料制品"),
    ("包装", "包装印刷"),
    ("五金", "五金工具"),
    ("家具", "家具"),
    ("贸易", "批发贸易"),
    ("新能源", "新能源"),
];
const FIRST_EN: &[&str] = &[
    "North",
    "Blue",
    "Silver",
    "Pacific",
    "Golden",
    "Atlas",
    "Summit",
    "Harbor",
    "Crown",
    "Vertex",
    "Evergreen",
    "Pioneer",
    "Union",
    "Royal",
    "Apex",
    "Orion",
    "Delta",
    "Granite",
    "Maple",
    "Sterling",
];
const SECOND_EN: &[&str] = &[
    "Ridge", "River", "Star", "Bridge", "Field", "Point", "Gate", "Line", "Stone", "Wave", "Peak",
    "Forge", "Works", "Trade", "Port",
];
const INDUSTRIES_EN: &[(&str, &str)] = &[
    ("Machinery", "Machinery"),
    ("Electronics", "Electronic components"),
    ("Chemicals", "Chemicals"),
    ("Textiles", "Textiles and apparel"),
    ("Logistics", "Logistics"),
    ("Building Supplies", "Building materials"),
    ("Foods", "Food and beverages"),
    ("Pharma", "Pharmaceuticals"),
    ("Auto Parts", "Automotive parts"),
    ("Packaging", "Packaging and printing"),
    ("Trading", "Wholesale trade"),
];
const TERMS: &[u32] = &[30, 30, 45, 60, 60, 90];

/// What the demo generator planned, before ids are assigned in date order.
#[derive(Clone, Debug)]
enum Plan {
    Register {
        customer: usize,
    },
    Invoice {
        customer: usize,
        invoice: usize,
        amount: Decimal,
        terms: u32,
    },
    Credit {
        customer: usize,
        invoice: usize,
        amount: Decimal,
    },
    Dispute {
        customer: usize,
        invoice: usize,
        dispute: usize,
        amount: Decimal,
    },
    Resolve {
        dispute: usize,
        outcome: DisputeOutcome,
    },
    Pay {
        customer: usize,
        invoice: usize,
        amount: Decimal,
    },
    OnAccount {
        customer: usize,
        amount: Decimal,
    },
    WriteOff {
        invoice: usize,
    },
    Order {
        customer: usize,
        amount: Decimal,
    },
}

impl Plan {
    /// Order of planned actions within one day: an invoice exists before it is paid.
    fn priority(&self) -> u8 {
        match self {
            Plan::Register { .. } => 0,
            Plan::Invoice { .. } => 1,
            Plan::Credit { .. } => 2,
            Plan::Dispute { .. } => 3,
            Plan::Resolve { .. } => 4,
            Plan::Pay { .. } => 5,
            Plan::OnAccount { .. } => 6,
            Plan::WriteOff { .. } => 7,
            Plan::Order { .. } => 8,
        }
    }
}

struct DemoCustomer {
    details: CustomerDetails,
    payer: Payer,
    /// Customers that default stop paying for invoices due after this date.
    default_date: Option<NaiveDate>,
}

/// Generates the demo portfolio's commands, all dated on or before `as_of`. A figure that is
/// no amount is refused as `decide_batch` would refuse it, naming the command's place.
pub fn demo_commands(
    size: DemoSize,
    seed: u64,
    as_of: NaiveDate,
) -> Result<Vec<Command>, BatchRejection> {
    let mut rng = Rng::new(seed ^ (size.customers() as u64));
    let mut planner = Planner {
        rng: &mut rng,
        as_of,
        plans: Vec::new(),
        invoices: 0,
        disputes: 0,
    };
    let customers: Vec<DemoCustomer> = (0..size.customers())
        .map(|index| planner.customer(index, size))
        .collect();
    for (index, customer) in customers.iter().enumerate() {
        planner.customer_history(index, customer, size);
    }
    let mut plans = planner.plans;
    plans.sort_by_key(|(date, plan)| (*date, plan.priority()));
    to_commands(&customers, plans)
}

/// Generates and decides the demo portfolio: the entries to journal and the state after them.
/// The ledger comes first; the credit team's profiles and limit decisions are then planned
/// from the decided ledger (a limit is recommended from the history it follows).
pub fn demo_portfolio(
    size: DemoSize,
    seed: u64,
    as_of: NaiveDate,
) -> Result<(Vec<Entry>, Portfolio), BatchRejection> {
    let (mut entries, ledger) =
        decide_batch(&Portfolio::default(), demo_commands(size, seed, as_of)?)?;
    let offset = entries.len();
    let after_ledger = |mut rejected: BatchRejection| {
        rejected.index += offset;
        rejected
    };
    let limit_commands = limit_commands(&ledger, seed, as_of).map_err(after_ledger)?;
    let (limit_entries, state) = decide_batch(&ledger, limit_commands).map_err(after_ledger)?;
    entries.extend(limit_entries);
    Ok((entries, state))
}

/// The demo credit team, one profile per role (the order gives their ids 1–5).
/// The demo team, in the order it is set up: the director first (the one profile created
/// without authority, on an empty team), who then adds everyone else.
pub const DEMO_USERS: [(&str, Role); 5] = [
    ("王强 Wang Qiang", Role::Director),
    ("李娜 Li Na", Role::Manager),
    ("张伟 Zhang Wei", Role::Analyst),
    ("陈静 Chen Jing", Role::Collector),
    ("赵敏 Zhao Min", Role::Sales),
];

/// The demo profile with `role` (its position in `DEMO_USERS`; the director when absent).
fn user_with(role: Role) -> UserId {
    UserId(DEMO_USERS.iter().position(|(_, r)| *r == role).unwrap_or(0) as u32 + 1)
}

/// Profiles, then per customer a limit request by the analyst decided by the lowest role with
/// the authority: mostly standing limits at the recommended figure, some temporary (running or
/// lapsed), some still pending, a few rejected, and holds on customers long overdue.
fn limit_commands(
    state: &Portfolio,
    seed: u64,
    as_of: NaiveDate,
) -> Result<Vec<Command>, BatchRejection> {
    let mut plan = LimitPlan {
        state,
        policy: state.policy(),
        rng: Rng::new(seed.rotate_left(17) ^ 0x5EED_11A1),
        as_of,
        commands: DEMO_USERS
            .iter()
            .enumerate()
            .map(|(index, (name, role))| Command::AddUser {
                id: UserId(index as u32 + 1),
                name: name.to_string(),
                role: *role,
                by: (index > 0).then_some(UserId(1)),
            })
            .collect(),
        lapses: Vec::new(),
    };
    for (index, customer) in state.ledger.customers.iter().enumerate() {
        plan.customer(RequestId(index as u32 + 1), customer)
            .map_err(|rejection| BatchRejection {
                index: plan.commands.len(),
                rejection,
            })?;
    }
    let LimitPlan {
        mut commands,
        lapses,
        ..
    } = plan;
    commands.extend(lapses);
    Ok(commands)
}

/// The limit commands being planned; the lapses come after everything else.
struct LimitPlan<'a> {
    state: &'a Portfolio,
    policy: CreditPolicy,
    rng: Rng,
    as_of: NaiveDate,
    commands: Vec<Command>,
    lapses: Vec<Command>,
}

impl LimitPlan<'_> {
    /// One customer's request, its decision and perhaps a hold. The generator's draws are in
    /// a fixed order: the demo's figures are pinned by the tests.
    fn customer(&mut self, id: RequestId, customer: &Customer) -> Result<(), Rejection> {
        let (state, as_of, analyst) = (self.state, self.as_of, user_with(Role::Analyst));
        let requested_on =
            (as_of - Duration::days(self.rng.range(20, 330))).max(customer.registered_on);
        let decided_on = (requested_on + Duration::days(self.rng.range(0, 5))).min(as_of);
        let inputs = score_inputs(&state.ledger, &state.credit, customer, decided_on);
        let grade = score(&inputs, &self.policy).grade;
        let policy = &self.policy;
        let recommended = recommend(
            &state.ledger,
            &state.credit,
            customer,
            policy,
            grade,
            requested_on,
            None,
        );
        let amount = checked(
            recommended.amount.unwrap_or(Decimal::ZERO),
            customer.details.currency,
        )?;
        let roll = self.rng.range(0, 99);
        let until = (roll < 6).then(|| decided_on + Duration::days(self.rng.range(15, 120)));
        self.commands.push(Command::RequestLimit {
            id,
            customer: customer.id,
            date: requested_on,
            by: analyst,
            amount,
            reason: if until.is_some() {
                "Seasonal peak / 旺季备货".to_string()
            } else {
                "Annual review / 年度复核".to_string()
            },
            until,
        });
        let approver = user_with(approval_role(&self.policy, &amount.money(), grade));
        let decided_by = if approver == analyst {
            user_with(Role::Manager)
        } else {
            approver
        };
        let old = requested_on < as_of - Duration::days(60);
        self.decision(id, roll, old, decided_on, decided_by, until);
        if customer_balance(&state.ledger, customer, as_of).days_overdue_max > 120
            && self.rng.chance(50)
        {
            self.commands.push(Command::PlaceHold {
                customer: customer.id,
                date: as_of - Duration::days(self.rng.range(0, 20)),
                by: analyst,
                reason: "Over 120 days overdue / 逾期超过120天".to_string(),
            });
        }
        Ok(())
    }

    /// A few rejected, most approved (every request older than 60 days is decided), the rest
    /// pending; a temporary limit that ran out before `as_of` has its lapse on record, as the
    /// app would have journalled it.
    fn decision(
        &mut self,
        request: RequestId,
        roll: i64,
        old: bool,
        date: NaiveDate,
        by: UserId,
        until: Option<NaiveDate>,
    ) {
        if roll >= 97 {
            self.commands.push(Command::RejectLimit {
                request,
                date,
                by,
                comment: "Financials too weak / 财务状况不足".to_string(),
            });
        } else if roll < 92 || old {
            self.commands.push(Command::ApproveLimit {
                request,
                date,
                by,
                comment: String::new(),
            });
            if until.is_some_and(|until| until < self.as_of) {
                self.lapses.push(Command::RecordLapse {
                    request,
                    date: self.as_of,
                });
            }
        }
    }
}

struct Planner<'a> {
    rng: &'a mut Rng,
    as_of: NaiveDate,
    plans: Vec<(NaiveDate, Plan)>,
    invoices: usize,
    disputes: usize,
}

/// One of `items`, always taking one draw (`Rng::pick` takes none from a list of one), so a
/// country with one legal form keeps the draws after it where the others have them.
fn draw_one<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[(rng.next_u64() % items.len().max(1) as u64) as usize]
}

fn cents(value: i64) -> Decimal {
    Decimal::new(value, 2)
}

impl Planner<'_> {
    /// One customer's master data. A roll chooses the country, and the country the rest:
    /// the name's legal form, the currency, the telephone's codes and the registration
    /// number's form (`country`). The draws are those of the generator before countries
    /// decided anything, one for one, so every later draw (payers, invoices, amounts) is what
    /// it was.
    fn customer(&mut self, index: usize, size: DemoSize) -> DemoCustomer {
        let rng = &mut *self.rng;
        let country = Country::of_roll(rng.range(0, 99));
        let (name, industry, city) = if country == Country::China {
            let (short, long) = *rng.pick(INDUSTRIES_ZH);
            let city = *rng.pick(CN_CITIES);
            let brand = rng.pick(BRANDS);
            let form = draw_one(rng, country.legal_forms());
            let name = format!("{}{brand}{short}{form}", city.name);
            (name, long.to_string(), city)
        } else {
            let (short, long) = *rng.pick(INDUSTRIES_EN);
            let (first, second) = (rng.pick(FIRST_EN), rng.pick(SECOND_EN));
            let form = draw_one(rng, country.legal_forms());
            let area_code = draw_one(rng, country.area_codes());
            let city = City {
                name: "",
                area_code,
                division: "",
            };
            (
                format!("{first} {second} {short} {form}"),
                long.to_string(),
                city,
            )
        };
        let payer = match rng.range(0, 99) {
            0..=39 => Payer::Prompt,
            40..=69 => Payer::Slow,
            70..=89 => Payer::Late,
            90..=97 => Payer::Troubled,
            _ => Payer::Defaulted,
        };
        let default_date = (payer == Payer::Defaulted).then(|| {
            self.as_of - Duration::days(rng.range(120, size.history_days().max(200) - 30))
        });
        let registration_no = country.registration_no(rng.next_u64(), &city);
        let payment_terms_days = *rng.pick(TERMS);
        let (first, second) = (rng.range(1000, 9999), rng.range(1000, 9999));
        DemoCustomer {
            details: CustomerDetails {
                number: format!("C{:06}", index + 1),
                name,
                registration_no,
                industry,
                country: country.code().to_string(),
                currency: country.currency(),
                payment_terms_days,
                contact: country.phone(city.area_code, first, second),
                group: String::new(),
                discount: None,
            },
            payer,
            default_date,
        }
    }

    /// Days after the due date this payer pays (negative: early).
    fn delay(&mut self, payer: Payer) -> i64 {
        let rng = &mut *self.rng;
        match payer {
            Payer::Prompt => rng.range(-7, 3),
            Payer::Slow => rng.range(0, 25),
            Payer::Late => rng.range(15, 80),
            Payer::Troubled => rng.range(45, 220),
            Payer::Defaulted => rng.range(20, 120),
        }
    }

    fn customer_history(&mut self, index: usize, customer: &DemoCustomer, size: DemoSize) {
        let history = size.history_days();
        let registered = self.as_of - Duration::days(history + self.rng.range(0, 365 * 4));
        self.plans
            .push((registered, Plan::Register { customer: index }));
        let invoice_count = self.rng.range(1, size.invoices_per_customer() * 2 - 1);
        let typical = self.rng.range(5_000, 400_000) * 100;
        for _ in 0..invoice_count {
            let issue = self.as_of - Duration::days(self.rng.range(0, history));
            let amount = cents(typical * self.rng.range(30, 170) / 100 + self.rng.range(0, 99));
            self.invoice_history(index, customer, issue, amount);
        }
        if self.rng.chance(20) {
            for _ in 0..self.rng.range(1, 2) {
                let date = self.as_of - Duration::days(self.rng.range(0, 14));
                let amount = cents(typical * self.rng.range(50, 150) / 100);
                self.plans.push((
                    date,
                    Plan::Order {
                        customer: index,
                        amount,
                    },
                ));
            }
        }
        if self.rng.chance(2) {
            let date = self.as_of - Duration::days(self.rng.range(1, 60));
            self.plans.push((
                date,
                Plan::OnAccount {
                    customer: index,
                    amount: cents(self.rng.range(1, 50) * 100_000),
                },
            ));
        }
    }

    fn invoice_history(
        &mut self,
        customer_index: usize,
        customer: &DemoCustomer,
        issue: NaiveDate,
        amount: Decimal,
    ) {
        let invoice = self.invoices;
        self.invoices += 1;
        let terms = customer.details.payment_terms_days;
        let due = issue + Duration::days(i64::from(terms));
        self.plans.push((
            issue,
            Plan::Invoice {
                customer: customer_index,
                invoice,
                amount,
                terms,
            },
        ));
        let mut payable = amount;
        if self.rng.chance(3) {
            let credit =
                (amount * Decimal::from(self.rng.range(5, 20)) / Decimal::ONE_HUNDRED).round_dp(2);
            let date = issue + Duration::days(self.rng.range(3, 10));
            self.push_if_past(
                date,
                Plan::Credit {
                    customer: customer_index,
                    invoice,
                    amount: credit,
                },
            );
            payable -= credit;
        }
        let mut pay_after = issue + Duration::days(11);
        if self.rng.chance(2) {
            match self.dispute(customer_index, invoice, issue, payable) {
                Some((left, after)) => (payable, pay_after) = (left, after),
                None => return,
            }
        }
        self.payments(customer_index, customer, invoice, due, payable, pay_after);
    }

    /// A dispute over part of what is payable. `None` when it is not opened or not resolved
    /// by `as_of` (the customer withholds payment); otherwise what is left to pay and from when.
    fn dispute(
        &mut self,
        customer_index: usize,
        invoice: usize,
        issue: NaiveDate,
        payable: Decimal,
    ) -> Option<(Decimal, NaiveDate)> {
        let disputed =
            (payable * Decimal::from(self.rng.range(20, 100)) / Decimal::ONE_HUNDRED).round_dp(2);
        let dispute = self.disputes;
        self.disputes += 1;
        let opened = issue + Duration::days(self.rng.range(5, 10));
        if opened > self.as_of {
            return None;
        }
        self.plans.push((
            opened,
            Plan::Dispute {
                customer: customer_index,
                invoice,
                dispute,
                amount: disputed,
            },
        ));
        let resolved = opened + Duration::days(self.rng.range(10, 60));
        if resolved > self.as_of {
            return None;
        }
        let outcome = if self.rng.chance(50) {
            DisputeOutcome::Accepted
        } else {
            DisputeOutcome::Rejected
        };
        self.plans
            .push((resolved, Plan::Resolve { dispute, outcome }));
        let mut payable = payable;
        if outcome == DisputeOutcome::Accepted {
            self.plans.push((
                resolved,
                Plan::Credit {
                    customer: customer_index,
                    invoice,
                    amount: disputed,
                },
            ));
            payable -= disputed;
        }
        Some((payable, resolved + Duration::days(1)))
    }

    fn payments(
        &mut self,
        customer_index: usize,
        customer: &DemoCustomer,
        invoice: usize,
        due: NaiveDate,
        payable: Decimal,
        pay_after: NaiveDate,
    ) {
        if payable <= Decimal::ZERO {
            return;
        }
        if customer.default_date.is_some_and(|default| due > default) {
            let write_off = due + Duration::days(365);
            self.push_if_past(write_off, Plan::WriteOff { invoice });
            return;
        }
        let first = (due + Duration::days(self.delay(customer.payer))).max(pay_after);
        let partial =
            matches!(customer.payer, Payer::Late | Payer::Troubled) && self.rng.chance(30);
        if !partial {
            self.push_if_past(
                first,
                Plan::Pay {
                    customer: customer_index,
                    invoice,
                    amount: payable,
                },
            );
            return;
        }
        let part =
            (payable * Decimal::from(self.rng.range(30, 80)) / Decimal::ONE_HUNDRED).round_dp(2);
        self.push_if_past(
            first,
            Plan::Pay {
                customer: customer_index,
                invoice,
                amount: part,
            },
        );
        let second = first + Duration::days(self.rng.range(15, 90));
        if first <= self.as_of {
            self.push_if_past(
                second,
                Plan::Pay {
                    customer: customer_index,
                    invoice,
                    amount: payable - part,
                },
            );
        }
    }

    fn push_if_past(&mut self, date: NaiveDate, plan: Plan) {
        if date <= self.as_of {
            self.plans.push((date, plan));
        }
    }
}

/// Assigns ids in date order and turns plans into commands.
fn to_commands(
    customers: &[DemoCustomer],
    plans: Vec<(NaiveDate, Plan)>,
) -> Result<Vec<Command>, BatchRejection> {
    let mut numbering = Numbering {
        customers,
        customer_ids: vec![None; customers.len()],
        invoice_ids: Vec::new(),
        dispute_ids: Vec::new(),
        next: [1; 6],
    };
    plans
        .into_iter()
        .enumerate()
        .map(|(index, (date, plan))| {
            numbering
                .command(date, plan)
                .map_err(|rejection| BatchRejection { index, rejection })
        })
        .collect()
}

/// A figure the demo worked out as an amount, or the rejection `decide` gives one that is none.
fn checked<S: Sign>(value: Decimal, currency: Currency) -> Result<Amount<S>, Rejection> {
    Amount::try_new(value, currency).map_err(|error| Rejection::for_amount(&error))
}

/// The next number of each kind of record, in `next`'s order.
const CUSTOMER: usize = 0;
const INVOICE: usize = 1;
const PAYMENT: usize = 2;
const CREDIT: usize = 3;
const ORDER: usize = 4;
const DISPUTE: usize = 5;

/// Ids and numbers given so far: a plan names customers, invoices and disputes by their
/// place in the plan; the journal by the id they got when they were made.
struct Numbering<'a> {
    customers: &'a [DemoCustomer],
    customer_ids: Vec<Option<CustomerId>>,
    invoice_ids: Vec<Option<InvoiceId>>,
    dispute_ids: Vec<Option<DisputeId>>,
    next: [u32; 6],
}

impl Numbering<'_> {
    fn take(&mut self, kind: usize) -> u32 {
        self.next[kind] += 1;
        self.next[kind] - 1
    }

    /// A figure of the plan as an amount in the customer's currency.
    fn money(&self, customer: usize, amount: Decimal) -> Result<Amount, Rejection> {
        checked(amount, self.customers[customer].details.currency)
    }

    fn customer(&self, customer: usize) -> CustomerId {
        self.customer_ids[customer].unwrap_or(CustomerId(0))
    }

    fn invoice(&self, invoice: usize) -> InvoiceId {
        self.invoice_ids[invoice].unwrap_or(InvoiceId(0))
    }

    fn command(&mut self, date: NaiveDate, plan: Plan) -> Result<Command, Rejection> {
        Ok(match plan {
            Plan::Register { customer } => {
                let id = CustomerId(self.take(CUSTOMER));
                self.customer_ids[customer] = Some(id);
                let details = self.customers[customer].details.clone();
                Command::RegisterCustomer {
                    id,
                    date,
                    recorded_on: date,
                    details,
                }
            }
            Plan::Invoice {
                customer,
                invoice,
                amount,
                terms,
            } => self.issue_invoice(date, customer, invoice, amount, terms)?,
            Plan::Credit {
                customer,
                invoice,
                amount,
            } => self.credit_note(date, customer, invoice, amount)?,
            Plan::Dispute {
                customer,
                invoice,
                dispute,
                amount,
            } => self.open_dispute(date, invoice, dispute, self.money(customer, amount)?),
            Plan::Resolve { dispute, outcome } => Command::ResolveDispute {
                id: self.dispute_ids[dispute].unwrap_or(DisputeId(0)),
                date,
                outcome,
            },
            Plan::Pay {
                customer,
                invoice,
                amount,
            } => self.payment(date, customer, Some((invoice, amount)), amount)?,
            Plan::OnAccount { customer, amount } => self.payment(date, customer, None, amount)?,
            Plan::WriteOff { invoice } => Command::WriteOffInvoice {
                invoice: self.invoice(invoice),
                date,
                recorded_on: date,
                amount: None,
                reason: "Customer insolvent / 客户破产".to_string(),
            },
            Plan::Order { customer, amount } => {
                let id = self.take(ORDER);
                Command::OpenOrder {
                    id: OrderId(id),
                    customer: self.customer(customer),
                    number: format!("SO-{}-{:06}", date.format("%Y%m"), id),
                    date,
                    amount: self.money(customer, amount)?,
                }
            }
        })
    }

    fn issue_invoice(
        &mut self,
        date: NaiveDate,
        customer: usize,
        invoice: usize,
        amount: Decimal,
        terms: u32,
    ) -> Result<Command, Rejection> {
        if self.invoice_ids.len() <= invoice {
            self.invoice_ids.resize(invoice + 1, None);
        }
        let id = self.take(INVOICE);
        self.invoice_ids[invoice] = Some(InvoiceId(id));
        Ok(Command::IssueInvoice {
            id: InvoiceId(id),
            customer: self.customer(customer),
            number: format!("INV-{}-{:07}", date.format("%Y"), id),
            issue_date: date,
            terms_days: Some(terms),
            due_date: None,
            amount: self.money(customer, amount)?,
        })
    }

    fn credit_note(
        &mut self,
        date: NaiveDate,
        customer: usize,
        invoice: usize,
        amount: Decimal,
    ) -> Result<Command, Rejection> {
        let id = self.take(CREDIT);
        let amount = self.money(customer, amount)?;
        Ok(Command::IssueCreditNote {
            id: CreditNoteId(id),
            customer: self.customer(customer),
            number: format!("CN-{}-{:06}", date.format("%Y"), id),
            date,
            recorded_on: date,
            amount,
            reason: "Price adjustment / 价格调整".to_string(),
            allocation: AllocationChoice::Manual(vec![Allocation {
                invoice: self.invoice(invoice),
                amount,
            }]),
        })
    }

    fn open_dispute(
        &mut self,
        date: NaiveDate,
        invoice: usize,
        dispute: usize,
        amount: Amount,
    ) -> Command {
        if self.dispute_ids.len() <= dispute {
            self.dispute_ids.resize(dispute + 1, None);
        }
        let id = DisputeId(self.take(DISPUTE));
        self.dispute_ids[dispute] = Some(id);
        Command::OpenDispute {
            id,
            invoice: self.invoice(invoice),
            date,
            amount: Some(amount),
            reason: "Quality claim / 质量异议".to_string(),
            details: Default::default(),
        }
    }

    /// A payment of one invoice (`to`: the invoice and the amount allocated) or on account.
    fn payment(
        &mut self,
        date: NaiveDate,
        customer: usize,
        to: Option<(usize, Decimal)>,
        amount: Decimal,
    ) -> Result<Command, Rejection> {
        let id = self.take(PAYMENT);
        let (reference, allocation) = match to {
            Some((invoice, allocated)) => (
                format!("BANK-{}-{}", date.format("%Y%m%d"), id),
                AllocationChoice::Manual(vec![Allocation {
                    invoice: self.invoice(invoice),
                    amount: self.money(customer, allocated)?,
                }]),
            ),
            None => (format!("ON-ACCOUNT-{id}"), AllocationChoice::Unapplied),
        };
        Ok(Command::ReceivePayment {
            id: PaymentId(id),
            customer: self.customer(customer),
            date,
            recorded_on: date,
            amount: self.money(customer, amount)?,
            reference,
            allocation,
        })
    }
}
