/** Words of a question and their other spellings in the news: synonyms and irregular verb forms. */

/** News words for the same thing, so "death toll" finds "were killed". Stems, both ways. */
export const SYNONYMS: Record<string, string[]> = {
  death: ['kill', 'dead', 'died', 'slain', 'fatal'],
  kill: ['death', 'dead', 'died', 'slain'],
  dead: ['death', 'kill', 'died'],
  die: ['death', 'kill', 'dead'],
  died: ['death', 'kill', 'dead'],
  // "How many people were killed?" is answered by "37 civilians have been killed".
  people: ['civilian', 'person', 'resident'],
  injur: ['wound', 'hurt'],
  // A currency or a market falls in many words: "lost nearly 30 percent", "plunged", "slumped".
  fall: ['lost', 'plung', 'slump', 'tumbl', 'drop', 'declin'],
  wound: ['injur', 'hurt'],
  detain: ['arrest', 'jail', 'held'],
  arrest: ['detain', 'jail', 'held'],
  displac: ['fled', 'flee', 'refuge'],
  fled: ['displac', 'flee', 'refuge'],
  protest: ['demonstr', 'rally', 'march'],
  speak: ['told', 'said', 'spoke', 'spoken', 'address', 'remark'],
  say: ['told', 'said', 'stated', 'declar', 'announc'],
  aid: ['assist', 'humanitarian'],
  money: ['billion', 'million', 'loan'],
  deal: ['agree', 'accord'],
  agree: ['deal', 'accord'],
  // "When will the African Union meet?" is answered by "will hold an emergency summit on Friday".
  meet: ['summit', 'session'],
  summit: ['meet', 'met'],
  abstain: ['abstention'],
  abstention: ['abstain'],
  // Things hit by an attack: "How many hospitals were hit?" is answered by "knocked out systems at 14 hospitals".
  hit: ['struck', 'knock', 'affect', 'target', 'crippl', 'disrupt', 'damag'],
  affect: ['hit', 'struck', 'knock', 'crippl', 'disrupt', 'damag'],
};

/** Irregular verbs of the news, so "did the EU freeze" finds "had frozen" (the stemmer only strips endings). */
const IRREGULAR: string[][] = [
  ['freez', 'froze', 'frozen'],
  ['flee', 'fled'],
  ['hold', 'held'],
  ['take', 'took', 'taken'],
  ['give', 'gave', 'given'],
  ['send', 'sent'],
  ['shoot', 'shot'],
  ['fight', 'fought'],
  ['win', 'won'],
  ['lose', 'lost'],
  ['rise', 'rose', 'risen'],
  ['fall', 'fell', 'fallen'],
  ['withdraw', 'withdrew', 'withdrawn'],
  ['strike', 'struck'],
  ['spend', 'spent'],
  ['seek', 'sought'],
  ['steal', 'stole', 'stolen'],
  ['sell', 'sold'],
  ['buy', 'bought'],
  ['leave', 'left'],
  ['meet', 'met'],
  ['pay', 'paid'],
  ['lend', 'lent'],
  ['bring', 'brought'],
  ['flew', 'fly', 'flown'],
  ['drive', 'drove', 'driven'],
  ['choose', 'chose', 'chosen'],
  ['speak', 'spoke', 'spoken'],
  ['break', 'broke', 'broken'],
  // "Who leads the hedge funds?" finds "a group of hedge funds led by Corvid Capital".
  ['lead', 'led'],
  ['tell', 'told'],
  ['find', 'found'],
  ['keep', 'kept'],
  ['build', 'built'],
  ['begin', 'began', 'begun'],
  ['swear', 'swore', 'sworn'],
  // A four-letter verb whose final e the stemmer keeps ("ruled", "ruling" stem to "rul").
  ['rule', 'rul'],
];
const FORMS = new Map<string, string[]>(IRREGULAR.flatMap((g) => g.map((f) => [f, g.filter((x) => x !== f)] as [string, string[]])));

/** A question word's other spellings: its synonyms and, for an irregular verb, its other forms. */
export function variants(w: string): string[] {
  const forms = FORMS.get(w) ?? (w.endsWith('e') ? FORMS.get(w.slice(0, -1)) : undefined) ?? [];
  // The stemmer keeps a final e that its other forms drop: "conclude" is asked, "concluded" and
  // "concluding" stem to "conclud"; "close" → "closed". Only for words of five letters or more
  // ("free" is not "fre…" of "French").
  const bare = w.length >= 5 && /[^aeiou]e$/.test(w) ? [w.slice(0, -1)] : [];
  // One who acts is asked, the act is written: "investigators" finds "the Joint Investigation Team"
  // and "investigated", "negotiator" finds "negotiations", "prosecutors" finds "prosecuted".
  const act = /ators?$/.test(w) && w.replace(/ators?$/, '').length >= 6 ? [w.replace(/ators?$/, '')] : /[ct]ors?$/.test(w) && w.length >= 8 ? [w.replace(/ors?$/, '')] : [];
  return [...(SYNONYMS[w] ?? []), ...forms, ...bare, ...act];
}
