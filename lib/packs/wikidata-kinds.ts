/**
 * Wikidata "instance of" (P31) classes → our kinds, for the Wikidata import. Only direct
 * P31 values are looked up (no subclass walk: the import works offline on the file alone);
 * an item whose classes are all missing here gets the kind the user chose as default.
 * Documented in data/PACKS.md; add common classes here, one line each.
 */
import type { Kind } from '../dataset/basics';

export const WIKIDATA_KINDS: Readonly<Record<string, Kind>> = {
  // person
  Q5: 'person', // human

  // organization
  Q43229: 'organization', // organization
  Q484652: 'organization', // international organization
  Q245065: 'organization', // intergovernmental organization
  Q163740: 'organization', // nonprofit organization
  Q4830453: 'organization', // business
  Q783794: 'organization', // company
  Q891723: 'organization', // public company
  Q7210356: 'organization', // political organization
  Q7278: 'organization', // political party
  Q327333: 'organization', // government agency
  Q2659904: 'organization', // government organization
  Q48204: 'organization', // voluntary association
  Q3918: 'organization', // university
  Q31855: 'organization', // research institute

  // place
  Q6256: 'place', // country
  Q3624078: 'place', // sovereign state
  Q7275: 'place', // state
  Q107390: 'place', // federated state
  Q10864048: 'place', // first-level administrative country subdivision
  Q35657: 'place', // state of the United States
  Q515: 'place', // city
  Q1549591: 'place', // big city
  Q1637706: 'place', // city with millions of inhabitants
  Q200250: 'place', // metropolis
  Q5119: 'place', // capital
  Q3957: 'place', // town
  Q532: 'place', // village
  Q486972: 'place', // human settlement
  Q15284: 'place', // municipality
  Q82794: 'place', // geographic region
  Q1620908: 'place', // historical region
  Q5107: 'place', // continent
  Q23442: 'place', // island

  // event
  Q1656682: 'event', // event
  Q1190554: 'event', // occurrence
  Q2761147: 'event', // meeting
  Q625994: 'event', // convention
  Q2020153: 'event', // academic conference
  Q40231: 'event', // public election
  Q198: 'event', // war
  Q178561: 'event', // battle
  Q645883: 'event', // military operation
  Q3839081: 'event', // disaster
  Q8065: 'event', // natural disaster
  Q7944: 'event', // earthquake
  Q3241045: 'event', // disease outbreak
  Q175331: 'event', // demonstration
  Q132241: 'event', // festival
  Q16510064: 'event', // sporting event
};

/** The kind of the first class in the table, or null. */
export function kindOfClasses(classes: readonly string[]): Kind | null {
  for (const q of classes) {
    const kind = WIKIDATA_KINDS[q];
    if (kind && Object.prototype.hasOwnProperty.call(WIKIDATA_KINDS, q)) return kind;
  }
  return null;
}
