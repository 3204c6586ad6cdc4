// Every piece of text the widget shows, per locale (en-GB now; another locale is another catalogue
// with the same keys). Engine messages are rendered from their `code` and `params` when a template
// exists here, and fall back to the engine's own English `message` otherwise.
//
// Templates use {name} placeholders. A placeholder whose value is an amount of money is formatted
// by the caller (see `text` below); the catalogue never does arithmetic.

const EN_GB = {
  ui: {
    loading: 'Loading the scoring engine…',
    engineFailed: 'The scoring engine could not be loaded, so scores cannot be shown.',
    noTender: 'No tender to show. Add the tender file inside the element, set its tender property, or give a src.',
    modes: { publish: 'Evaluation model', 'self-assess': 'Check your bid', evaluate: 'Evaluate bids' },
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    errorsKeepResults: 'The results below are from the last time everything was valid.',
    marks: 'Marks',
    marksOutOf: '{marks} out of {total}',
    criterion: 'Criterion',
    share: 'Share of the total',
    totalLabel: 'Total',
    score: 'Score',
    working: 'How it was worked out',
    rank: 'Rank',
    supplier: 'Supplier',
    status: 'Status',
    price: 'Price',
    priceOffered: 'Price offered',
    socialValueMoney: 'Social value in money',
    outOf: '{name} (out of {max})',
    total: 'Total score',
    statuses: { ranked: 'Ranked', disqualified: 'Disqualified', incomplete: 'Not complete' },
    whatIf: 'what if',
    reference: 'Reference {reference}',
    buyer: 'Buyer: {buyer}',
    // publish
    modelHeading: 'How bids will be scored',
    criteriaCaption: 'Criteria and marks (total {total})',
    group: 'Group',
    question: 'Question',
    scalesHeading: 'Scoring scales',
    scaleCaption: 'Scale “{scale}”',
    scaleValue: 'Score',
    scaleLabel: 'Meaning',
    scaleDescriptor: 'Descriptor',
    priceHeading: 'How price is scored',
    priceWords: 'In words',
    priceEquation: 'As an equation',
    priceExample: 'Worked example with made-up prices',
    priceExampleCaption: 'Made-up prices scored on {marks} marks',
    priceExampleNote: 'These prices are invented to show the formula; they are not bids.',
    exampleBid: 'Example bid {n}',
    disqualifyHeading: 'These disqualify a bid',
    gateItem: 'Failing the pass/fail question: {name}',
    thresholdItem: 'Scoring below {threshold} on “{name}”',
    ceilingItem: 'A price above {ceiling}',
    ceilingZero: 'A price above {ceiling} scores 0 for price but is not disqualified.',
    nothingDisqualifies: 'Nothing disqualifies a bid in this model.',
    measuresHeading: 'Social value measures',
    measuresCaption: 'Social value measures and the value given to each unit',
    measure: 'Measure',
    unit: 'Unit',
    proxy: 'Value per unit',
    source: 'Source',
    notStated: 'Not stated',
    rulesHeading: 'Ties and rounding',
    tieBreakIntro: 'If bids have the same total, these decide the order, in turn:',
    tieBreak: {
      price: 'the lower price ranks higher',
      group: 'the higher score for “{name}” ranks higher',
      criterion: 'the higher score for “{name}” ranks higher',
    },
    noTieBreak: 'Bids with the same total share the rank.',
    rounding: {
      criterion:
        'Each criterion score is rounded to {decimals} decimal places (halves round away from zero) before scores are added up.',
      total:
        'Scores are added up exactly and only the total is rounded to {decimals} decimal places (halves round away from zero).',
    },
    buyerWarningsHeading: 'Notes on this model',
    // forms
    yourBidHeading: 'Your bid',
    yourOrganisation: 'Your organisation',
    supplierName: 'Supplier name',
    priceLabel: 'Price ({currency})',
    priceHint: 'Total price, in {currency}, without commas if you can.',
    gatesLegend: 'Pass/fail questions',
    gatePassed: 'Passed',
    gateFailed: 'Failed',
    gateUnknown: 'Not answered yet',
    expectedScore: 'The score you expect',
    notScoredYet: 'Not chosen yet',
    commitmentsLegend: 'Social value commitments',
    commitmentLabel: '{name} ({unit})',
    commitmentHint: 'Each {unit} is valued at {proxy}.',
    valueLabel: '{name} ({unit})',
    svSummary: 'Social value: {money}, which is {percent}% of your price.',
    svSummaryNoPrice: 'Social value: {money}. Enter your price to see it as a share of the price.',
    svPending: 'Social value appears here once your entries are valid.',
    whatIfHeading: '“What if” competitor bids',
    whatIfIntro: 'Add made-up rival bids to see how you might rank. They stay in this browser.',
    addWhatIf: 'Add a “what if” bid',
    whatIfName: 'What if bid {n}',
    remove: 'Remove {name}',
    yourResultHeading: 'Your result',
    yourTotal: 'Your total: {total} out of {max}',
    yourRank: 'You would rank {rank} of {count}.',
    privacy: 'Nothing you enter leaves this browser.',
    // evaluate
    bidsHeading: 'Bids',
    addBid: 'Add a bid',
    newBid: 'New bid {n}',
    bidEditor: 'Edit {name}',
    evaluatorScore: '{evaluator}',
    moderated: 'Moderated score',
    rationale: 'Rationale',
    evaluatorsHeading: 'Evaluators',
    evaluatorsCaption: 'Scores for “{name}”',
    evaluator: 'Evaluator',
    addEvaluator: 'Add an evaluator',
    evaluatorName: 'Evaluator {n}',
    scoreHint: 'A point on the scale “{scale}”: {points}.',
    hypotheticalBid: 'This is a “what if” bid',
    rankingHeading: 'Ranking',
    rankingCaption: 'Bids ranked by total score, out of {max}',
    breakdownHeading: 'Breakdown',
    breakdownFor: 'Show the breakdown for',
    breakdownCaption: 'How {supplier}’s score was worked out',
    groupsCaption: 'Scores by group for {supplier}',
    socialValueCaption: 'Social value committed by {supplier}',
    quantity: 'Quantity',
    value: 'Value',
    gatesCaption: 'Pass/fail questions for {supplier}',
    result: 'Result',
    reasonsHeading: 'Why it is disqualified',
    missingHeading: 'What is still missing',
    nothingMissing: 'Every bid is complete.',
    missingFor: '{supplier}:',
    warningsHeading: 'Warnings',
    noWarnings: 'No warnings.',
    warningGroup: '{title} ({count})',
    chartHeading: 'Scores by group',
    chartTitle: 'Stacked bar chart of each bid’s score by group; the ranking table has the same figures',
    notScored: 'not scored',
    // tools
    toolsHeading: 'Save, load and export',
    exportJson: 'Download the tender file',
    importJson: 'Open a tender file',
    importDrop: 'or drop a tender file here',
    exportCsv: 'Download the results (CSV)',
    print: 'Print the report',
    startAgain: 'Start again',
    startAgainConfirm: 'This removes everything you have entered in this browser for this tender. Start again?',
    startAgainYes: 'Yes, start again',
    cancel: 'Cancel',
    saved: 'Saved in this browser at {time}.',
    restored: 'Your work from {time} was restored from this browser.',
    corruptSaved:
      'Your saved work in this browser could not be read, so it was set aside and the tender was loaded fresh. The unreadable copy is kept under “{key}”.',
    storageUnavailable: 'This browser is not letting the page save your work, so it will be lost when you leave.',
    importFailed: 'The file “{file}” could not be opened, so your current work was kept:',
    importNotJson: 'it is not a JSON file',
    imported: 'Opened “{file}”.',
    printedOn: 'Printed on {date}',
    totalsAnnounce: '{supplier}: {total} out of {max}',
    rankingAnnounce: 'Ranking updated. First: {supplier} with {total}.',
  },

  // Engine error codes: templates over the error's params.
  errors: {
    'invalid-number': '“{found}” is not a number; write digits such as 1250000.50',
    'not-positive': '{found} must be more than zero',
    negative: '{found} is negative; use zero or more',
    'score-off-scale': '{score} is not a point on the scale “{scale}”; use one of its values',
    'missing-field': 'Add the required field “{field}”',
    'number-out-of-range': '{found} is too large or too precise',
  },

  // Titles for groups of warnings of one kind.
  warningTitles: {
    'evaluator-spread': 'Evaluators disagree',
    'abnormally-low': 'Abnormally low prices',
    'rank-reversal': 'Rank reversals',
    tie: 'Ties',
    incomplete: 'Bids not yet complete',
    'relative-price-formula': 'Price formula depends on other bids',
    'social-value-weight-low': 'Social value weighting',
    'weights-not-100': 'Marks do not add up to 100',
  },

  // Engine warning codes.
  warnings: {
    'social-value-weight-low': null,
    'weights-not-100': 'The marks add up to {total}, not 100; shares of the total are still shown correctly',
  },

  // Why a bid is disqualified / what is missing (bids[].reasons / bids[].missing).
  reasons: {
    'failed-gate': 'did not pass “{name}”',
    'missing-gate': 'record whether the bid passes “{name}”',
    'missing-score': 'score “{name}”',
    'missing-price': null,
    'missing-value': 'enter the bid’s value for “{name}”',
  },

  // Price formulas in words and as an equation (published model).
  formulas: {
    'lowest-ratio': {
      words:
        'The lowest price gets full marks. Every other price gets marks in proportion: the lowest price divided by your price, times the marks. Your score depends on the other bids.',
      equation: 'score = marks × lowest price ÷ your price',
    },
    'linear-min-max': {
      words:
        'The lowest price gets full marks and the highest gets none; prices in between score in a straight line. Your score depends on the other bids.',
      equation: 'score = marks × (highest price − your price) ÷ (highest price − lowest price)',
    },
    'deviation-from-lowest': {
      words:
        'The lowest price gets full marks; marks fall in a straight line to none at {zeroAt} times the lowest price. Your score depends on the other bids.',
      equation: 'score = marks × (1 − (your price − lowest price) ÷ ((zeroAt − 1) × lowest price)), zeroAt = {zeroAt}',
    },
    'set-bounds': {
      words:
        'A price of {best} or less gets full marks and {worst} or more gets none; prices in between score in a straight line. Other bids do not matter.',
      equation: 'score = marks × (worst − your price) ÷ (worst − best)',
    },
    'reference-ratio': {
      words:
        'A reference price of {reference} gets full marks; other prices get marks in proportion: the reference divided by your price, times the marks. Other bids do not matter.',
      equation: 'score = marks × reference price ÷ your price',
    },
  },
};

// ---- Analysis (analysis-panel.js): what if, price to win, what it takes, weight stability and
// rank acceptability. Never the official result, and every figure is the engine's.
EN_GB.analysis = {
  notOfficial: 'Not the official result',
  notOfficialText: 'These figures explore the evaluation model. Nothing here changes the scores or the ranking above.',
  working: 'Working this out…',
  failed: 'This could not be worked out: {message}',
  percent: '{n}%',
  between: '{low} to {high}',
  nobody: 'no other bid',
  methods: {
    'weighted-sum': 'weighted sum',
    'price-per-quality-point': 'price per quality point',
    'quality-price-ratio': 'quality–price ratio',
    'fictitious-discount': 'fictitious discount',
  },
  onlyWeightedSum:
    'How far each weight can move, and rank acceptability, are worked out for the weighted sum award method only; this tender uses the {method} method.',

  // evaluate: the panel
  heading: 'What if, and how robust',
  // what if the marks were different
  whatIfHeading: 'What if the marks were different',
  whatIfIntro:
    'Change the marks to see how the bids would rank. Changing a group shares its marks among its criteria in proportion; the engine checks every change.',
  marksLegend: 'Marks to try',
  marksFor: 'Marks for “{name}”',
  sliderFor: 'Marks for “{name}”, slider',
  published: 'Published: {marks}',
  resetMarks: 'Go back to the published marks',
  whatIfCaption: 'How the bids would rank with these marks (total {max}): not the official result',
  whatIfRank: 'Rank with these marks',
  whatIfTotal: 'Total with these marks',
  officialRank: 'Official rank',
  whatIfLeader: 'With these marks, {supplier} would rank first with {total} out of {max}.',
  whatIfSame: 'The official result has the same bid first.',
  whatIfOther: 'In the official result, {supplier} ranks first.',
  whatIfNone: 'With these marks, no bid would be ranked.',
  whatIfPublished: 'These are the published marks, so the ranking is the official one.',
  whatIfInvalid:
    'These marks cannot be used: see the message next to the marks. The table shows the last marks that could.',

  // price to win
  priceToWinHeading: 'Price to win',
  priceToWinIntro:
    'The highest price at which each bid would rank first, everything else staying as it is (price scores that depend on the other bids are worked out again).',
  priceToWinCaption: 'Price to win for each ranked bid',
  priceNow: 'Price now',
  priceToWin: 'Price to win',
  priceDifference: 'Difference',
  priceChartNow: 'Price now',
  priceChartWin: 'Price to win',
  noPriceToWin: 'There is no price criterion, or no ranked bid, so there is no price to win.',
  outcomes: {
    headroom: '{supplier} ranks first and would still rank first at any price up to {priceToWin} ({difference} more)',
    undercut: '{supplier} would rank first at a price of {priceToWin} or less ({difference} lower)',
    'any-price': '{supplier} ranks first at any price up to {limit}',
    'cannot-win': '{supplier} cannot rank first on price alone: even at 1p the others stay ahead',
  },
  anyPrice: 'any price up to {limit}',
  cannotWin: 'cannot win on price',

  // weight stability
  stabilityHeading: 'How far each weight can move',
  stabilityIntro:
    'For each group and criterion, the share of the marks within which {winner} still ranks first, with the other marks scaled up or down in proportion.',
  stabilityCaption: 'Shares of the marks within which the winner stays the same',
  groupOrCriterion: 'Group or criterion',
  shareNow: 'Share now',
  winnerStays: 'Winner stays between',
  rivalBelow: 'Below {low}, {supplier} would rank first.',
  rivalAbove: 'Above {high}, {supplier} would rank first.',
  noRival: 'The winner stays the same at any share.',
  stabilityChartBand: 'Winner stays the same',
  stabilityChartNow: 'Share now',
  noStability: 'With fewer than two ranked bids, every weight keeps the same winner.',

  // rank acceptability
  smaaHeading: 'Rank acceptability',
  smaaIntro:
    'How often each bid takes each rank when the weights are drawn at random many times, and each score from the evaluators’ individual scores if you choose. The draws are seeded, so the same settings always give the same figures.',
  weightsLegend: 'Which weights to try',
  weights: {
    simplex: 'Any weights at all',
    ranking: 'Any weights that keep the published order of importance',
    tolerance: 'The published weights, each moved up or down by up to a set amount',
  },
  toleranceLabel: 'How far each weight may move, as a percentage of itself',
  toleranceError: 'Enter a percentage from 0 to 100',
  samplesLabel: 'Number of samples',
  samplesHint: '10,000 samples give a margin of about 1 percentage point either way.',
  samplesError: 'Enter a whole number of samples from 1 to 1,000,000',
  uncertaintyLabel: 'Draw each score from the evaluators’ individual scores',
  run: 'Work out rank acceptability',
  runAgain: 'Work it out again',
  cancel: 'Cancel',
  progressLabel: 'Samples drawn',
  progress: '{done} of {total} samples',
  progressAnnounce: 'Rank acceptability: {percent}% done',
  finished: 'Rank acceptability worked out from {samples} samples.',
  cancelled: 'Cancelled: no figures were kept.',
  stale: 'The bids have changed since these figures were worked out: work them out again to include the changes.',
  smaaCaption: 'Share of {samples} samples in which each bid takes each rank ({weights}; seed {seed})',
  rankN: 'Rank {n}',
  centralSummary: 'Central weights and confidence factors',
  centralIntro:
    'A bid’s central weights are the average weights of the samples in which it ranks first. Its confidence factor is how often it ranks first with those weights when the scores are drawn from the evaluators’ individual scores.',
  centralCaption: 'Central weights and confidence factor of each bid',
  confidence: 'Confidence factor',
  neverFirst: 'never first',
  mainThread: 'Background workers are not available on this page, so the work is done here a little at a time.',

  // self-assess
  yourHeading: 'How you could rank first',
  yourPriceHeading: 'Price to win against these competitors',
  yourNotRanked: 'This appears once your bid is complete and qualifies.',
  yourNoRivals: 'Add a “what if” competitor bid above to see the price and scores that would beat it.',
  yourOutcomes: {
    headroom:
      'You rank first, and would still rank first at any price up to {priceToWin} ({difference} more than your price).',
    undercut: 'You would rank first at a price of {priceToWin} or less ({difference} lower than your price).',
    'any-price': 'You rank first at any price up to {limit}.',
    'cannot-win': 'You cannot rank first on price alone: even at 1p the others stay ahead.',
  },
  yourPriceCaption: 'Your price and the price to win',
  yourPrice: 'Your price',
  whatItTakesHeading: 'What it takes',
  whatItTakesLeader: 'You already rank first against these competitors.',
  whatItTakesIntro: 'Each line is one change on its own, everything else staying as it is.',
  whatItTakesCaption: 'What would rank you first, one change at a time',
  change: 'Change',
  youNow: 'You now',
  needed: 'Needed to rank first',
  notEnough: 'not enough on its own',
  scoreOn: 'Score for “{name}”',
  commitmentTo: '“{name}” ({unit})',
  takes: {
    score: 'A score of {to} for “{name}” (now {from}) would rank you first.',
    scoreNone: 'Even full marks for “{name}” would not, on their own, rank you first.',
    commitment: 'Committing {to} {unit} of “{name}” (now {from}) would rank you first.',
    commitmentNone: 'More “{name}” alone would not rank you first.',
  },

  // publish
  checkHeading: 'Check the model',
  checkIntro:
    'Among the {count} example bids in this file, {winner} ranks first. This shows how far each weight can move before another of them would.',
};

const CATALOGUES = { 'en-GB': EN_GB };

/** The catalogue for a locale, falling back to en-GB. */
export function catalogue(locale) {
  return CATALOGUES[locale] ?? CATALOGUES[String(locale).split('-')[0]] ?? EN_GB;
}

/** Fills {placeholders} from params; unknown placeholders are left as written. */
export function fill(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) =>
    params[key] === undefined || params[key] === null ? whole : String(params[key]),
  );
}

/** Sentence case for an engine message (they are lowercase by design). */
export function sentence(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * Text for an engine message `{code, params, message}` from one of the catalogue's tables
 * ('errors', 'warnings', 'reasons'), or the engine's English when the catalogue has none.
 */
export function engineText(cat, table, item) {
  const template = cat[table]?.[item.code];
  return sentence(template ? fill(template, item.params ?? {}) : (item.message ?? item.code));
}
