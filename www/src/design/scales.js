// Design mode: scoring scales (presets and custom points with labels and descriptors), the
// thresholds set on scored criteria, and the pass/fail questions. The summaries of thresholds and
// gates are the engine's (`describe`).
import { h, scrollingTable } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { isGroup, walk } from '../ui/model.js';
import { SCALE_PRESETS, customScale } from './templates.js';
import { actionButton, amountOrNone, setOrDelete, textOrNone } from './fields.js';
import { newLeaf } from './tree.js';

function uniqueName(scales, base) {
  let name = base;
  let n = 2;
  while (Object.hasOwn(scales, name)) {
    name = `${base}-${n}`;
    n += 1;
  }
  return name;
}

/** Renames a scale, keeping the order of the scales, and points its criteria at the new name. */
function renameScale(tender, before, after) {
  tender.scales = Object.fromEntries(Object.entries(tender.scales).map(([k, v]) => [k === before ? after : k, v]));
  for (const { c } of walk(tender.criteria)) if (!isGroup(c) && c.scale === before) c.scale = after;
}

export function scalesSection(c) {
  const { d, fields, tender, session } = c;
  session.pendingNames ??= new Map();
  const scales = tender.scales ?? {};
  const users = (name) =>
    walk(tender.criteria)
      .filter(({ c: n }) => !isGroup(n) && n.kind === 'scored' && n.scale === name)
      .map(({ c: n }) => n.name || n.id);

  const add = (base, scale) => {
    tender.scales ??= {};
    const name = uniqueName(tender.scales, base);
    setOrDelete(tender.scales, name, scale);
    c.structure(`[data-path="scales.${CSS.escape(name)}"]`);
    c.announce(fill(d.scaleAdded, { name }));
  };

  const presetButtons = h(
    'div.button-group',
    Object.entries(SCALE_PRESETS).map(([id, p]) =>
      actionButton(
        'add-scale',
        fill(d.addScale, { name: d.presets[id] }),
        () => add(p.name, structuredClone(p.scale)),
        { key: id },
      ),
    ),
    actionButton('add-scale', d.addCustomScale, () => add(d.customScaleName, customScale()), { key: 'custom' }),
  );

  const cards = Object.entries(scales).map(([name, scale]) => {
    const at = `scales.${name}`;
    const used = users(name);
    const nameField = fields.text({
      path: at,
      label: d.scaleNameLabel,
      hint: d.scaleNameHint,
      get: () => session.pendingNames.get(at) ?? name,
      set: (v) => session.pendingNames.set(at, v),
    });
    nameField.querySelector('input').addEventListener('change', (e) => {
      const typed = e.target.value.trim();
      session.localErrors.delete(at);
      if (!typed) session.localErrors.set(at, d.scaleNameEmpty);
      else if (typed !== name && Object.hasOwn(tender.scales, typed)) session.localErrors.set(at, d.scaleNameTaken);
      else {
        session.pendingNames.delete(at);
        if (typed !== name) renameScale(tender, name, typed);
      }
      c.rebuildSoon();
    });
    const body = [nameField];
    if (Array.isArray(scale?.points)) {
      body.push(
        h(
          'ol.design-points',
          scale.points.map((p, i) => {
            const pp = `${at}.points[${i}]`;
            const k = c.key(p);
            return h(
              'li.design-point',
              h(
                'div.row-fields',
                fields.text({
                  path: `${pp}.value`,
                  label: d.pointValueLabel,
                  numeric: true,
                  width: 'input--w5',
                  get: () => p.value,
                  set: (v) => setOrDelete(p, 'value', amountOrNone(v)),
                }),
                fields.text({
                  path: `${pp}.label`,
                  label: d.pointLabelLabel,
                  words: p,
                  get: () => p.label,
                  set: (v) => setOrDelete(p, 'label', textOrNone(v)),
                }),
              ),
              fields.text({
                path: `${pp}.descriptor`,
                label: d.pointDescriptorLabel,
                multiline: true,
                words: p,
                get: () => p.descriptor,
                set: (v) => setOrDelete(p, 'descriptor', textOrNone(v)),
              }),
              actionButton(
                'remove-point',
                d.removePoint,
                () => {
                  scale.points.splice(i, 1);
                  c.structure([`[data-action="add-point"][data-key="${c.key(scale)}"]`]);
                  c.announce(fill(d.pointRemoved, { scale: name }));
                },
                { key: k, small: true, hidden: ` ${fill(d.pointOf, { n: i + 1, scale: name })}` },
              ),
            );
          }),
        ),
        actionButton(
          'add-point',
          d.addPoint,
          () => {
            scale.points.push({});
            c.structure(`[data-path="${CSS.escape(`${at}.points[${scale.points.length - 1}].value`)}"]`);
          },
          { key: c.key(scale), small: true, hidden: ` “${name}”` },
        ),
      );
    } else if (scale && typeof scale === 'object') {
      const num = (key, label) =>
        fields.text({
          path: `${at}.${key}`,
          label,
          numeric: true,
          width: 'input--w5',
          get: () => scale[key],
          set: (v) => setOrDelete(scale, key, amountOrNone(v)),
        });
      body.push(
        h('p.hint', d.rangeHint),
        h('div.row-fields', num('from', d.rangeFrom), num('to', d.rangeTo), num('step', d.rangeStep)),
        fields.text({
          path: `${at}.description`,
          label: d.rangeDescription,
          width: 'input--w20',
          get: () => scale.description,
          set: (v) => setOrDelete(scale, 'description', textOrNone(v)),
        }),
      );
    }
    body.push(
      h('p.body-s', used.length ? fill(d.scaleUsedBy, { names: used.join(', ') }) : d.scaleUnused),
      used.length
        ? null
        : actionButton(
            'remove-scale',
            d.removeScale,
            () => {
              delete tender.scales[name];
              if (!Object.keys(tender.scales).length) delete tender.scales;
              c.structure(['[data-action="add-scale"]']);
              c.announce(fill(d.scaleRemoved, { name }));
            },
            { key: c.key(scale), kind: 'warning', small: true, hidden: ` “${name}”` },
          ),
    );
    return h(
      'li.design-card',
      { 'data-context': fill(d.scaleContext, { name }) },
      h('h4.heading-s', fill(c.cat.ui.scaleCaption, { scale: name })),
      body,
    );
  });

  const thresholds = h('div');
  const gates = h('div');
  const addGate = actionButton('add-gate-here', d.addGate, () => {
    tender.criteria ??= [];
    tender.criteria.unshift(newLeaf(c, 'pass-fail', d.newGate));
    c.structure('[data-path="criteria[0].name"]', { select: true });
  });

  return {
    title: d.scalesHeading,
    body: [
      h('p', d.scalesIntro),
      presetButtons,
      cards.length ? h('ul.design-cards', cards) : h('p.inset', d.noScalesYet),
      h('h4.heading-s', d.thresholdsHeading),
      thresholds,
      h('h4.heading-s', d.gatesHeading),
      gates,
      addGate,
    ],
    update(state) {
      const m = state.last;
      if (!m) {
        thresholds.replaceChildren(h('p.secondary', d.summaryWhenValid));
        gates.replaceChildren();
        return;
      }
      thresholds.replaceChildren(
        m.thresholds.length
          ? scrollingTable({
              caption: d.thresholdsCaption,
              part: 'table thresholds',
              head: [c.cat.ui.criterion, d.thresholdColumn, d.scaleColumn],
              rows: m.thresholds.map((t) => [t.name, c.fmt.number(t.threshold), t.scale]),
            })
          : h('p', d.noThresholds),
      );
      gates.replaceChildren(
        m.gates.length
          ? h(
              'ul.list',
              m.gates.map((g) => h('li', g.name)),
            )
          : h('p', d.noGates),
      );
    },
  };
}
