/**
 * The time zone of an article's local times, when its metadata does not say: the dateline city
 * ("LISBON, Portugal (AP) —", "TOKYO (Reuters) -") matched against the IANA zone names that
 * Intl ships ("Europe/Lisbon", "Asia/Tokyo"). No match, no guess.
 */
let zonesByCity: Map<string, string> | null = null;

function cities(): Map<string, string> {
  if (zonesByCity) return zonesByCity;
  zonesByCity = new Map();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const city = zone.split('/').pop()?.replace(/_/g, ' ').toLowerCase();
    if (city && !zonesByCity.has(city)) zonesByCity.set(city, zone);
  }
  return zonesByCity;
}

/** An IANA zone from the first dateline in the first lines of the text, or null. */
export function zoneFromDateline(text: string): string | null {
  const head = text.slice(0, 2000);
  const m = /(?:^|\n)\s*([A-Z][A-Z .'-]{2,30}?)(?:,\s*[A-Za-z .'-]{2,30})?\s*(?:\([A-Za-z .]+\))?\s*[—–-]/.exec(head);
  if (!m?.[1]) return null;
  return cities().get(m[1].trim().toLowerCase()) ?? null;
}
