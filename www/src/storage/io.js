// Downloading files and the CSV of results (saved work in this browser is storage/saved-work.js). Nothing
// is sent anywhere.
import { resultOrder, segments } from '../ui/results.js';
import { totalHeading, valueFields, valueHeadings } from '../text/award.js';
import { engineText, fill } from '../text/messages.js';
import { shownText, textIn } from '../text/tender-text.js';

/** The largest tender file the engine reads, in bytes (its `MAX_FILE_BYTES`; a test keeps them equal). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Why `file` cannot be opened for its size, before any of it is read; null when it can. */
function tooLarge(file, ui) {
  if (file.size <= MAX_FILE_BYTES) return null;
  const mb = (n) => (n / 1048576).toFixed(1);
  return fill(ui.importTooLarge, { size: mb(file.size), limit: mb(MAX_FILE_BYTES) });
}

/**
 * The text of a file the user picked or dropped, as `{ text }`, or why it cannot be opened, as
 * `{ problem }`: too large (found before any of it is read), or refused by the browser (a dropped
 * folder, or a file moved or changed since it was chosen). Never rejects.
 */
export async function fileText(file, ui) {
  const big = tooLarge(file, ui);
  if (big) return { problem: big };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: ui.importUnreadable };
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
  // A title given in several languages names the file by its English (or first) text.
  const info = tender?.tender ?? {};
  const base = (shownText(info.reference) || shownText(textIn(info.title, 'en')) || 'tender').replace(/[^\w.-]+/g, '-');
  return `${base}-${suffix}`;
}

/**
 * One CSV field: quoted when needed. A cell a spreadsheet would run as a formula (one starting with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe, unless the whole cell is a plain
 * number such as -12.5: "-2+3" and "-1,cmd" are defused like any other text.
 */
export function field(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The results as CSV for Excel: UTF-8 with a byte order mark, money with its currency sign, one
 * row per bid in ranked order (lot by lot, each bid with its lot), every criterion and group
 * score (and, under another award method, the bid's value) as the engine wrote it, and why a bid
 * is not ranked (its reasons, or what is missing), worded from the engine's codes.
 */
export function resultsCsv(ctx, result) {
  const { cat, fmt, tender } = ctx;
  const crit = result.bids[0]?.criteria ?? [];
  const segs = segments(tender).filter((s) => Array.isArray(s.children));
  // With lots, ranks are within each lot: the lot's name goes first.
  const lots = new Map((result.lots ?? []).map((l) => [l.id, l.name]));
  const head = [
    ...(lots.size ? [cat.ui.lotLabel] : []),
    cat.ui.rank,
    cat.ui.supplier,
    cat.ui.status,
    cat.ui.priceOffered,
    ...crit.map((c) => c.name),
    ...segs.map((s) => s.name),
    totalHeading(cat, result.method),
    ...valueHeadings(cat, result, tender),
    cat.ui.socialValueMoney,
    cat.ui.whyNotRanked,
  ];
  const bids = resultOrder(result);
  const rows = bids.map((b) => [
    ...(lots.size ? [lots.get(b.lot) ?? b.lot ?? ''] : []),
    b.rank ?? '',
    b.supplier,
    cat.ui.statuses[b.status] ?? b.status,
    fmt.money(b.price),
    ...crit.map((c) => b.criteria.find((x) => x.id === c.id)?.score ?? ''),
    ...segs.map((s) => b.groups.find((g) => g.id === s.id)?.score ?? ''),
    b.total,
    ...valueFields(cat, result, tender, b),
    b.socialValue ? fmt.money(b.socialValue.money) : '',
    // Why a bid is not ranked: its reasons (disqualified) or what is missing (incomplete).
    [...b.reasons, ...b.missing].map((m) => engineText(cat, 'reasons', m, fmt)).join('; '),
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
