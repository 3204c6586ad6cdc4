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
    svSummary: 'Social value: {money}, which is {percent}% of the bid\'s price.',
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

// ---- Single-file build: standalone copies (www/src/standalone.js) ----
Object.assign(EN_GB.ui, {
  standalone: 'Download standalone copy',
  standaloneTitle: '{title} – standalone copy',
  standaloneHeading: '{title}: standalone copy',
  standaloneIntro:
    'Saved on {date}. This one file holds the tender, its bids and scores, and the scoring engine: open it in a web browser, with or without the internet. Nothing you enter is sent anywhere; changes are saved in this browser.',
  standaloneFallback: 'Ranking when this copy was saved, {date}',
});

// Award methods, assessment summaries and the award criteria as open data.
Object.assign(EN_GB.ui, {
  shareOfTotal: '{share}%',
  notMarked: 'Not marked',
  exportOcds: 'Export award criteria (open data)',
  summariesHeading: 'Assessment summaries',
  summariesIntro:
    'Every supplier whose tender was assessed must be given an assessment summary (Procurement Act 2023, section 50): the award criteria, the scores its tender got with the evaluators’ reasons, and the same for the most advantageous tender.',
  summariesPending: 'The summaries appear here once the bids have been evaluated.',
  summariesNone: 'No bids have been assessed yet.',
  summaryHtml: 'Download summary (HTML)',
  summaryText: 'Download summary (text)',
  summaryFor: ' for {supplier}',
  summaryRanked: 'Ranked {rank} of {count}',
  summaryWinner: 'Most advantageous tender',
  missingRationalesTitle: { one: 'No reason is recorded for {count} score', other: 'No reason is recorded for {count} scores' },
  missingRationalesText:
    'Add the evaluators’ reasons before sending the summaries: a score without a recorded reason is a common ground for challenge.',
  missingRationalesFor: '{supplier}:',
  missingRationaleLink: 'Reason for “{name}”',
  allRationales: 'Every score has a recorded reason.',
});

EN_GB.award = {
  defaultScale: '1000000',
  yes: 'Yes',
  no: 'No',
  inBand: 'In the band',
  inBandYes: 'In the band: its ratio is close enough to the best for the band’s rule to decide.',
  inBandNo: 'Not in the band.',
  bandCaption: 'Bids in the band are decided by the {decider}.',
  bandWords:
    'Every bid whose ratio is no more than {percent} below the best ratio is in the band, and among those the bid with the {decider} wins.',
  deciders: { quality: 'most quality points', price: 'lowest price' },
  methodHeading: 'How the winner is chosen',
  methodEquation: 'As an equation',
  methodExample: 'Worked example with made-up bids',
  methodExampleNote: 'These bids are invented to show the method; they are not real bids.',
  methodExampleCaption: 'Three made-up bids worked through the method',
  criterionWorth: '{name} (worth {value})',
  noQualityPoints: 'Earning no quality points at all',
  methods: {
    'weighted-sum': { name: 'Highest total score', words: 'The bid with the highest total score wins.' },
    'price-per-quality-point': {
      name: 'Price per quality point',
      words:
        'Price is not given marks. Quality is scored out of {max} points, then each bid’s price is divided by its quality points: the bid paying least for each quality point wins (the price per quality point method of the UK Cabinet Office’s guidance). A bid earning no quality points cannot win.',
      equation: 'price per quality point = price ÷ quality points (lowest wins)',
      value: 'Price per quality point',
      total: 'Quality points',
      caption: 'Bids ranked by price per quality point, lowest first (quality points out of {max}).',
      valueWith: '{value} per quality point',
      yourTotal: 'Your quality points: {total} out of {max}',
      yourValue: 'Your price per quality point: {value}',
    },
    'quality-price-ratio': {
      name: 'Quality–price ratio',
      words:
        'Price is not given marks. Quality is scored out of {max} points, then each bid’s quality points are divided by its price and multiplied by {scale}: the bid with the highest ratio wins.',
      equation: 'ratio = quality points ÷ price × scale (highest wins)',
      value: 'Quality–price ratio',
      total: 'Quality points',
      caption: 'Bids ranked by quality–price ratio, highest first (quality points out of {max}).',
      valueWith: 'a ratio of {value}',
      yourTotal: 'Your quality points: {total} out of {max}',
      yourValue: 'Your quality–price ratio: {value}',
    },
    'fictitious-discount': {
      name: 'Fictitious price',
      words:
        'Price is not given marks. Each quality criterion is worth an amount of money, {max} in all, and a bid earns a share of it in line with its score. What it earns is taken off its price as a discount, giving a fictitious price: the lowest fictitious price wins. The discount only decides the award; the contract price is the price offered.',
      equation: 'fictitious price = price − quality discount (lowest wins)',
      value: 'Fictitious price',
      total: 'Quality discount',
      caption: 'Bids ranked by fictitious price, lowest first (quality discount out of {max}).',
      valueWith: 'a fictitious price of {value}',
      yourTotal: 'Your quality discount: {total} out of {max}',
      yourValue: 'Your fictitious price: {value}',
    },
  },
  criteriaCaption: {
    'price-per-quality-point': 'Criteria and quality points (total {total})',
    'quality-price-ratio': 'Criteria and quality points (total {total})',
    'fictitious-discount': 'Criteria and what each is worth (total {total})',
  },
  marksHeading: {
    'price-per-quality-point': 'Quality points',
    'quality-price-ratio': 'Quality points',
    'fictitious-discount': 'Worth',
  },
};

// The assessment summary as a document (www/src/debrief.js).
EN_GB.debrief = {
  title: 'Assessment summary: {title} – {supplier}',
  heading: 'Assessment summary',
  about: 'About this summary',
  tender: 'Tender',
  reference: 'Reference',
  buyer: 'Contracting authority',
  supplier: 'Supplier',
  resultHeading: 'Result',
  ranked: 'Your tender was ranked {rank} of {count}.',
  winner: 'Your tender is the most advantageous tender.',
  disqualified: 'Your tender was not ranked, because:',
  incomplete: 'Your tender was not ranked: its assessment is not complete.',
  totalsCaption: 'Total scores',
  tenderColumn: 'Tender',
  yourTender: 'Your tender',
  winnerTender: 'Most advantageous tender ({supplier})',
  totalOutOf: '{label} (out of {max})',
  methodHeading: 'How tenders were assessed',
  valueWorking: '{value}, worked out: {working}',
  criteriaHeading: 'Scores for each award criterion',
  criteriaCaption: 'Your scores for each award criterion',
  criterion: 'Criterion',
  group: 'Group',
  maximum: 'Maximum',
  share: 'Share of the total',
  yourScore: 'Your score',
  winnerScore: 'Most advantageous tender',
  notScored: 'not scored',
  groupsHeading: 'Sub-totals',
  groupsCaption: 'Your sub-totals by group',
  detailHeading: 'How each criterion was assessed',
  assessed: 'How it was assessed',
  working: 'How your score was worked out',
  explanation: 'Explanation',
  winnerScoreLine: 'Most advantageous tender’s score',
  winnerExplanation: 'Explanation for the most advantageous tender',
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
