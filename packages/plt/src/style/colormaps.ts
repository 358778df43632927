/**
 * Colour maps: matplotlib's names mapped onto Vega's colour schemes (which load with
 * vega at render time). `_r` reverses any of them.
 */
import { PltError } from '../errors.js';

const VEGA_SCHEMES = new Set([
  'blues',
  'tealblues',
  'teals',
  'greens',
  'browns',
  'oranges',
  'reds',
  'purples',
  'warmgreys',
  'greys',
  'viridis',
  'magma',
  'inferno',
  'plasma',
  'cividis',
  'turbo',
  'bluegreen',
  'bluepurple',
  'goldgreen',
  'goldorange',
  'goldred',
  'greenblue',
  'orangered',
  'purplebluegreen',
  'purpleblue',
  'purplered',
  'redpurple',
  'yellowgreenblue',
  'yellowgreen',
  'yelloworangebrown',
  'yelloworangered',
  'darkblue',
  'darkgold',
  'darkgreen',
  'darkmulti',
  'darkred',
  'lightgreyred',
  'lightgreyteal',
  'lightmulti',
  'lightorange',
  'lighttealblue',
  'blueorange',
  'brownbluegreen',
  'purplegreen',
  'pinkyellowgreen',
  'purpleorange',
  'redblue',
  'redgrey',
  'redyellowblue',
  'redyellowgreen',
  'spectral',
  'rainbow',
  'sinebow',
]);

// matplotlib name → [vega scheme, reversed?]. matplotlib's `gray` runs black→white, Vega's
// `greys` white→black.
const ALIASES: Record<string, readonly [string, boolean]> = {
  gray: ['greys', true],
  grey: ['greys', true],
  binary: ['greys', false],
  rdbu: ['redblue', false],
  rdylbu: ['redyellowblue', false],
  rdylgn: ['redyellowgreen', false],
  rdgy: ['redgrey', false],
  brbg: ['brownbluegreen', false],
  prgn: ['purplegreen', false],
  piyg: ['pinkyellowgreen', false],
  puor: ['purpleorange', false],
  coolwarm: ['redblue', true],
  bwr: ['redblue', true],
  ylgnbu: ['yellowgreenblue', false],
  ylgn: ['yellowgreen', false],
  ylorbr: ['yelloworangebrown', false],
  ylorrd: ['yelloworangered', false],
  orrd: ['orangered', false],
  pubu: ['purpleblue', false],
  pubugn: ['purplebluegreen', false],
  purd: ['purplered', false],
  rdpu: ['redpurple', false],
  bugn: ['bluegreen', false],
  bupu: ['bluepurple', false],
  gnbu: ['greenblue', false],
};

/** The Vega scale properties for a colour map name. */
export function colorScheme(name: string, where: string): { scheme: string; reverse: boolean } {
  let key = name.toLowerCase();
  let reverse = false;
  if (key.endsWith('_r')) {
    key = key.slice(0, -2);
    reverse = true;
  }
  const alias = ALIASES[key];
  if (alias) return { scheme: alias[0], reverse: alias[1] !== reverse };
  if (VEGA_SCHEMES.has(key)) return { scheme: key, reverse };
  throw new PltError(
    'PLT_INVALID_OPTION',
    `${where}: unknown colour map ${JSON.stringify(name)}; use e.g. 'viridis', 'magma', 'gray', 'RdBu', 'coolwarm' or a Vega scheme name`,
  );
}
