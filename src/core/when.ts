/** Human labels for ISO dates and instants, keeping the article's own offset. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2019-01-24T14:30:00-04:00" -> "24 Jan 2019, 2:30 p.m. (UTC-4)"; "2019-01-24" -> "24 Jan 2019";
 * "2019-01" -> "Jan 2019"; "2019" -> "2019"; null -> "undated".
 */
export function formatWhen(at: string | null | undefined): string {
  if (!at) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(at);
  if (!m) return at;
  const [, y, mo, d, hh, mm, off] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  let out = d ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : `${y}`;
  if (hh !== undefined && mm !== undefined) {
    const h = Number(hh);
    const h12 = h % 12 === 0 ? 12 : h % 12;
    out += `, ${h12}:${mm} ${h < 12 ? 'a.m.' : 'p.m.'}`;
    if (off) out += ` (${offsetLabel(off)})`;
  }
  return out;
}

function offsetLabel(off: string): string {
  if (off === 'Z' || off === '+00:00') return 'UTC';
  const sign = off[0];
  const [h, m] = off.slice(1).split(':');
  return `UTC${sign}${Number(h)}${m && m !== '00' ? `:${m}` : ''}`;
}
