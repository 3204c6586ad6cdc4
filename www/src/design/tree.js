// Design mode: the criteria tree. Add, rename, reorder, nest and remove criteria and groups with
// buttons (keyboard operable), set each one's kind, marks and question; the running total, each
// criterion's share and the social value check are the engine's (`describe`), never added up here.
import { scoreText, tenderMethod, usesValue } from '../text/award.js';
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { isGroup, walk } from '../ui/model.js';
import { freshName, slugId } from './csv.js';
import { SCALE_PRESETS } from './templates.js';
import { actionButton, amountOrNone, followName, identifierField, setOrDelete, textOrNone } from './fields.js';

const KINDS = ['scored', 'price', 'numeric', 'measures', 'pass-fail'];
const KIND_FIELDS = [
  'formula',
  'zeroAt',
  'best',
  'worst',
  'reference',
  'cap',
  'ceiling',
  'aboveCeiling',
  'scale',
  'threshold',
  'unit',
  'direction',
  'measures',
  'svScoring',
  'target',
  // §11 and §13: a price schedule, relative thresholds and limits on a stated number.
  'schedule',
  'lifeCycle',
  'thresholdRelative',
  'minimum',
  'maximum',
];

/**
 * "Total: 100 marks", flagged when the engine warns that the marks do not add up to 100, or the
 * total worth in money under the fictitious discount.
 */
export function totalText(c, described) {
  const key =
    described.method === 'fictitious-discount'
      ? 'totalValue'
      : described.warnings.some((w) => w.code === 'weights-not-100')
        ? 'totalNot100'
        : 'totalMarks';
  return fill(c.d[key], { total: scoreText(c.fmt, described.method, described.maxTotal) });
}

/** Every criterion and group id in use. */
export function allIds(tender) {
  return new Set(walk(tender.criteria).map(({ c }) => c.id));
}

/** Every criterion and group name in use: a new one gets a name of its own. */
const allNames = (tender) => new Set(walk(tender.criteria).map(({ c }) => c.name));

/** The price criterion (the first, if a file has several) with its engine path, or null. */
export function priceNode(tender) {
  const found = nodesWithPaths(tender).find(({ node }) => !isGroup(node) && node.kind === 'price');
  return found ?? null;
}

/** Every node with its engine path (`criteria[1].children[0]`), depth first. */
export function nodesWithPaths(tender) {
  const out = [];
  const visit = (list, prefix, depth) =>
    (list ?? []).forEach((node, i) => {
      const path = `${prefix}[${i}]`;
      out.push({ node, path, depth });
      if (isGroup(node)) visit(node.children, `${path}.children`, depth + 1);
    });
  visit(tender.criteria, 'criteria', 0);
  return out;
}

/** Points references to a criterion or group id (tie-break rules, example bids) at its new id. */
function renameRefs(tender, before, after) {
  if (before === after) return;
  tender.tieBreak = tender.tieBreak?.map((r) => {
    const [kind, id] = String(r).split(/:(.*)/s);
    return id === before && (kind === 'group' || kind === 'criterion') ? `${kind}:${after}` : r;
  });
  if (!tender.tieBreak) delete tender.tieBreak;
  for (const bid of tender.bids ?? []) {
    for (const map of ['scores', 'values', 'gates']) {
      const m = bid[map];
      if (m && Object.hasOwn(m, before) && !Object.hasOwn(m, after)) {
        setOrDelete(m, after, m[before]);
        delete m[before];
      }
    }
  }
}

/** Drops references to a removed criterion or group. */
function dropRefs(tender, id) {
  if (tender.tieBreak) {
    tender.tieBreak = tender.tieBreak.filter((r) => r !== `group:${id}` && r !== `criterion:${id}`);
  }
  for (const bid of tender.bids ?? []) {
    for (const map of ['scores', 'values', 'gates']) {
      if (bid[map]) delete bid[map][id];
    }
  }
}

/** The first scale's name, adding the 0–5 preset when the tender has none. */
function firstScale(tender) {
  const names = Object.keys(tender.scales ?? {});
  if (names.length) return names[0];
  const p = SCALE_PRESETS['0-5'];
  tender.scales = { ...(tender.scales ?? {}), [p.name]: structuredClone(p.scale) };
  return p.name;
}

/** Switches a criterion's kind, putting aside the fields of the old kind in case it comes back. */
function changeKind(c, node, kind) {
  const stash = c.session.stash.get(node) ?? {};
  for (const f of KIND_FIELDS) {
    if (Object.hasOwn(node, f)) {
      stash[`${node.kind}.${f}`] = node[f];
      delete node[f];
    }
  }
  for (const f of ['weight', 'value']) {
    if (kind === 'pass-fail' && Object.hasOwn(node, f)) {
      stash[f] = node[f];
      delete node[f];
    } else if (kind !== 'pass-fail' && !Object.hasOwn(node, f) && Object.hasOwn(stash, f)) {
      node[f] = stash[f];
    }
  }
  node.kind = kind;
  for (const f of KIND_FIELDS) {
    const k = `${kind}.${f}`;
    if (Object.hasOwn(stash, k)) node[f] = stash[k];
  }
  kindDefaults(c, node);
  c.session.stash.set(node, stash);
}

function kindDefaults(c, node) {
  const t = c.tender;
  if (node.kind === 'scored') node.scale ??= firstScale(t);
  if (node.kind === 'numeric') node.direction ??= 'higher';
  if (node.kind === 'measures') node.measures ??= (t.measures ?? []).map((m) => m.id);
  if (node.kind === 'price') {
    node.formula ??= 'lowest-ratio';
    if (usesValue(tenderMethod(t)) && Object.hasOwn(node, 'weight')) {
      const stash = c.session.stash.get(node) ?? {};
      stash.weight = node.weight;
      c.session.stash.set(node, stash);
      delete node.weight;
    }
  }
}

/** A new criterion of `kind` with a unique id that follows its name until the id is edited. */
export function newLeaf(c, kind, name) {
  name = freshName(name, allNames(c.tender));
  const node = { id: slugId(name, allIds(c.tender), 'criterion'), kind, name };
  kindDefaults(c, node);
  c.session.autoIds.add(node);
  return node;
}

export function newGroup(c, name) {
  name = freshName(name, allNames(c.tender));
  const group = { id: slugId(name, allIds(c.tender), 'group'), name, children: [] };
  c.session.autoIds.add(group);
  group.children.push(newLeaf(c, 'scored', c.d.newCriterion));
  return group;
}

/**
 * Social value's share and the 10% check, from the engine's description and warnings:
 * { ok: true | false | null, text, short } (`short` for the bar at the bottom of the page).
 */
export function socialValueStatus(c, described) {
  if (!described) return null;
  const { d, fmt } = c;
  if (described.method === 'fictitious-discount') return { ok: null, text: d.svNotApplicable, short: '' };
  const groups = [];
  const visit = (list) =>
    list.forEach((n) => {
      if (n.kind === 'group' && n.category === 'social-value') groups.push(n);
      visit(n.children ?? []);
    });
  visit(described.criteria);
  const low = described.warnings.find((w) => w.code === 'social-value-weight-low');
  if (low) {
    const percent = fmt.number(low.params.percent);
    return groups.length
      ? { ok: false, text: fill(d.svLow, { percent }), short: fill(d.svLowShort, { percent }) }
      : { ok: false, text: d.svNone, short: d.svNoneShort };
  }
  if (groups.length === 1) {
    const percent = fmt.number(groups[0].sharePercent);
    return { ok: true, text: fill(d.svOk, { percent }), short: fill(d.svOkShort, { percent }) };
  }
  return {
    ok: true,
    text: fill(d.svOkMany, {
      list: groups.map((g) => fill(d.svGroupShare, { name: g.name, percent: fmt.number(g.sharePercent) })).join(', '),
    }),
    short: d.svOkManyShort,
  };
}

/** The status panel: total marks and the social value check, as the engine reports them. */
export function statusPanel(c) {
  const total = h('p.design-status__total', { 'data-total': '' });
  const sv = h('p.design-status__sv', { 'data-sv': '' });
  const stale = h('p.body-s.secondary', { hidden: true }, c.d.stale);
  const node = h('div.design-status', total, sv, stale);
  return {
    node,
    update(state) {
      const last = state.last;
      stale.hidden = !last || Boolean(state.described);
      if (!last) {
        total.textContent = c.d.noTotalYet;
        sv.textContent = '';
        node.className = 'design-status';
        return;
      }
      total.textContent = totalText(c, last);
      const s = socialValueStatus(c, last);
      sv.textContent = s?.text ?? '';
      node.className = `design-status${s?.ok === false ? ' design-status--low' : s?.ok ? ' design-status--ok' : ''}`;
    },
  };
}

function marksField(c, node, path) {
  const { d, fields } = c;
  const method = tenderMethod(c.tender);
  if (node.kind === 'pass-fail') return h('p.hint', d.gateHint);
  if (node.kind === 'price' && usesValue(method)) return h('p.hint', d.priceNoMarks);
  if (method === 'fictitious-discount' && node.kind !== 'price') {
    return fields.text({
      path: `${path}.value`,
      label: fill(d.valueLabel, { currency: c.tender.tender?.currency ?? 'GBP' }),
      hint: d.valueHint,
      numeric: true,
      get: () => node.value,
      set: (v) => setOrDelete(node, 'value', amountOrNone(v)),
    });
  }
  return fields.text({
    path: `${path}.weight`,
    label: usesValue(method) ? d.qualityPointsLabel : d.marksLabel,
    numeric: true,
    width: 'input--w5',
    get: () => node.weight,
    set: (v) => setOrDelete(node, 'weight', amountOrNone(v)),
  });
}

/** An optional figure of a criterion or group (a threshold, a limit), stored as typed. */
function figure(c, node, path, key, label, hint) {
  return c.fields.text({
    path: `${path}.${key}`,
    label,
    hint,
    numeric: true,
    width: 'input--w5',
    get: () => node[key],
    set: (v) => setOrDelete(node, key, amountOrNone(v)),
  });
}

function kindFields(c, node, path) {
  const { d, fields, tender } = c;
  const goto = (section, text) =>
    h(
      'p',
      actionButton(
        `goto-${section}`,
        text,
        () => {
          const target = c.fields.control(`${path}.${section === 'price' ? 'formula' : 'measures'}`);
          target?.focus();
          target?.scrollIntoView({ block: 'center' });
        },
        { key: c.key(node), kind: 'link' },
      ),
    );
  switch (node.kind) {
    case 'scored': {
      const names = Object.keys(tender.scales ?? {});
      const options = names.map((n) => ({ value: n, label: n }));
      if (node.scale !== undefined && !names.includes(String(node.scale))) {
        options.unshift({ value: node.scale, label: fill(d.missingScale, { name: node.scale }) });
      }
      if (!options.length) options.push({ value: null, label: d.noScales });
      return [
        fields.select({
          path: `${path}.scale`,
          label: d.scaleLabel,
          options,
          get: () => node.scale,
          set: (opt) => setOrDelete(node, 'scale', opt.value ?? undefined),
        }),
        fields.text({
          path: `${path}.threshold`,
          label: d.thresholdLabel,
          hint: d.thresholdHint,
          numeric: true,
          width: 'input--w5',
          get: () => node.threshold,
          set: (v) => setOrDelete(node, 'threshold', amountOrNone(v)),
        }),
        figure(c, node, path, 'thresholdRelative', d.relativeThresholdLabel, d.relativeThresholdHint),
      ];
    }
    case 'numeric': {
      const formula = node.formula ?? 'relative-to-best';
      const options = ['relative-to-best', 'set-bounds'].map((f) => ({ value: f, label: d.numericFormulas[f] }));
      if (!options.some((o) => o.value === formula)) options.push({ value: formula, label: formula });
      const select = fields.select({
        path: `${path}.formula`,
        label: d.numericFormulaLabel,
        options,
        get: () => formula,
        set: (opt) => setOrDelete(node, 'formula', opt.value === 'relative-to-best' ? undefined : opt.value),
      });
      select.querySelector('select').addEventListener('change', () => c.structure(`[data-path="${path}.formula"]`));
      return [
        fields.text({
          path: `${path}.unit`,
          label: d.unitLabel,
          hint: d.unitHint,
          words: node,
          get: () => node.unit,
          set: (v) => setOrDelete(node, 'unit', textOrNone(v)),
        }),
        fields.radios({
          path: `${path}.direction`,
          legend: d.directionLegend,
          options: [
            { value: 'higher', label: d.directions.higher },
            { value: 'lower', label: d.directions.lower },
          ],
          get: () => node.direction,
          set: (opt) => setOrDelete(node, 'direction', opt.value),
        }),
        h(
          'div.row-fields',
          figure(c, node, path, 'minimum', d.minimumLabel, d.limitHint),
          figure(c, node, path, 'maximum', d.maximumLabel, d.limitHint),
        ),
        select,
        formula === 'set-bounds'
          ? h(
              'div.row-fields',
              ['best', 'worst'].map((b) =>
                fields.text({
                  path: `${path}.${b}`,
                  label: d.bounds[b],
                  numeric: true,
                  get: () => node[b],
                  set: (v) => setOrDelete(node, b, amountOrNone(v)),
                }),
              ),
            )
          : null,
      ];
    }
    case 'measures':
      return goto('sv', d.measuresElsewhere);
    case 'price':
      return goto('price', d.priceElsewhere);
    default:
      return null;
  }
}

export function treeSection(c) {
  const { d, fields, tender } = c;
  tender.criteria ??= [];
  const status = statusPanel(c);
  const shares = [];
  const hasPrice = () => Boolean(priceNode(tender));

  function nodeItem(node, list, index, path, parent, depth) {
    const k = c.key(node);
    const group = isGroup(node);
    const display = () => node.name || node.id || d.unnamed;
    const title = h(
      'h4.heading-s.design-node__title',
      { tabindex: '-1', 'data-heading': `node-${k}` },
      display(),
      ' ',
      // A kind the page does not know is shown as the file has it (none when it has none): never
      // looked up on the catalogue's prototype ("constructor").
      h('span.tag.design-kind', group ? d.groupTag : Object.hasOwn(d.kindTags, node.kind) ? d.kindTags[node.kind] : node.kind),
    );
    const titleText = title.firstChild;
    const anchorError = h('p.error-message', { id: `${k}-err`, hidden: true });
    fields.anchor(path, { group: h('div'), control: title, error: anchorError });
    const share = h('p.body-s.design-share', { 'data-share': k });
    shares.push({ node, share });

    const name = fields.text({
      path: `${path}.name`,
      label: group ? d.groupNameLabel : d.nameLabel,
      width: 'input--w20',
      words: node,
      get: () => node.name,
      set: (v) => {
        setOrDelete(node, 'name', textOrNone(v));
        titleText.textContent = display();
      },
    });
    name.classList.add('design-name');
    name.addEventListener('change', () => {
      followName(c, node, allIds(tender), group ? 'group' : 'criterion', (a, b) => renameRefs(tender, a, b));
      c.rebuildSoon();
    });

    const parts = [name];
    if (!group) {
      const options = KINDS.filter((kind) => kind !== 'price' || node.kind === 'price' || !hasPrice()).map((kind) => ({
        value: kind,
        label: d.kinds[kind],
      }));
      if (!KINDS.includes(node.kind)) options.unshift({ value: node.kind, label: String(node.kind ?? '') });
      const kind = fields.select({
        path: `${path}.kind`,
        label: d.kindLabel,
        options,
        get: () => node.kind,
        set: (opt) => changeKind(c, node, opt.value),
      });
      kind.querySelector('select').addEventListener('change', () => c.structure(`[data-path="${path}.kind"]`));
      parts[0] = h('div.row-fields', name, kind, marksField(c, node, path));
      const extra = kindFields(c, node, path);
      parts.push(node.kind === 'scored' ? h('div.row-fields', extra) : extra);
      const qKey = Object.hasOwn(node, 'description') && !Object.hasOwn(node, 'question') ? 'description' : 'question';
      parts.push(
        fields.text({
          path: `${path}.${qKey}`,
          label: node.kind === 'pass-fail' ? d.gateQuestionLabel : d.questionLabel,
          hint: d.questionHint,
          multiline: true,
          words: node,
          get: () => node[qKey],
          set: (v) => setOrDelete(node, qKey, textOrNone(v)),
        }),
      );
    } else {
      parts.push(
        fields.checkbox({
          path: `${path}.category`,
          label: d.svCategoryLabel,
          hint: d.svCategoryHint,
          get: () => node.category === 'social-value',
          set: (on) => setOrDelete(node, 'category', on ? 'social-value' : undefined),
        }),
      );
      if (Object.hasOwn(node, 'weight')) {
        parts.push(
          fields.text({
            path: `${path}.weight`,
            label: d.groupMarksLabel,
            hint: d.groupMarksHint,
            numeric: true,
            width: 'input--w5',
            get: () => node.weight,
            set: (v) => setOrDelete(node, 'weight', amountOrNone(v)),
          }),
        );
      }
      parts.push(
        h(
          'div.row-fields',
          figure(c, node, path, 'threshold', d.groupThresholdLabel, d.groupThresholdHint),
          figure(c, node, path, 'thresholdRelative', d.relativeThresholdLabel, d.relativeThresholdHint),
        ),
      );
    }
    parts.push(identifierField(c, path, node, (a, b) => renameRefs(tender, a, b)));

    // Moving and removing.
    const prev = list[index - 1];
    const focusKeep = (action) => [
      `[data-action="${action}"][data-key="${k}"]`,
      ...['move-up', 'move-down', 'move-in', 'move-out'].map((a) => `[data-action="${a}"][data-key="${k}"]`),
      `[data-heading="node-${k}"]`,
    ];
    const moved = (action, text) => {
      c.structure(focusKeep(action));
      c.announce(text);
    };
    const nodeButton = (action, text, onClick) =>
      actionButton(action, text, onClick, { key: k, small: true, hidden: ` “${display()}”` });
    const buttons = [];
    if (index > 0) {
      buttons.push(
        nodeButton('move-up', d.moveUp, () => {
          list.splice(index - 1, 0, list.splice(index, 1)[0]);
          moved('move-up', fill(d.movedUp, { name: display() }));
        }),
      );
    }
    if (index < list.length - 1) {
      buttons.push(
        nodeButton('move-down', d.moveDown, () => {
          list.splice(index + 1, 0, list.splice(index, 1)[0]);
          moved('move-down', fill(d.movedDown, { name: display() }));
        }),
      );
    }
    if (prev && isGroup(prev)) {
      const into = prev.name || prev.id;
      buttons.push(
        nodeButton('move-in', fill(d.moveInto, { group: into }), () => {
          list.splice(index, 1);
          prev.children.push(node);
          moved('move-out', fill(d.movedInto, { name: display(), group: into }));
        }),
      );
    }
    if (parent) {
      const outOf = parent.node.name || parent.node.id;
      buttons.push(
        nodeButton('move-out', fill(d.moveOutOf, { group: outOf }), () => {
          list.splice(index, 1);
          parent.list.splice(parent.index + 1, 0, node);
          moved('move-in', fill(d.movedOutOf, { name: display(), group: outOf }));
        }),
      );
    }
    const neighbour = list[index + 1] ?? list[index - 1] ?? parent?.node;
    buttons.push(
      nodeButton('remove', group ? d.removeGroup : d.remove, () => {
        const name = display();
        if (group) list.splice(index, 1, ...node.children);
        else list.splice(index, 1);
        dropRefs(tender, node.id);
        const next = group ? node.children[0] : neighbour;
        c.structure(next ? [`[data-heading="node-${c.key(next)}"]`] : ['[data-action="add-criterion"]']);
        c.announce(fill(group ? d.removedGroup : d.removed, { name }));
      }),
    );

    let children = null;
    if (group) {
      const childError = h('p.error-message', { id: `${k}-children-err`, hidden: true });
      const add = actionButton(
        'add-child',
        d.addToGroup,
        () => {
          const leaf = newLeaf(c, 'scored', d.newCriterion);
          node.children.push(leaf);
          const at = `${path}.children[${node.children.length - 1}]`;
          c.structure(`[data-path="${at}.name"]`, { select: true, fresh: at });
        },
        { key: k, small: true, hidden: ` “${display()}”` },
      );
      fields.anchor(`${path}.children`, { group: h('div'), control: add, error: childError });
      children = h(
        'div.design-children',
        h(
          'ol.design-tree',
          node.children.map((ch, j) =>
            nodeItem(ch, node.children, j, `${path}.children[${j}]`, { node, list, index }, depth + 1),
          ),
        ),
        childError,
        add,
      );
    }
    return h(
      'li',
      {
        class: `design-node${group ? ' design-node--group' : ''}`,
        'data-node': k,
        'data-context': fill(group ? d.groupContext : d.criterionContext, { name: display() }),
      },
      title,
      anchorError,
      share,
      parts,
      h('div.button-group.design-node__actions', buttons),
      children,
    );
  }

  const rootError = h('p.error-message', { id: `tree-${c.uid}-err`, hidden: true });
  const addButton = (action, text, make) =>
    actionButton(action, text, () => {
      const node = make();
      const at = action === 'add-gate' ? 0 : tender.criteria.length;
      tender.criteria.splice(at, 0, node);
      c.structure(`[data-path="criteria[${at}].name"]`, { select: true, fresh: `criteria[${at}]` });
    });
  const addCriterion = addButton('add-criterion', d.addCriterion, () => newLeaf(c, 'scored', d.newCriterion));
  fields.anchor('criteria', { group: h('div'), control: addCriterion, error: rootError });

  const body = [
    h('p', d.criteriaIntro),
    status.node,
    tender.criteria.length
      ? h(
          'ol.design-tree.design-tree--root',
          tender.criteria.map((n, i) => nodeItem(n, tender.criteria, i, `criteria[${i}]`, null, 0)),
        )
      : h('p.inset', d.noCriteria),
    rootError,
    h(
      'div.button-group',
      addCriterion,
      addButton('add-group', d.addGroup, () => newGroup(c, d.newGroup)),
      addButton('add-gate', d.addGate, () => newLeaf(c, 'pass-fail', d.newGate)),
    ),
  ];

  return {
    title: d.criteriaHeading,
    body,
    update(state) {
      status.update(state);
      const byId = new Map();
      const visit = (list) =>
        list.forEach((n) => {
          byId.set(n.id, n);
          visit(n.children ?? []);
        });
      if (state.last) visit(state.last.criteria);
      const fd = state.last?.method === 'fictitious-discount';
      for (const { node, share } of shares) {
        const s = byId.get(node.id);
        const showMarks = s && !(node.kind === 'price' && usesValue(state.last.method));
        share.textContent = showMarks
          ? fill(fd ? d.shareValue : d.shareMarks, {
              marks: scoreText(c.fmt, state.last.method, s.marks),
              percent: c.fmt.number(s.sharePercent),
            })
          : '';
        share.hidden = !share.textContent;
      }
    },
  };
}
