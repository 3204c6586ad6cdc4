//! The result of an evaluation (format `bidscore-result/1`): what the widget renders and the
//! command line prints. Amounts are decimal strings, written once here so every consumer shows the
//! same digits.

use crate::evaluate::warning::Spread;
use crate::json::{json_name, json_object, Json, ToJson};
use crate::parallel::Shared;
use crate::text::{Compact, Message, Params};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

pub use crate::working::Working;

/// The result format written by this engine.
pub const RESULT_FORMAT: &str = "bidscore-result/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    pub format: &'static str,
    pub max_total: String,
    pub method: &'static str,
    pub currency: String,
    pub decimals: u32,
    pub rounding_stage: &'static str,
    /// Every bid, in file order.
    pub bids: Vec<BidResult>,
    /// Ids of the ranked bids, best first. With lots, each lot's ranking in turn, in the order
    /// of `lots`: ranks are within a lot.
    pub ranking: Vec<String>,
    pub warnings: Vec<Warning>,
    /// Each lot's ranking and winner, in file order (spec §18); absent when the tender is not
    /// divided into lots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lots: Option<Vec<LotResult>>,
}

/// One lot's outcome (spec §18): its bids were ranked among themselves only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LotResult {
    pub id: String,
    pub name: String,
    /// Ids of the lot's ranked bids, best first.
    pub ranking: Vec<String>,
    /// The bid ranked first alone; `null` when no bid of the lot is ranked, or when two or more
    /// share rank 1 (the `tie` warning names them).
    pub winner: Option<String>,
}

/// Where a bid stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ranked,
    Disqualified,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BidResult {
    pub id: String,
    pub supplier: String,
    /// The lot the bid is for (spec §18); absent when the tender is not divided into lots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    pub hypothetical: bool,
    pub status: Status,
    /// 1 = best; shared on a tie (1, 1, 3). `null` unless ranked.
    pub rank: Option<u32>,
    /// Sum of the criterion scores that could be computed (all of them unless incomplete). Under
    /// the ratio methods these are the quality points; under the fictitious discount, the money
    /// discount.
    pub total: String,
    /// The award value under methods other than the weighted sum: price per quality point,
    /// quality-price ratio or fictitious price (rounded for display only).
    pub value: Option<String>,
    pub value_working: Option<String>,
    pub value_explain: Option<Explain>,
    /// The price, to the penny: under a price schedule, the evaluated price (spec §11).
    pub price: Option<String>,
    /// How the evaluated price was formed, every product and the sum (spec §11); left out of the
    /// result without a schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_working: Option<String>,
    pub criteria: Vec<CriterionResult>,
    pub groups: Vec<GroupResult>,
    pub gates: Vec<GateResult>,
    pub social_value: Option<SocialValue>,
    /// Why the bid is disqualified.
    pub reasons: Vec<Message>,
    /// What is still needed before it can be ranked.
    pub missing: Vec<Message>,
    #[serde(skip)]
    pub total_value: Decimal,
    #[serde(skip)]
    pub price_value: Option<Decimal>,
    /// What the ranking orders by, higher is better (see `award::key`).
    #[serde(skip)]
    pub key_value: Option<Decimal>,
    /// The sum of its scores that no comparison moves, for rank reversal (`evaluate::totals`).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip)]
    pub(crate) kept: Option<crate::evaluate::Kept>,
    /// A score or the award value was beyond what an exact decimal holds (the bid is then
    /// disqualified with the reason `out-of-range`).
    #[serde(skip)]
    pub out_of_range: bool,
    /// In the band of the extended quality-price ratio method.
    pub in_band: bool,
}

/// Serialised by hand (below): a scored criterion's `explain.params` come from its working.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    /// Shared with every other bid's result for the same criterion (large tenders repeat them
    /// tens of thousands of times).
    pub id: Shared<str>,
    pub name: Shared<str>,
    pub kind: &'static str,
    /// `null` when the input is missing.
    pub score: Option<Compact>,
    pub max: Shared<str>,
    /// Share of the marks earned, to 4 decimals (for display; the score is computed exactly).
    pub fraction: Option<Compact>,
    /// The input that was scored: aggregated score, price, value or social value.
    pub input: Option<Compact>,
    /// Where a scored input came from: `moderated`, `evaluator`, `mean` or `median`.
    pub input_from: Option<&'static str>,
    /// The formula with this bid's numbers: "40 × £980,000.00 ÷ £1,080,000.00 = 36.30".
    pub working: Working,
    /// The working's code and parameters. A scored criterion's parameters are held by its
    /// working ([`Working::params`]); its `explain.params` here stay empty.
    pub explain: Explain,
    /// Not serialised.
    pub value: Option<Decimal>,
}

impl Serialize for CriterionResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CriterionResult", 10)?;
        st.serialize_field("id", &*self.id)?;
        st.serialize_field("name", &*self.name)?;
        st.serialize_field("kind", self.kind)?;
        st.serialize_field("score", &self.score)?;
        st.serialize_field("max", &*self.max)?;
        st.serialize_field("fraction", &self.fraction)?;
        st.serialize_field("input", &self.input)?;
        st.serialize_field("inputFrom", &self.input_from)?;
        st.serialize_field("working", &self.working)?;
        match self.working.params() {
            Some(params) => st.serialize_field(
                "explain",
                &Explain {
                    code: self.explain.code,
                    params,
                },
            )?,
            None => st.serialize_field("explain", &self.explain)?,
        }
        st.end()
    }
}

/// The working's code and parameters, for rendering it in another language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    pub code: &'static str,
    pub params: Params,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    pub id: String,
    pub name: String,
    pub category: Option<String>,
    pub score: String,
    pub max: String,
    #[serde(skip)]
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GateResult {
    pub id: String,
    pub name: String,
    /// `null` when not yet recorded.
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SocialValue {
    /// Σ quantity × proxy over every committed measure.
    pub money: String,
    /// money ÷ price × 100, to 2 decimals; `null` without a price.
    pub percent_of_price: Option<String>,
    pub items: Vec<SocialValueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SocialValueItem {
    pub measure: String,
    pub quantity: String,
    pub proxy: String,
    pub money: String,
    pub working: String,
}

/// Something the buyer should know that does not stop the evaluation (spec §9): a code, the bids
/// it concerns, and its message and parameters. Most are held as their text. An
/// `evaluator-spread` warning, one for each bid and criterion whose evaluators disagree (a
/// thousand bids on forty criteria gave 16,880), is held as its figures and written when read or
/// serialised, as a scored criterion's working is: an evaluation then allocates and formats
/// nothing for each of them that nobody reads.
///
/// Equal when written the same. One held as text never equals one held as figures: only an
/// `evaluator-spread` warning is held as figures, and one in a lot (held as text) names its lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub code: &'static str,
    said: Said,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    /// Boxed: the few warnings held as text keep the thousands held as figures small.
    Written(Box<Written>),
    Spread(Spread),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Written {
    bids: Vec<String>,
    message: String,
    params: Params,
}

impl Warning {
    /// A warning held as its text; `bids` sorted.
    pub(crate) fn written(
        code: &'static str,
        bids: Vec<String>,
        params: Params,
        message: String,
    ) -> Warning {
        Warning {
            code,
            said: Said::Written(Box::new(Written {
                bids,
                message,
                params,
            })),
        }
    }

    /// An `evaluator-spread` warning, held as its figures.
    pub(crate) fn spread(figures: Spread) -> Warning {
        Warning {
            code: Spread::CODE,
            said: Said::Spread(figures),
        }
    }

    /// The bids it concerns, sorted; empty for the model as a whole.
    pub fn bids(&self) -> &[String] {
        match &self.said {
            Said::Written(w) => &w.bids,
            Said::Spread(s) => &s.bid[..1],
        }
    }

    /// Its English text.
    pub fn message(&self) -> Cow<'_, str> {
        match &self.said {
            Said::Written(w) => Cow::Borrowed(&w.message),
            Said::Spread(s) => Cow::Owned(s.message()),
        }
    }

    /// Its parameters, for wording it in another language.
    pub fn params(&self) -> Cow<'_, Params> {
        match &self.said {
            Said::Written(w) => Cow::Borrowed(&w.params),
            Said::Spread(s) => Cow::Owned(s.params()),
        }
    }

    /// The same warning with one more parameter and its message after a prefix (a lot's).
    pub(crate) fn reworded(self, prefix: &str, name: &'static str, value: &str) -> Warning {
        let mut w = match self.said {
            Said::Written(w) => w,
            Said::Spread(s) => Box::new(Written {
                bids: vec![s.bid[0].clone()],
                message: s.message(),
                params: s.params(),
            }),
        };
        w.message.insert_str(0, prefix);
        w.params = w.params.put(name, value);
        Warning {
            code: self.code,
            said: Said::Written(w),
        }
    }
}

/// By code, then bids, then message, then parameters: the order of the result's warnings.
impl Ord for Warning {
    fn cmp(&self, other: &Warning) -> std::cmp::Ordering {
        self.code
            .cmp(other.code)
            .then_with(|| self.bids().cmp(other.bids()))
            .then_with(|| self.message().cmp(&other.message()))
            .then_with(|| self.params().cmp(&other.params()))
    }
}

impl PartialOrd for Warning {
    fn partial_cmp(&self, other: &Warning) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Warning", 4)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("bids", self.bids())?;
        st.serialize_field("message", &*self.message())?;
        st.serialize_field("params", &*self.params())?;
        st.end()
    }
}

impl ToJson for Warning {
    fn write(&self, out: &mut Json) {
        out.open();
        out.field("code", &self.code);
        out.field("bids", &self.bids());
        out.field("message", &&*self.message());
        out.field("params", &*self.params());
        out.close();
    }
}

json_object!(Evaluation {
    "format": format,
    "maxTotal": max_total,
    "method": method,
    "currency": currency,
    "decimals": decimals,
    "roundingStage": rounding_stage,
    "bids": bids,
    "ranking": ranking,
    "warnings": warnings,
    "lots": lots if none,
});

json_object!(LotResult {
    "id": id,
    "name": name,
    "ranking": ranking,
    "winner": winner,
});

json_name!(Status {
    Ranked => "ranked",
    Disqualified => "disqualified",
    Incomplete => "incomplete",
});

json_object!(BidResult {
    "id": id,
    "supplier": supplier,
    "lot": lot if none,
    "hypothetical": hypothetical,
    "status": status,
    "rank": rank,
    "total": total,
    "value": value,
    "valueWorking": value_working,
    "valueExplain": value_explain,
    "price": price,
    "priceWorking": price_working if none,
    "criteria": criteria,
    "groups": groups,
    "gates": gates,
    "socialValue": social_value,
    "reasons": reasons,
    "missing": missing,
    "inBand": in_band,
});

impl ToJson for CriterionResult {
    fn write(&self, out: &mut Json) {
        out.open();
        out.field("id", &self.id);
        out.field("name", &self.name);
        out.field("kind", &self.kind);
        out.field("score", &self.score);
        out.field("max", &self.max);
        out.field("fraction", &self.fraction);
        out.field("input", &self.input);
        out.field("inputFrom", &self.input_from);
        out.field("working", &self.working);
        match self.working.params() {
            Some(params) => out.field(
                "explain",
                &Explain {
                    code: self.explain.code,
                    params,
                },
            ),
            None => out.field("explain", &self.explain),
        }
        out.close();
    }
}

json_object!(Explain {
    "code": code,
    "params": params,
});

json_object!(GroupResult {
    "id": id,
    "name": name,
    "category": category,
    "score": score,
    "max": max,
});

json_object!(GateResult {
    "id": id,
    "name": name,
    "passed": passed,
});

json_object!(SocialValue {
    "money": money,
    "percentOfPrice": percent_of_price,
    "items": items,
});

json_object!(SocialValueItem {
    "measure": measure,
    "quantity": quantity,
    "proxy": proxy,
    "money": money,
    "working": working,
});
