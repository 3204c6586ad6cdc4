// Where the element's tender comes from when no `tender` property was set: an inline
// `<script type="application/json">` child (works from a saved page, needs no fetch), else the
// `src` attribute, fetched over http or https only. A failure is reported through `emit` as a
// bid-scorer-error event and gives null.

/** The inline tender of `el`, parsed; null when there is none or it is not JSON. */
export function inlineTender(el, emit) {
  const script = el.querySelector(':scope > script[type="application/json"]');
  if (!script) return null;
  try {
    return JSON.parse(script.textContent);
  } catch (error) {
    emit('bid-scorer-error', {
      error,
      errors: [{ code: 'json-syntax', path: '', message: String(error.message) }],
    });
    return null;
  }
}

/** Resolves to the tender at `src` (http or https, relative to the page), or null. */
export async function fetchTender(src, emit) {
  if (!src) return null;
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return await response.json();
  } catch (error) {
    emit('bid-scorer-error', { error });
    return null;
  }
}
