import { describe, expect, it } from 'vitest';
import { because, NIK_REASON_CODES, REASON_TEXTS, reasonsText, reasonText, reason } from '../../../functions/src/domain/index.js';

describe('the reason catalogue', () => {
  it('has every NIK check code, in both languages', () => {
    for (const code of NIK_REASON_CODES) expect(REASON_TEXTS[code], code).toBeDefined();
  });

  it.each(Object.keys(REASON_TEXTS))('%s renders a sentence in Bahasa Indonesia and in English, even without params', (code) => {
    const id = reasonText(because(code), 'id');
    const en = reasonText(because(code), 'en');
    expect(id.length).toBeGreaterThan(5);
    expect(en.length).toBeGreaterThan(5);
    expect(en).not.toBe(id);
  });

  it('keeps the written-out message of a reason outside the catalogue, and joins several', () => {
    expect(reasonsText([reason('x.y', 'Pesan lama'), because('nik.format')])).toBe('Pesan lama; NIK harus 16 digit angka');
    expect(reasonsText([because('nik.format')], 'en')).toBe('The NIK must be 16 digits');
  });
});
