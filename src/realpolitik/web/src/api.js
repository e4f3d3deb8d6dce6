// The only way the dashboard reaches data: JSON GETs to the realpolitik API, same origin.

export class ApiError extends Error {}

/** GET /api/<path> with query parameters (arrays repeat the key; empty values are left out). */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== null && v !== '') query.append(key, String(v));
    }
  }
  const url = `/api/${path}${query.toString() ? `?${query}` : ''}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = body.message || (typeof body.detail === 'string' ? body.detail : response.statusText);
    throw new ApiError(`${response.status}: ${detail}`);
  }
  return body;
}

let overviewPromise = null;

/** Counts, date range and filter values of the served store (fetched once). */
export function overview() {
  overviewPromise ??= api('overview');
  return overviewPromise;
}
