/**
 * NIKs on demand, for the demo story's new families and the tests' households: made up, but as
 * Dukcapil would issue them for that birth date and sex (so validation accepts them), and never
 * the same twice in one process.
 */

/** Rejang Lebong's kecamatan (issuing regions of the test NIKs): 06–11 and 16–24. */
const KECAMATAN = [
  '170206',
  '170207',
  '170208',
  '170209',
  '170210',
  '170211',
  '170216',
  '170217',
  '170218',
  '170219',
  '170220',
  '170221',
  '170222',
  '170223',
  '170224',
];
// Each test file (and the demo story) loads this module afresh while the emulator's register lives
// on: start at a random point so NIKs made by different runs do not meet (15 kecamatan × 9,999 serials).
let counter = Math.floor(Math.random() * 1_000_000);

/**
 * A NIK for a birth date and sex, issued in one of Rejang Lebong's kecamatan (or the one given),
 * with a serial that no other call of this process repeats.
 */
export function nikFor(birthDate: string, sex: 'L' | 'P', kecamatan?: string): string {
  counter += 1;
  const kec = kecamatan ?? KECAMATAN[counter % KECAMATAN.length]!;
  const s = (Math.floor(counter / KECAMATAN.length) % 9999) + 1;
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${kec}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(s).padStart(4, '0')}`;
}
