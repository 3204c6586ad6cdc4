// Starting points for design mode: evaluation models a buyer adapts, and the scale presets. Plain
// tender-file JSON (format bidscore/1); the names shown for them are in text/messages.js (design block).
// No proxy values ship with the product, so the templates score social value as a written answer;
// a buyer adds measures with their own proxy values.

const DESCRIPTORS_0_5 = [
  ['Unacceptable', 'No response, or the response fails to meet the requirement.'],
  ['Poor', 'Meets few of the requirements; significant concerns about delivery.'],
  ['Acceptable', 'Meets the requirement with some minor gaps or limited evidence.'],
  ['Good', 'Meets the requirement in full with clear evidence.'],
  ['Very good', 'Meets the requirement in full with strong evidence and some added value.'],
  ['Excellent', 'Exceeds the requirement with compelling evidence and clear added value.'],
];

const DESCRIPTORS_0_4 = [
  ['Unacceptable', 'No response, or the response does not address the requirement.'],
  ['Poor', 'Addresses the requirement only in part; significant gaps or risks.'],
  ['Satisfactory', 'Meets the requirement with some minor gaps.'],
  ['Good', 'Meets the requirement in full with clear evidence.'],
  ['Excellent', 'Exceeds the requirement with compelling evidence and added value.'],
];

const DESCRIPTORS_0_2_5_8_10 = [
  [0, 'Unacceptable', 'No response, or the response fails to meet the requirement.'],
  [2, 'Poor', 'Meets few of the requirements; significant concerns about delivery.'],
  [5, 'Satisfactory', 'Meets the requirement with some gaps or limited evidence.'],
  [8, 'Good', 'Meets the requirement in full with clear evidence.'],
  [10, 'Excellent', 'Exceeds the requirement with compelling evidence and clear added value.'],
];

/**
 * Scale presets: the key is the preset's id (its name in text/messages.js), `name` the scale's name in
 * the tender file, `scale` the scale itself.
 */
export const SCALE_PRESETS = {
  '0-4': {
    name: '0-4',
    scale: { points: DESCRIPTORS_0_4.map(([label, descriptor], value) => ({ value, label, descriptor })) },
  },
  '0-5': {
    name: '0-5',
    scale: { points: DESCRIPTORS_0_5.map(([label, descriptor], value) => ({ value, label, descriptor })) },
  },
  '0-2-5-8-10': {
    name: '0-2-5-8-10',
    scale: { points: DESCRIPTORS_0_2_5_8_10.map(([value, label, descriptor]) => ({ value, label, descriptor })) },
  },
  '0-10': { name: '0-10', scale: { from: 0, to: 10, step: 1, description: 'marked from 0 to 10' } },
  '0-100': { name: '0-100', scale: { from: 0, to: 100, step: 1, description: 'marked from 0 to 100' } },
};

/** A custom scale to start from: two points the buyer relabels and adds to. */
export function customScale() {
  return {
    points: [
      { value: 0, label: '', descriptor: '' },
      { value: 1, label: '', descriptor: '' },
    ],
  };
}

const info = () => ({ title: '', buyer: '', reference: '', currency: 'GBP' });

function preset(id) {
  return { [SCALE_PRESETS[id].name]: structuredClone(SCALE_PRESETS[id].scale) };
}

/** The blank model: nothing but the format; the engine asks for a first criterion. */
export function blankTender() {
  return { format: 'bidscore/1', tender: info(), criteria: [] };
}

/** The social value group of the service templates: one written answer scored on `scale`. */
function socialValueGroup(scale) {
  return {
    id: 'social-value',
    name: 'Social value',
    category: 'social-value',
    children: [
      {
        id: 'sv-commitments',
        kind: 'scored',
        name: 'Social value commitments',
        weight: 10,
        scale,
        question:
          'Describe the social value you will deliver through the contract, how you will measure it and how you will report it.',
      },
    ],
  };
}

/** Templates by id; each call returns a fresh copy. Their names are in text/messages.js. */
export const TEMPLATES = {
  'services-60-30-10': () => ({
    format: 'bidscore/1',
    tender: info(),
    award: { method: 'weighted-sum' },
    rounding: { decimals: 2, stage: 'criterion' },
    tieBreak: ['group:quality', 'price'],
    scales: preset('0-5'),
    criteria: [
      { id: 'price', kind: 'price', name: 'Price', weight: 60, formula: 'lowest-ratio' },
      {
        id: 'quality',
        name: 'Quality',
        children: [
          {
            id: 'delivery',
            kind: 'scored',
            name: 'Delivery of the service',
            weight: 15,
            scale: '0-5',
            question: 'Describe how you will deliver the service, including mobilisation and managing risks.',
          },
          {
            id: 'staffing',
            kind: 'scored',
            name: 'Staffing and resources',
            weight: 15,
            scale: '0-5',
            question: 'Describe the staff and resources you will commit to the contract.',
          },
        ],
      },
      socialValueGroup('0-5'),
    ],
  }),

  'services-quality-led': () => ({
    format: 'bidscore/1',
    tender: info(),
    award: { method: 'weighted-sum' },
    rounding: { decimals: 2, stage: 'criterion' },
    tieBreak: ['group:quality', 'price'],
    scales: preset('0-5'),
    criteria: [
      {
        id: 'gate-insurance',
        kind: 'pass-fail',
        name: 'Insurance held at the levels in the specification',
      },
      { id: 'price', kind: 'price', name: 'Price', weight: 40, formula: 'lowest-ratio' },
      {
        id: 'quality',
        name: 'Quality',
        children: [
          {
            id: 'delivery',
            kind: 'scored',
            name: 'Service delivery',
            weight: 20,
            scale: '0-5',
            threshold: 2,
            question: 'Describe how you will deliver the service and meet the outcomes in the specification.',
          },
          {
            id: 'staffing',
            kind: 'scored',
            name: 'Staffing and supervision',
            weight: 15,
            scale: '0-5',
            question: 'Describe your staffing model, supervision and how you will recruit and keep staff.',
          },
          {
            id: 'mobilisation',
            kind: 'scored',
            name: 'Mobilisation',
            weight: 15,
            scale: '0-5',
            question: 'Describe your plan for the first 90 days of the contract.',
          },
        ],
      },
      socialValueGroup('0-5'),
    ],
  }),

  'goods-lowest-price': () => ({
    format: 'bidscore/1',
    tender: info(),
    award: { method: 'weighted-sum' },
    rounding: { decimals: 2, stage: 'criterion' },
    tieBreak: [],
    criteria: [
      { id: 'gate-specification', kind: 'pass-fail', name: 'The goods meet the specification in full' },
      { id: 'gate-delivery', kind: 'pass-fail', name: 'Delivery within the time set in the specification' },
      { id: 'price', kind: 'price', name: 'Price', weight: 100, formula: 'lowest-ratio' },
    ],
  }),

  'price-per-quality-point': () => ({
    format: 'bidscore/1',
    tender: info(),
    award: { method: 'price-per-quality-point' },
    rounding: { decimals: 2, stage: 'criterion' },
    tieBreak: ['group:quality'],
    scales: preset('0-2-5-8-10'),
    criteria: [
      { id: 'price', kind: 'price', name: 'Price' },
      {
        id: 'quality',
        name: 'Quality',
        children: [
          {
            id: 'approach',
            kind: 'scored',
            name: 'Technical approach',
            weight: 40,
            scale: '0-2-5-8-10',
            question: 'Describe how you will meet the requirement.',
          },
          {
            id: 'team',
            kind: 'scored',
            name: 'Team and experience',
            weight: 30,
            scale: '0-2-5-8-10',
            question: 'Describe the team you will provide and their relevant experience.',
          },
          {
            id: 'management',
            kind: 'scored',
            name: 'Contract management',
            weight: 20,
            scale: '0-2-5-8-10',
            question: 'Describe how you will manage the contract and report on performance.',
          },
        ],
      },
      socialValueGroup('0-2-5-8-10'),
    ],
  }),
};
