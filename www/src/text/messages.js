// Every piece of text the widget shows, per language: English (en-GB) here, Welsh (cy) in
// text/cymraeg.js, which adds itself with addCatalogue; each catalogue has the same keys. Engine messages are rendered from their `code` and `params` when a template
// exists here, and fall back to the engine's own English `message` otherwise.
//
// Templates use {name} placeholders. A placeholder whose value is an amount of money is formatted
// by the caller, or marked `{name:money}` (`{name:number}`) for `fill` to format an engine figure
// through the formatter it is given; the catalogue never does arithmetic.

const EN_GB = {
  /** The language tag of this catalogue's text: the widget's content carries it as `lang`. */
  lang: 'en-GB',
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
      draw: 'a draw from the recorded seed “{seed}” decides the order; anyone can repeat it',
    },
    noTieBreak: 'Bids with the same total share the rank.',
    abnormallyLowHeading: 'Abnormally low prices',
    // The rule as the model states it: with the proximity test (spec §15), then without.
    abnormallyLowRule: [
      'A price more than {percent}% below the average of the qualified prices without the highest, and more than {proximityPercent}% of the next lowest qualified price (at least {proximityMin}, at most {proximityMax}) below it, is abnormally low: the supplier is asked to explain it, and it is not rejected automatically.',
      'A price more than {percent}% below the average of the qualified prices without the highest is abnormally low: the supplier is asked to explain it, and it is not rejected automatically.',
    ],
    proximityNoMin: 'nothing',
    proximityNoMax: 'no limit',
    rounding: {
      criterion:
        'Each criterion score is rounded to {decimals} decimal places (halves round away from zero) before scores are added up.',
      total:
        'Scores are added up exactly and only the total is rounded to {decimals} decimal places (halves round away from zero).',
      none: 'Scores are not rounded.',
    },
    // forms
    yourBidHeading: 'Your bid',
    yourOrganisation: 'Your organisation',
    supplierName: 'Supplier name',
    priceLabel: 'Price ({currency})',
    priceHint: 'Total price, in {currency}, as you would write it, such as 1,080,000 or 1080000.50.',
    gatesLegend: 'Pass/fail questions',
    gatePassed: 'Passed',
    gateFailed: 'Failed',
    gateUnknown: 'Not answered yet',
    expectedScore: 'The score you expect',
    notScoredYet: 'Not chosen yet',
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
    toRanking: 'Go to the ranking',
    jumpTo: 'Go to a bid',
    jump: 'Open bid',
    addBid: 'Add a bid',
    newBid: 'New bid {n}',
    evaluatorScore: '{evaluator}',
    moderated: 'Moderated score',
    rationale: 'Rationale',
    evaluatorsHeading: 'Evaluators',
    evaluator: 'Evaluator',
    addEvaluator: 'Add an evaluator',
    evaluatorName: 'Evaluator {n}',
    scoreHint: 'A point on the scale “{scale}”: {points}.',
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
    whyNotRanked: 'Why it is not ranked',
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
    importFailed: 'The file “{file}” could not be opened, so your current work was kept:',
    importNotJson: 'it is not a JSON file',
    importUnreadable: 'the browser could not read it (a folder, or a file changed since it was chosen); choose the .json file',
    importTooLarge: 'it is {size} MB, more than the {limit} MB a tender file may be',
    imported: 'Opened “{file}”.',
    printedOn: 'Printed on {date}',
    panelRecordCaption: 'What the panel gave {supplier}',
    rankingAnnounce: 'Ranking updated. First: {supplier} with {total}.',
    // saved work
    savedWorkMoved: 'This tender has changed since your work was saved on {time}. The new version is shown with your answers that still fit.',
    savedWorkMisfits: 'These answers no longer fit and were left out:',
    savedWorkAllFit: 'All your answers still fit.',
    misfit: '{supplier}: {answer} – {reason}',
    // Why a saved answer no longer fits a changed model, by engine error code.
    misfitReasons: {
      'unknown-criterion': 'the criterion “{id}” is no longer in the tender',
      'unknown-measure': 'the measure “{id}” is no longer in the tender',
      'score-off-scale': '{score} is not on the scale “{scale}” now',
      'wrong-input-kind': '“{id}” now takes another kind of answer',
    },
    downloadOldWork: 'Download your earlier work',
    designMoved: 'This page’s model has changed since you saved a design from it on {time}. The page’s model is shown; your design is kept.',
    openSavedDesign: 'Open my saved design',
    setAside: 'Some saved work could not be read, so it was set aside and the page’s tender is shown. It is kept under:',
    setAsideStuck: 'Some saved work could not be read or moved (storage is full), so it was left where it is. Download a copy to keep it.',
    downloadSetAside: 'Download what was set aside',
    downloadCopy: 'Download a copy',
    notSaving:
      'This browser is not letting the page save your work (storage is full or turned off), so it will be lost when you leave. Download the tender file to keep it.',
    notSavingShort: 'Not saved: this browser is not letting the page save.',
    otherTab: 'This tender’s work was changed in another tab or window at {time}. Your work here has not been saved over it.',
    otherTabCleared: 'This tender’s work was cleared in another tab or window. Your work here has not been saved since.',
    loadOtherTab: 'Load the other tab’s work',
    keepMine: 'Keep mine',
    otherTabWaiting: 'Not saved: choose which work to keep, at the top.',
    removedBid: '{name} was removed.',
    undoRemove: 'Undo: restore {name}',
    restoredBid: '{name} was restored.',
    // evaluate: the panel's names
    evaluatorAdded: '{name} was added.',
    evaluatorEmpty: 'Enter the evaluator’s name',
    evaluatorTaken: 'Enter a different name: another evaluator is called “{name}”',
  },

  // Engine error codes: templates over the error's params.
  errors: {
    'invalid-number': '“{found}” is not a number; write digits such as 1250000.50',
    'price-fraction-of-penny': '“{found}” has a fraction of a penny; give the price to {digits} decimal places at most',
    'not-positive': '{found} must be more than zero',
    negative: '{found} is negative; use zero or more',
    'score-off-scale': '{score} is not a point on the scale “{scale}”; use one of its values',
    'missing-field': 'Add the required field “{field}”',
    'number-out-of-range': '{found} is too large or too precise',
    'engine-fault': 'The scoring engine stopped on this input and has been restarted; check the tender holds only plain data and try again',
    'proximity-min-above-max': 'The smallest proximity margin ({min}) is above the largest ({max}); swap them or correct one',
    'missing-tie-draw-seed':
      'The tie-break rules include a draw: record the seed it is drawn from, such as the date and place you chose it',
    'tie-draw-not-last': 'The draw must be the last tie-break rule, since no bids are equal after it',
    // §18 lots
    'unknown-lot': 'The lot “{id}” is not one of this tender’s lots',
    'missing-lot': 'Choose the lot this bid is for',
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
    'tie-drawn': 'Ties settled by the recorded draw',
    'tie-draw-seed-unused': 'Draw seed not used',
  },

  // Engine warning codes.
  warnings: {
    'weights-not-100': 'The marks add up to {total}, not 100; shares of the total are still shown correctly',
    'relative-price-formula':
      'Under “{formula}” each price is scored against the other bids, so adding or removing a bid can change the order of the others',
    'tie-drawn':
      'Still equal after every other tie-break rule, these bids were put in order by the draw from the recorded seed “{seed}”: {suppliers} (ranks {rank} to {last})',
    'tie-draw-seed-unused':
      'A draw seed (“{seed}”) is recorded but the tie-break rules do not end with a draw, so bids still equal share a rank; add the draw as the last rule, or remove the seed',
  },

  // Why a bid is disqualified / what is missing (bids[].reasons / bids[].missing).
  reasons: {
    'failed-gate': 'did not pass “{name}”',
    'missing-gate': 'record whether the bid passes “{name}”',
    'missing-score': 'score “{name}”',
    'missing-value': 'enter the bid’s value for “{name}”',
  },

  // Price formulas in words and as an equation (published model).
  formulas: {
    'lowest-ratio': {
      words:
        'The lowest price gets full marks. Every other price gets marks in proportion: the lowest price divided by your price, times the marks. Your score depends on the other bids.',
      equation: 'score = {marks} × lowest price ÷ your price',
    },
    'linear-min-max': {
      words:
        'The lowest price gets full marks and the highest gets none; prices in between score in a straight line. Your score depends on the other bids.',
      equation: 'score = {marks} × (highest price − your price) ÷ (highest price − lowest price)',
    },
    'deviation-from-lowest': {
      words:
        'The lowest price gets full marks; marks fall in a straight line to none at {zeroAt} times the lowest price. Your score depends on the other bids.',
      equation:
        'score = {marks} × (1 − (your price − lowest price) ÷ (({zeroAt} − 1) × lowest price)), and 0 at {zeroAt} × the lowest price or more',
    },
    'set-bounds': {
      words:
        'A price of {best} or less gets full marks and {worst} or more gets none; prices in between score in a straight line. Other bids do not matter.',
      equation: 'score = {marks} × ({worst} − your price) ÷ ({worst} − {best}); full marks at {best} or less, 0 at {worst} or more',
    },
    'reference-ratio': {
      words:
        'A reference price of {reference} gets full marks; other prices get marks in proportion: the reference divided by your price, times the marks. Other bids do not matter.',
      equation: 'score = {marks} × {reference} ÷ your price',
      equationCapped: 'score = {marks} × {reference} ÷ your price, at most full marks',
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

// How social value commitments turn into marks (publish mode), beside offers the engine scored.
Object.assign(EN_GB.ui, {
  svRuleHeading: 'How social value commitments are scored',
  svRuleFor: '{name} ({marks} marks)',
  svRuleMeasures: 'Commitments counted, at the values above: {measures}.',
  svExampleCaption: '{name}: made-up offers scored on {marks} marks',
  svExampleNote: 'Invented offers, to show the rule.',
});
EN_GB.svRules = {
  'relative-to-highest': {
    words:
      'The most social value offered gets full marks, the rest in proportion. Your score depends on the other bids.',
    equation: 'score = {marks} × your social value ÷ the highest social value offered',
  },
  'relative-to-highest-percent': {
    words:
      'Social value as a % of price: the highest % offered gets full marks, the rest in proportion. Your score depends on the other bids.',
    equation: 'score = {marks} × your social value as a % of your price ÷ the highest such % offered',
  },
  target: {
    words: '{target} or more of social value gets full marks, less in proportion. Other bids do not matter.',
    equation: 'score = {marks} × your social value ÷ {target}, at most {marks}',
  },
};

// Price schedules, thresholds and lots in the three modes (spec §11–§18).
Object.assign(EN_GB.ui, {
  ratesLegend: 'Rates ({currency})',
  ratesHint: 'Each rate × the buyer’s estimated quantity, added up, is the evaluated price that is scored.',
  rateLabel: '{name}: rate per {unit}, quantity {quantity}',
  rateLabelNoUnit: '{name}: rate, quantity {quantity}',
  evaluatedPrice: 'Evaluated price: {price}',
  evaluatedPricePending: 'Enter every rate to see the evaluated price.',
  notQualifying: 'Your bid would not qualify',
  staleTotal: 'Out of date until the error above is corrected. Last figures: {total}',
  notQualifyingIntro: 'It would be disqualified, and not ranked:',
  notComplete: 'Your bid is not complete yet',
  lotLabel: 'Lot',
  lotNotChosen: 'Choose a lot',
  lotSwitch: 'Show the results of',
  lotWinner: 'Most advantageous tender for this lot: {supplier}.',
  lotNoWinner: 'No single bid is ranked first in this lot yet.',
  lotsHeading: 'Lots',
  lotsIntro:
    'Each lot is evaluated on its own with this model: a bid competes only with bids for its lot. Bid for two lots with two bids.',
  scheduleHeading: 'How your price is worked out',
  scheduleCaption: 'The lines to price and the buyer’s estimated quantities',
  line: 'Line',
  estimatedQuantity: 'Estimated quantity',
  lineIncome: 'Income: money the supplier pays the buyer, taken off the price.',
  lineOptional: 'Optional: priced but not evaluated.',
  linePerYear: 'Paid every year, at today’s value.',
  lineMax: 'At most {max} a unit.',
  lineMaxItem: 'A rate above {max} for “{line}”',
  lineMaxZero: 'A rate above its line’s maximum scores 0 for price.',
  lifeCycleCaption: 'Present value factors over {years} years at {rate} a year',
  year: 'Year',
  factor: 'Factor',
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
  price: 'Your price: {price}',
  winnerPrice: 'Price of the most advantageous tender ({supplier}): {price}',
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

// --- Design mode (design*.js): a buyer builds, tries and publishes the evaluation model. ---
EN_GB.design = {
  modeCaption: 'Design the evaluation model',
  untitled: 'New evaluation model',
  contentsLabel: 'Steps',
  sectionNumber: '{n}. {title}',
  errorsKeepTyping: 'Everything you typed is kept. Fix these before you publish:',
  errorIn: '{context}: {message}',
  stale: 'These figures are from the last time the model had no problems.',
  barProblem: '1 problem to fix',
  barProblems: '{count} problems to fix',
  unnamed: 'Unnamed',
  remove: 'Remove',
  removed: 'Removed “{name}”.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moreOptions: 'Identifier in the file',
  idLabel: 'Identifier',
  idHint: 'A short unique name used inside the tender file. It follows the name until you change it.',
  // start
  startHeading: 'Start',
  startLegend: 'What do you want to start from?',
  templates: {
    blank: 'A blank model',
    'services-60-30-10': 'Services: price 60 / quality 30 / social value 10 (central government minimum)',
    'services-quality-led': 'Services: quality-led 40/50/10',
    'goods-lowest-price': 'Goods: lowest price with a quality gate',
    'price-per-quality-point': 'Price per quality point',
  },
  templateHints: {
    blank: 'Add every criterion yourself.',
    'services-60-30-10':
      'Price scored against the lowest price, two quality questions, and social value at the 10% minimum.',
    'services-quality-led':
      'Quality carries half the marks, with a minimum score on service delivery and an insurance pass/fail question.',
    'goods-lowest-price': 'Bids that pass every pass/fail question are ranked on price alone.',
    'price-per-quality-point': 'Quality is scored out of 100; the bid paying least for each quality point wins.',
  },
  useTemplate: 'Use this starting point',
  started: 'Started from “{name}”.',
  replaceConfirm:
    'This replaces the model you are working on with “{what}”. Download the tender file first if you want to keep it. Replace it?',
  replaceYes: 'Yes, replace it',
  openFile: 'Or open a tender file',
  openFileHint: 'A tender file (.json) saved from this page or from another bid scorer.',
  notATender: 'it does not hold a tender file',
  // about
  aboutHeading: 'About the tender',
  titleLabel: 'Title',
  buyerLabel: 'Buyer',
  referenceLabel: 'Reference',
  referenceHint: 'Your procurement reference, for example EBC-2026-014.',
  currencyLabel: 'Currency',
  currencyHint: 'Three capital letters: GBP, EUR or USD.',
  contractValueLabel: 'Estimated contract value (optional)',
  contractValueHint:
    'Used for social value as a share of price when a bid has no price, and to pick the prices in the examples.',
  // criteria
  criteriaHeading: 'Criteria and marks',
  criteriaIntro:
    'Add the criteria bids are scored on, group them (for example quality and social value), and give each its marks. Use the buttons to move criteria up, down, into or out of a group.',
  noCriteria: 'No criteria yet. Add the first one.',
  noTotalYet: 'The total and each criterion’s share appear once the model has no problems.',
  totalMarks: 'Total: {total} marks',
  totalNot100: 'Total: {total} marks, not 100',
  fillIn: 'Fill in “{label}”',
  totalValue: 'Quality worth up to {total}',
  shareMarks: '{marks} marks, {percent}% of the total',
  shareValue: 'Worth up to {marks}, {percent}% of the quality value',
  svOk: 'Social value: {percent}% of the marks, at least the 10% central government minimum',
  svOkMany: 'Social value: {list}, together at least the 10% central government minimum',
  svGroupShare: '{name} {percent}%',
  svOkShort: 'Social value {percent}%, at least 10%',
  svOkManyShort: 'Social value at least 10%',
  svLowShort: 'Social value {percent}%, below 10%',
  svNoneShort: 'No social value group',
  svLow: 'Social value: {percent}% of the marks, below the 10% central government minimum',
  svNone: 'Social value: no group is marked as social value; central government must give it at least 10%',
  svNotApplicable:
    'Social value: under the fictitious discount quality is worth money, so the 10% check does not apply',
  groupTag: 'Group',
  kindTags: {
    scored: 'Scored',
    price: 'Price',
    numeric: 'Number',
    measures: 'Social value measures',
    'pass-fail': 'Pass/fail',
  },
  nameLabel: 'Name',
  groupNameLabel: 'Group name',
  kindLabel: 'Type of criterion',
  kinds: {
    scored: 'A question scored on a scale',
    price: 'Price',
    numeric: 'A number, such as days to deliver',
    measures: 'Social value commitments (measures)',
    'pass-fail': 'A pass/fail question',
  },
  marksLabel: 'Marks',
  qualityPointsLabel: 'Quality points',
  valueLabel: 'Money value of full marks ({currency})',
  valueHint: 'Under the fictitious discount each criterion is worth money instead of marks.',
  gateHint: 'A bid that fails this question is disqualified. It carries no marks.',
  priceNoMarks: 'Under this award method price carries no marks; it is weighed against the quality points.',
  priceElsewhere: 'Choose how price is scored under “How price is scored”.',
  measuresElsewhere: 'Choose its measures and how they are scored under “Social value”.',
  questionLabel: 'Question for suppliers (optional)',
  gateQuestionLabel: 'What suppliers must show (optional)',
  questionHint: 'Shown to suppliers in the published model.',
  scaleLabel: 'Scale',
  missingScale: '{name} (no such scale)',
  noScales: 'No scales yet',
  thresholdLabel: 'Minimum score (optional)',
  thresholdHint: 'A bid scoring below this is disqualified. Leave empty for no minimum.',
  unitLabel: 'Unit',
  unitHint: 'For example days or tonnes of CO2e.',
  directionLegend: 'Which is better?',
  directions: { higher: 'A higher number', lower: 'A lower number' },
  numericFormulaLabel: 'How the number is scored',
  numericFormulas: {
    'relative-to-best': 'Against the best bid',
    'set-bounds': 'Between a best and a worst value you set',
  },
  bounds: { best: 'Best value (full marks)', worst: 'Worst value (no marks)' },
  svCategoryLabel: 'This group is social value',
  svCategoryHint: 'Its marks count towards the social value share.',
  groupMarksLabel: 'Marks for the group',
  groupMarksHint: 'Must equal the marks of its criteria. Empty it to use their sum.',
  criterionContext: '“{name}”',
  groupContext: 'Group “{name}”',
  moveInto: 'Move into “{group}”',
  moveOutOf: 'Move out of “{group}”',
  removeGroup: 'Remove the group, keep its criteria',
  addToGroup: 'Add a criterion to this group',
  addCriterion: 'Add a criterion',
  addGroup: 'Add a group',
  addGate: 'Add a pass/fail question',
  newCriterion: 'New criterion',
  newGroup: 'New group',
  newGate: 'New pass/fail question',
  newPrice: 'Price',
  movedUp: 'Moved “{name}” up.',
  movedDown: 'Moved “{name}” down.',
  movedInto: 'Moved “{name}” into “{group}”.',
  movedOutOf: 'Moved “{name}” out of “{group}”.',
  removedGroup: 'Removed the group “{name}”; its criteria stay.',
  // price
  priceHeading: 'How price is scored',
  noPrice: 'The model has no price criterion yet.',
  addPrice: 'Add a price criterion',
  priceNotScored:
    'Under this award method price is not given marks: the formula below is not used, but a ceiling still applies.',
  formulaLegend: 'Price formula',
  formulaNames: {
    'lowest-ratio': 'Lowest price ÷ your price',
    'linear-min-max': 'A straight line from the lowest to the highest price',
    'deviation-from-lowest': 'Marks fall with the distance from the lowest price',
    'set-bounds': 'A straight line between a best and a worst price you set',
    'reference-ratio': 'A reference price ÷ your price',
  },
  formulaHints: {
    'lowest-ratio': 'The UK default. A score depends on the other bids.',
    'linear-min-max': 'The highest price scores nothing. A score depends on the other bids.',
    'deviation-from-lowest': 'A score depends on the other bids.',
    'set-bounds': 'A score depends only on the bid’s own price.',
    'reference-ratio': 'A score depends only on the bid’s own price.',
  },
  zeroAtLabel: 'No marks at this multiple of the lowest price',
  zeroAtHint: 'More than 1; for example 2 means a price twice the lowest scores nothing.',
  bestPriceLabel: 'Best price (full marks)',
  bestPriceHint: 'This price or less scores full marks.',
  worstPriceLabel: 'Worst price (no marks)',
  worstPriceHint: 'This price or more scores nothing.',
  referencePriceLabel: 'Reference price',
  referencePriceHint: 'This price scores full marks.',
  capLabel: 'Prices below the reference score no more than full marks',
  ceilingLabel: 'Price ceiling (optional)',
  ceilingHint: 'The most you will pay.',
  aboveCeilingLegend: 'A price above the ceiling',
  aboveCeiling: { disqualify: 'Disqualifies the bid', zero: 'Scores 0 for price' },
  priceWhenValid: 'The explanation and the chart appear once the model has no problems.',
  relativeNote:
    'This formula is relative: a bid’s price score depends on the other bids’ prices, so adding or removing a bid can change the order of the others (rank reversal).',
  absoluteNote: 'This formula is not relative: a bid’s price score depends only on its own price.',
  chartHeading: 'Score against price',
  chartIntro: '{count} made-up prices, each scored by the engine.',
  chartIntroRelative:
    '{count} made-up prices scored together by the engine, so the lowest of them, {lowest}, gets full marks. With other bids the scores would differ.',
  chartAlt: 'Line chart of the price score against the price. The figures are in the table below the chart.',
  chartKey: 'Each dot is a made-up bid scored by the engine; a hollow dot is a disqualified bid.',
  chartPrice: 'Price',
  chartScore: 'Score',
  chartCeiling: 'ceiling',
  chartTableSummary: 'The chart’s figures as a table',
  chartTableCaption: 'Made-up prices and the scores the engine gave them, out of {marks}',
  methodHeading: 'How price and quality are weighed',
  methodExampleCaption: 'Three made-up bids worked through the award method',
  qualityColumn: 'Quality',
  valueColumn: 'Value',
  // scales
  scalesHeading: 'Scales, minimum scores and pass/fail questions',
  scalesIntro: 'Add the scales evaluators score questions on. Each point can have a label and a descriptor.',
  presets: { '0-4': '0 to 4', '0-5': '0 to 5', '0-2-5-8-10': '0, 2, 5, 8, 10', '0-10': '0 to 10', '0-100': '0 to 100' },
  addScale: 'Add a {name} scale',
  addCustomScale: 'Add a custom scale',
  customScaleName: 'custom',
  scaleAdded: 'Added the scale “{name}”.',
  scaleRemoved: 'Removed the scale “{name}”.',
  noScalesYet: 'No scales yet.',
  scaleContext: 'Scale “{name}”',
  scaleNameLabel: 'Scale name',
  scaleNameHint: 'Shown to suppliers.',
  scaleNameEmpty: 'Enter a name for the scale',
  scaleNameTaken: 'Another scale has this name; choose a different one',
  pointValueLabel: 'Score',
  pointLabelLabel: 'Label',
  pointDescriptorLabel: 'Descriptor',
  pointOf: 'point {n} of “{scale}”',
  removePoint: 'Remove',
  pointRemoved: 'Removed a point from “{scale}”.',
  addPoint: 'Add a point',
  rangeHint: 'Every score from the lowest to the highest, in steps.',
  rangeFrom: 'Lowest score',
  rangeTo: 'Highest score',
  rangeStep: 'Step',
  rangeDescription: 'Description (optional)',
  scaleUsedBy: 'Used by: {names}',
  scaleUnused: 'Not used by any criterion yet.',
  removeScale: 'Remove scale',
  thresholdsHeading: 'Minimum scores',
  thresholdsCaption: 'Scored criteria with a minimum score',
  thresholdColumn: 'Minimum score',
  scaleColumn: 'Scale',
  noThresholds: 'No criterion has a minimum score. Set one on a scored criterion under “Criteria and marks”.',
  gatesHeading: 'Pass/fail questions',
  noGates: 'No pass/fail questions.',
  summaryWhenValid: 'This summary appears once the model has no problems.',
  // social value
  svHeading: 'Social value',
  svIntro:
    'Measures are what suppliers commit to (for example local jobs), each with a unit and the money you count for one unit (its proxy value). Use your own proxy values.',
  measuresHeading: 'Measures',
  noMeasuresYet: 'No measures yet.',
  measureContext: 'Measure “{name}”',
  measureName: 'Measure',
  measureUnit: 'Unit',
  measureUnitHint: 'For example FTE year or week.',
  measureProxy: 'Proxy value per unit ({currency})',
  measureProxyHint: 'Money per unit.',
  measureSource: 'Source of the proxy value (optional)',
  measureLicence: 'Licence (optional)',
  addMeasure: 'Add a measure',
  newMeasure: 'New measure',
  csv: {
    heading: 'Import measures from a CSV file',
    hint: 'A header row naming the columns name, unit and proxy, and optionally source, licence and id; then one measure a row. Rows with problems are listed and not imported.',
    fileLabel: 'Choose a CSV file',
    pasteLabel: 'Or paste the rows of a CSV file',
    importPasted: 'Import the pasted rows',
    pasted: 'the pasted rows',
    added: 'Imported {count} measures from {file}.',
    addedOne: 'Imported 1 measure from {file}.',
    problemsIntro: 'These rows were not imported:',
    row: 'Row {row}: {text}',
    field: '{field}: {message}',
    columns: { name: 'name', unit: 'unit', proxy: 'proxy', source: 'source', licence: 'licence', id: 'id' },
    csvStrayQuote: 'there is text after a closing quote; put the whole field in quotes',
    csvOpenQuote: 'a quote is never closed, so the rest of the file could not be read',
    csvEmpty: 'the file is empty',
    csvHeader: 'the first row must name the columns; add {columns}',
    csvTooManyFields: 'the row has {found} fields but the header names {expected}; put fields with commas in quotes',
    csvMissing: 'fill in {columns}',
    csvDuplicateId: 'a measure with the id “{id}” already exists',
  },
  svRulesHeading: 'How social value is scored',
  svRuleHeading: 'How “{name}” is scored',
  countsLegend: 'Measures it counts',
  svScoringLegend: 'Scoring rule',
  svScoring: {
    'relative-to-highest': 'Against the highest social value offered',
    'relative-to-highest-percent': 'Against the highest social value as a share of price',
    target: 'Against a target you set',
  },
  svScoringHints: {
    'relative-to-highest': 'The bid offering most social value in money gets full marks.',
    'relative-to-highest-percent': 'Social value divided by the bid’s price; the highest share gets full marks.',
    target: 'A bid reaching the target gets full marks; less scores in proportion.',
  },
  targetLabel: 'Target social value ({currency})',
  targetHint: 'Money. A bid offering this or more gets full marks.',
  noMeasuresCriterion: 'No criterion scores these measures yet.',
  addMeasuresCriterion: 'Add a criterion scored on these measures',
  newMeasuresCriterion: 'Social value commitments',
  svGroupName: 'Social value',
  // rules
  rulesHeading: 'Award method, ties and rounding',
  methodLegend: 'How the winner is chosen',
  methods: {
    'weighted-sum': { label: 'Highest total score (weighted sum)', hint: 'Price and quality marks are added up.' },
    'price-per-quality-point': {
      label: 'Lowest price per quality point',
      hint: 'Price divided by the quality score; price carries no marks.',
      words: 'Each bid’s price is divided by its quality points; the lowest price per quality point wins.',
    },
    'quality-price-ratio': {
      label: 'Highest quality for the price (quality-price ratio)',
      hint: 'Quality points divided by price.',
      words: 'Each bid’s quality points are divided by its price; the highest ratio wins.',
    },
    'fictitious-discount': {
      label: 'Lowest fictitious price (fictitious discount)',
      hint: 'Each quality criterion is worth money, taken off the price.',
      words:
        'Each quality criterion is worth money; the money a bid earns is taken off its price, and the lowest result wins.',
    },
  },
  qprScaleLabel: 'Multiply the ratio by (optional)',
  qprScaleHint: 'Makes the ratio readable; 1,000,000 unless you say otherwise.',
  qprBandLabel: 'Band (optional)',
  qprBandHint: 'A fraction such as 0.06: bids within 6% of the best ratio are decided as below.',
  qprDeciderLegend: 'Within the band, the winner is',
  qprDecider: { quality: 'The bid with the most quality points', price: 'The bid with the lowest price' },
  tieHeading: 'Breaking ties',
  tieAddLabel: 'Add a tie-break rule',
  tieAdd: 'Add this rule',
  tieAdded: 'Added the rule: {rule}.',
  roundingHeading: 'Rounding',
  decimalsLabel: 'Decimal places (optional)',
  decimalsHint: 'A whole number from 0 to 10; 2 if you leave it empty.',
  stageLegend: 'What is rounded',
  stages: {
    criterion: 'Each criterion score, before they are added up',
    total: 'Only the total',
    none: 'Nothing',
  },
  roundingWords: 'In the published model: {words}.',
  settingsHeading: 'Evaluation settings',
  moderationLegend: 'When evaluators have not agreed a moderated score, use',
  moderation: { mean: 'The mean of their scores', median: 'The median of their scores' },
  flagSpreadLabel: 'Flag scores this many steps apart (optional)',
  flagSpreadHint: 'Evaluators further apart than this are flagged; 1 if you leave it empty.',
  abnormallyLowLabel: 'Flag a price this many percent below the others (optional)',
  abnormallyLowHint: '15 if you leave it empty.',
  // try it
  tryHeading: 'Try it on example bids',
  tryIntro: 'Add a few made-up bids to see how the model ranks them. They are never published.',
  addBid: 'Add an example bid',
  exampleBidName: 'Example bid {n}',
  bidContext: 'Example bid “{name}”',
  exampleScore: '{name}: score',
  tryWhenValid: 'The results appear once the model and the example bids have no problems.',
  // publish
  publishHeading: 'Publish',
  publishIntro:
    'Download the tender file for your records, and paste the code into your web page to publish the model.',
  readyToPublish: 'The model has no problems and is ready to publish.',
  notReady: 'Not ready to publish: fix the {count} problems listed at the top of the page.',
  notReadyOne: 'Not ready to publish: fix the problem listed at the top of the page.',
  downloadModel: 'Download the tender file',
  snippetLabel: 'Code to paste into your web page',
  snippetHint:
    'Put bid-scorer.js beside your page (or change src to where it is). The page then works online and saved to disk, and suppliers check their bids in their own browser.',
  downloadScript: 'Download bid-scorer.js',
  copySnippet: 'Copy the code',
  copied: 'Copied.',
  copyByHand: 'The code is selected: press Ctrl+C (or Cmd+C) to copy it.',
  snippetFallback: 'Criteria and marks (total {total}):',
  snippetItem: '{name}: {marks} ({percent}%)',
  previewHeading: 'What suppliers will see',
  previewHint: 'The published model, live.',
  previewStale: 'The preview shows the last version without problems.',
};

// --- Design mode, for real tenders (spec §11–18): price schedules and whole-life cost, group and
// relative thresholds, limits on numbers, consensus, the abnormally-low margin, a recorded draw,
// the jurisdiction and lots. ---
Object.assign(EN_GB.design, {
  // about: jurisdiction
  jurisdictionLabel: 'Where the rules of the tender apply',
  jurisdictionHint: 'Not stated means the UK when the currency is GBP. UK policy checks apply only in the UK.',
  jurisdictions: {
    none: 'Not stated',
    GB: 'United Kingdom (GB)',
    'GB-ENG': 'England (GB-ENG)',
    'GB-SCT': 'Scotland (GB-SCT)',
    'GB-WLS': 'Wales (GB-WLS)',
    'GB-NIR': 'Northern Ireland (GB-NIR)',
    other: 'Another country',
  },
  jurisdictionOtherLabel: 'Country code',
  jurisdictionOtherHint: 'ISO 3166, in capitals: IE for Ireland, FR for France.',
  // about: lots
  lotsHeading: 'Lots (optional)',
  lotsIntro: 'Each lot is scored on this model on its own; a supplier bidding for two lots sends two bids.',
  noLots: 'No lots: the contract is awarded as one.',
  lotContext: 'Lot “{name}”',
  lotNameLabel: 'Lot name',
  lotDescriptionLabel: 'Description (optional)',
  addLot: 'Add a lot',
  newLot: 'New lot',
  // criteria: thresholds and limits
  groupThresholdLabel: 'Minimum sub-total (optional)',
  groupThresholdHint: 'Marks, such as 28, or a share of the group’s marks, such as 70%. Below it a bid is disqualified.',
  relativeThresholdLabel: 'Minimum against the best bid (optional)',
  relativeThresholdHint: 'A share of the best qualified score, such as 80%. Below it a bid is disqualified.',
  minimumLabel: 'Lowest value accepted (optional)',
  maximumLabel: 'Highest value accepted (optional)',
  limitHint: 'A stated value outside the limits disqualifies the bid.',
  // price: schedule and whole-life cost
  scheduleHeading: 'Price schedule (optional)',
  scheduleIntro:
    'The rates suppliers give. Each is multiplied by your quantity and the products added up into the evaluated price the formula scores.',
  noLines: 'No lines: suppliers give one total price.',
  lineContext: 'Price line “{name}”',
  lineHeading: 'Line {n}: {name}',
  lineNameLabel: 'What is priced',
  lineUnitLabel: 'Unit (optional)',
  lineUnitHint: 'Such as hour or visit.',
  lineQuantityLabel: 'Estimated quantity',
  lineQuantityHint: '1 if empty.',
  lineMaxLabel: 'Highest rate accepted (optional, {currency})',
  lineMaxHint: 'A higher rate counts as a price above the ceiling.',
  lineIncomeLabel: 'Income: the supplier pays this to you',
  lineOptionalLabel: 'Optional: priced but not evaluated',
  linePerYearLabel: 'Paid every year of the whole-life cost',
  addLine: 'Add a price line',
  newLine: 'New price line',
  lifeCycleHeading: 'Whole-life cost (optional)',
  lifeCycleIntro: 'Yearly lines count at their present value over these years.',
  lifeYearsLabel: 'Years',
  lifeRateLabel: 'Discount rate',
  lifeRateHint: '0.035 for the Green Book’s 3.5%.',
  exampleLot: 'Lot',
  noLotChosen: 'Choose a lot',
  // rules: consensus, the abnormally-low margin, the draw
  consensusLabel: 'Require a consensus score',
  consensusHint: 'Nothing is averaged: a bid scored by two or more evaluators needs a moderated score.',
  proximityHeading: 'Only when far below the next price (optional)',
  proximityIntro:
    'A low price is flagged only when also this far below the next lowest. The Scottish handbook uses 1%, from £1,000 to £100,000.',
  proximityPercentLabel: 'Margin (% of the next lowest price)',
  proximityMinLabel: 'Smallest margin ({currency})',
  proximityMaxLabel: 'Largest margin ({currency})',
  tieDraw: 'a recorded draw decides the order',
  tieDrawLast: 'The draw is always the last rule.',
  seedLabel: 'Seed of the draw',
  seedHint: 'Any text you decide and record before bids are opened. Anyone can repeat the draw from it.',
});

// ---- Analysis (analysis/): what if, price to win, what it takes, weight stability and
// rank acceptability. Never the official result, and every figure is the engine's.
EN_GB.analysis = {
  notOfficial: 'Not the official result',
  notOfficialText: 'These figures explore the evaluation model. Nothing here changes the scores or the ranking above.',
  working: 'Working this out…',
  failed: 'This could not be worked out: {message}',
  percent: '{n}%',
  between: '{low} to {high}',
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
};

// Price schedules, zero and negative prices (spec §11, §12, §15): engine codes. Amounts come
// formatted through `{name:money}`.
Object.assign(EN_GB.errors, {
  'price-with-schedule': 'The price of “{id}” is made of rates: give them under “prices” (line → rate), not one price',
  'unknown-price-line': 'There is no line “{id}” in the price schedule; check the id against the schedule',
  'empty-schedule': 'The schedule of “{id}” has no line that is evaluated; add a line that is not optional',
  'invalid-years': '{found} years is not allowed; use a whole number of years from 1 to 100',
  'invalid-discount-rate': 'The discount rate {found} is not a yearly rate; use a fraction from 0 up to 1, such as 0.035 for 3.5%',
  'life-cycle-unused': 'The whole-life cost of “{id}” has no line paid per year; mark the yearly lines as paid per year, or remove the whole-life cost',
  'missing-life-cycle': 'The line “{line}” is paid per year, so the price needs a whole-life cost: its years and discount rate',
});
Object.assign(EN_GB.reasons, {
  'missing-price-line': 'enter the bid’s rate for “{lineName}”',
  'above-line-max': 'the rate of {rate:money} for “{lineName}” is above its maximum of {max:money}',
  'price-not-scorable': 'a price of {price:money} cannot be scored by “{formula}”; {scorable} can score it',
});
Object.assign(EN_GB.warnings, {
  'zero-price':
    'The lowest qualified price is zero, so under “{formula}” the bids at zero get full marks for price and every other bid none',
  'abnormally-low-line':
    '{supplier}’s rate of {rate:money} for “{lineName}” is {percentBelow}% below the average of the other qualified bids’ rates ({average:money}), more than {percent}%: ask the supplier to explain it before deciding; do not reject it automatically',
});
Object.assign(EN_GB.warningTitles, {
  'zero-price': 'Prices of zero',
  'abnormally-low-line': 'Abnormally low rates',
});
// ---- Thresholds on groups, relative thresholds, limits on stated values, consensus (spec §13–14) ----
Object.assign(EN_GB.errors, {
  'invalid-percent': '“{found}” is not a percentage; write a number from 0 to 100 followed by %, such as “70%”',
  'threshold-above-marks':
    'The threshold {threshold} is more than the {marks} marks group “{id}” holds, so no bid could reach it; lower it or write it as a share such as “70%”',
  'minimum-above-maximum': 'The minimum {minimum} is above the maximum {maximum}, so no value could be within them; swap or correct them',
});
Object.assign(EN_GB.warningTitles, { 'averaged-off-scale': 'Averaged scores that are not points of the scale' });
Object.assign(EN_GB.warnings, {
  'averaged-off-scale':
    'On “{name}”, averages of the evaluators’ scores that are not points of the scale: {scores}. If the evaluation method promised a consensus score, agree and record a moderated score (averaging in its place was found unlawful in Bromcom v United Learning Trust [2022])',
});
Object.assign(EN_GB.reasons, {
  'below-group-threshold': 'scored {score} on “{name}”; the minimum is {threshold}',
  'below-relative-threshold': 'scored {score} on “{name}”; the minimum is {threshold} ({percent}% of the best qualified score, {best})',
  'outside-limit': 'stated {value} for “{name}”; the {bound} allowed is {limit}',
  'missing-moderated-score': 'agree a moderated score for “{name}”: {evaluators} evaluators scored it and the tender requires a consensus score',
});
// What else disqualifies a bid, in the published model (`thresholdRules`).
EN_GB.thresholdRules = {
  'group-threshold': 'A sub-total below {threshold} on “{name}” (out of {marks})',
  'relative-threshold': 'A score on “{name}” below {percent}% of the best qualified score on it',
  'limit-minimum': 'A value for “{name}” below {amount}',
  'limit-maximum': 'A value for “{name}” above {amount}',
};
Object.assign(EN_GB.debrief, { groupThreshold: '{name}: {rule}.' });
Object.assign(EN_GB.ui, {
  priceWorking: 'Evaluated price: {working}',
});

// Price to win under a price schedule: the same change of every rate (the engine's `rateChange`).
Object.assign(EN_GB.analysis, {
  rateChange: {
    cut: 'That is every rate cut by {percent}%.',
    raised: 'That is every rate raised by {percent}%.',
    same: 'That is every rate as it is.',
  },
  rateChangeHeading: 'Change to every rate',
  yourEvaluatedPrice: 'Your evaluated price',
  percentChange: '{percent}%',
});

// Every other code the engine gives, so that each message is worded here from its code and
// params, never taken from the engine's English (tests/node/catalogue.test.mjs holds to it). A
// param such as `expected`, `reason`, `detail` or `what` is itself English, written by the engine.
Object.assign(EN_GB.errors, {
  'json-syntax': 'The file is not valid JSON ({detail}); check it was saved whole',
  'unsupported-format': ['Format “{found}” is not supported; use “{supported}”', 'Add “format”: “{supported}” at the top of the file'],
  'wrong-type': 'Must be {expected}',
  'unknown-field': ['Unknown field “{field}”; did you mean “{suggestion}”?', 'Unknown field “{field}”; remove it or check the spelling'],
  'invalid-choice': '“{found}” is not allowed here; use one of: {allowed}',
  'duplicate-id': 'The id “{id}” is used twice; give each its own',
  'empty-id': 'The id is empty; give it a short unique name',
  'empty-criteria': 'Add at least one criterion',
  'missing-weight': 'Criterion “{id}” needs a weight (its marks)',
  'group-weight-mismatch': 'Group “{id}” states {stated} marks but its criteria add up to {children}; make them agree or remove its weight',
  'second-price-criterion': 'Criterion “{id}” is a second price; make it “numeric” or remove it',
  'gate-has-weight': 'Pass/fail criterion “{id}” cannot carry marks; remove its weight',
  'unknown-scale': 'There is no scale “{scale}”; add it under “scales” or use another',
  'invalid-scale': 'The scale is not usable: {reason}',
  'threshold-off-scale': 'The threshold {threshold} is above the scale’s top, {top}; lower it',
  'invalid-bounds': 'Best ({best}) and worst ({worst}) must differ, best the better',
  'zero-at-too-low': '“zeroAt” is {found}; make it more than 1',
  'formula-not-allowed': '“{formula}” works only where lower is better, not “{direction}”; use relative-to-best or set-bounds',
  'unknown-criterion': 'There is no criterion “{id}”; check the id',
  'wrong-input-kind': 'Criterion “{id}” is a {kind} criterion and cannot take this input; move it to its place in the bid',
  'unknown-measure': 'There is no measure “{id}”; add it under “measures” or check the id',
  'no-measures': 'Criterion “{id}” lists no measures; name at least one',
  'missing-target': 'Criterion “{id}” scores against a target; add “target” (money)',
  'unknown-tie-break': '“{entry}” is not a tie-break rule; use “price”, “group:ID”, “criterion:ID” or “draw”',
  'invalid-decimals': '{found} decimals is not allowed; use a whole number from 0 to 10',
  'price-criterion-required': 'The award method “{method}” needs a price; add a criterion of kind “price”',
  'price-has-weight': 'Under “{method}” price carries no marks; remove its weight',
  'missing-money-value': 'Criterion “{id}” needs “value”: the money its full marks are worth',
  'invalid-band': 'The band {found} is not a fraction; use one from 0 to 1, such as 0.06',
  'amount-below-one': '{found} is less than 1; write the amount in whole units',
  'too-large': 'Too large: {found} {what}, more than the {limit} allowed; make it smaller or split it',
  'duplicate-key': '“{key}” is given twice in one object; keep one',
  'reserved-id': '“{id}” is reserved in JavaScript; choose another',
  'lone-surrogate': 'The text holds half a character (a lone \\u escape); write the whole character',
  'invalid-utf8': 'The file is not UTF-8 (see byte {offset}); save it as UTF-8',
});
Object.assign(EN_GB.warnings, {
  'social-value-weight-low':
    'Social value holds {percent}% of the marks; central government must give it 10% or more (PPN 06/20, PPN 002) in groups of category “social-value”',
  'rank-reversal': 'Without {removedSupplier}’s bid, {behindSupplier} would score above {aheadSupplier}: a relative formula lets one bid change the order of two others',
  'abnormally-low': [
    '{supplier}’s price of {price:money} is {percentBelow}% below {average:money}, the average of the qualified prices without the highest, more than {percent}%, and {gap:money} below the next lowest, more than the margin of {margin:money}: ask the supplier to explain it; do not reject it automatically',
    '{supplier}’s price of {price:money} is {percentBelow}% below {average:money}, the average of the qualified prices without the highest, more than {percent}%: ask the supplier to explain it; do not reject it automatically',
  ],
  'evaluator-spread': 'Evaluators scored {supplier}’s “{name}” from {low} to {high}, {steps} steps apart; agree a moderated score',
  tie: 'These bids share rank {rank} with {total} each, after every tie-break rule: {suppliers}',
  incomplete: '{supplier} is not ranked until its evaluation is complete; inputs missing: {count}',
});
Object.assign(EN_GB.reasons, {
  'missing-price': 'enter the bid’s price (for “{name}”)',
  'below-threshold': 'scored {score} on “{name}”; the minimum is {threshold}',
  'above-ceiling': 'the price of {price:money} is above the ceiling of {ceiling:money}',
  'missing-commitments': 'enter the bid’s social value commitments for “{name}” (0 if none)',
  'no-quality-points': 'no quality points, so no price per quality point',
  'out-of-range': 'a figure of this bid is too large to work out exactly; check its price and figures',
});

// The language switch (element/language-switch.js) names each language in that language.
Object.assign(EN_GB.ui, { languageName: 'English', languageSwitch: 'Language' });
// Design mode with text in several languages (design/languages.js): each input is labelled with its
// field and the language it is in, named in the widget's language.
Object.assign(EN_GB.design, {
  inLanguage: '{label} ({language})',
  languageNames: { cy: 'Welsh', en: 'English' },
});
// Text given by language ({"en": "Price", "cy": "Pris"}): the errors of its languages.
Object.assign(EN_GB.errors, {
  'empty-text': 'The text is in no language; add one, or write plain text',
  'invalid-language': '“{found}” is not a language tag; use one such as “en”, “cy” or “cy-GB”',
  'duplicate-language': '“{found}” is the language “{first}” again; keep one',
});

// ---- Workings: each score's formula with its numbers, worded from the engine's `explain` code and
// params (text/workings.js renders them; see there for the placeholders). The English reads as the
// engine's own `working`, character for character (tests/node/workings.test.mjs holds to it).
EN_GB.workingWords = { comma: ', ', and: ' and ', andVowel: ' and ', evaluatedPrice: 'evaluated price {formed}; {working}' };
EN_GB.workings = {
  // Price formulas, and numeric criteria scored by them.
  'lowest-ratio': '{marks} × {lowest:term} ÷ {amount:term} = {score}',
  'linear-min-max': '{marks} × ({highest:term} − {amount:term}) ÷ ({highest:term} − {lowest:term}) = {score}',
  'linear-min-max-all-equal': 'every amount is {amount:amount}, so full marks: {marks} × 1 = {score}',
  'deviation-from-lowest': '{marks} × (1 − ({amount:term} − {lowest:term}) ÷ (({zeroAt} − 1) × {lowest:term})) = {score}',
  'deviation-from-lowest-zero':
    '{amount:amount} is at least {zeroAt} × the lowest {lowest:amount} = {zeroPoint:amount}, so no marks: {marks} × 0 = {score}',
  'set-bounds': '{marks} × ({worst:term} − {amount:term}) ÷ ({worst:term} − {best:term}) = {score}',
  'set-bounds-best': [
    '{amount:amount} is beyond the best of {clampedTo:amount} and is clamped to it, so full marks: {marks} × 1 = {score}',
    '{amount:amount} reaches the best of {best:amount}, so full marks: {marks} × 1 = {score}',
  ],
  'set-bounds-worst': [
    '{amount:amount} is beyond the worst of {clampedTo:amount} and is clamped to it, so no marks: {marks} × 0 = {score}',
    '{amount:amount} reaches the worst of {worst:amount}, so no marks: {marks} × 0 = {score}',
  ],
  'reference-ratio': '{marks} × {reference:term} ÷ {amount:term} = {score}',
  'reference-ratio-capped': '{amount:amount} is at or below the reference {reference:amount}, so full marks: {marks} × 1 = {score}',
  'zero-price-lowest': '{amount:amount} is the lowest price and it is zero, so full marks: {marks} × 1 = {score}',
  'zero-price-above': 'the lowest price is {zero:money}, and against zero any higher price scores nothing: {marks} × 0 = {score}',
  'above-ceiling-zero': '{amount:money} is above the ceiling, so no marks: {marks} × 0 = {score}',
  'above-line-max-zero': 'the rate {rate:money} for "{lineName}" is above its maximum of {max:money}, so no marks: {marks} × 0 = {score}',
  'price-not-scorable': '{amount:money} cannot be scored by "{formula}", so no marks: {marks} × 0 = {score}',
  // Numeric criteria scored against the best.
  'relative-to-best': '{marks} × {amount:amount} ÷ {highest:amount} = {score}',
  'relative-to-best-all-zero': 'no bid offers more than 0, so no marks: {marks} × 0 = {score}',
  // Scored criteria: how the evaluators' scores became one, by where it came from (`from`).
  scored: {
    moderated: 'moderated score {aggregate}; {marks} × {aggregate4} ÷ {top} = {score}',
    evaluator: "{evaluator}'s score {aggregate}; {marks} × {aggregate4} ÷ {top} = {score}",
    mean: 'mean of {scores:list} is {aggregate}; {marks} × {aggregate4} ÷ {top} = {score}',
    median: 'median of {scores:list} is {aggregate}; {marks} × {aggregate4} ÷ {top} = {score}',
  },
  // Social value.
  'sv-target-met': '{socialValue:money} meets the target of {target:money}, so full marks: {marks} × 1 = {score}',
  'sv-target': '{marks} × {amount:money} ÷ {best:money} = {score}',
  'sv-relative': '{marks} × {amount:money} ÷ {best:money} = {score}',
  'sv-relative-percent': '{marks} × {percent} ÷ {bestPercent} = {score}',
  'sv-all-zero': 'no bid commits any social value, so no marks: {marks} × 0 = {score}',
  commitment: '{quantity:number} {measureUnit} × {proxy:money} = {money:money}',
  // Not scored.
  missing: 'not scored yet: the input is missing',
  'missing-moderated-score': "not scored yet: the evaluators' scores need a moderated score, as the tender requires a consensus",
  'out-of-range': 'not scored: the score is too large to work out exactly',
  // The evaluated price of a price schedule: `products`, every line's product, `presentValue`, the sum
  // of the present value factors, and `total` are figures (text/workings.js priceWorking).
  'evaluated-price': [
    'present value of a yearly payment over {years} years at {discountRate:percent}: {presentValue}; {products} = {total}',
    '{products} = {total}',
  ],
  // Award values under methods other than the weighted sum.
  'price-per-quality-point': '{price:money} ÷ {quality} quality points = {value:money} per quality point',
  'quality-price-ratio': '{quality} quality points ÷ {price:money} × {scale:number} = {value}',
  'fictitious-discount': '{price:money} − {quality:money} quality discount = {value:money} fictitious price',
};

// Params that the engine writes in English prose, each with a code (docs/errors.md, "Params in
// words"): a wrong type's `expectedCode`, an unusable scale's `reasonCode`, what is too large
// (`what`), which limit a stated value is outside (`bound`), a criterion's `direction` and `kind`, why and
// where a file is not JSON (`syntax`, a number, with `line` and `column`) and the formulas that
// could score a price (`scorable`). Another language's catalogue words each code in tables
// `expected`, `reason`, `what`, `bound`, `direction`, `kind`, `jsonSyntax` (with `jsonPlace`) and
// `scorable`, and how a price schedule makes the evaluated price in `scheduleWords`
// (text/cymraeg.js), which text/engine-words.js reads; English leaves them out, as its words are the
// engine's own, and so this copy carries them once. `or` joins the formulas that could score a price.
EN_GB.params = { or: ' or ' };

const CATALOGUES = new Map([['en-GB', EN_GB]]);

/**
 * Wording that only a catalogue other than English needs, as English takes the engine's own words:
 * set by the modules that do it, which text/cymraeg.js imports (text/summary-words.js, the
 * assessment summaries; text/engine-words.js, the engine's prose params and a price schedule's
 * words), so a build in English only carries none of their code.
 */
export const wording = {};

/** Adds another language's catalogue (text/cymraeg.js adds Welsh), under its `lang`. */
export function addCatalogue(cat) {
  CATALOGUES.set(cat.lang, cat);
}

/** The language tags this copy of the widget has text for (en-GB first). */
export function catalogueLanguages() {
  return [...CATALOGUES.keys()];
}

/**
 * The catalogue for a locale (by its tag, then its language: cy-GB is cy), falling back to en-GB.
 * Language tags ignore case (`CY`, `cy-gb`), as a host may write them either way.
 */
export function catalogue(locale) {
  const tag = String(locale).toLowerCase();
  const language = tag.split('-')[0];
  let ofLanguage = null;
  for (const [key, cat] of CATALOGUES) {
    const k = key.toLowerCase();
    if (k === tag) return cat;
    if (k === language) ofLanguage ??= cat;
  }
  return ofLanguage ?? EN_GB;
}

/**
 * The form of a count's text ({ one, other } in English; Welsh has six) that `count` takes in the
 * catalogue's language.
 */
export function plural(cat, forms, count) {
  return forms[new Intl.PluralRules(cat.lang).select(count)] ?? forms.other;
}

/**
 * Fills {placeholders} from params; unknown placeholders are left as written. `{name:money}` and
 * `{name:number}` format an engine figure through `fmt` (text/format.js) when one is given.
 */
export function fill(template, params = {}, fmt = null) {
  return template.replace(/\{(\w+)(?::(money|number))?\}/g, (whole, key, as) => {
    const value = params[key];
    if (value === undefined || value === null) return whole;
    return as && fmt ? fmt[as](String(value)) : String(value);
  });
}

/** Sentence case for an engine message (they are lowercase by design). */
export function sentence(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The engine's error list from what it threw (a BidScoreError carries `errors`); anything else,
 * which should never happen, becomes one error so the form still says something.
 */
export function engineErrors(error) {
  return error?.errors?.length
    ? error.errors
    : [{ code: 'wrong-type', path: '', message: String(error?.message), params: {} }];
}

/** A price formula's or award method's name (lowercase), or `id` itself when it is neither. */
function methodName(cat, id) {
  const { formulaNames } = cat.design;
  const { methods } = cat.award;
  const name = Object.hasOwn(formulaNames, id) ? formulaNames[id] : Object.hasOwn(methods, id) ? methods[id].name : id;
  return name === id ? id : name.toLowerCase();
}

/**
 * Text for an engine message `{code, params, message}` from one of the catalogue's tables
 * ('errors', 'warnings', 'reasons'), or the engine's English when the catalogue has none;
 * figures marked `:money` or `:number` in the template are formatted through `fmt`. A template
 * may be a list, for a message whose params are not always all given.
 */
export function engineText(cat, table, item, fmt = null) {
  let template = cat[table]?.[item.code];
  let params = item.params ?? {};
  // A list of templates: the first whose placeholders the params all fill (the last always is).
  if (Array.isArray(template)) template = template.find((t) => (t.match(/\{\w+/g) ?? []).every((k) => (params[k.slice(1)] ?? '') !== ''));
  // Price formulas and award methods by name, never by their ids in the file ("lowest-ratio");
  // `scorable` lists them, comma-separated.
  const { formula, method, scorable, found, suppliers } = params;
  // What was typed, quoted back: a paste of thousands of characters is shown by its ends.
  if (typeof found === 'string' && found.length > 60) {
    const chars = [...found];
    if (chars.length > 60) params = { ...params, found: `${chars.slice(0, 40).join('')}…${chars.slice(-12).join('')}` };
  }
  if (typeof formula === 'string') params = { ...params, formula: methodName(cat, formula) };
  if (typeof method === 'string') params = { ...params, method: methodName(cat, method) };
  if (typeof scorable === 'string') params = { ...params, scorable: scorable.split(', ').map((id) => word(cat.params.scorable, id) ?? methodName(cat, id)).join(cat.params.or) };
  // Bids sharing a rank (`tie`): the engine joins their suppliers with commas, one per bid; in the
  // catalogue's words as one list. A name holding a comma itself leaves them as the engine joined
  // them. (A drawn order, `tie-drawn`, stays a sequence.)
  const names = item.code === 'tie' && typeof suppliers === 'string' && Array.isArray(item.bids) ? suppliers.split(', ') : [];
  if (names.length > 1 && names.length === item.bids.length) params = { ...params, suppliers: listText(cat, names) };
  // Params the engine writes in English prose, in the catalogue's words (text/engine-words.js).
  if (wording.params) params = wording.params(cat, params);
  // The engine's own English (no template here) quotes with straight marks: shown with the
  // catalogue's curly ones, so one page never mixes the two.
  const english = String(item.message ?? item.code).replace(/"([^"]*)"/g, '“$1”').replace(/(\w)'(\w)/g, '$1’$2');
  return sentence(template ? fill(template, params, fmt) : english);
}

/**
 * Items as one list in the catalogue's words (`workingWords`): "A, B and C"; Welsh "A, B a C", "ac"
 * before a vowel ("A ac Emrys"). Intl.ListFormat is not used: its Welsh writes "a(c)".
 */
export function listText(cat, items) {
  if (items.length < 2) return items.join('');
  const { comma, and, andVowel } = cat.workingWords;
  const last = items.at(-1);
  return `${items.slice(0, -1).join(comma)}${/^[aeiouyâêîôû]/i.test(last) ? andVowel : and}${last}`;
}

/** `table[key]` when the table has that key of its own, else undefined. */
function word(table, key) {
  return table && typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * How a price schedule makes the evaluated price, from the published model's `price.schedule`, in
 * the catalogue's language (text/engine-words.js words it, for a catalogue with `scheduleWords`);
 * in English, the engine's own words.
 */
export function scheduleWords(cat, fmt, schedule) {
  return wording.schedule ? wording.schedule(cat, fmt, schedule) : schedule.words;
}
