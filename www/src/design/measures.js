// Design mode: social value. Measures with their units and proxy values (money per unit), typed in
// or imported from a CSV file; how each measures criterion scores them; and the share of the marks
// social value holds with the 10% check, as the engine reports it.
import { h } from '../ui/dom.js';
import { fileText } from '../storage/io.js';
import { engineText, fill } from '../text/messages.js';
import { isGroup, walk } from '../ui/model.js';
import { freshName, measuresFromCsv, slugId } from './csv.js';
import { actionButton, amountOrNone, followName, identifierField, setOrDelete, textOrNone } from './fields.js';
import { allIds, newLeaf, nodesWithPaths, statusPanel } from './tree.js';

const SV_SCORING = ['relative-to-highest', 'relative-to-highest-percent', 'target'];

function measureCriteria(tender) {
  return nodesWithPaths(tender).filter(({ node }) => !isGroup(node) && node.kind === 'measures');
}

/** Renames a measure id in the criteria that count it and in the example bids' commitments. */
function renameMeasure(tender, before, after) {
  for (const { node } of measureCriteria(tender)) {
    if (Array.isArray(node.measures)) node.measures = node.measures.map((id) => (id === before ? after : id));
  }
  for (const bid of tender.bids ?? []) {
    const m = bid.commitments;
    if (m && Object.hasOwn(m, before) && !Object.hasOwn(m, after)) {
      setOrDelete(m, after, m[before]);
      delete m[before];
    }
  }
}

function dropMeasure(tender, id) {
  for (const { node } of measureCriteria(tender)) {
    if (Array.isArray(node.measures)) node.measures = node.measures.filter((x) => x !== id);
  }
  for (const bid of tender.bids ?? []) if (bid.commitments) delete bid.commitments[id];
}

/**
 * Adds the measures of a CSV text to the tender. The engine checks each row as it would check the
 * file (a scratch tender holding that one measure), so a bad proxy is reported with the engine's
 * own message. Returns { file, added: [names], problems: [{ row, text }] }.
 */
function importMeasures(c, text, file) {
  const { d, tender, cat } = c;
  const parsed = measuresFromCsv(text);
  const problems = parsed.problems.map((p) => ({ row: p.row, text: fill(d.csv[p.code], p.params) }));
  const before = (tender.measures ?? []).map((m) => m.id);
  const used = new Set(before);
  const added = [];
  for (const { row, measure } of parsed.measures) {
    if (measure.id && used.has(measure.id)) {
      problems.push({ row, text: fill(d.csv.csvDuplicateId, { id: measure.id }) });
      continue;
    }
    const m = {
      id: measure.id ?? slugId(measure.name, used, 'measure'),
      name: measure.name,
      unit: measure.unit,
      proxy: measure.proxy,
    };
    if (measure.source) m.source = measure.source;
    if (measure.licence) m.licence = measure.licence;
    const errors = c.engine
      .validate({ format: 'bidscore/1', criteria: [{ id: 'check', kind: 'pass-fail' }], measures: [m] })
      .errors.filter((e) => e.path.startsWith('measures[0]'));
    if (errors.length) {
      problems.push({
        row,
        text: errors
          .map((e) =>
            fill(d.csv.field, {
              field: d.csv.columns[e.path.split('.').pop()] ?? e.path,
              message: engineText(cat, 'errors', e),
            }),
          )
          .join('; '),
      });
      continue;
    }
    used.add(m.id);
    added.push(m);
  }
  if (added.length) {
    tender.measures = [...(tender.measures ?? []), ...added];
    // A criterion that counted every measure so far counts the new ones too.
    for (const { node } of measureCriteria(tender)) {
      if (Array.isArray(node.measures) && before.every((id) => node.measures.includes(id))) {
        node.measures = [...node.measures, ...added.map((m) => m.id).filter((id) => !node.measures.includes(id))];
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { file, added: added.map((m) => m.name), problems };
}

function reportNode(c, report) {
  const { d } = c;
  if (!report) return null;
  return h(
    'div',
    {
      class: `banner ${report.problems.length ? 'banner--error' : 'banner--success'}`,
      tabindex: '-1',
      'data-csv-report': '',
    },
    h(
      'p',
      fill(report.added.length === 1 ? d.csv.addedOne : d.csv.added, { count: report.added.length, file: report.file }),
    ),
    report.problems.length
      ? [
          h('p', d.csv.problemsIntro),
          h(
            'ul.list',
            { 'data-csv-problems': '' },
            report.problems.map((p) => h('li', { 'data-row': p.row }, fill(d.csv.row, { row: p.row, text: p.text }))),
          ),
        ]
      : null,
  );
}

export function measuresSection(c) {
  const { d, fields, tender, session, uid } = c;
  const status = statusPanel(c);
  const measures = tender.measures ?? [];

  const cards = measures.map((m, i) => {
    const at = `measures[${i}]`;
    const k = c.key(m);
    const text = (key, label, opts = {}) => {
      const field = fields.text({
        path: `${at}.${key}`,
        label,
        width: 'input--w20',
        get: () => m[key],
        set: (v) => setOrDelete(m, key, (opts.amount ? amountOrNone : textOrNone)(v)),
        ...opts.field,
      });
      // The example bids' fields are labelled with the measure's name, unit and value.
      field.addEventListener('change', () => c.rebuildSoon());
      return field;
    };
    const name = text('name', d.measureName, { field: { words: m } });
    name.addEventListener('change', () =>
      followName(c, m, new Set((tender.measures ?? []).map((x) => x.id)), 'measure', (a, b) =>
        renameMeasure(tender, a, b),
      ),
    );
    return h(
      'li.design-card',
      { 'data-context': fill(d.measureContext, { name: m.name || m.id }) },
      h('h4.heading-s', m.name || m.id || d.unnamed),
      name,
      h(
        'div.row-fields',
        text('unit', d.measureUnit, { field: { hint: d.measureUnitHint, width: 'input--w10', words: m } }),
        text('proxy', fill(d.measureProxy, { currency: tender.tender?.currency ?? 'GBP' }), {
          amount: true,
          field: { hint: d.measureProxyHint, width: 'input--w10', numeric: true },
        }),
      ),
      text('source', d.measureSource, { field: { words: m } }),
      text('licence', d.measureLicence, { field: { width: 'input--w10' } }),
      identifierField(c, at, m, (a, b) => renameMeasure(tender, a, b)),
      actionButton(
        'remove-measure',
        d.remove,
        () => {
          tender.measures.splice(i, 1);
          dropMeasure(tender, m.id);
          if (!tender.measures.length) delete tender.measures;
          c.structure(['[data-action="add-measure"]']);
          c.announce(fill(d.removed, { name: m.name || m.id }));
        },
        { key: k, kind: 'warning', small: true, hidden: ` “${m.name || m.id}”` },
      ),
    );
  });

  const addMeasure = actionButton('add-measure', d.addMeasure, () => {
    tender.measures ??= [];
    const used = new Set(tender.measures.map((x) => x.id));
    const name = freshName(d.newMeasure, new Set(tender.measures.map((x) => x.name)));
    const m = { id: slugId(name, used, 'measure'), name };
    session.autoIds.add(m);
    tender.measures.push(m);
    for (const { node } of measureCriteria(tender)) {
      if (Array.isArray(node.measures) && node.measures.length === tender.measures.length - 1) node.measures.push(m.id);
    }
    const at = `measures[${tender.measures.length - 1}]`;
    c.structure(`[data-path="${at}.name"]`, { select: true, fresh: at });
  });
  fields.anchor('measures', {
    group: h('div'),
    control: addMeasure,
    error: h('p.error-message', { hidden: true }),
  });

  // CSV import: a file, or rows pasted in.
  const fileId = `design-csv-${uid}`;
  const pasteId = `design-paste-${uid}`;
  const csvFile = h('input.file-upload', {
    id: fileId,
    type: 'file',
    accept: '.csv,text/csv',
    'data-action': 'csv-file',
    'aria-describedby': `${fileId}-hint`,
  });
  const finish = (report) => {
    session.csvReport = report;
    c.structure('[data-csv-report]');
  };
  csvFile.addEventListener('change', async () => {
    const f = csvFile.files?.[0];
    csvFile.value = '';
    if (!f) return;
    const { text, problem } = await fileText(f, c.cat.ui);
    if (problem) c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [problem] });
    else finish(importMeasures(c, text, f.name));
  });
  const paste = h('textarea.textarea', {
    id: pasteId,
    rows: 4,
    'data-action': 'csv-text',
    spellcheck: 'false',
  });
  paste.value = session.csvText ?? '';
  paste.addEventListener('input', () => {
    session.csvText = paste.value;
  });
  const importPasted = actionButton('csv-import', d.csv.importPasted, () => {
    const report = importMeasures(c, paste.value, d.csv.pasted);
    if (report.added.length) session.csvText = '';
    finish(report);
  });

  // How each measures criterion scores the measures.
  const rules = measureCriteria(tender).map(({ node, path }) => {
    const list = tender.measures ?? [];
    let which;
    if (list.length) {
      which = fields.checkboxes({
        path: `${path}.measures`,
        legend: d.countsLegend,
        options: list.map((m) => ({ value: m.id, label: `${m.name || m.id} (${m.unit ?? ''})` })),
        get: () => node.measures,
        set: (values) => {
          node.measures = values;
        },
      });
    } else {
      const err = h('p.error-message', { hidden: true });
      which = h('div', h('p', d.noMeasuresYet), err);
      fields.anchor(`${path}.measures`, { group: which, control: addMeasure, error: err });
    }
    const scoring = node.svScoring ?? 'relative-to-highest';
    const radios = fields.radios({
      path: `${path}.svScoring`,
      legend: d.svScoringLegend,
      options: SV_SCORING.map((s) => ({ value: s, label: d.svScoring[s], hint: d.svScoringHints[s] })),
      get: () => scoring,
      set: (opt) => setOrDelete(node, 'svScoring', opt.value),
    });
    for (const input of radios.querySelectorAll('input')) {
      input.addEventListener('change', () => c.structure(`[data-path="${path}.svScoring"][value="${input.value}"]`));
    }
    return h(
      'li.design-card',
      { 'data-context': fill(d.criterionContext, { name: node.name || node.id }) },
      h('h4.heading-s', fill(d.svRuleHeading, { name: node.name || node.id })),
      which,
      radios,
      scoring === 'target'
        ? fields.text({
            path: `${path}.target`,
            label: fill(d.targetLabel, { currency: tender.tender?.currency ?? 'GBP' }),
            hint: d.targetHint,
            numeric: true,
            get: () => node.target,
            set: (v) => setOrDelete(node, 'target', amountOrNone(v)),
          })
        : null,
    );
  });

  const addRule = actionButton('add-measures-criterion', d.addMeasuresCriterion, () => {
    tender.criteria ??= [];
    const leaf = newLeaf(c, 'measures', d.newMeasuresCriterion);
    const sv = walk(tender.criteria).find(({ c: n }) => isGroup(n) && n.category === 'social-value')?.c;
    if (sv) sv.children.push(leaf);
    else {
      const group = {
        id: slugId(d.svGroupName, allIds(tender), 'group'),
        name: d.svGroupName,
        category: 'social-value',
        children: [leaf],
      };
      session.autoIds.add(group);
      tender.criteria.push(group);
    }
    const found = measureCriteria(tender).find(({ node }) => node === leaf);
    c.structure(`[data-path="${found.path}.weight"]`);
  });

  return {
    title: d.svHeading,
    body: [
      h('p', d.svIntro),
      status.node,
      h('h4.heading-s', d.measuresHeading),
      cards.length ? h('ul.design-cards', cards) : h('p.inset', d.noMeasuresYet),
      addMeasure,
      h('h4.heading-s', d.csv.heading),
      h('p.hint', { id: `${fileId}-hint` }, d.csv.hint),
      h('div.form-group', h('label.label', { for: fileId }, d.csv.fileLabel), csvFile),
      h('div.form-group', h('label.label', { for: pasteId }, d.csv.pasteLabel), paste),
      importPasted,
      reportNode(c, session.csvReport),
      h('h4.heading-s', d.svRulesHeading),
      rules.length ? h('ul.design-cards', rules) : h('p', d.noMeasuresCriterion),
      addRule,
    ],
    update(state) {
      status.update(state);
    },
  };
}
