
/** A decimal: a JSON number or, to keep every digit, a decimal string such as "1250000.50". */
export type Decimal = number | string;

/**
 * Text the buyer writes: one text, or the same text by language tag, `{ en: "Price", cy: "Pris" }`.
 * The engine reads the language `tender.locale` names (`cy-GB`, then `cy`), else `en`, else the
 * first; results, the published model and summaries carry that text alone.
 */
export type Text = string | Record<string, string>;

/** A tender file, format `bidscore/1`. `null` counts as absent everywhere. */
export interface TenderFile {
  format: "bidscore/1";
  tender?: TenderInfo | null;
  award?: Award | null;
  rounding?: Rounding | null;
  moderation?: Moderation | null;
  /** `"price"`, `"group:ID"` or `"criterion:ID"`, applied in order; `"draw"` may come last. */
  tieBreak?: string[] | null;
  abnormallyLow?: AbnormallyLow | null;
  /** The text the recorded draw draws from; required when `tieBreak` ends with `"draw"`. */
  tieDrawSeed?: string | null;
  scales?: Record<string, Scale> | null;
  measures?: Measure[] | null;
  criteria: CriterionNode[];
  bids?: Bid[] | null;
  /** The lots the tender is divided into; each is evaluated on its own with this model, over the
   * bids that name it. Absent or empty: not divided. */
  lots?: Lot[] | null;
}

/** A lot of a tender divided into lots. */
export interface Lot {
  id: string;
  name: Text;
  description?: Text | null;
}

export interface TenderInfo {
  title?: Text | null;
  buyer?: Text | null;
  reference?: string | null;
  /** ISO 4217 code; GBP when absent. */
  currency?: string | null;
  contractValue?: Decimal | null;
  locale?: string | null;
  /** ISO 3166 code (`GB`, `GB-WLS`, `FR`); `GB` when absent and the currency is GBP. */
  jurisdiction?: string | null;
}

export interface Award {
  method?: "weighted-sum" | "price-per-quality-point" | "quality-price-ratio" | "fictitious-discount" | null;
  /** quality-price-ratio: the ratio is shown × this (1,000,000 when absent). */
  scale?: Decimal | null;
  /** quality-price-ratio: bids within this fraction of the best ratio form the band. */
  band?: Decimal | null;
  bandDecider?: "quality" | "price" | null;
}

export interface Rounding {
  /** 0 to 10; 2 when absent. */
  decimals?: Decimal | null;
  stage?: "criterion" | "total" | "none" | null;
}

export interface Moderation {
  method?: "mean" | "median" | null;
  flagSpread?: Decimal | null;
  /** "consensus": where two or more evaluators scored, a moderated score is needed; nothing is averaged. */
  require?: "consensus" | null;
}

export interface AbnormallyLow {
  percent?: Decimal | null;
  /** Flag only prices also more than this percentage of the next lowest price below it. */
  proximityPercent?: Decimal | null;
  /** The proximity margin in money is at least this... */
  proximityMin?: Decimal | null;
  /** ...and at most this. */
  proximityMax?: Decimal | null;
}

/** Either listed `points` or `from`, `to` and `step`. */
export interface Scale {
  points?: ScalePoint[] | null;
  from?: Decimal | null;
  to?: Decimal | null;
  step?: Decimal | null;
  description?: Text | null;
}

export interface ScalePoint {
  value: Decimal;
  label?: Text | null;
  descriptor?: Text | null;
}

export interface Measure {
  id: string;
  name: Text;
  unit: Text;
  /** Money per unit. */
  proxy: Decimal;
  source?: Text | null;
  licence?: string | null;
}

/** A group (it has `children`) or a leaf criterion. */
export type CriterionNode = CriterionGroup | Criterion;

export interface CriterionGroup {
  id: string;
  name?: Text | null;
  /** When given, must equal the sum of the children's marks. */
  weight?: Decimal | null;
  /** `"social-value"` marks the group counted as social value. */
  category?: string | null;
  children: CriterionNode[];
  description?: Text | null;
  /** The minimum sub-total: marks (28) or a share of the group's marks ("70%"). */
  threshold?: Decimal | null;
  /** A share of the best qualified sub-total, such as "80%". */
  thresholdRelative?: string | null;
}

export type CriterionKind = "price" | "scored" | "numeric" | "measures" | "pass-fail";

export type Formula =
  | "lowest-ratio" | "linear-min-max" | "deviation-from-lowest" | "set-bounds" | "reference-ratio"
  | "relative-to-best";

/** A leaf criterion; which of the optional fields apply depends on `kind`. */
export interface Criterion {
  id: string;
  kind: CriterionKind;
  name?: Text | null;
  /** Marks; not allowed on pass-fail gates. */
  weight?: Decimal | null;
  description?: Text | null;
  question?: Text | null;
  /** Money value of the criterion (fictitious-discount award method). */
  value?: Decimal | null;
  /** price and numeric */
  formula?: Formula | null;
  zeroAt?: Decimal | null;
  best?: Decimal | null;
  worst?: Decimal | null;
  reference?: Decimal | null;
  cap?: boolean | null;
  /** price only */
  ceiling?: Decimal | null;
  /** Also what a rate above its schedule line's `max` does. */
  aboveCeiling?: "disqualify" | "zero" | null;
  /** price only: the lines bids price; rates × quantities make the evaluated price (spec §11). */
  schedule?: PriceLine[] | null;
  /** price only: whole-life cost of the `perYear` lines (spec §11). */
  lifeCycle?: LifeCycle | null;
  /** scored */
  scale?: string | null;
  threshold?: Decimal | null;
  /** scored: a share of the best qualified score, such as "80%". */
  thresholdRelative?: string | null;
  /** numeric */
  unit?: Text | null;
  direction?: "higher" | "lower" | null;
  /** numeric: the stated value's limits; outside them the bid is disqualified. */
  minimum?: Decimal | null;
  maximum?: Decimal | null;
  /** measures */
  measures?: string[] | null;
  svScoring?: "relative-to-highest" | "relative-to-highest-percent" | "target" | null;
  target?: Decimal | null;
}

export interface Bid {
  id: string;
  supplier?: string | null;
  /** The one price, where the price criterion has no schedule. */
  price?: Decimal | null;
  /** Schedule line id → rate (zero or more), where the price criterion has a schedule. */
  prices?: Record<string, Decimal> | null;
  /** Gate id → passed. */
  gates?: Record<string, boolean> | null;
  /** Scored criterion id → marks; a bare score is the moderated score. */
  scores?: Record<string, Marking | Decimal> | null;
  /** Numeric criterion id → stated value. */
  values?: Record<string, Decimal> | null;
  /** Measure id → committed quantity. */
  commitments?: Record<string, Decimal> | null;
  note?: string | null;
  /** A "what if" bid made up by a supplier. */
  hypothetical?: boolean | null;
  /** The id of the lot the bid is for: required when the tender has lots, refused when not. */
  lot?: string | null;
}

/** A line of a price schedule (spec §11). */
export interface PriceLine {
  id: string;
  name: Text;
  /** The buyer's estimated quantity, more than zero; 1 when absent. */
  quantity?: Decimal | null;
  unit?: Text | null;
  /** Money the supplier pays the buyer: subtracted from the evaluated price. */
  income?: boolean | null;
  /** The highest rate accepted. */
  max?: Decimal | null;
  /** Priced but not evaluated. */
  optional?: boolean | null;
  /** Paid in each year of `lifeCycle`, counted at its present value. */
  perYear?: boolean | null;
}

/** Whole-life cost (spec §11): yearly lines discounted at 1 ÷ (1 + discountRate)^year. */
export interface LifeCycle {
  /** A whole number from 1 to 100. */
  years: Decimal;
  /** A yearly fraction from 0 up to 1, e.g. "0.035" (HM Treasury Green Book). */
  discountRate: Decimal;
}

export interface Marking {
  /** Evaluator name → score. */
  evaluators?: Record<string, Decimal> | null;
  moderated?: Decimal | null;
  rationale?: string | null;
}

/** The result of `evaluate`, format `bidscore-result/1`. Amounts are decimal strings. */
export interface EvaluationResult {
  format: "bidscore-result/1";
  maxTotal: string;
  method: string;
  currency: string;
  decimals: number;
  roundingStage: "criterion" | "total" | "none";
  /** Every bid, in file order. */
  bids: BidResult[];
  /** Ids of the ranked bids, best first; with lots, each lot's ranking in turn. */
  ranking: string[];
  warnings: Warning[];
  /** Each lot's ranking and winner, in file order; only when the tender has lots. */
  lots?: LotResult[];
}

export interface LotResult {
  id: string;
  name: string;
  /** Ids of the lot's ranked bids, best first. */
  ranking: string[];
  /** The bid ranked first alone; `null` when none is ranked or rank 1 is shared. */
  winner: string | null;
}

export interface BidResult {
  id: string;
  supplier: string;
  /** The lot the bid is for; only when the tender has lots. */
  lot?: string;
  hypothetical: boolean;
  status: "ranked" | "disqualified" | "incomplete";
  /** 1 = best (within its lot); shared on a tie. `null` unless ranked. */
  rank: number | null;
  total: string;
  /** The price to the penny: under a schedule, the evaluated price. */
  price: string | null;
  /** Under a schedule: every product and the sum, e.g. "1,200 × £30.00 + £2,500.00 = £38,500.00". */
  priceWorking?: string;
  criteria: CriterionResult[];
  groups: GroupResult[];
  gates: GateResult[];
  socialValue: SocialValue | null;
  /** The award value under methods other than the weighted sum (price per quality point,
   * quality-price ratio or fictitious price), as displayed; `null` under the weighted sum. */
  value: string | null;
  valueWorking: string | null;
  valueExplain: Explain | null;
  /** In the band of the extended quality-price ratio method. */
  inBand: boolean;
  /** Why the bid is disqualified. */
  reasons: Message[];
  /** What is still needed before it can be ranked. */
  missing: Message[];
}

export interface CriterionResult {
  id: string;
  name: string;
  kind: CriterionKind;
  /** `null` when the input is missing. */
  score: string | null;
  max: string;
  fraction: string | null;
  input: string | null;
  inputFrom: "moderated" | "evaluator" | "mean" | "median" | null;
  /** The formula with this bid's numbers, e.g. "40 × £980,000.00 ÷ £1,080,000.00 = 36.30". */
  working: string;
  explain: Explain;
}

export interface Explain {
  code: string;
  params: Record<string, string>;
}

export interface GroupResult {
  id: string;
  name: string;
  category: string | null;
  score: string;
  max: string;
}

export interface GateResult {
  id: string;
  name: string;
  /** `null` when not yet recorded. */
  passed: boolean | null;
}

export interface SocialValue {
  money: string;
  percentOfPrice: string | null;
  items: SocialValueItem[];
}

export interface SocialValueItem {
  measure: string;
  quantity: string;
  proxy: string;
  money: string;
  working: string;
}

/** A message with a stable code and named parameters, for rendering in another language. */
export interface Message {
  code: string;
  params: Record<string, string>;
  message: string;
}

export interface Warning {
  code: string;
  /** The bids it concerns, sorted; empty for the model as a whole. */
  bids: string[];
  message: string;
  /** With lots, a warning about bids also has `lot`, the id of their lot. */
  params: Record<string, string>;
}

/** What `analyse` returns, format `bidscore-analysis/1`. Never changes the official result. */
export interface Analysis {
  format: "bidscore-analysis/1";
  winner: string | null;
  priceToWin: PriceToWin[];
  whatItTakes: WhatItTakes[];
  weightStability: WeightInterval[];
  rankAcceptability: Acceptability | null;
  /** Each lot's analysis, in file order; only when the tender has lots (the fields above are
   * then empty: every figure is within a lot). */
  lots?: LotAnalysis[];
}

/** One lot analysed as a tender holding only its own bids. */
export interface LotAnalysis {
  id: string;
  name: string;
  /** The lot's official ranking, best first. */
  ranking: string[];
  analysis: Analysis;
}

export interface PriceToWin {
  bid: string;
  supplier: string;
  price: string;
  outcome: "headroom" | "undercut" | "any-price" | "cannot-win";
  /** The highest price, to the penny, at which the bid ranks first alone. */
  priceToWin: string | null;
  change: string | null;
  /** Under a schedule: the change of every rate, in percent, that reaches `priceToWin`. */
  rateChange?: string;
  limit: string;
  message: string;
  params: Record<string, string>;
}

export interface WhatItTakes {
  bid: string;
  supplier: string;
  options: Improvement[];
}

export interface Improvement {
  kind: "score" | "commitment";
  code: "score-to-win" | "score-cannot-win" | "commitment-to-win" | "commitment-cannot-win";
  params: Record<string, string>;
  criterion: string;
  measure: string | null;
  /** The current value, exact. */
  from: string;
  /** The current value as displayed, e.g. "≈2.67". */
  fromDisplay: string;
  /** The smallest value that ranks the bid first on its own; `null` if none would. */
  to: string | null;
  message: string;
}

export interface WeightInterval {
  id: string;
  name: string;
  kind: "group" | "criterion";
  /** Percent of the marks now. */
  share: string;
  /** The winner stays the same for shares strictly between these (percent). */
  low: string;
  high: string;
  rivalBelow: string | null;
  rivalAbove: string | null;
}

export interface Acceptability {
  samples: number;
  seed: number;
  weights: "simplex" | "tolerance" | "ranking";
  /** Criterion ids, in the order of every `centralWeights`. */
  criteria: string[];
  bids: BidAcceptability[];
}

export interface BidAcceptability {
  bid: string;
  supplier: string;
  /** Share of samples (0 to 1) at rank 1, 2, ... */
  ranks: number[];
  centralWeights: number[] | null;
  confidence: number | null;
}

/** Options of `analyse` and `RankAcceptability`. */
export interface AnalysisOptions {
  /** Rank acceptability samples; 0 skips it. 10,000 when absent. */
  samples?: number | null;
  seed?: number | null;
  /** "simplex" (any weights), "ranking" (keeping the published order) or "tolerance". */
  weights?: "simplex" | "ranking" | "tolerance" | null;
  /** With weights "tolerance": each weight moves by up to this fraction of itself (0.2 = 20%). */
  tolerance?: number | null;
  /** Draw scored criteria from the individual evaluators' scores (default true). */
  scoreUncertainty?: boolean | null;
  /** `RankAcceptability` of a tender divided into lots: the id of the lot to sample (required
   * there; `analyse` samples every lot). */
  lot?: string | null;
  /** `analyse`: whose "what it takes" to search for: a bid's id (that bid's alone), `false` (none:
   * `whatItTakes` is empty), or every ranked bid but the winner's when absent. */
  whatItTakes?: string | boolean | null;
}

/** What `describe` returns: the evaluation model as suppliers read it, format `bidscore-model/1`. */
export interface PublishedModel {
  format: "bidscore-model/1";
  title: string | null;
  buyer: string | null;
  reference: string | null;
  currency: string;
  method: string;
  methodDescription: string;
  /** The method's settings: scale, band and bandDecider for the quality-price ratio. */
  methodParams: Record<string, string>;
  /** Under methods other than the weighted sum: three made-up bids worked through the method. */
  methodExample: MethodExample[];
  maxTotal: string;
  criteria: ModelNode[];
  gates: GateSummary[];
  thresholds: ThresholdSummary[];
  /** Group thresholds, relative thresholds and limits on stated values, in the order of the
   * criteria tree: codes "group-threshold", "relative-threshold", "limit-minimum", "limit-maximum". */
  thresholdRules: Message[];
  scales: ScaleSummary[];
  measures: MeasureSummary[];
  price: PriceSummary | null;
  tieBreak: string[];
  /** The tie-break rules as codes ("price", "score" with id and name, "draw" with seed), for translation. */
  tieBreakRules: Message[];
  rounding: string;
  roundingDecimals: number;
  roundingStage: "criterion" | "total" | "none";
  warnings: Warning[];
  /** How abnormally low prices are treated: code "abnormally-low", params percent and, with the proximity test, proximityPercent, proximityMin, proximityMax. */
  abnormallyLow: Message;
  /** The lots the tender is divided into, each evaluated on its own with this model; only when
   * the tender has lots. */
  lots?: LotSummary[];
}

export interface LotSummary {
  id: string;
  name: string;
  description: string | null;
}

export interface ModelNode {
  id: string;
  name: string;
  kind: "group" | CriterionKind;
  category: string | null;
  marks: string;
  /** Share of the total marks, percent. */
  sharePercent: string;
  description: string | null;
  scale: string | null;
  children: ModelNode[];
}

export interface GateSummary {
  id: string;
  name: string;
  description: string | null;
}

export interface ThresholdSummary {
  criterion: string;
  name: string;
  threshold: string;
  scale: string;
}

export interface ScaleSummary {
  name: string;
  top: string;
  points: PointSummary[];
  /** from, to, step of a range scale. */
  range: string[] | null;
}

export interface PointSummary {
  value: string;
  label: string | null;
  descriptor: string | null;
}

export interface MeasureSummary {
  id: string;
  name: string;
  unit: string;
  proxy: string;
  source: string | null;
  licence: string | null;
}

export interface PriceSummary {
  criterion: string;
  name: string;
  marks: string;
  scored: boolean;
  formula: string;
  words: string;
  equation: string;
  equationCode: string;
  params: Record<string, string>;
  relative: boolean;
  ceiling: string | null;
  aboveCeiling: "disqualify" | "zero" | null;
  example: ExampleBid[];
  /** The price schedule and how the evaluated price is formed; absent without one. */
  schedule?: ScheduleSummary;
}

export interface ScheduleSummary {
  /** How the evaluated price is formed, in English; the same follows from the other fields. */
  words: string;
  lines: LineSummary[];
  lifeCycle: LifeCycleSummary | null;
  aboveMax: "disqualify" | "zero";
}

export interface LineSummary {
  id: string;
  name: string;
  quantity: string;
  unit: string | null;
  income: boolean;
  max: string | null;
  optional: boolean;
  perYear: boolean;
}

export interface LifeCycleSummary {
  years: number;
  discountRate: string;
  /** The present value factor of each year, to 6 decimals. */
  factors: string[];
  factorSum: string;
}

export interface MethodExample {
  price: string;
  quality: string;
  value: string;
  working: string;  /** The working's code and parameters, for rendering it in another language. */
  explain: Explain;
}

export interface ExampleBid {
  price: string;
  score: string;
  working: string;  /** The working's code and parameters, for rendering it in another language. */
  explain: Explain;
}

/** An assessment summary (Procurement Act 2023 s.50) for one supplier. */
export interface Debrief {
  bid: string;
  supplier: string;
  title: string | null;
  buyer: string | null;
  reference: string | null;
  /** The bid's lot, its id and name; only when the tender has lots (the summary is then within
   * the lot: rank, ranked bids and the most advantageous tender are the lot's). */
  lot?: string;
  lotName?: string;
  method: string;
  methodDescription: string;
  status: "ranked" | "disqualified" | "incomplete";
  rank: number | null;
  rankedBids: number;
  total: string;
  maxTotal: string;
  value: string | null;
  /** The bid's price; under methods other than the weighted sum it is not among the criteria. */
  price: string | null;
  /** How `value` was worked out, e.g. "£900,000.00 − £170,000.00 quality discount = £730,000.00 fictitious price". */
  valueWorking: string | null;
  winner: WinnerSummary | null;
  criteria: CriterionSummary[];
  groups: GroupSummary[];
  reasons: string[];
  missingRationales: string[];
  /** The whole summary as plain text. */
  text: string;
}

export interface WinnerSummary {
  bid: string;
  supplier: string;
  total: string;
  value: string | null;
  price: string | null;
  valueWorking: string | null;
}

export interface CriterionSummary {
  id: string;
  name: string;
  group: string | null;
  max: string;
  weightPercent: string;
  assessed: string;
  score: string | null;
  working: string;
  explanation: string;
  winnerScore: string | null;
  winnerExplanation: string | null;
}

export interface GroupSummary {
  id: string;
  name: string;
  score: string;
  max: string;
  winnerScore: string | null;
  /** What sub-total disqualifies, in words; `null` when nothing does. */
  threshold: string | null;
}

/** One problem in a tender file. */
export interface ErrorDetail {
  /** Stable code, e.g. "unknown-field". */
  code: string;
  /** Where, e.g. "bids[2].price"; empty for the whole file. */
  path: string;
  /** What to change, in English. */
  message: string;
  /**
   * The named values in the message. A param in English prose comes with its code, to word it in
   * another language: `expected` with `expectedCode` ("text", "object", "list", "boolean",
   * "number", "percent", "currency", "country", ...), `reason` with `reasonCode`, and the
   * json-syntax `detail` with `syntax` (a number), `line` and `column` (docs/errors.md).
   */
  params: Record<string, string>;
}

/** What `validate` returns: every error, or the warnings when there is none. */
export interface Validation {
  errors: ErrorDetail[];
  warnings: Warning[];
}

/** Thrown by `evaluate`: a real `Error` whose `code` and `path` are those of the first error. */
export interface BidScoreError extends Error {
  name: "BidScoreError";
  code: string;
  path: string;
  errors: ErrorDetail[];
}

/**
 * Evaluates a tender (a `TenderFile` object or its JSON text) and returns the result.
 *
 * @throws {BidScoreError} when the tender is invalid, with every error in `errors`.
 */
export function evaluate(tender: TenderFile | string): EvaluationResult;
