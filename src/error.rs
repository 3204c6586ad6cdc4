//! Errors in a tender file: every problem found, each with a stable code, the path of the field and
//! a message that says what to change.
//!
//! Errors stop evaluation; questionable but valid input is reported as a warning instead
//! (see [`crate::evaluate::warning`]). Codes are part of the public contract: the widget looks
//! messages up by code (so it can speak Welsh), and buyers' scripts may match on them. Never
//! rename one.

use crate::text::Params;
use serde::Serialize;
use std::fmt;

/// What is wrong. Each kind has a stable [`ErrorKind::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON at all (truncated, garbage): why and where, which displays as
    /// `trailing comma at line 3 column 5`.
    JsonSyntax {
        detail: crate::validate::json::Place,
    },
    /// `format` is missing or names a version this engine does not read.
    UnsupportedFormat { found: String },
    /// A field holds the wrong type of value.
    WrongType { expected: &'static str },
    /// A required field is absent.
    MissingField { field: String },
    /// A field this format does not have (typo or wrong level).
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    /// A string that must be one of a fixed list.
    InvalidChoice {
        found: String,
        allowed: Vec<&'static str>,
    },
    /// A number that cannot be read (`"abc"`, `""`).
    InvalidNumber { found: String },
    /// A number beyond 10^12 (`1e400`), or one written with an exponent that no exact decimal
    /// holds (`1e-400`); other numbers with too many decimals are [`ErrorKind::TooManyDecimals`].
    NumberOutOfRange { found: String },
    /// An amount that must be zero or more.
    Negative { found: String },
    /// An amount that must be more than zero (prices, bounds, references).
    NotPositive { found: String },
    /// Two criteria, measures or bids share an id.
    DuplicateId { id: String },
    /// An id is empty.
    EmptyId,
    /// The model has no criteria (or a group has no children).
    EmptyCriteria,
    /// A leaf criterion without `weight`.
    MissingWeight { id: String },
    /// A group states `weight` that is not the sum of its children's marks.
    GroupWeightMismatch {
        id: String,
        stated: String,
        children: String,
    },
    /// More than one `price` criterion.
    SecondPriceCriterion { id: String },
    /// A pass/fail gate carries marks.
    GateHasWeight { id: String },
    /// A criterion names a scale that is not in `scales`.
    UnknownScale { scale: String },
    /// A scale with no points, repeated values, or a top value of zero.
    InvalidScale { reason: &'static str },
    /// A score that is not a point on the criterion's scale.
    ScoreOffScale { score: String, scale: String },
    /// A threshold outside the scale.
    ThresholdOffScale { threshold: String, top: String },
    /// `set-bounds` with best equal to worst, or the wrong way round for the direction.
    InvalidBounds { best: String, worst: String },
    /// `zeroAt` must be more than 1 (a multiple of the lowest price).
    ZeroAtTooLow { found: String },
    /// A formula that cannot be used for this criterion (a price formula where higher is better).
    FormulaNotAllowed {
        formula: String,
        direction: &'static str,
    },
    /// A bid or criterion refers to a criterion id that does not exist.
    UnknownCriterion { id: String },
    /// A bid gives the wrong kind of input for a criterion (a score for the price criterion).
    WrongInputKind { id: String, kind: &'static str },
    /// A criterion or bid refers to a measure that is not in `measures`.
    UnknownMeasure { id: String },
    /// A `measures` criterion that lists no measures.
    NoMeasures { id: String },
    /// `svScoring: target` without a target.
    MissingTarget { id: String },
    /// `tieBreak` entry that is neither `price` nor `group:ID` / `criterion:ID` of this model.
    UnknownTieBreak { entry: String },
    /// `rounding.decimals` out of 0..=10.
    InvalidDecimals { found: String },
    /// An award method that needs a price criterion, in a model without one.
    PriceCriterionRequired { method: &'static str },
    /// Marks on the price criterion under a method that puts the price in the award value.
    PriceHasWeight { method: &'static str },
    /// A non-price criterion without its money `value` under the fictitious discount method.
    MissingMoneyValue { id: String },
    /// `award.band` outside 0..1.
    InvalidBand { found: String },
    /// A contract value, price ceiling, reference or worst price below 1, which rounds to nothing.
    AmountBelowOne { found: String },
    /// More than a stated limit of the format allows (file size, bids, criteria, text length...):
    /// `what` names what is counted, `limit` the most allowed, `found` how many there are.
    TooLarge {
        what: &'static str,
        limit: usize,
        found: String,
    },
    /// The same field twice in one object of the JSON text.
    DuplicateKey { key: String },
    /// An id or name that JavaScript treats specially (`__proto__`, `constructor`, `prototype`).
    ReservedId { id: String },
    /// A `\u` escape for half a character (a lone UTF-16 surrogate, such as `\ud800`).
    LoneSurrogate,
    /// The file's bytes are not UTF-8 text; `offset` is the first bad byte, from 0.
    InvalidUtf8 { offset: usize },
    // §11 price schedules
    /// A bid gives one `price` where the price criterion publishes a schedule of rates.
    PriceWithSchedule { id: String },
    /// A bid prices a line that is not in the schedule.
    UnknownPriceLine { id: String },
    /// A schedule with no lines, or with only optional ones (nothing to evaluate).
    EmptySchedule { id: String },
    /// `lifeCycle.years` that is not a whole number from 1 to 100.
    InvalidYears { found: String },
    /// `lifeCycle.discountRate` outside 0 (included) to 1 (excluded).
    InvalidDiscountRate { found: String },
    /// `lifeCycle` on a price criterion with no `perYear` line to discount.
    LifeCycleUnused { id: String },
    /// A `perYear` line on a price criterion without `lifeCycle`.
    MissingLifeCycle { line: String },
    // §13 thresholds and limits
    /// A share that is not a number from 0 to 100 followed by `%` (`"70%"`).
    InvalidPercent { found: String },
    /// A group's threshold above the marks the group holds: no bid could reach it.
    ThresholdAboveMarks {
        id: String,
        threshold: String,
        marks: String,
    },
    /// A numeric criterion's `minimum` above its `maximum`: no value could be within both.
    MinimumAboveMaximum { minimum: String, maximum: String },
    // Numbers: the decimals limit on its own (same code as any number out of range)
    /// A number with more decimal places than a file may hold (`0.00000000001`); code
    /// `number-out-of-range`, as for a number too large.
    TooManyDecimals { found: String, limit: usize },
    // §15 abnormally low: the proximity test
    /// `abnormallyLow.proximityMin` above `proximityMax`: no margin could lie within both.
    ProximityMinAboveMax { min: String, max: String },
    // §16 the recorded draw
    /// `"draw"` in `tieBreak` without a `tieDrawSeed` to draw from (or with a blank one).
    MissingTieDrawSeed,
    /// `"draw"` in `tieBreak` with a rule after it: no bids are equal after a draw.
    TieDrawNotLast,
    // §18 lots
    /// A bid names a lot that is not under `lots`; `none_declared` when the tender has no lots.
    UnknownLot { id: String, none_declared: bool },
    /// A bid of a tender divided into lots does not say which lot it is for.
    MissingLot,
    // bilingual text
    /// A text given by language with no language in it (`"name": {}`).
    EmptyText,
    /// A key of a text given by language that is not a language tag (`"welsh"`, `"__proto__"`).
    InvalidLanguage { found: String },
    /// The same language twice in one text, written in different case (`"cy"` and `"CY"`).
    DuplicateLanguage { found: String, first: String },
}

impl ErrorKind {
    /// The stable code of this kind, e.g. `price-not-positive`.
    pub fn code(&self) -> &'static str {
        use ErrorKind::*;
        match self {
            JsonSyntax { .. } => "json-syntax",
            UnsupportedFormat { .. } => "unsupported-format",
            WrongType { .. } => "wrong-type",
            MissingField { .. } => "missing-field",
            UnknownField { .. } => "unknown-field",
            InvalidChoice { .. } => "invalid-choice",
            InvalidNumber { .. } => "invalid-number",
            NumberOutOfRange { .. } => "number-out-of-range",
            Negative { .. } => "negative",
            NotPositive { .. } => "not-positive",
            DuplicateId { .. } => "duplicate-id",
            EmptyId => "empty-id",
            EmptyCriteria => "empty-criteria",
            MissingWeight { .. } => "missing-weight",
            GroupWeightMismatch { .. } => "group-weight-mismatch",
            SecondPriceCriterion { .. } => "second-price-criterion",
            GateHasWeight { .. } => "gate-has-weight",
            UnknownScale { .. } => "unknown-scale",
            InvalidScale { .. } => "invalid-scale",
            ScoreOffScale { .. } => "score-off-scale",
            ThresholdOffScale { .. } => "threshold-off-scale",
            InvalidBounds { .. } => "invalid-bounds",
            ZeroAtTooLow { .. } => "zero-at-too-low",
            FormulaNotAllowed { .. } => "formula-not-allowed",
            UnknownCriterion { .. } => "unknown-criterion",
            WrongInputKind { .. } => "wrong-input-kind",
            UnknownMeasure { .. } => "unknown-measure",
            NoMeasures { .. } => "no-measures",
            MissingTarget { .. } => "missing-target",
            UnknownTieBreak { .. } => "unknown-tie-break",
            InvalidDecimals { .. } => "invalid-decimals",
            PriceCriterionRequired { .. } => "price-criterion-required",
            PriceHasWeight { .. } => "price-has-weight",
            MissingMoneyValue { .. } => "missing-money-value",
            InvalidBand { .. } => "invalid-band",
            AmountBelowOne { .. } => "amount-below-one",
            TooLarge { .. } => "too-large",
            DuplicateKey { .. } => "duplicate-key",
            ReservedId { .. } => "reserved-id",
            LoneSurrogate => "lone-surrogate",
            InvalidUtf8 { .. } => "invalid-utf8",
            // §11 price schedules
            PriceWithSchedule { .. } => "price-with-schedule",
            UnknownPriceLine { .. } => "unknown-price-line",
            EmptySchedule { .. } => "empty-schedule",
            InvalidYears { .. } => "invalid-years",
            InvalidDiscountRate { .. } => "invalid-discount-rate",
            LifeCycleUnused { .. } => "life-cycle-unused",
            MissingLifeCycle { .. } => "missing-life-cycle",
            // §13 thresholds and limits
            InvalidPercent { .. } => "invalid-percent",
            ThresholdAboveMarks { .. } => "threshold-above-marks",
            MinimumAboveMaximum { .. } => "minimum-above-maximum",
            // Numbers: the decimals limit on its own
            TooManyDecimals { .. } => "number-out-of-range",
            // §15 abnormally low: the proximity test
            ProximityMinAboveMax { .. } => "proximity-min-above-max",
            // §16 the recorded draw
            MissingTieDrawSeed => "missing-tie-draw-seed",
            TieDrawNotLast => "tie-draw-not-last",
            // §18 lots
            UnknownLot { .. } => "unknown-lot",
            MissingLot => "missing-lot",
            // bilingual text
            EmptyText => "empty-text",
            InvalidLanguage { .. } => "invalid-language",
            DuplicateLanguage { .. } => "duplicate-language",
        }
    }

    /// The named parameters of the message, for rendering it in another language.
    pub fn params(&self) -> Params {
        use ErrorKind::*;
        let p = Params::new();
        match self {
            JsonSyntax { detail } => p
                .with("detail", detail)
                .with("syntax", detail.code as usize)
                .with("line", detail.line)
                .with("column", detail.column),
            UnsupportedFormat { found } => p.with("found", found).with("supported", "bidscore/1"),
            WrongType { expected } => {
                let p = p.with("expected", expected);
                match code_of(&EXPECTED, expected) {
                    Some(code) => p.with("expectedCode", code),
                    None => p,
                }
            }
            MissingField { field } => p.with("field", field),
            UnknownField { field, suggestion } => {
                let p = p.with("field", field);
                match suggestion {
                    Some(s) => p.with("suggestion", s),
                    None => p,
                }
            }
            InvalidChoice { found, allowed } => {
                p.with("found", found).with("allowed", allowed.join(", "))
            }
            InvalidNumber { found }
            | NumberOutOfRange { found }
            | Negative { found }
            | NotPositive { found }
            | ZeroAtTooLow { found }
            | InvalidDecimals { found } => p.with("found", found),
            DuplicateId { id }
            | MissingWeight { id }
            | SecondPriceCriterion { id }
            | GateHasWeight { id }
            | UnknownCriterion { id }
            | UnknownMeasure { id }
            | NoMeasures { id }
            | MissingTarget { id } => p.with("id", id),
            EmptyId | EmptyCriteria => p,
            GroupWeightMismatch {
                id,
                stated,
                children,
            } => p
                .with("id", id)
                .with("stated", stated)
                .with("children", children),
            UnknownScale { scale } => p.with("scale", scale),
            InvalidScale { reason } => {
                let p = p.with("reason", reason);
                match code_of(&REASONS, reason) {
                    Some(code) => p.with("reasonCode", code),
                    None => p,
                }
            }
            ScoreOffScale { score, scale } => p.with("score", score).with("scale", scale),
            ThresholdOffScale { threshold, top } => p.with("threshold", threshold).with("top", top),
            InvalidBounds { best, worst } => p.with("best", best).with("worst", worst),
            FormulaNotAllowed { formula, direction } => {
                p.with("formula", formula).with("direction", direction)
            }
            WrongInputKind { id, kind } => p.with("id", id).with("kind", kind),
            UnknownTieBreak { entry } => p.with("entry", entry),
            PriceCriterionRequired { method } | PriceHasWeight { method } => {
                p.with("method", method)
            }
            MissingMoneyValue { id } => p.with("id", id),
            InvalidBand { found } => p.with("found", found),
            AmountBelowOne { found } => p.with("found", found),
            TooLarge { what, limit, found } => p
                .with("what", what)
                .with("limit", limit)
                .with("found", found),
            DuplicateKey { key } => p.with("key", key),
            ReservedId { id } => p.with("id", id),
            LoneSurrogate => p,
            InvalidUtf8 { offset } => p.with("offset", offset),
            // §11 price schedules
            PriceWithSchedule { id }
            | UnknownPriceLine { id }
            | LifeCycleUnused { id }
            | EmptySchedule { id } => p.with("id", id),
            InvalidYears { found } | InvalidDiscountRate { found } => p.with("found", found),
            MissingLifeCycle { line } => p.with("line", line),
            // §13 thresholds and limits
            InvalidPercent { found } => p.with("found", found),
            ThresholdAboveMarks {
                id,
                threshold,
                marks,
            } => p
                .with("id", id)
                .with("threshold", threshold)
                .with("marks", marks),
            MinimumAboveMaximum { minimum, maximum } => {
                p.with("minimum", minimum).with("maximum", maximum)
            }
            // Numbers: the decimals limit on its own
            TooManyDecimals { found, limit } => p.with("found", found).with("limit", limit),
            // §15 abnormally low: the proximity test
            ProximityMinAboveMax { min, max } => p.with("min", min).with("max", max),
            // §16 the recorded draw
            MissingTieDrawSeed | TieDrawNotLast => p,
            // §18 lots
            UnknownLot { id, .. } => p.with("id", id),
            MissingLot => p,
            // bilingual text
            EmptyText => p,
            InvalidLanguage { found } => p.with("found", found),
            DuplicateLanguage { found, first } => p.with("found", found).with("first", first),
        }
    }

    /// The English message: lowercase, no full stop, says what to change.
    pub fn message(&self) -> String {
        fill(self.template(), &self.params())
    }

    /// The English message with a `{name}` where each parameter goes. Text rather than a
    /// `format!` for each kind, each of which would compile to code of its own: the messages
    /// cost a fraction of the space in the WebAssembly build.
    fn template(&self) -> &'static str {
        use ErrorKind::*;
        match self {
            JsonSyntax { .. } => "the file is not valid JSON ({detail}); check it was saved completely",
            UnsupportedFormat { found } if found.is_empty() => {
                "add \"format\": \"bidscore/1\" at the top of the file"
            }
            UnsupportedFormat { .. } => "format \"{found}\" is not supported; this engine reads \"bidscore/1\"",
            WrongType { .. } => "must be {expected}",
            MissingField { .. } => "add the required field \"{field}\"",
            UnknownField {
                suggestion: Some(_),
                ..
            } => "unknown field \"{field}\"; did you mean \"{suggestion}\"?",
            UnknownField {
                suggestion: None,
                ..
            } => "unknown field \"{field}\"; remove it or check the spelling",
            InvalidChoice { .. } => "\"{found}\" is not allowed here; use one of: {allowed}",
            InvalidNumber { .. } => {
                "\"{found}\" is not a number; write digits such as 1250000.50"
            }
            NumberOutOfRange { .. } => "{found} is out of range; use a number no larger than 1,000,000,000,000 with at most 10 decimal places",
            Negative { .. } => "{found} is negative; use zero or more",
            NotPositive { .. } => "{found} must be more than zero",
            DuplicateId { .. } => "the id \"{id}\" is used twice; give each one its own id",
            EmptyId => "the id is empty; give it a short unique name",
            EmptyCriteria => "add at least one criterion",
            MissingWeight { .. } => "criterion \"{id}\" needs a weight (its marks)",
            GroupWeightMismatch { .. } => "group \"{id}\" states {stated} marks but its criteria add up to {children}; make them agree or remove the group's weight",
            SecondPriceCriterion { .. } => "criterion \"{id}\" is a second price criterion; a tender has one price, so make it \"numeric\" or remove it",
            GateHasWeight { .. } => "pass/fail criterion \"{id}\" cannot carry marks; remove its weight",
            UnknownScale { .. } => "there is no scale \"{scale}\"; add it under \"scales\" or use an existing one",
            InvalidScale { .. } => "the scale is not usable: {reason}",
            ScoreOffScale { .. } => "{score} is not a point on the scale \"{scale}\"; use one of its values",
            ThresholdOffScale { .. } => "the threshold {threshold} is outside the scale (its top is {top}); lower it",
            InvalidBounds { .. } => "best ({best}) and worst ({worst}) must differ, with best the better value",
            ZeroAtTooLow { .. } => "zeroAt is {found}; it must be more than 1 (2 means twice the lowest price scores 0)",
            FormulaNotAllowed { .. } => "the formula \"{formula}\" only works where lower is better, but this criterion is \"{direction}\"; use relative-to-best or set-bounds",
            UnknownCriterion { .. } => "there is no criterion \"{id}\"; check the id against the model",
            WrongInputKind { .. } => "criterion \"{id}\" is a {kind} criterion and cannot take this input; move it to the right place in the bid",
            UnknownMeasure { .. } => "there is no social value measure \"{id}\"; add it under \"measures\" or check the id",
            NoMeasures { .. } => "criterion \"{id}\" lists no measures; name at least one",
            MissingTarget { .. } => "criterion \"{id}\" scores against a target; add \"target\" (social value in money)",
            UnknownTieBreak { .. } => "\"{entry}\" is not a tie-break rule; use \"price\", \"group:ID\" or \"criterion:ID\" with an id of this model",
            InvalidDecimals { .. } => {
                "{found} decimals is not allowed; use a whole number from 0 to 10"
            }
            PriceCriterionRequired { .. } => "the award method \"{method}\" divides by or subtracts from the price; add a criterion of kind \"price\"",
            PriceHasWeight { .. } => "under the award method \"{method}\" the price is not given marks; remove the price criterion's weight",
            MissingMoneyValue { .. } => "criterion \"{id}\" needs \"value\": the money a bid with full marks on it is worth under the fictitious discount method",
            InvalidBand { .. } => "band {found} is not a fraction; use a number between 0 and 1, such as 0.06 for 6%",
            AmountBelowOne { .. } => "{found} is less than 1 unit of the currency; write the amount in whole units, such as 1250000",
            TooLarge { .. } => "too large: {found} {what}, more than the {limit} allowed; make it smaller or split it",
            DuplicateKey { .. } => "\"{key}\" is given twice in the same object; keep one (otherwise the last would silently win)",
            ReservedId { .. } => "\"{id}\" is reserved (it has a special meaning in JavaScript); choose another id or name",
            LoneSurrogate => "the text holds half a character (a lone \\u escape such as \\ud800); write the whole character",
            InvalidUtf8 { .. } => "the file is not UTF-8 text (the byte at position {offset} is not); save it as UTF-8",
            // §11 price schedules
            PriceWithSchedule { .. } => "criterion \"{id}\" publishes a schedule of rates, so the bid gives \"prices\" (line id → rate), not one \"price\"; move the amounts to \"prices\"",
            UnknownPriceLine { .. } => "there is no line \"{id}\" in the price schedule; check the id against the schedule",
            EmptySchedule { .. } => "the schedule of criterion \"{id}\" has no line that is evaluated (it has none, or only optional ones); add the lines bids must price, or remove \"schedule\"",
            InvalidYears { .. } => "{found} years is not allowed; use a whole number of years from 1 to 100",
            InvalidDiscountRate { .. } => "discount rate {found} is not a yearly rate; use a fraction from 0 up to 1, such as 0.035 for 3.5%",
            LifeCycleUnused { .. } => "criterion \"{id}\" has \"lifeCycle\" but no schedule line paid per year; mark the yearly lines \"perYear\": true or remove \"lifeCycle\"",
            MissingLifeCycle { .. } => "line \"{line}\" is paid per year, but the price criterion has no \"lifeCycle\"; add \"lifeCycle\": {\"years\": 10, \"discountRate\": \"0.035\"} or remove \"perYear\"",
            // §13 thresholds and limits
            InvalidPercent { .. } => "\"{found}\" is not a percentage; write a number from 0 to 100 followed by %, in quotes, such as \"70%\"",
            ThresholdAboveMarks { .. } => "the threshold {threshold} is more than the {marks} marks group \"{id}\" holds, so no bid could reach it; lower it or write it as a share such as \"70%\"",
            MinimumAboveMaximum { .. } => "the minimum {minimum} is above the maximum {maximum}, so no value could be within them; swap or correct them",
            // Numbers: the decimals limit on its own
            TooManyDecimals { .. } => "{found} has more than {limit} decimal places; round it to at most {limit}",
            // §15 abnormally low: the proximity test
            ProximityMinAboveMax { .. } => {
                "proximityMin ({min}) is above proximityMax ({max}); swap them"
            }
            // §16 the recorded draw
            MissingTieDrawSeed => {
                "the tie-break rules hold a draw; record the text it is drawn from in \"tieDrawSeed\""
            }
            TieDrawNotLast => "\"draw\" must be the last tie-break rule; move it to the end",
            // §18 lots
            UnknownLot {
                none_declared: true,
                ..
            } => "the bid is for lot \"{id}\" but the tender is not divided into lots; remove \"lot\" or list the lots under \"lots\"",
            UnknownLot { .. } => "there is no lot \"{id}\"; use the id of one of the lots under \"lots\"",
            MissingLot => "the tender is divided into lots; add \"lot\" with the id of the lot this bid is for (a supplier bidding for two lots sends two bids)",
            // bilingual text
            EmptyText => "the text is in no language; add one, such as {\"en\": \"Price\"}, or write plain text",
            InvalidLanguage { .. } => "\"{found}\" is not a language tag; use one such as \"en\", \"cy\" or \"cy-GB\"",
            DuplicateLanguage { .. } => "\"{found}\" is the language \"{first}\" again (case does not count); keep one",
        }
    }
}

// Tokens for params that are English prose, so that a message can be worded in any language
/// `expectedCode` for each `expected` of `wrong-type`: (the English, its code).
const EXPECTED: [(&str, &str); 19] = [
    ("text", "text"),
    ("an object", "object"),
    ("a list", "list"),
    ("true or false", "boolean"),
    ("a number (or a decimal in quotes)", "number"),
    ("a percentage in quotes, such as \"80%\"", "percent"),
    ("a three-letter currency code such as GBP", "currency"),
    ("an ISO 3166 code such as GB, GB-WLS or FR (GB for the UK)", "country"),
    // Given to the JS API (src/wasm/).
    ("a tender object or JSON text", "tender"),
    ("plain JSON data (objects, lists, text, numbers, true/false, null)", "plain"),
    ("a finite number", "finite"),
    ("a value, not undefined (use null)", "defined"),
    ("data, not a function", "not-function"),
    ("data, not a Symbol", "not-symbol"),
    ("a number or a decimal in quotes, not a BigInt", "not-bigint"),
    ("data nested at most 128 levels deep", "depth"),
    ("a plain object or list, not a Map or Set", "not-map"),
    ("plain JSON data without cycles (an object inside itself)", "acyclic"),
    ("a weighted-sum tender with at least one ranked bid (in the lot that options.lot names, when the tender has lots)", "rankable"),
];

/// `reasonCode` for each `reason` of `invalid-scale`.
const REASONS: [(&str, &str); 5] = [
    ("two points have the same value", "repeated"),
    ("a scale needs at least two points", "few"),
    ("the top point must be worth more than zero", "top-zero"),
    (
        "give either \"points\" or all of \"from\", \"to\" and \"step\"",
        "points-or-range",
    ),
    ("\"to\" must be more than \"from\"", "to-below-from"),
];

/// The code that `table` gives `english`, when it has one.
fn code_of(table: &[(&str, &'static str)], english: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(e, _)| *e == english)
        .map(|(_, code)| *code)
}

/// `template` with each `{name}` replaced by the parameter of that name; any other brace (the
/// JSON in a message) is kept as it is.
fn fill(template: &str, params: &Params) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = crate::text::find_byte(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        match (after.as_bytes().get(len), params.get(&after[..len])) {
            (Some(b'}'), Some(value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One problem in a tender file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Where: `bids[2].scores.q-delivery.evaluators.Evaluator 1`; empty for the whole file.
    pub path: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        Error {
            kind,
            path: path.into(),
        }
    }

    /// The stable code, e.g. `unknown-field`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind.message())
        } else {
            write!(f, "{}: {}", self.path, self.kind.message())
        }
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 4)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("path", &self.path)?;
        let params = self.kind.params();
        st.serialize_field("message", &fill(self.kind.template(), &params))?;
        st.serialize_field("params", &params)?;
        st.end()
    }
}

impl crate::json::ToJson for Error {
    fn write(&self, out: &mut crate::json::Json) {
        let params = self.kind.params();
        out.open();
        out.field("code", &self.code());
        out.field("path", &self.path);
        out.field("message", &fill(self.kind.template(), &params));
        out.field("params", &params);
        out.close();
    }
}

/// Every error found in one file, in the order of the file. Never empty when returned as `Err`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Errors {
    pub errors: Vec<Error>,
}

crate::json::json_object!(Errors { "errors": errors });

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_params_have_unique_codes() {
        for table in [&EXPECTED[..], &REASONS[..]] {
            let mut codes: Vec<_> = table.iter().map(|(_, c)| *c).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), table.len());
        }
        let p = ErrorKind::WrongType {
            expected: "an object",
        }
        .params();
        assert_eq!(p.get("expectedCode"), Some("object"));
        // English nobody has coded yet is still given, with no code.
        let p = ErrorKind::WrongType { expected: "a cat" }.params();
        assert_eq!(
            (p.get("expected"), p.get("expectedCode")),
            (Some("a cat"), None)
        );
    }

    #[test]
    fn messages_fill_parameters_and_keep_json_braces() {
        let kind = ErrorKind::MissingLifeCycle { line: "{x}".into() };
        assert_eq!(
            kind.message(),
            "line \"{x}\" is paid per year, but the price criterion has no \"lifeCycle\"; add \"lifeCycle\": {\"years\": 10, \"discountRate\": \"0.035\"} or remove \"perYear\""
        );
        let kind = ErrorKind::TooManyDecimals {
            found: "0.123".into(),
            limit: 2,
        };
        assert_eq!(
            kind.message(),
            "0.123 has more than 2 decimal places; round it to at most 2"
        );
        assert!(ErrorKind::EmptyText
            .message()
            .contains("{\"en\": \"Price\"}"));
    }

    #[test]
    fn json_syntax_gives_what_and_where() {
        let e = crate::validate::read("{\"a\": 1,\n  }").unwrap_err();
        let p = e.errors[0].kind.params();
        assert_eq!(p.get("detail"), Some("trailing comma at line 2 column 3"));
        assert_eq!(p.get("syntax"), Some("14"));
        assert_eq!((p.get("line"), p.get("column")), (Some("2"), Some("3")));
    }
}
