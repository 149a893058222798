/**
 * Lexicon of stance, event and speech cues. Cues are phrases of ordinary news English, never
 * names: who holds a stance and toward which side comes from the gazetteer and the sentence's shape.
 */

import { Lexicon } from './lexicon.js';

export type CueType =
  | 'ignore'
  | 'support'
  | 'soft'
  | 'criticize'
  | 'hedge'
  | 'withhold'
  | 'neutral'
  | 'ally'
  | 'legit'
  /** A disputed election: aimed at the side named, else the side holding power. */
  | 'fraud'
  /** A call to restore civilian or constitutional rule: backs the side that lost power. */
  | 'restore'
  /** Demanding the release, safety or reinstatement of someone: backs the side named right after. */
  | 'free'
  /** Telling someone to halt, withdraw or step down: aimed at the side addressed, named before it. */
  | 'order'
  /** Unrest blamed on foreign hands, or order to be restored: backs the side holding power. */
  | 'power';

export interface Cue {
  type: CueType;
  start: number;
  end: number;
  text: string;
  /** The side the act is aimed at when its shape says so rather than a name near it (disputes.ts: "the territorial integrity of X"). */
  side?: string;
}

const R = (src: string) => new RegExp(src, 'gi');

const CUES: { type: CueType; re: RegExp }[] = [
  // Support that is sought or lacked is nobody's stance: "seeking Russia's support", "needs the backing of".
  { type: 'ignore', re: R(String.raw`\b(?:seek|seeks|seeking|sought|asked for|asks for|ask for|needs?|needed|win|wins|won|gain|gained|lost|lose|rally|rallies|rallied) (?:(?:the|his|her|their|its|more|international|political|financial|and|of)\s+|[\w’']+['’]s\s+){0,4}(?:support|backing|recognition)\b`) },
  // This entry also reads: A sum of aid suspended: "suspended 120 million euros in budget support to X".
  // This entry also reads: "lodged a formal protest with X", "criticised the seizure", "X's actions were unjustified", "protested to X", "a provocation": against X (or the side whose act it is).
  { type: 'criticize', re: R(String.raw`\b(?:does|do|did|would|will)(?:n['’]t| not) recogni[sz]e\b|\b(?:refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?) to recogni[sz]e\b|\bnever recogni[sz](?:e|es|ed)\b|\bdeclin(?:e|es|ed|ing) to recogni[sz]e\b(?= (?:the |his |her |its |\S+['’]s )?(?:\w+ )?(?:results?|outcome|election|re-?election|vote|victory|win)\b)|\bno longer recogni[sz]e|\bsuspend(?:s|ed|ing)? [$€£]?\d[\d.,]* (?:million |billion )?(?:\w+ )?(?:in |of )?(?:\w+ )?(?:aid|support|assistance|funding|loans?)\b|\b(?:lodg|fil|deliver|register)(?:e|es|ed|ing|s)? (?:a |an )?(?:formal |strong |strongly worded |diplomatic |official )*protest\b|\bcritici[sz](?:e|es|ed|ing)\b|\b(?:unjustified|unjustifiable|unacceptable|inexcusable|indefensible)\b|\b(?:can(?:not|['’]t)|could(?:n['’]t| not)) be trusted\b|\bprotest(?:ed|s|ing)? to\b|\b(?:an? )?(?:deliberate |dangerous |reckless )?provocation\b|\bprovocative\b|\b(?:was|were|is|are)(?:n['’]t| not) (?:\w+ )?justified\b|\breject(?:s|ed|ing)?\b(?= (?:the )?(?:\S+ ){0,2}?\S+['’]s? (?:\w+ )?(?:claims?|demands?|accusations?|allegations?|proposals?|plan|ultimatum|version|assertions?)\b)|\breject(?:s|ed|ing)?\b(?= (?:the |all |these )?(?:\w+ )?(?:accusations?|allegations?|charges|claims) against\b)`) },
  // This entry also reads: Guarantors of a deal take no side (welcoming or endorsing a deal: claims.ts, scope.ts).
  { type: 'neutral', re: R(String.raw`\b(?:refrain(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|avoid(?:s|ed|ing)?) (?:from |to )?(?:tak(?:e|ing)|choos(?:e|ing)) (?:a |any )?(?:sides?|positions?)\b|\bguarantors?\b`) },
  { type: 'withhold', re: R(String.raw`\bwithdr(?:ew|awn|aw|aws|awing) (?:its |their |his |her )?(?:support|backing|recognition)(?: (?:for|of|from))?|\b(?:stops?|stopped|stopping) short of|\bdeclin(?:e|es|ed|ing) to\b|\brefrain(?:s|ed)? from\b|\b(?:did|does|do|has|have)(?:n['’]t| not)(?: yet)? (?:say|said) (?:if|whether)|\bwithh(?:o|e)ld(?:s|ing)?\b|\bnot yet recogni[sz]ed\b`) },
  { type: 'hedge', re: R(String.raw`\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|debat(?:e|es|ed|ing)|open to|undecided (?:on|about)) (?:whether |if )?(?:to )?(?:formally )?(?:recogni[sz]|back|support|endors)\w*|\b(?:may|might|could) (?:soon )?(?:recogni[sz]e|back|endorse)\b`) },
  { type: 'neutral', re: R(String.raw`\b(?:internal (?:affairs?|matters?)|domestic (?:affairs?|matter)|(?:all|both) (?:parties|sides|actors|camps|commanders|generals|factions|candidates|rivals|leaders)|(?:neither|either) side|both (?:countries|governments|neighbou?rs|nations|states)|no military solution|(?:political|negotiated|diplomatic|peaceful) (?:solution|settlement|process|transition)|cease-?fire|truce|(?:halt|stop|end) (?:to )?(?:the |all )?(?:fighting|hostilities|violence|bloodshed)|(?:deep(?:ly)?|grave(?:ly)?|serious(?:ly)?) concern(?:ed)?|(?:was|were|is|are|am|remain(?:s|ed)?) (?:very |deeply |gravely |extremely |seriously |increasingly |particularly )?concerned|\bwarn(?:s|ed|ing)? (?:\w+ ){0,3}(?:that )?(?:the )?(?:violence|fighting|conflict|war|crisis) (?:could|would|risked|risks|threatens|threatened|may|might)\b|\b(?:independent|impartial|international|thorough|transparent|credible) (?:investigation|inquiry|probe)\b(?! into (?:the )?(?:\w+ )?(?:killings?|deaths?|shootings?|torture|abuse|disappearances?|treatment|detention|violence|brutality) (?:of|against)\b)|not (?:be )?involved|resolved peacefully|settle (?:their|the|its|all) (?:\w+ )?(?:differences|disputes?) (?:peacefully|through (?:dialogue|negotiations?|diplomacy|diplomatic (?:means|channels)))|peace talks|observers?\b|observation mission|hands-off|stability|not with \S+(?: \S+)? (?:and|or|nor) (?:not )?with|neither with|respect(?:s|ed|ing)? the (?:\w+ )?(?:path|choice|will|decision|wishes|outcome))\b`) },
  // This entry also reads: Calling for early elections is aimed at whoever holds power (a 'fraud'-type act: the incumbent unless a side is named).
  { type: 'fraud', re: R(String.raw`\bneither free nor fair\b|\bnot\b[^.;]{0,30}\bfree (?:and|or|nor) fair\b|\b(?:(?:did|does|do|would|will|could|can)(?:n['’]t| not)|cannot) accept (?:the )?(?:results?|outcome)\b|\b(?:rigged|fraudulent|falsified|stolen) (?:election|vote|poll|ballot)s?\b|\belectoral fraud\b|\breject(?:s|ed|ing)? (?:the )?(?:official |election |provisional |preliminary )?(?:results?|outcome)\b|\bquestion(?:s|ed|ing)? the (?:legitimacy|legality|fairness|credibility|validity)\b|\bvote-rigging\b|\bballot-stuffing\b|\b(?:call(?:s|ed|ing)? for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)) (?:\w+ ){0,2}(?:(?:early|snap|fresh) (?:general |parliamentary |presidential )?elections?|recount)\b|\b(?:serious|widespread|massive|significant|grave|systematic|systemic|numerous|major|substantial) (?:\w+ )?irregularities\b|\bf(?:ell|all|alls|alling) (?:\w+ )?short of (?:\w+ ){0,2}(?:standards|norms)\b|\bdoubts?["”]? (?:about|over|regarding|as to) (?:the )?(?:credibility|legitimacy|fairness|integrity|validity|transparency) of (?:the |this |that |its |his |her )?(?:\w+ )?(?:vote|election|poll|ballot|count|results?|re-?election)\b`) },
  { type: 'restore', re: R(String.raw`\b(?:return|restoration|restore|restoring|restored|back) (?:of |to )?(?:a )?(?:the )?(?:swift |prompt |quick |speedy |rapid |immediate )?(?:return (?:of |to )?)?(?:civilian|democratic|constitutional|civil)(?:,? (?:democratic|civilian))? (?:rule|order|government|authority|power|institutions)\b|\bconstitutional order\b`) },
  { type: 'free', re: R(String.raw`\b(?:release|freeing|reinstatement|safety|safe return|well-being) of\b|\bto (?:immediately |unconditionally )?(?:release|free)\b|\b(?:investigation|inquiry|probe) into (?:the )?(?:\w+ )?(?:killings?|deaths?|shootings?|torture|abuse|disappearances?|treatment|detention|violence|brutality) (?:of|against)\b|\b(?:free|reinstate)\b(?! (?:the |its |their |all (?:the )?)?(?:crew|crews|ship|vessel|tanker|boat|sailors|fishermen|seamen|hostages|detainees|prisoners|captives)\b|,? and fair\b|, fair\b)|\brestor(?:e|es|ed|ing)\b(?= (?:\S+ ){1,4}to (?:power|office)\b)`) },
  // This entry also reads: "warned X against any further escalation": an order to X (only after "warned": claims.ts).
  // This entry also reads: An order about something held, or heeding someone: "urging X to hand back the ship", "urged X to listen to the protesters", "to reverse the ruling", "to accept the court's ruling".
  // This entry (and the next) also reads: "urged X to cooperate with the investigation", "demanded that X cooperate fully with the investigation" (after an airliner is downed): against X.
  { type: 'order', re: R(String.raw`\bto (?:immediately )?(?:halt|stop|cease|withdraw|pull (?:\w+ )?(?:forces |troops )?back|step down|step aside|stand down|resign|respect (?:the )?(?:(?:\w+ ){0,2}rights?(?: of| to (?:peaceful )?(?:assembly|protest))?)|hand over power|(?:cede|relinquish|surrender|hand) (?:\w+ )?power|return to (?:the |their |its )?(?:barracks|positions)|end (?:its|his|their|the) (?:offensive|assault|attack|crackdown))\b|\bagainst (?:any )?(?:further |new )?(?:escalation|provocations?|aggression|attacks?)\b|\bto (?:immediately |promptly )?(?:hand back|give back|return (?:the|its|their|all|seized) (?:\w+ )?(?:ship|ships|vessel|vessels|tanker|boat|crew|islands?|territory|land|hostages|prisoners|detainees|assets)|listen to|heed|(?:lift|end) (?:the |its |their )?(?:siege|blockade)|(?:reverse|overturn|rescind|revoke|annul|scrap) (?:the |its |their |this |that )?(?:\S+ )?(?:ruling|verdict|decree|ban)|(?:accept|abide by|comply with|implement|honou?r) (?:the |its |their |this )?(?:\S+ )?(?:ruling|results?|verdict|outcome|award)|reconsider\b|(?:reverse|rescind|revoke|withdraw) (?:its|their|his|her|the) (?:\w+ )?(?:decision|order)|cooperate (?:fully )?with (?:the |an? |international )?(?:\w+ )?(?:investigation|inquiry|probe|investigators))\b`) },
  { type: 'order', re: R(String.raw`(?<=\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? for|requir(?:e|es|ed|ing)) that (?:the )?\S+(?: \S+){0,3} )\b(?:immediately |must |should )?(?:withdraw|halt|stop|cease|step down|step aside|stand down|resign|pull (?:\w+ )?back|release|free|hand back|return|cooperate (?:fully )?with (?:the |an? |international )?(?:\w+ )?(?:investigation|inquiry|probe|investigators))\b`) },
  { type: 'power', re: R(String.raw`\bcolou?r(?:ed)? revolutions?\b|\b(?:oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|against|warn(?:s|ed|ing)? against) (?:any |a |an |foreign |external |outside |armed |regional |\w+['’]s ){0,3}military (?:intervention|action)\b|\b(?:orchestrated|instigated|fomented|engineered|masterminded|stirred up|directed|financed|funded) (?:\w+ ){0,2}(?:from abroad|by (?:foreign|outside|external|western) (?:\w+ )?(?:powers|forces|countries|governments|agents|actors|enemies|interference))\b|\b(?:right to |help(?:s|ed|ing)? (?:\w+ ){0,3}(?:to )?)restor(?:e|ing) (?:law and |public )?order\b`) },
  // This entry also reads: "the islands belong to Tiralia", "committed to defending X", "would send a second frigate to the coalition", "contributed a warship to X".
  { type: 'support', re: R(String.raw`\bcongratulat\w*|\b(?:sent|sends|send|sending|deploy(?:s|ed|ing)?|dispatch(?:es|ed|ing)?|contribut(?:e|es|ed|ing)) (?:\S+ ){0,2}(?:troops|soldiers|military advisers|advisers|mercenaries|fighters|weapons|arms|tanks|jets|warplanes|guards|police officers|police|frigates?|warships?|destroyers?|minesweepers?)\b(?= to\b)|\b(?:military|defen[cs]e|security) (?:aid|assistance|package)\b(?= (?:\w+ ){0,2}(?:for|to) )|\bhail(?:s|ed|ing)? (?:\S+ ){0,3}(?:victory|win|re-?election|election win)\b|\bwish(?:ed|es)? (?:him|her|them) success\b|\bgrant(?:s|ed|ing)? (?:political )?(?:asylum|refuge|shelter)\b|\b(?:gave|give|gives|giving|offered|offers|offering|provide|provided|provides) (?:\w+ ){0,2}(?:refuge|asylum|shelter|protection)\b|\bshelter(?:s|ed|ing)\b|\bsuppl(?:y|ies|ied|ying) (?=\S+(?: \S+){0,5} with (?:\w+ )?(?:weapons|arms|armed|aircraft|drones|ammunition|vehicles|armoured|armored|military|fighters|jets|missiles))|\barm(?:s|ed|ing)\b|\burg\w* (?:its |his |their )?(?:members|supporters|followers|voters) to (?:vote for|back|support)\b|\b(?:islands?|territory|territories|waters|reefs?|shoals?|archipelago) (?:\w+ )?(?:belongs?|belonged|belonging) to\b|\bcommitted to (?:defending|the defen[cs]e of|protecting)\b`) },
  // This entry also reads: "understands Sorvana's position": a side's case accepted.
  // This entry also reads: "removed X from its list of terrorist organisations", "delisted X": the opposite of a designation.
  { type: 'soft', re: R(String.raw`\blift(?:s|ed|ing)? (?:the |an |its )?(?:arms |weapons |oil |trade )?embargo(?:es)?(?: on| against)?\b|\bwork(?:s|ed|ing)? (?:closely )?with\b|\b(?:loans?|loan guarantees|credit|financial aid|financial support|budget support)\b(?= (?:\w+ ){0,2}(?:for|to) )|\backnowledg(?:e|es|ed|ing)\b|\bvot(?:e|es|ed|ing) with\b|\brestor(?:e|es|ed|ing) (?:diplomatic |full |normal )?(?:relations|ties) with\b|\bcooperat(?:e|es|ed|ing|ion) with\b|\bunderst(?:and|ands|ood|anding)["”]? (?=\S+['’]s? (?:\w+ )?(?:position|concerns?|decision|actions?)\b)|\b(?:echo(?:es|ed|ing)?|shar(?:e|es|ed|ing))\b(?= \S+['’]s? (?:\w+ )?(?:position|stance|views?|line|concerns?|assessment)\b)|\bjoint (?:\w+ ){0,2}(?:patrols?|exercises|drills|manoeuvres|maneuvers) with\b|\bdelist(?:s|ed|ing)?\b|\bremov(?:e|es|ed|ing)\b(?= \S+(?: \S+){0,4} from (?:its |the |a )?(?:\w+ )?(?:terror(?:ist)? )?(?:list|blacklist)\b)`) },
  // This entry also reads: "concluded that the missile was fired from territory held by X", "the court struck down X's decree", "called the dissolution of Congress a coup" (findings.ts): against X (or the side whose act it is).
  { type: 'criticize', re: R(String.raw`\bsanction(?:s|ed|ing)?\b|\btravel bans?\b|\bfr(?:o|ee)ze(?:s|n)? (?:the |\w+['’]s )?assets\b|\basset freezes?\b|\bsuspend(?:s|ed|ing)? (?:\w+ )?(?:aid|assistance|cooperation|ties|visits|contacts|talks|membership|relations)\b|\b(?:paus|halt|cut|freez)(?:e|es|ed|ing|s|ting)? (?:all |its |their |\w+ ){0,2}(?:aid|assistance|funding|cooperation)\b|\bfr(?:o|ee)z\w* (?:\w+ ){0,2}(?:contacts|ties|relations|agreements?|talks|cooperation|partnership)\b|\bpunish\w*|\bexpel(?:s|led|ling)?\b|\baccus(?:e|es|ed|ing)\b(?! of\b)|\bblam(?:e|es|ed|ing)\b(?! for\b)|\boppos(?:e|es|ed|ing)\b|\bno justification\b|\bregrettable\b|\bdeplor(?:e|es|ed|ing)\b|\bgross violation\b|\bembargo(?:es)?\b|\b(?:cut|cuts|cutting|severed|severs|sever|severing|broke|breaks|break|breaking) (?:off )?(?:all )?(?:diplomatic |economic |military )?(?:ties|relations|contacts) with\b|\bdistanc(?:e|es|ed|ing) (?:itself|himself|herself|themselves) from\b|\b(?:(?:designat|brand|label)(?:s|ed|ing)?|list(?:ed|ing))\b(?= (?:\S+ ){0,4}(?:as )?(?:an? )?(?:terrorist|terror)\b)|\b(?:farce|travesty|charade|mockery)\b|\blost (?:all |any |its |his |her |their )?(?:remaining )?legitimacy\b|\b(?:no|lacks?|lacked|lacking|without) (?:any )?(?:legal|constitutional) (?:basis|validity|standing|force)\b|\b(?:call(?:s|ed|ing)?|declar(?:e|es|ed|ing)|deem(?:s|ed|ing)?|describ(?:e|es|ed|ing)|consider(?:s|ed|ing)?|brand(?:s|ed|ing)?)\b(?= (?:the |this |that |its |their |an? )?(?:\S+ ){0,3}["“']?(?:illegal|unlawful|null and void|invalid|(?:an act of )?piracy|unacceptable|unjustified|inhumane?|barbaric|outrageous|shameful|disgraceful|(?:an? )?disgrace|(?:an? )?(?:grave |serious |terrible |historic )?mistake|terrorists?|hooligans|thugs|criminals|extremists|rioters|bandits|traitors)\b)|\black(?:s|ed|ing)? (?:any |all )?(?:democratic )?(?:legitimacy|credibility)\b|\b(?:a |an )?(?:flagrant |clear |blatant |grave |serious )?violation of (?:international law|the (?:UN |United Nations )?charter|the (?:\w+ )?(?:cease-?fire|truce|agreement|accord))\b|\b(?:is|was|would be|amounts? to|amounted to|constitutes?|constituted) (?:an? |another )?(?:\w+ )?(?:coup|putsch)\b|\bundermin(?:e|es|ed|ing) (?:his|her|its|their) (?:own )?legitimacy\b|\bremov(?:e|es|ed|ing)\b(?= \S+(?: \S+){0,2} from (?:office|power)\b)|\boust(?:s|ed|ing)?\b(?= \S+(?: \S+){0,2} from (?:office|power)\b)|\bturn(?:s|ed|ing)? (?:on|against)\b|\b(?:laid|lays|lay|put|puts|placed|places|pinned) (?:all |the |full |much of the )?(?:blame|responsibility)\b|\bsuspend(?:s|ed|ing)?\b|\brecall(?:s|ed|ing)? (?:its|their|his|her) (?:ambassador|envoy|diplomats?|charg[ée] d['’]affaires)\b|\bsummon(?:s|ed|ing)? (?:the |an? )?(?:\S+ )?(?:ambassador|envoy|charg[ée] d['’]affaires)\b|\b(?:turned|used|using|uses) (?:\w+ )?(?:force|violence) (?:on|against)\b|\b(?:fired|launched) from (?:\S+ ){0,3}?(?:territory|areas?|positions?|fields?|land|villages?|zones?) (?:held|controlled|occupied|run) by\b|\bstr(?:uck|ike|ikes|iking) down\b(?! by\b)|\bcall(?:s|ed|ing)?\b(?! (?:for|on|off|upon)\b)(?= (?:\S+ ){0,5}?(?:an? |another )[\"“']?(?:self-)?coup\b(?! (?:leaders?|plotters|makers|government|attempt)))`) },
  // This entry also reads: "X remains the militia's main patron" (a patron is an ally).
  { type: 'ally', re: R(String.raw`\b(?:(?:close|closest|key|strong|staunch|long-?time|main|firm)\s+)?all(?:y|ies)\b|\ballied with\b|\bpatrons?\b(?! saint)`) },
  // This entry also reads: "stood by Telmann", "stands firmly by the government" (not "stood by and watched", "stood by its decision").
  { type: 'support', re: R(String.raw`\brecogni[sz](?:e|es|ed|ing)\b|\brecognition of\b|\bback(?:s|ed|ing)\b|\b(?:to|will|would|should|must|could|can|may|might|not|n['’]t|also|firmly|strongly|fully|publicly|openly|which|who|that|they|we|both|all) back\b|\bsupport(?:s|ed|ing)?\b|\bsolidarity\b|\bendors(?:e|es|ed|ing|ement)\b|\bthr(?:ew|ow|ows|owing) (?:its|his|her|their) (?:full )?(?:political )?weight behind\b|\bstand(?:s|ing)? (?:firmly |squarely |resolutely |fully |united |shoulder to shoulder )?(?:behind|with)\b|\bstood (?:firmly |squarely |resolutely |fully |united |shoulder to shoulder )?(?:behind|with)\b|\bby (?:your|his|her|their|our) side\b|\brall(?:y|ies|ied|ying) (?:behind|around)\b|\bloyalty\b|\bsid(?:e|es|ed|ing) with\b|\b(?:stood|stands?|standing) (?:firmly |squarely |resolutely |fully )?by\b(?! (?:and|as|while|idly|helplessly|its (?:decision|position|statement|ruling|word)|the (?:decision|ruling|statement))\b)`) },
  // This entry also reads: "X had acted within its rights", "the seizure was justified": the act called lawful backs its doer.
  // This entry also reads: "acted within his constitutional powers", "had every right to use the waters of the river" (a dam dispute).
  // This entry also reads: "X had every right to protect its borders" (a border crisis).
  { type: 'legit', re: R(String.raw`(?<!il)\blegitimate\b|(?<!un)\blawful (?:authority|government|president|leader)\b|\brightful (?:winner|president|leader|government|head of state|authority)\b|\b(?:has|had|have) (?:the |a |every )?(?:sovereign )?right to (?:defend (?:itself|themselves|himself|herself)|(?:defend|protect|secure|control|guard|police) (?:its|their) (?:own )?(?:borders?|frontiers?|territory|sovereignty))\b|\bright to self-defen[cs]e\b|\bwithin (?:its|their|his|her) (?:\w+ )?(?:rights?|powers|prerogatives)\b|\bsovereign rights?\b|\b(?:has|had|have) (?:the |a |every )?right to (?:respond|retaliate|use (?:all |any )?(?:necessary |legitimate )?(?:means|force)|(?:use|develop|exploit|harness) (?:its |their |the )?(?:own )?(?:\w+ )?(?:resources|waters?|rivers?))\b|\b(?:was|were|is|are|been) (?:fully |entirely |completely |perfectly )?justified\b|\b(?:has|had|have) (?:the |a |an |every )?(?:sovereign |legitimate |inalienable )?right to (?:a |its )?(?:peaceful |civilian )?(?:nuclear|enrich)\w*`) },
  // This entry also reads: energy sent to a side in a cut-off, "would raise gas deliveries to X" (negated: captors.ts); a report "biased against X" (defending X).
  { type: 'soft', re: R(String.raw`\bthe right person\b|\bbias(?:ed)? against\b|\bsalut(?:e|es|ed)\b|\bhail(?:s|ed|ing)?\b|\bsympath(?:y|ies|ise|ised|ize|ized|etic)\b|\bprais(?:e|es|ed|ing)\b|\bwelcom(?:e|es|ed|ing)\b|\b(?:rais|increas|boost|doubl|send|sent|ship|deliver|suppl)(?:e|es|ed|ing|s|ping|ped|ies|ied|ying)? (?:its |their |extra |more |additional |emergency )?(?:gas|oil|LNG|fuel|diesel|electricity|energy|coal|liquefied natural gas)(?: (?:deliveries|supplies|shipments|exports|flows|cargoes))?\b(?= to\b)`) },
  {
    type: 'criticize',
    re: R(
      String.raw`\billegitimate\b|\bnot (?:now )?(?:legally )?(?:the )?(?:legitimate|legal|rightful)\b|\bdictator(?:ship)?\b|\busurp\w*|\bcoup(?: d['’]etat)?\b|\bcondemn(?:s|ed|ing)?\b|\bdenounc(?:e|es|ed|ing)\b|\bdeeply flawed\b|\b(?:un|anti-?)constitutional\b|\bfraudulent\b|\brigged\b|\bsham\b|\btime has come to an end\b|\bstep(?:s)? down\b|\bmust go\b|\bshould resign\b|\bstole the election\b|\b(?:refus(?:e|es|ed)|reject(?:s|ed)?) to recogni[sz]e\b|\b(?:does|do|did)(?:n['’]t| not) recogni[sz]e\b`,
    ),
  },
  // This entry also reads: a mediator that "urged a binding agreement" (kept only after "urged": findings.ts; not "urged X to sign": an order).
  { type: 'neutral', re: R(String.raw`\b(?:not|n['’]t|yet to) (?:taken?|taking|chosen|choose) (?:a |any )?(?:position|side|sides|stance)\b|\b(?:takes?|took|taking) no (?:official |formal )?(?:position|side|sides|stance)\b|\b(?:remain(?:s|ed)?|stay(?:s|ed)?|stays?) neutral\b|\bdialogue\b|\bmediat(?:e|es|ed|ing|ion|or)\b|\boffer(?:s|ed|ing)? to host (?:\w+ )?talks\b|\bneutral(?:ity)?\b|\brestraint\b|\bde-?escalat\w*|\bavoid (?:violence|escalation|bloodshed)\b|\bpeaceful (?:solution|resolution|dialogue|means|end|settlement)\b|\bnon-?interference\b|\ball efforts\b|\bnot take sides\b|\bimpartial\b|\bcall(?:s|ed|ing)? for calm\b|\bbinding (?:agreement|deal|accord)\b`) },
  // Entries of their own, last (their prefixes are common word starts: "pol", "for", "rea", "res"), from the nuclear, border and poisoning crises (aims.ts):
  // reservations about X's acts; a judgement of accusations ("the accusations against X were politically motivated": kept only then);
  // X's fears "exaggerated" (kept only as a predicate of a side's fears or claims: findings.ts).
  { type: 'criticize', re: R(String.raw`\b(?:express|voic|rais)(?:e|es|ed|ing)? (?:\w+ )?reservations about\b(?= (?:the )?(?:\S+ ){0,2}?\S+['’]s? )|\b(?:baseless|groundless|unfounded|fabricated|politically motivated)\b|\b(?:exaggerated|overblown|overstated|alarmist)\b`) },
  // "reaffirmed Khalvor's right to enrich uranium".
  { type: 'support', re: R(String.raw`\breaffirm(?:s|ed|ing)?\b(?= \S+['’]s (?:\w+ )?right to\b| (?:its|their|his|her|the) (?:\w+ )?(?:treaty|defen[cs]e|security|alliance|mutual defen[cs]e) (?:commitments?|obligations|guarantees?|pledges?) (?:to|toward|towards)\b)`) },
  // An attack attributed: "Drovania was behind the poisoning" (kept only with a side as the subject right before: aims.ts).
  // This entry also reads: "X, not Y, was to blame for the suffering", "X was weaponising migrants", "X is using migrants as pawns" (kept only with a side as the subject before it: alignments.ts).
  { type: 'criticize', re: R(String.raw`\b(?:responsible for|behind) (?:the |this |that |last \w+['’]s |a |an )?(?:\w+ )?(?:attack|attacks|poisoning|killing|killings|murder|assassination|bombing|shooting|plot)\b|\bblame for\b|\bweaponi[sz](?:e|es|ed|ing) (?:the )?(?:migrants|migration|refugees|asylum seekers)\b|\bus(?:e|es|ed|ing) (?:the )?(?:migrants|refugees|asylum seekers|people|human beings) as (?:a )?(?:weapons?|pawns|bargaining chips?)\b`) },
  // Power defended: "warned against attempts to overthrow an elected government" (not after a coup: aims.ts), "accused Western embassies of fuelling the protests", a vote called "free and fair" (a predicate only: disputes.ts).
  { type: 'power', re: R(String.raw`\b(?:warn(?:s|ed|ing)?|caution(?:s|ed|ing)?) against (?:any )?(?:attempts?|efforts?|plots?|moves?|bids?) to (?:overthrow|topple|unseat|destabili[sz]e|remove) (?:an? |the |its |their )?(?:democratically )?(?:elected|legitimate|constitutional) (?:government|president|leader|authorities)\b|\b(?:western|foreign|outside|external) (?:embassies|powers|governments|agents|intelligence services|countries|diplomats|NGOs|spy agencies) of (?:fuell?ing|stoking|inciting|fomenting|orchestrating|instigating|financing|funding|organi[sz]ing) (?:the )?(?:\w+ )?(?:protests|unrest|riots|demonstrations|uprising)\b|\bfree(?:,|,? and) fair\b`) },
  // Upholding a state's territorial integrity: against the side breaking away from it (kept only after a verb that upholds it, with the state named: disputes.ts).
  { type: 'soft', re: R(String.raw`\bterritorial integrity\b`) },
  // A ruling on a vote: upholding the result leans to its winner, annulling it against (targets.ts: whoever holds power).
  { type: 'soft', re: R(String.raw`\buph(?:e|o)ld(?:s|ing)?\b(?= (?:the |his |her |its |this |that |\S+['’]s )?(?:[\w-]+ ){0,2}(?:results?|outcome|re-?election|victory|win|vote|election)\b(?! (?:to|on|against|in favou?r)\b))`) },
  { type: 'criticize', re: R(String.raw`\b(?:annul(?:s|led|ling)?|overturn(?:s|ed|ing)?|invalidat(?:e|es|ed|ing)|nullif(?:y|ies|ied|ying)|str(?:uck|ikes?|iking) down)\b(?= (?:the |his |her |its |this |that |\S+['’]s )?(?:[\w-]+ ){0,2}(?:results?|outcome|re-?election|victory|win|vote|election)\b(?! (?:to|on|against|in favou?r)\b))`) },
  // Entries of their own (their prefixes are common word starts: "def", "off", "reg"), from the border, shipping and peacekeeping crises (alignments.ts):
  // "joined the coalition", "defended Drevska", "offered to help Lutvia" (kept only with a side right after); "regretted the decision", "disappointed by the decision".
  { type: 'support', re: R(String.raw`\bjoin(?:s|ed|ing)?\b|\bdefend(?:s|ed|ing)?\b|\boffer(?:s|ed|ing)? to (?:help|assist)\b`) },
  { type: 'criticize', re: R(String.raw`\bregrett?(?:s|ed|ing)?\b(?= (?:the |this |that |\S+['’]s )(?:\S+ ){0,2}?(?:decision|order|move|expulsion|withdrawal|departure)\b)|\bdisappointed["”]? (?:by|with|at|over)\b`) },
  // Blame by holding responsible or attributing (the object only: claims.ts; an attribution with a side as its subject is that side's own: captors.ts).
  // This entry also reads: "X must be held accountable" (a passive: findings.ts), "would hold X to account" (after an airliner is downed).
  { type: 'criticize', re: R(String.raw`\b(?:held|holds?|holding)\b(?= (?:\S+ ){1,5}?responsible for\b)|\bheld (?:fully |strictly |personally )?(?:accountable|to account|responsible)\b|\b(?:held|hold(?:s|ing)?)\b(?= (?:\S+ ){1,4}?(?:accountable|to account)\b)|\battribut(?:e|es|ed|ing) (?:the |this |that |last \w+['’]s )?(?:\S+ ){0,2}?(?:attacks?|hack|hacking|breach|cyberattacks?|cyber-?attacks?|intrusion|operation|poisoning|bombing|campaign) to\b`) },
];

const NEEDS_NAME = /^(?:suspend(?:s|ed|ing)?|free|reinstate|arm(?:s|ed|ing)?)$/i;

/** "no country should", "no government will": a negated subject. */
const NO_SUBJECT = /\b(?:nobody|no (?:country|nation|government|state|one|member|democracy))\b[^.;]{0,50}\b(?:should|will|would|can|could|must|may)\s+(?:\w+\s+)?$/i;
/** "did not consider X the legitimate …": a negated verb of judgement over a legitimacy cue. */
const NEG_JUDGEMENT = /\b(?:not|n['’]t|never|no longer)\s+(?:consider|regard|see|view|accept|deem|recogni[sz]e|call|treat)\w*\b[^.;]{0,60}$/i;
/** A negated verb of saying right before a cue's clause: "never said X had …". */
const NEG_SAYING = /(?:\bnot|n['’]t|\bnever)\s+(?:said|say|says|claimed|argued|suggested)\b/i;
const NEGATION = /(?:\bnot|n['’]t|\bnever|\bno longer|\bwithout)\s+(?:[\w“"‘'’]+\s+|[“"‘]){0,3}$/i;
/** An act not done, or undone: "has yet to recognise", "refused to condemn", "unlikely to back", "too early to blame", "stopped backing", "lifted sanctions". */
/** "backed neither X nor Y": the act is denied to every side. */
const NEITHER = /^\s+neither\b/i;
const NOT_DONE = /\b(?:yet to|fail(?:s|ed|ing)? to|failure to|refus(?:e|es|ed|ing|al) to|unlikely to|reluctan(?:t|ce) to|hesita(?:nt|nce|ted|tes|te) to|no plans? to|declin(?:e|es|ed|ing) to|stop(?:s|ped)? short of|(?:too early|premature) to|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|withdr(?:aw|aws|ew|awn|awing|awal)|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|(?:an |the )?end(?:s|ed|ing)? (?:to|of)|neither|nor)\s+(?:\w+\s+)?$/i;
/** An act denied or called false: "denied supplying", "dismissed reports that it had recognised"; not past a new clause with its own subject ("denied any role, and China backed X"). */
const DENIED = /\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)? (?:\w+ )?(?:reports?|claims?|allegations?|suggestions?|rumou?rs?)|reject(?:s|ed|ing)? (?:\w+ )?(?:reports?|claims?|allegations?|suggestions?))\b[^.;]{0,50}$/i;
/** A new clause with its own subject: ", and China …" (a denial before it does not reach past it). */
const NEW_SUBJECT = /,\s*(?:and|but)\s+(?:the\s+)?[A-Z]/g;
const CALLED_FALSE = /^[^.;]{0,60}\b(?:were|was|are|is|as) ["“']?(?:false|untrue|baseless|unfounded|fake|fabricated|lies)\b/i;
/** Whether an act is denied (DENIED), not past a new clause with its own subject. */
function denied(clause: string): boolean {
  const d = DENIED.exec(clause);
  if (!d) return false;
  let seam = -1;
  NEW_SUBJECT.lastIndex = 0;
  for (const m of d[0].matchAll(NEW_SUBJECT)) seam = (m.index ?? 0) + m[0].length;
  return seam < 0 || DENIED.test(d[0].slice(seam));
}
/** Someone else's expectation of an act: "Observers expect Mali to side with", "is likely to back"; "Few expect" denies it. */
const EXPECTED = /\b(?:expect(?:s|ed)?|predict(?:s|ed)?|likely to|anticipat(?:e|es|ed)|speculat(?:e|es|ed|ion)|rumou?red|(?:claim(?:s|ed)|alleg(?:es|ed))(?! victory| the (?:presidency|win|victory)| responsibility| credit))\b[^.;]{0,50}$/i;
const FEW_EXPECT = /\b(?:few|no one|nobody|none)\s+(?:\w+\s+)?(?:expect|believe|think|predict)s?\b[^.;]{0,50}$/i;
/** A hypothesis or an open question: "If Chad recognised the junta, …", "Whether Niger will back …". */
const HYPOTHETICAL = /\b(?:if|whether|unless)\s+(?:[\w’'-]+\s+){0,4}$/i;
/** The same past an apposition to its subject: "If Russia, a close ally of Dunmere, backed …". */
const HYPOTHETICAL_ASIDE = /\b(?:if|whether|unless)\s+(?:[\w’'-]+\s+){0,3}[\w’'.-]+,\s+[^,;:.]{1,60},\s+(?:also\s+|now\s+|ever\s+)?$/i;
/** An inverted condition: "Should Japan recognise X, …", "Were Peru to back X". */
const INVERTED_IF = /(?:^|[;:]\s*)(?:Should|Were|Had)\s+(?:(?:the\s+)?[A-Z][\w’'.-]*\s+){1,4}(?:to\s+)?$/;
/** Support said to be fading: "Norway's support for Sow has waned". */
const FADING = /^[^.;]{0,60}\b(?:has |have |had )?(?:waned|waning|faded|fading|cooled|cooling|weakened|weakening|eroded|dwindled|evaporated|wavered)\b/i;
/** A cheap look for the words HYPOTHETICAL needs before running it over a whole clause. */
const mayBeIf = (t: string) => t.includes('if ') || t.includes('If ') || t.includes('hether') || t.includes('nless');
/** A call negated, up to five words back: "did not call for a swift return to …". */
const NOT_CALLED = /(?:\bnot|n['’]t|\bnever)\s+(?:[\w-]+\s+){0,5}$/i;
/** Cue types that state a side (not neutrality). */
const SIDED = new Set<CueType>(['support', 'soft', 'ally', 'legit', 'criticize', 'fraud', 'restore', 'free', 'order', 'power']);

/**
 * Each lexicon entry is its own regex (V8 scans a small one far faster than one alternation of
 * all of them); findCues merges their matches as one alternation would: leftmost match first,
 * and at one position the earlier lexicon entry wins. Each entry's next match is cached until
 * the scan passes it. An entry runs only at the word starts where one of its prefixes stands
 * (lexicon.ts), anchored there; an entry without prefixes is scanned over the whole text.
 */
const RES = CUES.map((c) => new RegExp(c.re.source, 'gi'));
/** The lexicon's regexes, in order (for test/core/lexicon.test.ts). */
export const CUE_REGEXES: readonly RegExp[] = RES;
const LEXICON = new Lexicon(RES);

/** All cues in a sentence, earliest first. */
export function findCues(text: string): Cue[] {
  const out: Cue[] = [];
  // A sentence that asks states nothing (a question inside a quote ends with the quotation mark).
  const question = /\?\s*$/.test(text);
  // next[i]: entry i's first match at or after the scan position (null: none left; undefined: not looked yet).
  const next: (RegExpExecArray | null | undefined)[] = new Array(RES.length);
  const scan = LEXICON.scan(text);
  let pos = 0;
  for (;;) {
    let i = -1;
    let start = Number.POSITIVE_INFINITY;
    for (let k = 0; k < RES.length; k++) {
      let m = next[k];
      if (m === undefined || (m !== null && m.index < pos)) {
        m = scan.next(k, pos);
        next[k] = m;
      }
      if (m && m.index < start) {
        start = m.index;
        i = k;
      }
    }
    if (i < 0) break;
    const m = next[i] as RegExpExecArray;
    const end = start + m[0].length;
    pos = end > start ? end : start + 1;
    let t = (CUES[i] as (typeof CUES)[number]).type;
    // "did not back": the cue's own first word ("not back", "n't back") negates it (not "not free and fair", "not legitimate").
    const lead = /^(?:not|n['’]t)\s+(?=back\b)/i.exec(m[0]);
    const before = text.slice(Math.max(0, start - 30), start) + (lead ? lead[0] : '');
    const clause = text.slice(Math.max(0, start - 90), start);
    // An act denied, called false, or expected by someone else is not the holder's act.
    if (SIDED.has(t) && (denied(clause) || CALLED_FALSE.test(text.slice(end, end + 90)))) continue;
    // A question ("Will China recognise the junta?") or a hypothesis states no position.
    // (The clause, not the 30 characters before: "If the Constitutional Tribunal strikes down …" is longer.)
    if (SIDED.has(t) && (question || HYPOTHETICAL.test(before) || (mayBeIf(clause) && (HYPOTHETICAL.test(clause) || HYPOTHETICAL_ASIDE.test(clause))) || INVERTED_IF.test(before))) continue;
    if ((t === 'support' || t === 'ally') && FADING.test(text.slice(end, end + 90))) t = 'withhold';
    if (SIDED.has(t) && (NOT_DONE.test(before) || NEITHER.test(text.slice(end, end + 16)) || FEW_EXPECT.test(clause))) t = t === 'support' || t === 'soft' || t === 'ally' || t === 'legit' || t === 'criticize' ? 'withhold' : 'ignore';
    else if ((t === 'support' || t === 'ally' || t === 'legit') && EXPECTED.test(clause)) t = 'hedge';
    // "No country should recognise X", "did not consider X the legitimate president": the negation
    // scopes over the act from further back than the words right before it.
    if ((t === 'support' || t === 'ally') && NO_SUBJECT.test(clause)) t = 'criticize';
    else if ((t === 'support' || t === 'ally' || t === 'soft') && NEGATION.test(before)) t = 'withhold';
    // "did not condemn", "never rejected X's claim", "did not warn against attempts to overthrow …",
    // "did not demand that X free the crew", "urged X not to release …": an act not done.
    else if (t === 'criticize' && NEGATION.test(before)) t = 'withhold';
    else if ((t === 'power' || t === 'order' || t === 'free' || t === 'fraud') && NEGATION.test(before)) t = 'ignore';
    // "did not call for a (swift) return to constitutional order": a call not made.
    else if (t === 'restore' && NOT_CALLED.test(clause)) t = 'ignore';
    // "has never said X had the right to …": the saying is negated, not the right.
    if (t === 'legit' && (NEGATION.test(before) || NEG_JUDGEMENT.test(clause))) t = NEG_SAYING.test(before) ? 'withhold' : 'criticize';
    // Verbs that are acts only toward a name: "suspended Norland", "arming the Volk brigades", "free Hale"
    // (not an order: "demanded that X free the crew").
    if (t !== 'order' && NEEDS_NAME.test(m[0]) && !/^\s+(?:the\s+|ousted\s+|deposed\s+|detained\s+)*[A-Z]/.test(text.slice(end))) continue;
    out.push({ type: t, start, end, text: m[0] });
  }
  return out;
}

/** Speech verbs: "X said", "says X", "X told reporters", "according to X". */
export const SPEECH = /\b(?:said|says|say|told|tweeted|added|adds|stated|states|announced|announces|declared|warned|warns|insisted|noted|wrote|emphasized|emphasised|stressed|urged|urges|according to|reported|reports|revealed|disclosed|confirmed)\b/g;

/** Clause breaks that end a holder's scope. */
export const CLAUSE_BREAK = /;|\s—\s|\s–\s|,\s+(?:while|but(?!\s+not\b)|whereas|although|though)\b|\b(?:while|whereas)\b/g;

/** Event kinds, with a weight for importance. */
export const EVENT_KINDS: { kind: string; weight: number; re: RegExp }[] = [
  { kind: 'violence', weight: 3, re: /\b(?:killed|dead|deaths?|died|slain|wounded|injured|shot|clash(?:es|ed)?|attack(?:s|ed)?|bomb(?:s|ed|ing)?|looting|gunfire|massacre|arrest(?:s|ed)?|detain(?:s|ed)?|explosion)\b/i },
  { kind: 'recognition', weight: 3, re: /\brecogni[sz](?:e|es|ed|ing)\b|\bdeclared (?:himself|herself|itself)\b|\bswore (?:himself|herself) in\b|\bsworn in\b|\bclaim(?:s|ed|ing)? (?:to hold )?the presidency\b|\bassum(?:e|ed|ing) (?:the )?(?:presidency|power|presidential)\b/i },
  { kind: 'diplomatic', weight: 3, re: /\b(?:expel(?:s|led)?|sever(?:s|ed|ing)?|broke|breaking|cut(?:s|ting)?) (?:diplomatic )?(?:relations|ties)\b|\bclos(?:e|ed|es|ing) (?:its |the |their )?(?:country['’]s )?embass(?:y|ies)\b|\bdiplomats? (?:home|out|to leave)\b|\brecall(?:s|ed)? (?:its |their )?ambassador|\bsanction(?:s|ed)?\b|\bordered\b.*\bdiplomats\b/i },
  { kind: 'military', weight: 2.5, re: /\b(?:deploy(?:s|ed)?|troops|military|generals?(?! (?:election|strike|assembly|secretary|public|debate|amnesty))|armed forces|soldiers|mutin(?:y|eers)|uprising|seized|invasion|intervention)\b/i },
  { kind: 'meeting', weight: 2, re: /\b(?:meet(?:s|ing)?|summit|talks|session|consultations|vote|phone call|visit(?:s|ed)?|met with)\b/i },
  { kind: 'aid', weight: 2, re: /\b(?:humanitarian|aid|assistance|food and medicine|relief)\b/i },
  { kind: 'protest', weight: 2, re: /\b(?:protests?|protesters|demonstrat(?:ions?|ors)|rall(?:y|ies)|march(?:es|ing)?|unrest)\b/i },
  { kind: 'statement', weight: 1, re: /\b(?:said|says|called|calls|warned|urged|denounced|condemned|tweeted|told|announced|offered|pledged|vowed|rejected|dismissed|demanded|accused)\b/i },
];

const KINDS = new Lexicon(EVENT_KINDS.map((k) => k.re));

export function eventKind(text: string): { kind: string; weight: number } | null {
  const scan = KINDS.scan(text);
  for (let i = 0; i < EVENT_KINDS.length; i++) {
    const k = EVENT_KINDS[i] as (typeof EVENT_KINDS)[number];
    if (scan.test(i)) return { kind: k.kind, weight: k.weight };
  }
  return null;
}
