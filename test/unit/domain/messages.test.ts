import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { decisionInputSchema, parseKabupatenPolicy } from '../../../functions/src/domain/index.js';

describe('zod messages are in Bahasa Indonesia everywhere the domain is loaded', () => {
  const schema = z.object({ usulanId: z.string(), jumlah: z.number(), ok: z.boolean(), daftar: z.array(z.string()), detail: z.object({ n: z.int() }) });

  it('a missing field names the field and says it is required', () => {
    expect(schema.safeParse({}).error?.issues.map((i) => i.message)).toEqual([
      'Kolom usulanId wajib diisi',
      'Kolom jumlah wajib diisi',
      'Kolom ok wajib diisi',
      'Kolom daftar wajib diisi',
      'Kolom detail wajib diisi',
    ]);
  });

  it('a mistyped field says what it should be', () => {
    expect(schema.safeParse({ usulanId: 1, jumlah: 'x', ok: 'ya', daftar: {}, detail: { n: 'x' } }).error?.issues.map((i) => i.message)).toEqual([
      'Kolom usulanId harus berupa teks',
      'Kolom jumlah harus berupa angka',
      'Kolom ok harus berupa ya/tidak',
      'Kolom daftar harus berupa daftar',
      'Kolom detail.n harus berupa angka',
    ]);
  });

  it('a payload that is not an object at all, and other checks, use zod’s Indonesian locale', () => {
    expect(schema.safeParse(7).error?.issues[0]?.message).toBe('Data harus berupa objek');
    expect(z.string().min(3).safeParse('ab').error?.issues[0]?.message).toMatch(/^Terlalu kecil/);
    expect(z.string().safeParse(Symbol('s')).error?.issues[0]?.message).toBe('Data harus berupa teks');
  });

  it('a schema’s own wording wins over the defaults', () => {
    expect(decisionInputSchema.safeParse({ decision: 'setujui' }).error?.issues[0]?.message).toBe('ID usulan wajib diisi');
  });
});

describe('parseKabupatenPolicy', () => {
  it('reads a stored policy with its approval level', () => {
    const stored = { staleness: { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: 17 }, approval: 'satu_tingkat' };
    expect(parseKabupatenPolicy(stored)).toEqual(stored);
  });

  it.each([
    undefined,
    null,
    {},
    { staleness: { freezeAfterMonths: 0 } },
    { staleness: { warnAfterMonths: [], freezeAfterMonths: 3, cutoffDay: null }, approval: 'tiga_tingkat' },
  ])('gives null for a missing or malformed policy (%j)', (data) => {
    expect(parseKabupatenPolicy(data)).toBeNull();
  });
});

describe('members are strict', () => {
  it('an unknown field on a member is refused with its name, not dropped', async () => {
    const { validateUsulanBaru } = await import('../../../functions/src/domain/index.js');
    const member = { nik: null, name: 'Sutrisno', sex: 'L', birthDate: '1984-03-12', relationship: 'kepala_keluarga', gaji: 9_000_000 };
    const result = validateUsulanBaru(
      { type: 'baru', household: { kkNumber: '1702061203150007', address: 'Derati', desil: 4, members: [member] } },
      new Date('2026-11-22'),
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'schema.unrecognized_keys', field: 'household.members.0' })]);
    expect(result.errors[0]!.message).toContain('gaji');
  });
});

describe('document ids sent by clients', () => {
  it.each(['abc', 'Xy9_-', 'a'.repeat(128)])('accepts %s', async (id) => {
    const { documentIdSchema } = await import('../../../functions/src/domain/index.js');
    expect(documentIdSchema('ID usulan').safeParse(id).success).toBe(true);
  });

  it.each([
    ['a path', 'usulan/x', 'ID usulan tidak valid'],
    ['the current directory', '.', 'ID usulan tidak valid'],
    ['the parent directory', '..', 'ID usulan tidak valid'],
    ['a reserved id', '__name__', 'ID usulan tidak valid'],
    ['an empty id', '', 'ID usulan wajib diisi'],
    ['129 characters', 'a'.repeat(129), 'ID usulan tidak valid'],
  ])('refuses %s with one clear message', async (_case, id, message) => {
    const { documentIdSchema } = await import('../../../functions/src/domain/index.js');
    expect(
      documentIdSchema('ID usulan')
        .safeParse(id)
        .error?.issues.map((i) => i.message),
    ).toEqual([message]);
  });
});
