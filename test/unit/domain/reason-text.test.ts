import { describe, expect, it } from 'vitest';
import { because, NIK_REASON_CODES, REASON_TEXTS, reasonText, reason } from '../../../functions/src/domain/index.js';

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

  it('keeps the written-out message of a reason outside the catalogue', () => {
    expect(reasonText(reason('x.y', 'Pesan lama'), 'en')).toBe('Pesan lama');
    expect(reasonText(because('nik.format'), 'en')).toBe('The NIK must be 16 digits');
  });
});
