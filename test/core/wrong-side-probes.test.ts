/**
 * A wrong-side hunt: look-alikes of the stance-bearing sentences of ten made-up crises, in the
 * constructions a wire story uses — negation, reported speech, the other side quoted, conditionals
 * and questions, a side after a preposition, relative clauses, "while"/"but" contrasts, lists where
 * only some act, the passive, pronoun subjects, acts done to a side's people — each with the side an
 * analyst would give. Written before the code was run on them.
 *
 * A row is [fixture, sentence, holder, expected]:
 * - a side id: the holder takes that side (firm or leaning) and never the other;
 * - `~side`: that side or no position, never the other (a weak or reported act);
 * - null: no position at all (no firm or leaning claim of the holder).
 * Rows in MISSES give no position where an analyst would give one: they assert what the code does
 * now (no position, never the wrong side) and name the side it misses.
 */
import { describe, expect, it } from 'vitest';
import { fixtureGazetteer, probe } from './probe.js';

/** The sides (firm or leaning) the sentence gives `holder`. */
function sidesOf(fixture: string, sentence: string, holder: string): string[] {
  const x = probe(fixture, sentence, '2036-05-12');
  return [...new Set(x.claims.filter((c) => c.actorId === holder && c.side && c.strength !== 'neutral').map((c) => c.side as string))];
}

type Probe = [fixture: string, sentence: string, holder: string, expected: string | null];

const PROBES: Probe[] = [
  // valdoria: a coup (council v reyes)
  // Not recognizing one claimant leans to the other, as "Canada does not recognize the military council" does.
  ['valdoria', 'Norway did not recognize Ilan Reyes as the legitimate president.', 'norway', '~council'],
  ['valdoria', 'Norway stopped short of backing the military council.', 'norway', null],
  ['valdoria', 'Peru said Chile backs the military council.', 'peru', null],
  ['valdoria', 'Peru said Chile backs the military council.', 'chile', 'council'],
  ['valdoria', 'Reyes accused Peru of backing the military council.', 'peru', '~council'],
  ['valdoria', 'Will Brazil back the military council?', 'brazil', null],
  ['valdoria', 'The coup was condemned by Norway.', 'norway', 'reyes'],
  ['valdoria', 'Norway, which condemned the coup, sent an envoy to Mara Voss.', 'norway', 'reyes'],
  ['valdoria', 'Chile backed the military council while Norway backed Ilan Reyes.', 'chile', 'council'],
  ['valdoria', 'Chile backed the military council while Norway backed Ilan Reyes.', 'norway', 'reyes'],
  ['valdoria', 'Peru, Chile and Japan met on Tuesday, and only Japan voiced its backing for the military council.', 'peru', null],
  ['valdoria', 'Norway said it recognized Ilan Reyes as the legitimate president.', 'norway', 'reyes'],
  ['valdoria', 'Canada condemned the arrest of Ilan Reyes by the junta.', 'canada', 'reyes'],
  ['valdoria', 'Norway condemned the violence but recognized the military council.', 'norway', 'council'],
  ['valdoria', 'Peru denied that it backs the military council.', 'peru', null],
  ['valdoria', 'Peru dismissed reports that it backs the military council.', 'peru', null],
  ['valdoria', 'Canada called on Peru to stop backing the military council.', 'peru', null],
  ['valdoria', 'Brazil refused to recognize Ilan Reyes.', 'brazil', 'council'],
  ['valdoria', 'The arrest of Ilan Reyes was condemned by Canada and Norway.', 'norway', 'reyes'],
  ['valdoria', 'Peru and Chile met in Lima on Tuesday, but Japan backed the military council.', 'chile', null],
  // norland: a coup (council v hale)
  ['norland', 'Iceland did not condemn the coup against Mira Hale.', 'iceland', null],
  ['norland', 'Iceland refused to condemn the coup against Mira Hale.', 'iceland', '~council'],
  ['norland', 'The junta accused Iceland of backing Mira Hale.', 'iceland', '~hale'],
  ['norland', 'Mira Hale was backed by Iceland.', 'iceland', 'hale'],
  ['norland', 'The detention of Hale was condemned by Bolivia.', 'bolivia', 'hale'],
  ['norland', 'Chile said it had not imposed sanctions on the junta.', 'chile', null],
  ['norland', 'Mongolia, whose envoy met Adrian Volk, condemned the detention of Hale.', 'mongolia', 'hale'],
  ['norland', "Peru granted asylum to Mira Hale's family, while Bolivia recognized the junta.", 'bolivia', 'council'],
  ["norland", "Volk's soldiers detained Hale's ministers, Chile said.", 'chile', null],
  ['norland', 'Ghana called on the junta to step down, but Mongolia called the crisis an internal affair.', 'mongolia', null],
  ['norland', 'Ghana called on the junta to step down, but Mongolia called the crisis an internal affair.', 'ghana', 'hale'],
  ['norland', 'Jordan said Ghana had called on the junta to step down.', 'jordan', null],
  // pellan: a seized ship (sorvana v tiralia)
  ['pellan', 'The United States did not call on Sorvana to release the Corran Star.', 'united-states', null],
  ['pellan', 'Sorvana accused the United States of backing Tiralia.', 'united-states', '~tiralia'],
  ['pellan', 'Cuba said Chile would back a resolution urging Sorvana to hand back the ship.', 'cuba', null],
  ['pellan', 'The seizure was condemned by Canada.', 'canada', 'tiralia'],
  ['pellan', 'France would not take sides in the dispute.', 'france', null],
  ['pellan', 'Sorvanan sailors were detained by Tiralia, Peru said.', 'peru', null],
  ['pellan', 'Canada condemned the seizure, but Cuba backed Sorvana.', 'canada', 'tiralia'],
  ['pellan', 'Canada condemned the seizure, but Cuba backed Sorvana.', 'cuba', 'sorvana'],
  ['pellan', 'Did Canada condemn the seizure?', 'canada', null],
  // brevania: protests (government v opposition)
  ['brevania', 'Poland did not call on Telmann to step down.', 'poland', null],
  ['brevania', 'Telmann accused Poland of backing the protesters.', 'poland', '~opposition'],
  ['brevania', 'Poland said Hungary backs the government.', 'poland', null],
  ['brevania', 'Poland said Hungary backs the government.', 'hungary', 'government'],
  ['brevania', 'Riot police beat Polish journalists, Germany said.', 'germany', null],
  ['brevania', 'Spain, which urged Telmann to reverse the ruling, met Ines Varga.', 'spain', 'opposition'],
  ['brevania', 'Austria called on the opposition to accept the ruling, while Spain backed the protesters.', 'spain', 'opposition'],
  ['brevania', 'Austria called on the opposition to accept the ruling, while Spain backed the protesters.', 'austria', '~government'],
  ['brevania', 'Is Hungary backing the government?', 'hungary', null],
  ['brevania', 'The protesters were condemned by Hungary.', 'hungary', 'government'],
  ['brevania', 'Hungary has never backed the government.', 'hungary', null],
  // delvoria: a civil war truce (government v hlf)
  ['delvoria', 'The United States did not accuse the Harrow Liberation Front of violating the truce.', 'united-states', null],
  ['delvoria', 'The rebels accused the United States of backing the government.', 'united-states', '~government'],
  ['delvoria', 'Iran denied that it had expressed support for the Front.', 'iran', null],
  ['delvoria', 'The government accused Iran of arming the rebels.', 'iran', '~hlf'],
  ['delvoria', 'Iran, which backs the Front, urged restraint.', 'iran', 'hlf'],
  ['delvoria', 'Egypt backed the government, but Iran backed the rebels.', 'egypt', 'government'],
  ['delvoria', 'Egypt backed the government, but Iran backed the rebels.', 'iran', 'hlf'],
  ['delvoria', 'Egypt said Iran backed the rebels.', 'egypt', null],
  ['delvoria', 'Government forces shelled a Egyptian aid convoy, Norway said.', 'norway', null],
  // khalvor: a nuclear standoff (khalvor v dunmere)
  ['khalvor', 'Dunmere accused Russia of backing Khalvor.', 'russia', '~khalvor'],
  ['khalvor', "Khalvor's expulsion of the inspectors was condemned by France.", 'france', 'dunmere'],
  ['khalvor', 'Would Pakistan oppose a strike on Khalvori soil?', 'pakistan', null],
  ['khalvor', 'Oman said Pakistan had backed Khalvor.', 'oman', null],
  ['khalvor', 'Russia stopped short of backing Khalvor.', 'russia', null],
  ['khalvor', 'Khalvor was backed by Belarus and Russia.', 'belarus', 'khalvor'],
  ['khalvor', 'Pakistan backs Khalvor, Oman said.', 'oman', null],
  ['khalvor', 'Oman, which backs Khalvor, and Qatar urged restraint.', 'oman', 'khalvor'],
  // ostrel: a border closure (valkar v ostrel)
  ['ostrel', 'Ostrel accused Russia of backing Valkar.', 'russia', '~valkar'],
  ['ostrel', 'Russia did not accuse Valkar of violating international law.', 'russia', null],
  ['ostrel', 'Latvia, Estonia and Lithuania met, and only Latvia expressed solidarity with Valkar.', 'estonia', null],
  ['ostrel', 'Latvia, Estonia and Lithuania met, and only Latvia expressed solidarity with Valkar.', 'latvia', 'valkar'],
  ['ostrel', 'Germany hosted the talks, and Latvia expressed solidarity with Valkar.', 'germany', null],
  ['ostrel', 'The beating of Valkari border guards was condemned by Latvia.', 'latvia', 'valkar'],
  ['ostrel', 'Solidarity with Valkar was expressed by Latvia.', 'latvia', 'valkar'],
  ['ostrel', 'Valkari border guards beat Afghan migrants, Germany said.', 'germany', null],
  ['ostrel', 'Ostrel accused Germany of siding with Valkar.', 'germany', '~valkar'],
  ['ostrel', 'Germany said Latvia had expressed solidarity with Valkar.', 'germany', null],
  // lunvik: a poisoned dissident (drovania v lunvik)
  ['lunvik', 'China did not oppose the accusations against Drovania.', 'china', null],
  ['lunvik', 'Serbia said China opposed the accusations against Drovania.', 'serbia', null],
  ['lunvik', 'Lunvik accused Serbia of shielding Drovania.', 'serbia', '~drovania'],
  ['lunvik', 'The poisoning was condemned by France.', 'france', 'lunvik'],
  ['lunvik', 'France condemned the poisoning, while Serbia said the accusations against Drovania were premature.', 'france', 'lunvik'],
  ['lunvik', 'Drovania expelled four British diplomats.', 'united-kingdom', null],
  ['lunvik', 'Drovania accused Britain of staging the poisoning.', 'united-kingdom', null],
  // u6-dalmarra: hostages (brigade v dalmarra)
  ['u6-dalmarra', 'Canada did not condemn the kidnapping.', 'canada', null],
  ['u6-dalmarra', 'The kidnapping was condemned by Canada.', 'canada', 'dalmarra'],
  ['u6-dalmarra', 'The Brigade accused Italy of helping Dalmarra.', 'italy', '~dalmarra'],
  ['u6-dalmarra', 'Italy hailed the rescue, but South Korea condemned the raid.', 'italy', 'dalmarra'],
  ['u6-dalmarra', 'The Brigade kidnapped Japanese engineers, Japan said.', 'japan', null],
  ['u6-dalmarra', 'Did Italy hail the rescue?', 'italy', null],
  ['u6-dalmarra', 'Italy said Canada had condemned the kidnapping.', 'italy', null],
  // A call to free hostages asked of a government: the government is not thereby the captor.
  ['u6-dalmarra', 'Sweden urged Dalmarra to free the hostages.', 'sweden', null],
  ['u6-dalmarra', 'Sweden urged Dalmarra to free the hostages immediately and unconditionally.', 'sweden', null],
  ['u6-dalmarra', 'Sweden urged Dalmarra to free the hostages it is holding.', 'sweden', 'brigade'],
  ['u6-dalmarra', 'Sweden urged the Brigade to free the hostages.', 'sweden', 'dalmarra'],
  // u6-vastland: a cyberattack (vastland v korvath)
  ['u6-vastland', 'The European Union did not impose sanctions on Korvath.', 'european-union', null],
  ['u6-vastland', 'Korvath accused the European Union of siding with Vastland.', 'european-union', '~vastland'],
  ['u6-vastland', 'The cyberattack was condemned by Britain.', 'united-kingdom', 'vastland'],
  ['u6-vastland', 'Britain said France had condemned the cyberattack.', 'united-kingdom', null],
  ['u6-vastland', 'Britain said France had condemned the cyberattack.', 'france', 'vastland'],
  ['u6-vastland', 'If the attack is confirmed, Britain will sanction Korvath.', 'united-kingdom', '~vastland'],
  ['u6-vastland', 'Korvathi hackers stole the data of German citizens, Germany said.', 'germany', null],
];

/** Round two, written after round one was fixed and before it was run. */
const PROBES_2: Probe[] = [
  ['valdoria', 'Norway criticised Peru for backing the military council.', 'peru', '~council'],
  ['valdoria', 'Norway criticised Peru for backing the military council.', 'norway', '~reyes'],
  ['valdoria', 'Reyes thanked Norway for its support.', 'norway', '~reyes'],
  ['valdoria', 'Mara Voss thanked Peru for recognizing the military council.', 'peru', '~council'],
  ['valdoria', 'Peru backed neither the military council nor Ilan Reyes.', 'peru', null],
  ['valdoria', 'Peru has yet to recognize the military council.', 'peru', null],
  ['valdoria', 'Peru rejected claims that it backs the military council.', 'peru', null],
  ['valdoria', 'Norway urged the junta to release Ilan Reyes.', 'norway', 'reyes'],
  ['valdoria', 'Chile, which had backed Ilan Reyes, now backs the military council.', 'chile', 'council'],
  ['valdoria', 'Chile no longer backs the military council.', 'chile', '~reyes'],
  ['valdoria', 'Chile withdrew its recognition of the military council.', 'chile', '~reyes'],
  ['valdoria', 'Chile was the only country to back the military council.', 'chile', 'council'],
  ['valdoria', 'Supporters of Ilan Reyes were beaten by soldiers loyal to the junta, Norway said.', 'norway', '~reyes'],
  ['valdoria', 'Canada called the coup illegal.', 'canada', 'reyes'],
  ['valdoria', 'Ilan Reyes called on Canada to recognize him.', 'canada', null],
  ['valdoria', 'Voss said Peru recognized the military council.', 'peru', '~council'],
  ['norland', "Iceland condemned the junta's decision to detain Mira Hale.", 'iceland', 'hale'],
  ['norland', 'Chile lifted sanctions on the junta.', 'chile', '~council'],
  ['norland', "Volk accused Iceland of interfering in Norland's affairs.", 'iceland', '~hale'],
  ["norland", "Hale's supporters were attacked by soldiers, and Iceland condemned the attack.", 'iceland', '~hale'],
  ['norland', 'Iceland expressed support for the people of Norland.', 'iceland', null],
  ['norland', "The junta welcomed Mongolia's position.", 'mongolia', null],
  ['norland', 'Mongolia said it would not condemn the junta.', 'mongolia', null],
  ['norland', "Bolivia condemned the attack on the junta's headquarters.", 'bolivia', '~council'],
  ['pellan', 'Sorvana thanked Cuba for its support.', 'cuba', '~sorvana'],
  ['pellan', 'Tiralia urged Japan to condemn the seizure.', 'japan', null],
  ['pellan', 'Japan was urged by Tiralia to condemn the seizure.', 'japan', null],
  ['pellan', 'Canada condemned the seizure of the Corran Star by Sorvana.', 'canada', 'tiralia'],
  ['pellan', 'Cuba blocked a resolution that would have condemned Sorvana.', 'cuba', '~sorvana'],
  ['pellan', 'Chile voted for a resolution urging Sorvana to hand back the ship.', 'chile', '~tiralia'],
  ['brevania', 'Germany urged the government to listen to the protesters.', 'germany', '~opposition'],
  ['brevania', 'Hungary said the protesters had attacked police.', 'hungary', '~government'],
  ['brevania', 'Poland condemned the arrest of protesters.', 'poland', 'opposition'],
  ['brevania', 'Germany condemned the beating of Polish journalists by riot police.', 'germany', '~opposition'],
  ['delvoria', 'The rebels thanked Iran for its support.', 'iran', '~hlf'],
  ['delvoria', 'Iran stopped backing the rebels.', 'iran', null],
  ['delvoria', 'Egypt condemned the shelling of government positions by the rebels.', 'egypt', '~government'],
  ['delvoria', 'Egypt accused the rebels of violating the truce, a charge the Front denied.', 'egypt', 'government'],
  ['khalvor', 'Dunmere threatened to strike Khalvor, and Russia condemned the threat.', 'russia', '~khalvor'],
  ['khalvor', 'Russia warned Dunmere against striking Khalvor.', 'russia', '~khalvor'],
  ["khalvor", "Russia, Dunmere's main trading partner, backed Khalvor.", 'russia', 'khalvor'],
  ['khalvor', 'Talvi said Russia stood with Khalvor.', 'russia', '~khalvor'],
  ['khalvor', 'Pakistan said it would back Khalvor if Dunmere struck.', 'pakistan', '~khalvor'],
  ['ostrel', 'Russia called the border closure "inhuman".', 'russia', 'ostrel'],
  ['ostrel', 'Poland denied sending border guards to help Valkar.', 'poland', null],
  ['ostrel', 'Germany urged Valkar to let aid agencies into the border zone.', 'germany', '~ostrel'],
  ['ostrel', 'Valkar accused Ostrel, which is backed by Russia, of weaponising migrants.', 'russia', '~ostrel'],
  ['lunvik', 'Serbia called the accusations against Drovania premature.', 'serbia', '~drovania'],
  ["lunvik", "France rejected Drovania's denial.", 'france', '~lunvik'],
  ['lunvik', 'France expelled Drovanian diplomats.', 'france', '~lunvik'],
  ['lunvik', 'Drovania expelled French diplomats in retaliation.', 'france', null],
  ['lunvik', 'China urged Lunvik not to politicise the case.', 'china', '~drovania'],
  ['lunvik', 'China did not urge Lunvik to drop the case.', 'china', null],
  ['u6-dalmarra', 'The Brigade released two Italian hostages.', 'italy', null],
  ['u6-dalmarra', 'Italy paid a ransom to the Brigade.', 'italy', null],
  ['u6-dalmarra', 'Italy condemned the killing of Italian hostages by the Brigade.', 'italy', '~dalmarra'],
  ['u6-vastland', 'Korvath denied any role in the cyberattack, and China backed Korvath.', 'china', 'korvath'],
  ['u6-vastland', 'Britain blamed Korvath for the cyberattack.', 'united-kingdom', 'vastland'],
  ['u6-vastland', 'Britain did not blame Korvath for the cyberattack.', 'united-kingdom', null],
  ['u6-vastland', 'Britain said it was too early to blame Korvath.', 'united-kingdom', null],
  ['u6-vastland', 'Korvathi hackers were blamed by Britain for the attack.', 'united-kingdom', '~vastland'],
];

/** Round three, written after round two was fixed and before it was run. */
const PROBES_3: Probe[] = [
  ['valdoria', 'Voss said Norway had no right to recognize Ilan Reyes.', 'norway', '~reyes'],
  ['valdoria', 'Norway, whose embassy was stormed by supporters of the junta, recognized Ilan Reyes.', 'norway', 'reyes'],
  ['valdoria', 'The junta expelled the Norwegian ambassador after Norway recognized Ilan Reyes.', 'norway', 'reyes'],
  ['valdoria', 'Norway recognized Ilan Reyes. It also condemned the coup.', 'norway', 'reyes'],
  ['valdoria', 'Asked whether Peru would recognize the military council, the minister declined to comment.', 'peru', null],
  ['valdoria', 'Reyes supporters accused Brazil of siding with the junta, a charge Brazil denied.', 'brazil', '~council'],
  ['valdoria', 'Chile urged Peru not to recognize the military council.', 'peru', null],
  ['valdoria', 'Chile urged Peru not to recognize the military council.', 'chile', '~reyes'],
  ['norland', 'The junta said Iceland had no business condemning the coup.', 'iceland', '~hale'],
  ['norland', 'Iceland, which had condemned the coup, later met Adrian Volk.', 'iceland', '~hale'],
  ['norland', 'Chile and Peru, but not Bolivia, imposed sanctions on the junta.', 'bolivia', null],
  ['norland', 'Chile and Peru, but not Bolivia, imposed sanctions on the junta.', 'peru', 'hale'],
  ['pellan', 'Cuba, unlike Canada, backed Sorvana.', 'canada', null],
  ['pellan', 'Neither Peru nor Chile backed Sorvana.', 'peru', null],
  ['pellan', 'Neither Peru nor Chile backed Sorvana.', 'chile', null],
  ['pellan', 'Canada said Cuba\'s support for Sorvana was regrettable.', 'canada', '~tiralia'],
  ['pellan', 'Cuba, unlike Canada, backed Sorvana.', 'cuba', 'sorvana'],
  ['pellan', 'Sorvana said the seizure was lawful, and Cuba agreed.', 'cuba', '~sorvana'],
  ['pellan', 'Canada said Cuba\'s support for Sorvana was regrettable.', 'cuba', '~sorvana'],
  ['brevania', 'Hungary backs the government, Varga said.', 'hungary', '~government'],
  ['brevania', 'Varga thanked Poland, which had called on Telmann to step down.', 'poland', 'opposition'],
  ['brevania', 'Germany condemned the attack on the protesters by riot police.', 'germany', 'opposition'],
  ['delvoria', 'Iran, accused by the government of arming the rebels, denied it.', 'iran', '~hlf'],
  ['delvoria', 'Egypt said it would back the government if the rebels broke the truce.', 'egypt', '~government'],
  ['khalvor', 'Belarus and Russia backed Khalvor, while Britain and France backed Dunmere.', 'belarus', 'khalvor'],
  ['khalvor', 'Belarus and Russia backed Khalvor, while Britain and France backed Dunmere.', 'france', 'dunmere'],
  ['khalvor', "Dunmere's ally, Britain, condemned Khalvor.", 'united-kingdom', 'dunmere'],
  ['ostrel', 'Latvia expressed solidarity with Valkar, but Hungary did not.', 'hungary', null],
  ['ostrel', 'Germany criticised the pushbacks by Valkari border guards.', 'germany', '~ostrel'],
  ['lunvik', 'Hungary said it would not jump to conclusions about the poisoning.', 'hungary', null],
  ['lunvik', 'France, which expelled Drovanian diplomats, urged calm.', 'france', '~lunvik'],
  ['u6-dalmarra', 'Italy, whose nationals were among the hostages, condemned the kidnapping.', 'italy', 'dalmarra'],
  ['u6-dalmarra', 'The Brigade said Italy had condemned the raid.', 'italy', '~brigade'],
  ['u6-vastland', 'Vastland accused Korvath of the cyberattack, and Britain agreed.', 'united-kingdom', '~vastland'],
  ['u6-vastland', 'Britain said Korvath was behind the cyberattack, but France was not convinced.', 'france', null],
];

/** Round four, written after round three was fixed and before it was run. */
const PROBES_4: Probe[] = [
  ['valdoria', "Norway's foreign minister said his country would never recognize the military council.", 'norway', '~reyes'],
  ['valdoria', 'They recognized Ilan Reyes on Monday, Norwegian officials said.', 'norway', '~reyes'],
  ['valdoria', 'Soldiers loyal to the junta arrested two Chilean journalists, and Chile condemned the arrests.', 'chile', '~reyes'],
  ['valdoria', 'Peru and Chile recognized the military council after the junta promised elections.', 'chile', 'council'],
  ['valdoria', 'Mara Voss accused Norway of meddling and praised Peru for its support.', 'peru', '~council'],
  ['valdoria', 'Mara Voss accused Norway of meddling and praised Peru for its support.', 'norway', '~reyes'],
  ['valdoria', 'Should Japan recognize the military council, Chile would recall its ambassador.', 'japan', null],
  ['valdoria', '"We will not recognize the junta," the Canadian foreign minister said.', 'canada', '~reyes'],
  ['norland', "Iceland called Mira Hale's detention illegal.", 'iceland', '~hale'],
  ['norland', 'Hale thanked Iceland and Chile for their support, but criticised Mongolia.', 'mongolia', '~council'],
  ['norland', 'Hale thanked Iceland and Chile for their support, but criticised Mongolia.', 'chile', '~hale'],
  ['norland', 'Chile imposed sanctions on the junta, and the junta expelled Chilean diplomats.', 'chile', 'hale'],
  ['pellan', 'Sorvanan forces detained six Canadian crew members, and Canada condemned their detention.', 'canada', '~tiralia'],
  ['pellan', 'Australia and New Zealand, which urged Sorvana to hand back the ship, were criticised by Cuba.', 'cuba', '~sorvana'],
  ['pellan', 'Cuba criticised Australia for urging Sorvana to hand back the ship.', 'cuba', '~sorvana'],
  ['brevania', 'Riot police fired tear gas at protesters, and Germany condemned the violence.', 'germany', '~opposition'],
  ['brevania', 'Germany urged the protesters to stay peaceful and the government to show restraint.', 'germany', null],
  ['delvoria', 'Rebel fighters attacked an Egyptian convoy, and Egypt condemned the attack.', 'egypt', '~government'],
  ['delvoria', 'The government, backed by Egypt, launched an offensive.', 'egypt', 'government'],
  ['delvoria', 'The rebels, backed by Iran, launched an offensive.', 'iran', 'hlf'],
  ['khalvor', 'Russia said that if Dunmere struck Khalvor, it would back Khalvor.', 'russia', '~khalvor'],
  ['khalvor', 'Russia blocked a statement condemning Dunmere, diplomats said.', 'russia', '~dunmere'],
  ['ostrel', 'Ostrel, backed by Russia, denied the accusation.', 'russia', 'ostrel'],
  ['ostrel', "Ostrel's border guards detained Lithuanian aid workers, and Lithuania condemned the detentions.", 'lithuania', '~valkar'],
  ['lunvik', 'Britain joined Lunvik in blaming Drovania for the poisoning.', 'united-kingdom', 'lunvik'],
  ['lunvik', 'Drovania thanked China and Serbia for their support.', 'serbia', '~drovania'],
  ['u6-dalmarra', 'The Brigade thanked Qatar for its mediation.', 'qatar', null],
  ['u6-dalmarra', 'Dalmarran troops rescued four Italian hostages, and Italy thanked Dalmarra.', 'italy', '~dalmarra'],
  ['u6-vastland', 'Korvath, which Britain blamed for the attack, denied any role.', 'united-kingdom', '~vastland'],
  ['u6-vastland', 'Britain and France, but not Germany, blamed Korvath.', 'germany', null],
];

/** Round five, written after round four was fixed and before it was run. */
const PROBES_5: Probe[] = [
  ['valdoria', 'Peru, a close ally of the military council, urged restraint.', 'peru', '~council'],
  ['valdoria', 'Norway said the junta, which Peru backs, had no legitimacy.', 'norway', '~reyes'],
  ['valdoria', 'Norway said the junta, which Peru backs, had no legitimacy.', 'peru', 'council'],
  ['valdoria', 'Canada, which does not recognize the military council, hosted Reyes.', 'canada', '~reyes'],
  ['valdoria', 'Japan did not say whether it would recognize the military council.', 'japan', null],
  ['valdoria', 'Chile voiced its backing for the military council, Peru said.', 'peru', null],
  ['valdoria', 'Chile voiced its backing for the military council, Peru said.', 'chile', 'council'],
  ['norland', 'The junta, condemned by Iceland and Chile, promised elections.', 'chile', 'hale'],
  ['norland', 'Mira Hale, backed by Iceland, called for protests.', 'iceland', 'hale'],
  ['norland', 'Ghana was the first to call on the junta to step down.', 'ghana', 'hale'],
  ['pellan', 'The ship, seized by Sorvana in March, was returned after Canada and Japan condemned the seizure.', 'japan', '~tiralia'],
  ['pellan', 'Cuba abstained, while Chile backed the resolution urging Sorvana to hand back the ship.', 'cuba', null],
  ['brevania', 'Hungary, an ally of Telmann, said the protesters were paid by foreigners.', 'hungary', '~government'],
  ['brevania', 'The protesters, praised by Poland, marched on parliament.', 'poland', 'opposition'],
  ['delvoria', 'Iran said it was not arming the rebels.', 'iran', null],
  ['delvoria', 'The United States urged the rebels and the government to return to the talks.', 'united-states', null],
  ['khalvor', 'Pakistan opposed any strike on Khalvor, while Britain did not rule one out.', 'pakistan', 'khalvor'],
  ['khalvor', 'Khalvor, isolated after Russia withdrew its support, let the inspectors back.', 'russia', null],
  ['ostrel', 'Valkar, criticised by Russia over the border closure, refused to reopen it.', 'russia', '~ostrel'],
  ['ostrel', 'Germany neither backed Valkar nor condemned Ostrel.', 'germany', null],
  ['lunvik', 'Drovania, blamed by France for the poisoning, denied any role.', 'france', 'lunvik'],
  ['lunvik', 'Serbia, which sided with Drovania, was criticised by Lunvik.', 'serbia', '~drovania'],
  ['u6-dalmarra', 'The hostages, seized by the Brigade in May, were freed after Italy paid a ransom.', 'italy', null],
  ['u6-vastland', 'Vastland, backed by Britain and France, expelled Korvathi diplomats.', 'france', 'vastland'],
  ['u6-vastland', 'Korvath, blamed by Britain for the attack, summoned the British ambassador.', 'united-kingdom', 'vastland'],
];

/** Round six: look-alikes of the constructions fixed after round five (apposition, "called X inhuman", a denial's clause, an object relative, a passive blame) and wrong sides found while writing them. */
const PROBES_6: Probe[] = [
  ['khalvor', "Russia, Dunmere's main trading partner, condemned Khalvor.", 'russia', 'dunmere'],
  ["khalvor", "Russia, Dunmere's main trading partner, has also backed Khalvor.", 'russia', 'khalvor'],
  ['khalvor', "Russia, Dunmere's main trading partner, did not back Khalvor.", 'russia', null],
  ['khalvor', "Would Russia, Dunmere's main trading partner, back Khalvor?", 'russia', null],
  ['khalvor', 'Russia, Dunmere and China backed Khalvor.', 'russia', '~khalvor'],
  ['khalvor', 'Russia, which Dunmere accused of arming Khalvor, denied the claim.', 'russia', null],
  ['ostrel', 'Russia called the border closure inhumane.', 'russia', 'ostrel'],
  ['ostrel', 'Russia did not call the border closure inhuman.', 'russia', null],
  ['ostrel', 'Did Russia call the border closure inhuman?', 'russia', null],
  ['ostrel', 'Russia said Ostrel called the border closure "inhuman".', 'russia', null], // a side's words, reported
  ['ostrel', 'Russia said Ostrel called the border closure unacceptable.', 'russia', null],
  ['ostrel', 'Russia said Ostrel condemned the border closure.', 'russia', null],
  ['ostrel', 'Russia said Valkar called the border closure illegal.', 'russia', null],
  ['ostrel', 'Russia called on Valkar to end the inhuman border closure.', 'russia', '~ostrel'],
  ['u6-vastland', 'China said it did not back Korvath.', 'china', null], // "not back" is the cue's own negation
  ['u6-vastland', "China said it didn't back Korvath.", 'china', null],
  ['u6-vastland', 'Korvath denied any role, but China said it did not back Korvath.', 'china', null],
  ['u6-vastland', 'Korvath denied any role in the cyberattack, and China denied backing Korvath.', 'china', null],
  ['u6-vastland', 'Korvath denied that China backed it.', 'china', null],
  ['u6-vastland', 'China denied arming Korvath, and backing it.', 'china', null],
  ['u6-vastland', 'Korvath was accused by Britain of hacking the hospitals.', 'united-kingdom', 'vastland'],
  ['u6-vastland', 'Korvath was not blamed by Britain for the attack.', 'united-kingdom', null],
  ['u6-vastland', 'Was Korvath blamed by Britain for the attack?', 'united-kingdom', null],
  ['u6-vastland', 'Korvath, blamed by Vastland for the attack, said Britain was lying.', 'united-kingdom', null], // a side's own blame
  ['u6-vastland', 'Britain, blamed by Korvath for the leak, backed Vastland.', 'united-kingdom', 'vastland'],
  ['valdoria', 'Norway said the junta, which Peru does not back, had no legitimacy.', 'peru', null],
  ['valdoria', 'Norway said the junta, which Peru says backs the rebels, had no legitimacy.', 'peru', null],
  ['valdoria', 'The junta, which backs Peru, promised elections.', 'peru', null],
  ['valdoria', 'The junta, which Peru condemned, promised elections.', 'peru', 'reyes'],
  ['valdoria', 'Reyes, whom Chile supports, called for protests.', 'chile', 'reyes'],
  ['valdoria', 'Peru, which Chile backs, recognized Reyes.', 'chile', null], // Chile backs Peru, no side
  ['valdoria', 'Peru, which Chile backs, recognized Reyes.', 'peru', 'reyes'],
  ['valdoria', 'Is the junta, which Peru backs, legitimate?', 'peru', '~council'],
  // Wrong sides on main found while writing round six.
  ['khalvor', "Russia, Dunmere's closest ally, condemned Khalvor.", 'russia', 'dunmere'], // read as criticising Dunmere
  ['khalvor', "Russia, Dunmere's ally, and China backed Khalvor.", 'china', 'khalvor'], // China was given Russia's alliance
  ['khalvor', "Russia, Dunmere's ally, and China backed Khalvor.", 'russia', 'khalvor'], // the main verb decides (round seven)
  ['khalvor', 'Russia, a close ally of Dunmere, and China backed Khalvor.', 'china', 'khalvor'],
  ['khalvor', "Russia and China, Dunmere's allies, condemned Khalvor.", 'china', 'dunmere'],
  ['khalvor', 'Russia said it was an ally of Khalvor, and China backed Dunmere.', 'china', 'dunmere'],
  ['ostrel', 'Russia condemned the treatment of Ostreli migrants.', 'russia', 'ostrel'], // read as criticising Ostrel
  ['ostrel', 'Russia called the treatment of Ostreli migrants unacceptable.', 'russia', 'ostrel'],
  ['ostrel', 'The treatment of Ostreli migrants was unacceptable, Russia said.', 'russia', 'ostrel'],
];

/**
 * Round seven: an apposition describing the holder ("Russia, a close ally of Dunmere,") is background;
 * the sentence's main verb decides, and a side inside the apposition is no later act's target.
 */
const PROBES_7: Probe[] = [
  ['khalvor', 'Russia, a close ally of Dunmere, backed Khalvor.', 'russia', 'khalvor'],
  ['khalvor', "Russia, Dunmere's closest ally, recognised Khalvor's claim.", 'russia', 'khalvor'],
  ['khalvor', 'Russia, a close ally of Dunmere, said it backed Khalvor.', 'russia', 'khalvor'],
  ['khalvor', 'Russia, a close ally of Dunmere, and China backed Khalvor.', 'russia', 'khalvor'],
  ['khalvor', 'Russia, which had backed Dunmere, now recognises Khalvor.', 'russia', 'khalvor'],
  ['khalvor', 'Russia, long critical of Dunmere, backed Khalvor.', 'russia', 'khalvor'],
  ['khalvor', 'Russia, long critical of Dunmere, said nothing.', 'russia', null],
  ['khalvor', "Russia, Dunmere's ally, said nothing.", 'russia', '~dunmere'], // the apposition alone, as background
  ['khalvor', 'Russia, an ally of Dunmere, did not back Khalvor.', 'russia', '~dunmere'],
  ['khalvor', 'Will Russia, a close ally of Dunmere, back Khalvor?', 'russia', '~dunmere'],
  ['khalvor', 'Russia, a close ally of Dunmere, would back Khalvor if talks failed.', 'russia', '~khalvor'],
  ['khalvor', 'Russia, a close ally of Dunmere, condemned the expulsion of the inspectors.', 'russia', 'dunmere'],
  ['khalvor', 'Russia, a key Dunmere ally, later gave a speech, dismissing the talks as a farce.', 'russia', '~dunmere'], // the ally's side is no target of "farce"
  ['khalvor', 'Russia, a close ally of Dunmere, and China met on Monday, and Oman backed Khalvor.', 'russia', '~dunmere'],
  ['khalvor', 'Russia, a close ally of Dunmere, and China met on Monday, and Oman backed Khalvor.', 'oman', 'khalvor'],
  // A hypothesis past an apposition states nothing; a possessive inside an apposition does not act.
  ['khalvor', 'If Russia, a close ally of Dunmere, backed Khalvor, the talks would collapse.', 'russia', '~dunmere'],
  ['khalvor', "If Russia, Oman's neighbour, backed Khalvor, the talks would collapse.", 'russia', null],
  ['khalvor', 'Whether Russia, long critical of Dunmere, will back Khalvor is unclear.', 'russia', null],
  ['khalvor', "Russia, Oman's neighbour, backed Khalvor.", 'oman', null],
  ['khalvor', "Russia, Oman's neighbour, backed Khalvor.", 'russia', 'khalvor'],
  ['khalvor', "Russia, Oman's government and China backed Khalvor.", 'oman', 'khalvor'], // a list, not an apposition
  // An ally apposition after an object describes the object, not the sentence's subject.
  ['valdoria', 'Norway met Brazil, an ally of Ilan Reyes.', 'norway', null],
  ['valdoria', 'Norway met Brazil, an ally of Ilan Reyes.', 'brazil', 'reyes'],
  ['valdoria', 'Norway criticised Brazil, a close ally of the junta.', 'norway', '~reyes'],
  ['khalvor', 'Khalvor, a close ally of Russia, expelled the inspectors.', 'russia', '~khalvor'], // Russia expelled nobody
  ['khalvor', 'Brazil, an ally of Norway, backed Khalvor.', 'norway', null],
  ['khalvor', 'Norway recalled its ambassador in Khalvor, a close ally of Dunmere.', 'norway', '~dunmere'],
  // "recalled its ambassador in/from X": a protest against X; "for consultations" alone names no target.
  ['khalvor', 'Norway recalled its ambassador in Khalvor.', 'norway', 'dunmere'],
  ['khalvor', 'Norway recalled its ambassador from Khalvor for consultations.', 'norway', 'dunmere'],
  ['khalvor', 'Norway recalled its ambassador for consultations.', 'norway', null],
  ['khalvor', 'Norway did not recall its ambassador in Khalvor.', 'norway', null],
  ['khalvor', 'Will Norway recall its ambassador in Khalvor?', 'norway', null],
  ['khalvor', 'Norway said it would recall its ambassador in Khalvor if the talks failed.', 'norway', '~dunmere'],
  ['khalvor', 'Dunmere said Norway had recalled its ambassador in Khalvor.', 'dunmere', null],
  ['valdoria', 'Norway recalled its ambassador in Valdoria.', 'norway', 'reyes'], // against the side in power
  ['valdoria', 'Norway has not recalled its ambassador in Valdoria.', 'norway', null],
  ['valdoria', 'Norway recalled its envoy in the capital.', 'norway', null],
  // "took note of" takes no side.
  ['valdoria', "Norway took note of the junta's announcement.", 'norway', null],
  ['valdoria', 'Norway took note of the election of Ilan Reyes.', 'norway', null],
  ['khalvor', 'Russia said it had taken note of the expulsion of the inspectors.', 'russia', null],
  // A court's ruling on a vote is its own stance: upholding the result leans to whoever holds power, annulling it against.
  ['u7-moravel', "Moravel's Constitutional Court on Thursday upheld the result of the October 10 presidential election.", 'moravelian-constitutional-court', 'basko'],
  ['u7-moravel', "The Constitutional Court upheld Basko's re-election.", 'moravelian-constitutional-court', 'basko'],
  ['u7-moravel', 'The Constitutional Court annulled the election.', 'moravelian-constitutional-court', 'dorn'],
  ['u7-moravel', "The Constitutional Court annulled Basko's re-election.", 'moravelian-constitutional-court', 'dorn'],
  ['u7-moravel', 'The Constitutional Court struck down the result of the vote.', 'moravelian-constitutional-court', 'dorn'],
  ['u7-moravel', 'The Constitutional Court upheld the result, which Dorn rejected.', 'moravelian-constitutional-court', 'basko'],
  ["u7-moravel", "The Constitutional Court upheld Dorn's complaint and annulled the vote.", 'moravelian-constitutional-court', 'dorn'],
  ['u7-moravel', 'The Constitutional Court did not annul the election.', 'moravelian-constitutional-court', null],
  ['u7-moravel', "The Constitutional Court rejected Dorn's request to annul the election.", 'moravelian-constitutional-court', '~basko'],
  ['u7-moravel', 'The Constitutional Court threw out a challenge to overturn the result.', 'moravelian-constitutional-court', '~basko'],
  ['u7-moravel', 'Will the Constitutional Court uphold the result?', 'moravelian-constitutional-court', null],
  ['u7-moravel', 'If the Constitutional Court annuls the vote, Basko will appeal.', 'moravelian-constitutional-court', null],
  ['u7-moravel', 'Dorn said the court had annulled the vote.', 'moravelian-constitutional-court', null],
  ['u7-moravel', 'The Constitutional Court upheld the ban on opposition rallies.', 'moravelian-constitutional-court', null],
  ['u7-moravel', 'The Constitutional Court struck down the new electoral law.', 'moravelian-constitutional-court', null],
  ['u7-moravel', 'Germany asked the Constitutional Court to annul the vote.', 'germany', '~dorn'],
  ['valdoria', 'The Supreme Court upheld the result.', 'norway', null], // no incumbent where a junta holds power
  ['u7-moravel', 'The Constitutional Court upheld the vote to remove Basko.', 'moravelian-constitutional-court', null], // a vote on a motion, not an election
  ['u7-moravel', 'The Constitutional Court annulled the vote on the new constitution.', 'moravelian-constitutional-court', null],
  // A side inside a "whose" clause between the holder and its act is neither holder nor target.
  ['valdoria', 'Norway, whose embassy was stormed by supporters of Ilan Reyes, recognized the junta.', 'norway', 'council'],
  ['valdoria', 'Norway, whose embassy was stormed by supporters of the junta, did not recognize Ilan Reyes.', 'norway', '~council'],
  ['valdoria', 'Norway, whose embassy was stormed by supporters of the junta, said Peru recognized Ilan Reyes.', 'norway', null],
  ['valdoria', 'Would Norway, whose embassy was stormed by supporters of the junta, recognize Ilan Reyes?', 'norway', null],
  ['valdoria', 'Norway, whose embassy was stormed by supporters of the junta, condemned the attack.', 'norway', null],
];

/** Probes where an analyst gives a side and the code gives none (left as misses; see the report). */
const MISSES = new Set<string>([
]);

const otherSide = (fixture: string, side: string) => [...fixtureGazetteer(fixture).sideIds].find((s) => s !== side) as string;

describe('wrong-side probes over ten made-up crises', () => {
  it.each([...PROBES, ...PROBES_2, ...PROBES_3, ...PROBES_4, ...PROBES_5, ...PROBES_6, ...PROBES_7])('%s: %s (%s → %s)', (fixture, sentence, holder, expected) => {
    const got = sidesOf(fixture, sentence, holder);
    if (expected === null) return expect(got).toEqual([]);
    const side = expected.replace(/^~/, '');
    expect(got).not.toContain(otherSide(fixture, side));
    if (expected.startsWith('~')) return;
    if (MISSES.has(`${fixture}: ${sentence} ${holder}`)) return expect(got).toEqual([]);
    expect(got).toContain(side);
  });
});
