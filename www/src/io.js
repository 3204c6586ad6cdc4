// Saving work in this browser, downloading files and the CSV of results. Nothing is sent anywhere.
import { ordered, segments } from './results.js';
import { totalHeading, valueFields, valueHeadings } from './award.js';
import { fill } from './messages.js';

const PREFIX = 'bid-scorer:v1';

/** The largest tender file the engine reads, in bytes (its `MAX_FILE_BYTES`; a test keeps them equal). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Why `file` cannot be opened for its size, before any of it is read; null when it can. */
export function tooLarge(file, ui) {
  if (file.size <= MAX_FILE_BYTES) return null;
  const mb = (n) => (n / 1048576).toFixed(1);
  return fill(ui.importTooLarge, { size: mb(file.size), limit: mb(MAX_FILE_BYTES) });
}

/** The localStorage key for a tender's saved work in one mode. */
export function storageKey(tender, mode) {
  const ref = tender?.tender?.reference || tender?.tender?.title || 'untitled';
  return `${PREFIX}:${mode}:${ref}`;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Reads saved work: { state: 'none' } | { state: 'ok', tender, savedAt } |
 * { state: 'corrupt', asideKey } (the unreadable copy is moved to asideKey) | { state: 'unavailable' }.
 */
export function loadSaved(key) {
  const store = storage();
  if (!store) return { state: 'unavailable' };
  let text;
  try {
    text = store.getItem(key);
  } catch {
    return { state: 'unavailable' };
  }
  if (text === null) return { state: 'none' };
  try {
    const saved = JSON.parse(text);
    if (
      saved &&
      typeof saved === 'object' &&
      saved.tender &&
      typeof saved.tender === 'object' &&
      !Array.isArray(saved.tender)
    ) {
      return { state: 'ok', tender: saved.tender, savedAt: new Date(saved.savedAt) };
    }
  } catch {
    // fall through: set it aside
  }
  const asideKey = `${key}:unreadable:${new Date().toISOString()}`;
  try {
    store.setItem(asideKey, text);
    store.removeItem(key);
  } catch {
    // The copy could not be kept; still never load it again.
    try {
      store.removeItem(key);
    } catch {
      /* nothing more can be done */
    }
  }
  return { state: 'corrupt', asideKey };
}

/** Saves the tender being edited; false when the browser refuses. */
export function save(key, tender, when = new Date()) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ savedAt: when.toISOString(), tender }));
    return true;
  } catch {
    return false;
  }
}

export function forget(key) {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing saved to forget */
  }
}

/** Offers `text` as a file download. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A file name from the tender's reference: "EBC-2026-014-results.csv". */
export function fileName(tender, suffix) {
  const base = (tender?.tender?.reference || tender?.tender?.title || 'tender').replace(/[^\w.-]+/g, '-');
  return `${base}-${suffix}`;
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function field(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The results as CSV for Excel: UTF-8 with a byte order mark, money with its currency sign, one
 * row per bid in ranked order, every criterion and group score (and, under another award method,
 * the bid's value) as the engine wrote it.
 */
export function resultsCsv(ctx, result) {
  const { cat, fmt, tender } = ctx;
  const crit = result.bids[0]?.criteria ?? [];
  const segs = segments(tender).filter((s) => Array.isArray(s.children));
  const head = [
    cat.ui.rank,
    cat.ui.supplier,
    cat.ui.status,
    cat.ui.priceOffered,
    ...crit.map((c) => c.name),
    ...segs.map((s) => s.name),
    totalHeading(cat, result.method),
    ...valueHeadings(cat, result, tender),
    cat.ui.socialValueMoney,
  ];
  const rows = ordered(result).map((b) => [
    b.rank ?? '',
    b.supplier,
    cat.ui.statuses[b.status] ?? b.status,
    fmt.money(b.price),
    ...crit.map((c) => b.criteria.find((x) => x.id === c.id)?.score ?? ''),
    ...segs.map((s) => b.groups.find((g) => g.id === s.id)?.score ?? ''),
    b.total,
    ...valueFields(cat, result, tender, b),
    b.socialValue ? fmt.money(b.socialValue.money) : '',
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
