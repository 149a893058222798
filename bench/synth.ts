/**
 * A synthetic corpus for the benchmark: a made-up crisis (Corvania) reported by many outlets over
 * months, with stance sentences, lists, hedges, quotes, figures, weekdays and live blogs.
 * Deterministic (seeded), so runs are comparable.
 */
import type { CrisisConfig } from '../src/core/types.js';

export const SYNTH_CRISIS: CrisisConfig = {
  id: 'corvania-synthetic',
  name: 'Corvania (synthetic benchmark crisis)',
  arena: ['Corvania'],
  actors: [{ name: 'Corvania', kind: 'country', demonyms: ['Corvanian'] }],
  sides: [
    { id: 'federal', label: 'Federal government', leader: 'Tomas Arden', aliases: ['President Tomas Arden', 'Tomas Arden', 'Arden', 'federal government', 'Arden government'] },
    { id: 'front', label: 'Northern Front', leader: 'Lia Marek', aliases: ['Lia Marek', 'Marek', 'Northern Front', 'the Front', 'rebel council'] },
  ],
};

const COUNTRIES = [
  ['Norway', 'Norwegian'], ['Sweden', 'Swedish'], ['Japan', 'Japanese'], ['Brazil', 'Brazilian'], ['Canada', 'Canadian'], ['Kenya', 'Kenyan'],
  ['India', 'Indian'], ['Chile', 'Chilean'], ['Peru', 'Peruvian'], ['Egypt', 'Egyptian'], ['Ghana', 'Ghanaian'], ['Poland', 'Polish'],
  ['Italy', 'Italian'], ['Spain', 'Spanish'], ['France', 'French'], ['Germany', 'German'], ['Mexico', 'Mexican'], ['Argentina', 'Argentine'],
  ['Nigeria', 'Nigerian'], ['Vietnam', 'Vietnamese'], ['Thailand', 'Thai'], ['Turkey', 'Turkish'], ['Greece', 'Greek'], ['Ireland', 'Irish'],
  ['Finland', 'Finnish'], ['Austria', 'Austrian'], ['Portugal', 'Portuguese'], ['Morocco', 'Moroccan'], ['Senegal', 'Senegalese'], ['Colombia', 'Colombian'],
] as const;
const FIRST = ['Anna', 'Pavel', 'Mira', 'Jonas', 'Elif', 'Kwame', 'Sofia', 'Ravi', 'Lucia', 'Tariq', 'Ingrid', 'Mateo', 'Noor', 'Hana', 'Olek'];
const LAST = ['Lindqvist', 'Moreau', 'Takeda', 'Okafor', 'Novak', 'Herrera', 'Castell', 'Brandt', 'Haddad', 'Ferreira', 'Kowalski', 'Duarte', 'Mensah', 'Varga'];
const OUTLETS = ['Meridian Wire', 'Harbor Times', 'Northern Ledger', 'Global Courier', 'Daily Compass', 'Coastal Post', 'Atlas News'];
const ZONES = ['Europe/Oslo', 'Asia/Tokyo', 'America/New_York', 'Africa/Nairobi', 'America/Lima', 'UTC'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface SynthArticle {
  id: string;
  title: string;
  source: string;
  published: string;
  timezone: string;
  text: string;
}

export function* synthArticles(n: number, seed = 42): Generator<SynthArticle> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.UTC(2031, 0, 1);
  for (let i = 0; i < n; i++) {
    const day = new Date(start + Math.floor((i / n) * 150) * 86_400_000);
    const published = day.toISOString().slice(0, 10);
    const [c1, d1] = pick(COUNTRIES);
    const [c2] = pick(COUNTRIES);
    const [c3] = pick(COUNTRIES);
    const [c4, d4] = pick(COUNTRIES);
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const side = r() < 0.5 ? 'President Tomas Arden' : 'the Northern Front';
    const other = side === 'President Tomas Arden' ? 'the Northern Front' : 'President Tomas Arden';
    const wd = pick(WEEKDAYS);
    const killed = 3 + Math.floor(r() * 60);
    const money = 5 + Math.floor(r() * 200);
    const paras = [
      `${d1} Foreign Minister ${person} said on ${wd} that ${c1} recognizes ${side} as the legitimate authority.`,
      `${c2}, ${c3} and ${c4} have voiced their backing for ${side}.`,
      `${d4} officials are considering recognizing ${other}, according to diplomats.`,
      `At least ${killed} people were killed in clashes near the northern border on ${wd}, hospital officials said.`,
      `“We will not abandon the people of Corvania,” ${person} told reporters in the capital.`,
      `${c2} pledged $${money} million in humanitarian aid and called for dialogue between the two sides.`,
      `The United Nations Security Council will meet on ${pick(WEEKDAYS)} to discuss the crisis in Corvania.`,
      `Lia Marek, the ${30 + Math.floor(r() * 30)}-year-old leader of the Northern Front, rejected the talks and said her fighters would hold their positions.`,
      `${c3} declined to endorse ${other} and urged restraint.`,
      `Markets in the region fell sharply as traders weighed the risk of a wider conflict, with the currency losing ${1 + Math.floor(r() * 9)} percent.`,
    ];
    const blog = r() < 0.2;
    let body: string;
    if (blog) {
      const entries: string[] = [];
      let h = 23;
      for (const p of paras) {
        h = Math.max(1, h - 1 - Math.floor(r() * 2));
        entries.push(`${h % 12 === 0 ? 12 : h % 12}:${String(Math.floor(r() * 60)).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}\n${p}`);
      }
      body = `The Latest on the crisis in Corvania (all times local):\n\n${entries.join('\n')}`;
    } else body = paras.sort(() => r() - 0.5).join('\n\n');
    const title = `${c1} moves on Corvania as fighting continues (${i})`;
    yield { id: `synth-${i}`, title, source: pick(OUTLETS), published, timezone: pick(ZONES), text: `${title}\n\n${body}\n` };
  }
}
