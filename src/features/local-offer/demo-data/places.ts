/**
 * Where the demo Local Offer's venues are (data only): the authority's town and villages, each a postcode district
 * (src/demo/names.ts) with an offset from the town centre, the streets and postcode letters addresses are made of,
 * and what venues say about access.
 */
import { DISTRICTS } from '../../../demo/names.ts';

export interface Place {
  readonly name: string;
  readonly district: string;
  readonly dLat: number;
  readonly dLon: number;
}

/** Where each district lies from the town centre (degrees). */
const OFFSETS: Readonly<Record<string, readonly [number, number]>> = {
  DM1: [0, 0],
  DM2: [0.012, 0.018],
  DM3: [-0.011, -0.016],
  DM4: [0.009, -0.021],
  DM5: [0.041, -0.032],
  DM6: [-0.036, 0.027],
  DM7: [0.058, 0.061],
  DM8: [-0.052, -0.044],
  DM9: [0.023, -0.071],
  DM10: [-0.018, 0.083],
  DM11: [0.074, -0.009],
};

export const PLACES: readonly Place[] = DISTRICTS.map((d) => {
  const [dLat, dLon] = OFFSETS[d.district] ?? [0, 0];
  return { name: d.town, district: d.district, dLat, dLon };
});

/** The distinct place names (the town once). */
export const PLACE_NAMES: readonly string[] = [...new Set(PLACES.map((p) => p.name))];

export const STREET_FIRST = [
  'Alder',
  'Bramble',
  'Copperbeech',
  'Daisyfield',
  'Elderberry',
  'Foxglove',
  'Gorsey',
  'Heronsgate',
  'Ivybridge',
  'Juniper',
  'Kestrel',
  'Linnet',
  'Marigold',
  'Nettlebed',
  'Orchard',
  'Pippin',
  'Quarrybank',
  'Rowanberry',
  'Sorrel',
  'Teasel',
  'Wagtail',
  'Yarrow',
];
export const STREET_KIND = ['Street', 'Road', 'Lane', 'Close', 'Way', 'Avenue', 'Row', 'Gardens', 'Drive'];
/** Letters allowed in the last part of a UK postcode. */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export const ACCESSIBILITY = [
  'Step-free entrance and lift to all floors. Accessible toilet. Hearing loop at reception.',
  'Step-free access on the ground floor. Accessible toilet and a Changing Places toilet with a hoist.',
  'Level entrance from the car park. Blue badge parking by the door. Quiet room you can use if it gets too much.',
  'Ramp at the side door. Accessible toilet. Low lighting and a calm space are available on request.',
  'The building is old and has steps at the front. There is a ramp at the back: ring the bell and staff will help.',
  'Step-free access. Wide doors. Accessible toilet with grab rails. Guide dogs and assistance dogs welcome.',
];
