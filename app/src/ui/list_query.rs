//! A view of the customer list as a URL (`/customers?currency=EUR&overdue=1&sort=overdue`):
//! the list reads its view from the URL, and the overview's figures link to the view they
//! count, so a link, a reload and the back button all show the same rows. Which rows a view
//! holds is the core's (`limits::list::CustomerFilter`); this is only its spelling.

use crate::i18n::{fill, Texts};
use creditdesk_core::limits::list::{Criterion, CustomerFilter, CustomerSort};
use creditdesk_core::Currency;
use leptos_router::params::ParamsMap;

/// The list's view: which customers, in what order, which page.
#[derive(Clone, Debug, PartialEq)]
pub struct ListQuery {
    pub filter: CustomerFilter,
    pub sort: CustomerSort,
    pub page: usize,
}

impl ListQuery {
    /// The first page of `filter` in `sort`'s order.
    pub fn of(filter: CustomerFilter, sort: CustomerSort) -> ListQuery {
        ListQuery {
            filter,
            sort,
            page: 1,
        }
    }

    /// Reads a URL's query; an unknown currency, criterion or sort is left out, not guessed.
    pub fn from_map(map: &ParamsMap) -> ListQuery {
        let criteria = Criterion::ALL
            .into_iter()
            .filter(|criterion| map.get(criterion.token()).as_deref() == Some("1"))
            .collect();
        ListQuery {
            filter: CustomerFilter {
                text: map.get("q").unwrap_or_default(),
                currency: map.get("currency").and_then(|code| Currency::parse(&code)),
                criteria,
            },
            sort: CustomerSort::from_token(&map.get("sort").unwrap_or_default()),
            page: map
                .get("page")
                .and_then(|page| page.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }

    /// The in-app path of this view (wrap it in `route::to` for an `<A>`).
    pub fn to_url(&self) -> String {
        let mut parts = Vec::new();
        if !self.filter.text.is_empty() {
            let text = js_sys::encode_uri_component(&self.filter.text);
            parts.push(format!("q={text}"));
        }
        if let Some(currency) = self.filter.currency {
            parts.push(format!("currency={}", currency.code()));
        }
        for criterion in &self.filter.criteria {
            parts.push(format!("{}=1", criterion.token()));
        }
        if self.sort != CustomerSort::default() {
            parts.push(format!("sort={}", self.sort.token()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            "/customers".to_string()
        } else {
            format!("/customers?{}", parts.join("&"))
        }
    }
}

/// What a criterion is called where the list shows the filters in force.
pub fn criterion_label(t: &Texts, criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Overdue => t.overdue_only,
        Criterion::OnHold => t.filter_hold,
        Criterion::OverLimit => t.filter_over_limit,
        Criterion::GradeDropped => t.filter_grade_drop,
        Criterion::OpenOrders => t.filter_orders,
        Criterion::Disputed => t.filter_disputed,
        Criterion::Unapplied => t.filter_unapplied,
    }
}

/// What a currency filter is called: `Currency: EUR`.
pub fn currency_label(t: &Texts, currency: Currency) -> String {
    fill(t.filter_currency, &[("currency", currency.code())])
}
