// Reading the tender's model for display: walking the criteria tree and naming scale points.
// Nothing here scores anything; it only finds what the file says.

/** Every criterion, depth first, with its depth and parent group. */
export function walk(criteria, depth = 0, parent = null, out = []) {
  for (const c of criteria ?? []) {
    out.push({ c, depth, parent });
    if (Array.isArray(c?.children)) walk(c.children, depth + 1, c, out);
  }
  return out;
}

/** Leaf criteria (not groups), in file order. */
export function leaves(tender) {
  return walk(tender.criteria)
    .filter(({ c }) => !Array.isArray(c.children))
    .map(({ c }) => c);
}

export function isGroup(c) {
  return Array.isArray(c.children);
}

/** The points of a scale, as [{ value, label, descriptor }]; a from/to/step scale has no labels. */
export function scalePoints(tender, name) {
  const scale = tender.scales && Object.hasOwn(tender.scales, name) ? tender.scales[name] : undefined;
  if (!scale) return [];
  if (Array.isArray(scale.points)) return scale.points;
  return [];
}

export function measureById(tender, id) {
  return (tender.measures ?? []).find((m) => m.id === id) ?? null;
}

/** Evaluator names used anywhere in the bids, in first-seen order. */
export function evaluatorNames(tender) {
  const names = [];
  for (const b of tender.bids ?? []) {
    for (const s of Object.values(b.scores ?? {})) {
      for (const name of Object.keys(s?.evaluators ?? {})) if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** A deep copy of JSON data. */
export function copy(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** An id not used by any bid: prefix-1, prefix-2, ... */
export function freshBidId(tender, prefix) {
  const used = new Set((tender.bids ?? []).map((b) => b.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
