/**
 * Generic world knowledge that is true of any crisis: seats of power that stand for a country,
 * common short names, and international organisations. Crisis-specific names live in seeds/.
 */

/** Extra names of countries (by ISO 3166 alpha-2), beyond what world-countries ships. */
export const COUNTRY_EXTRAS: Record<string, { display?: string; names?: string[]; seats?: string[]; capitals?: string[]; demonyms?: string[] }> = {
  US: { names: ['U.S.', 'U.S.A.', 'US', 'USA', 'America', 'United States'], seats: ['White House', 'State Department', 'Pentagon', 'Trump administration', 'Biden administration', 'Obama administration'], capitals: ['Washington'] },
  GB: { names: ['Britain', 'U.K.', 'UK', 'Great Britain'], seats: ['Downing Street', 'Foreign Office', 'Whitehall'] },
  RU: { seats: ['Kremlin'] },
  FR: { seats: ['Elysee', 'Elysee Palace', "Quai d'Orsay"] },
  VA: { names: ['Vatican', 'Holy See'], seats: ['Holy See'] },
  CN: { seats: ['Zhongnanhai'] },
  DE: { seats: ['Chancellery'] },
  IL: { seats: ['Knesset'] },
  CD: { names: ['DRC', 'Congo-Kinshasa'] },
  CZ: { display: 'Czech Republic', names: ['Czech Republic'] },
  NL: { names: ['Holland', 'The Netherlands'] },
  AE: { names: ['UAE', 'U.A.E.', 'Emirates'] },
  TR: { display: 'Turkey', names: ['Turkey', 'Turkiye'] },
  MM: { names: ['Burma'] },
  SZ: { names: ['Swaziland'] },
  CV: { names: ['Cape Verde'] },
  KP: { names: ['North Korea'] },
  KR: { names: ['South Korea'], seats: ['Blue House'] },
};

/**
 * Adjectives news English uses where world-countries gives a noun or another spelling
 * ("Icelander", "Ecuadorean", "Saudi Arabian"): "Icelandic Foreign Minister …".
 */
export const DEMONYM_EXTRAS: Record<string, string[]> = {
  IS: ['Icelandic'],
  EC: ['Ecuadorian'],
  SA: ['Saudi'],
  KZ: ['Kazakh'],
  UZ: ['Uzbek'],
  BA: ['Bosnian'],
  PH: ['Filipino', 'Philippine'],
  KG: ['Kyrgyz'],
  TJ: ['Tajik'],
  TM: ['Turkmen'],
  SK: ['Slovakian'],
  SI: ['Slovenian'],
  LU: ['Luxembourgish'],
  MV: ['Maldivian'],
  NP: ['Nepali'],
  AZ: ['Azeri'],
  BY: ['Belarussian'],
  LA: ['Lao'],
  NZ: ['New Zealand'],
  AR: ['Argentinian'],
  BF: ['Burkinabe'],
  GB: ['UK'],
  US: ['U.S.'],
};

/** Phrases that contain a country name or demonym but do not denote that country. */
export const NOT_ACTORS: string[] = [
  'Latin America',
  'Latin American',
  'Latin Americans',
  'South America',
  'South American',
  'North America',
  'North American',
  'Central America',
  'Central American',
  'World Economic Forum',
  'World Youth Day',
  'New York',
  'New Mexico',
  'Georgia Tech',
  'Red Sea',
  'Guinea pig',
  'Turkey Day',
  'Middle East',
  'Far East',
  'the Americas',
];

export interface OrgEntry {
  name: string;
  aliases: string[];
}

/** International organisations every crisis may involve. */
export const ORGANIZATIONS: OrgEntry[] = [
  { name: 'United Nations', aliases: ['U.N.', 'UN', 'United Nations', 'U.N. chief', 'UN chief'] },
  { name: 'UN Security Council', aliases: ['U.N. Security Council', 'UN Security Council', 'Security Council', 'United Nations Security Council'] },
  { name: 'European Union', aliases: ['EU', 'E.U.', 'European Union', '28-nation EU', 'European Commission', 'European Council'] },
  { name: 'European Parliament', aliases: ['European Parliament'] },
  { name: 'Organization of American States', aliases: ['OAS', 'Organization of American States', 'Organisation of American States'] },
  { name: 'NATO', aliases: ['NATO', 'North Atlantic Treaty Organization'] },
  { name: 'African Union', aliases: ['African Union', 'AU'] },
  { name: 'Arab League', aliases: ['Arab League', 'League of Arab States'] },
  { name: 'ASEAN', aliases: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { name: 'Mercosur', aliases: ['Mercosur'] },
  { name: 'ECOWAS', aliases: ['ECOWAS', 'Economic Community of West African States'] },
  { name: 'Gulf Cooperation Council', aliases: ['Gulf Cooperation Council', 'GCC'] },
  { name: 'G7', aliases: ['G7', 'G-7', 'Group of Seven'] },
  { name: 'G20', aliases: ['G20', 'G-20', 'Group of 20'] },
  { name: 'OPEC', aliases: ['OPEC'] },
  { name: 'International Monetary Fund', aliases: ['IMF', 'International Monetary Fund'] },
  { name: 'World Bank', aliases: ['World Bank'] },
  { name: 'World Health Organization', aliases: ['World Health Organization', 'WHO'] },
  { name: 'International Criminal Court', aliases: ['International Criminal Court', 'ICC'] },
  { name: 'International Atomic Energy Agency', aliases: ['IAEA', 'International Atomic Energy Agency'] },
  { name: 'OSCE', aliases: ['OSCE', 'Organization for Security and Co-operation in Europe'] },
  { name: 'Council of Europe', aliases: ['Council of Europe'] },
  { name: 'Amnesty International', aliases: ['Amnesty International', 'Amnesty'] },
  { name: 'Human Rights Watch', aliases: ['Human Rights Watch'] },
  { name: 'Red Cross', aliases: ['Red Cross', 'International Committee of the Red Cross', 'ICRC'] },
  // A national Red Crescent society ("the Syrian Arab Red Crescent") is not the ICRC.
  { name: 'Red Crescent', aliases: ['Red Crescent', 'Red Crescent Society'] },
  { name: 'UNHCR', aliases: ['UNHCR', 'U.N. refugee agency', 'UN refugee agency'] },
  { name: 'UNICEF', aliases: ['UNICEF'] },
  { name: 'World Food Programme', aliases: ['World Food Programme', 'World Food Program', 'WFP'] },
  { name: 'Doctors Without Borders', aliases: ['Doctors Without Borders', 'MSF', 'Medecins Sans Frontieres'] },
  { name: 'Interpol', aliases: ['Interpol'] },
  { name: 'BRICS', aliases: ['BRICS'] },
];

/** Words that introduce a place rather than an actor: "in Tehran" is a place, "Tehran says" an actor. */
export const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'outside', 'across', 'via', 'through', 'toward', 'towards', 'around', 'inside', 'within', 'throughout']);
