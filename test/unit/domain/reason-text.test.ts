import { describe, expect, it } from 'vitest';
import { because, NIK_REASON_CODES, REASON_TEXTS, reasonText, reason } from '../../../functions/src/domain/index.js';
import { APPLY_TEXTS } from '../../../functions/src/domain/reason-texts/apply.js';
import { DUPLICATE_TEXTS } from '../../../functions/src/domain/reason-texts/duplicates.js';
import { ELIGIBILITY_TEXTS } from '../../../functions/src/domain/reason-texts/eligibility.js';
import { STALENESS_TEXTS } from '../../../functions/src/domain/reason-texts/staleness.js';
import { KK_TEXTS } from '../../../functions/src/domain/reason-texts/kk.js';
import { NIK_TEXTS } from '../../../functions/src/domain/reason-texts/nik.js';
import { PROGRAM_TEXTS } from '../../../functions/src/domain/reason-texts/programs.js';
import { ROLE_TEXTS } from '../../../functions/src/domain/reason-texts/roles.js';
import { SUSPENSION_TEXTS } from '../../../functions/src/domain/reason-texts/suspension.js';
import { TRANSFER_TEXTS } from '../../../functions/src/domain/reason-texts/transfer.js';
import { USULAN_STATUS_TEXTS } from '../../../functions/src/domain/reason-texts/usulan-status.js';
import { USULAN_VALIDATION_TEXTS } from '../../../functions/src/domain/reason-texts/validate-usulan.js';
import { WILAYAH_TEXTS } from '../../../functions/src/domain/reason-texts/wilayah.js';
import { reasonSamples } from './reason-samples.js';

/** The rules converted to the catalogue after eligibility and the NIK checks, and their texts. */
const CONVERTED = { KK_TEXTS, WILAYAH_TEXTS, ROLE_TEXTS, USULAN_STATUS_TEXTS, USULAN_VALIDATION_TEXTS, SUSPENSION_TEXTS, TRANSFER_TEXTS, PROGRAM_TEXTS };
const samples = reasonSamples();
const paramValues = (v: unknown): unknown[] => (v !== null && typeof v === 'object' ? Object.values(v).flatMap(paramValues) : [v]);

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

describe('the converted rules (KK, wilayah, roles, usulan status and validation, suspension, transfer, programs)', () => {
  it.each(samples.map(([rule, r]) => [rule, r.code, r] as const))(
    '%s gives %s from the catalogue: code and params, no written-out message',
    (_rule, code, r) => {
      expect(REASON_TEXTS[code], code).toBeDefined();
      expect(r.message).toBeUndefined();
      const id = reasonText(r, 'id');
      const en = reasonText(r, 'en');
      expect(en).not.toBe(id);
      for (const text of [id, en]) expect(text).not.toMatch(/undefined|null|\[object|""|“”/);
    },
  );

  it('every text of their catalogue files is one the rules give (no entry is left over)', () => {
    const given = new Set(samples.map(([, r]) => r.code));
    const entries = Object.values(CONVERTED).flatMap((texts) => Object.keys(texts));
    expect(entries.filter((code) => !given.has(code))).toEqual([]);
  });

  it('no code has texts in two files (a later spread would silently replace the earlier)', () => {
    const codes = Object.values({ ...CONVERTED, NIK_TEXTS, ELIGIBILITY_TEXTS, APPLY_TEXTS, DUPLICATE_TEXTS, STALENESS_TEXTS }).flatMap((texts) =>
      Object.keys(texts),
    );
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    expect(codes.sort()).toEqual(Object.keys(REASON_TEXTS).sort());
  });

  it('no param carries a NIK or a KK number (16 digits)', () => {
    const values = samples.flatMap(([, r]) => paramValues(r.params ?? {}));
    expect(values.filter((v) => /\d{16}/.test(String(v)))).toEqual([]);
  });

  it('say in Bahasa Indonesia exactly what they said before the catalogue (tests, e2e specs and the demo read these)', () => {
    const texts: [string, string][] = [];
    for (const [, r] of samples) {
      const pair: [string, string] = [r.code, reasonText(r)];
      if (!texts.some(([c, t]) => c === pair[0] && t === pair[1])) texts.push(pair);
    }
    expect(texts).toEqual([
      ['kk.format', 'Nomor KK harus 16 digit angka'],
      ['kk.region', 'Kode wilayah pada nomor KK (digit 1–6) tidak valid'],
      ['kk.region_unknown', 'Kode wilayah 17.02.99 pada nomor KK tidak ada dalam data wilayah Kemendagri'],
      ['kk.date', 'Tanggal pencatatan pada nomor KK (digit 7–12, HHBBTT) tidak valid'],
      ['kk.serial', 'Nomor urut pada nomor KK tidak boleh 0000'],
      ['kk.unchanged', 'Nomor KK baru sama dengan nomor KK yang berlaku'],
      ['kk.history_order', 'Tanggal berlaku KK baru tidak boleh sebelum 2020-05-01'],
      ['wilayah.format', 'Kode desa/kelurahan harus berbentuk PP.KK.CC.DDDD, contoh 17.02.06.2001'],
      ['wilayah.province', 'Kode provinsi tidak dikenal'],
      ['wilayah.regency', 'Kode kabupaten harus 01–69 atau kode kota 71–99'],
      ['wilayah.district', 'Kode kecamatan tidak boleh 00'],
      ['wilayah.village', 'Kode desa/kelurahan harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)'],
      ['wilayah.format', 'Kode wilayah harus berbentuk PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD'],
      ['role.kabupaten', 'Kode kabupaten/kota tidak valid'],
      ['role.desa_required', 'Operator harus ditugaskan ke satu desa/kelurahan'],
      ['role.other_kabupaten', 'Desa/kelurahan itu tidak berada di kabupaten Anda'],
      ['transition.forbidden_role', 'Operator desa/kelurahan tidak boleh mengubah status usulan dari "Diajukan" menjadi "Disetujui"'],
      ['transition.illegal', 'Status usulan tidak dapat berubah dari "Diterapkan ke register" menjadi "Draf"'],
      ['nik.duplicate_in_household', 'NIK anggota ke-2 sama dengan NIK anggota ke-1'],
      ['member.birth_date_future', 'Tanggal lahir anggota ke-3 belum terjadi'],
      ['member.pregnant_sex', 'Anggota ke-4 tercatat laki-laki dan hamil/nifas'],
      ['member.excluded_occupation', 'Anggota ke-4 ASN/TNI/Polri: keluarga ini dikecualikan dari bantuan sosial'],
      ['usulan.target_mismatch', 'Data keluarga yang diperiksa bukan keluarga yang diusulkan'],
      ['usulan.household_keluar', 'Keluarga ini sudah keluar dari register'],
      ['usulan.other_desa', 'Keluarga ini terdaftar di desa lain; usulan harus diajukan oleh desa tempat keluarga terdaftar'],
      ['perbaikan.kk_reason_required', 'Nomor KK berubah: pilih alasan perubahan KK'],
      ['pindah.from_mismatch', 'Menurut register, keluarga ini tidak berada di desa asal yang disebut'],
      [
        'pindah.other_kabupaten',
        'Keluarga ini terdaftar di kabupaten/kota lain. Pindah antar kabupaten/kota memerlukan pelepasan dari Dinas Sosial kabupaten/kota asal; hubungi Dinas Sosial Anda.',
      ],
      ['pindah.same_desa', 'Desa asal sama dengan desa tujuan; gunakan perbaikan data untuk pindah alamat di desa yang sama'],
      ['keluar.evidence_missing', 'Sebaiknya lampirkan akta atau surat keterangan kematian'],
      ['reaktivasi.not_suspended', 'Hanya keluarga yang ditangguhkan yang dapat direaktivasi'],
      [
        'reaktivasi.route_usulan_baru',
        'Kabupaten ini tidak memakai reaktivasi: keluarga harus diusulkan kembali dari awal melalui desa (usulan baru dan musyawarah desa)',
      ],
      ['suspension.already', 'Keluarga ini sudah ditangguhkan'],
      ['suspension.keluar', 'Keluarga ini sudah keluar dari register'],
      ['household.ditangguhkan.judi_online', 'Kepesertaan ditangguhkan sejak 2025-06-15: Terindikasi judi online (data PPATK)'],
      ['household.ditangguhkan.penyalahgunaan_bantuan', 'Kepesertaan ditangguhkan sejak 2025-06-15: Penyalahgunaan bantuan'],
      ['household.ditangguhkan.lainnya', 'Kepesertaan ditangguhkan sejak 2025-06-15: Lainnya'],
      ['reaktivasi.limit', 'Reaktivasi sudah dipakai 2 kali; batasnya 2 kali'],
      ['usulan.kembali_dari_penangguhan', 'Anggota ini berasal dari keluarga yang ditangguhkan; usulan baru ini menjadi jalan kembalinya'],
      ['nik.registered_suspended', 'Anggota ini terdaftar pada keluarga yang ditangguhkan; kabupaten ini memakai reaktivasi, bukan usulan baru'],
      ['pindah.lookup_empty', 'Ketik nomor KK keluarga (16 digit)'],
      ['pindah.lookup_empty', 'Ketik NIK salah satu anggota keluarga (16 digit)'],
      [
        'pindah.same_desa',
        'Keluarga ini sudah terdaftar di desa Anda, tidak perlu pindah masuk. Untuk pindah alamat di desa yang sama, usulkan perbaikan data.',
      ],
      ['usulan.household_keluar', 'Keluarga ini sudah keluar dari register, sehingga tidak dapat dipindahkan. Usulkan sebagai keluarga baru.'],
      [
        'pindah.not_found',
        'Tidak ada keluarga dengan nomor KK ini di register kabupaten Anda. Periksa nomornya; bila KK sudah diganti setelah pindah, cari dengan NIK salah satu anggota.',
      ],
      ['pindah.not_found', 'NIK ini tidak tercatat sebagai anggota aktif di register kabupaten Anda. Periksa nomornya, atau cari dengan nomor KK.'],
      [
        'pindah.lookup_limit',
        'Batas 100 pencarian per hari sudah tercapai. Coba lagi besok, atau hubungi Dinas Sosial bila masih ada keluarga yang harus dicari hari ini.',
      ],
      ['program.duplicate_id', 'Kode program A dipakai lebih dari sekali'],
      ['program.scope_pusat', 'Program pusat B berlaku nasional dan tidak boleh dibatasi wilayah'],
      ['program.scope', 'Program C tingkat provinsi harus mencantumkan kode provinsi (PP)'],
      ['program.scope', 'Program D tingkat kabupaten/kota harus mencantumkan kode kabupaten/kota (PP.KK)'],
      ['program.version_overlap', 'Masa berlaku ketentuan program E yang mulai 2025-01-01 dan 2025-06-01 tumpang tindih'],
      ['program.overlap_unknown', 'Program F menyebut program tumpang tindih "ZZ" yang tidak ada'],
      ['program.not_yours', 'Program G adalah program pusat: ketentuannya ditetapkan Kementerian Sosial dan diperbarui bersama Tepat, tidak oleh kabupaten'],
      ['program.not_yours', 'Program H adalah program provinsi: ketentuannya ditetapkan Dinas Sosial Provinsi'],
      ['program.not_yours', 'Program I milik kabupaten/kota lain; admin kabupaten hanya mengatur program kabupatennya sendiri'],
      [
        'program.version_history',
        'Ketentuan program J yang berlaku sejak 2025-01-01 sudah berjalan dan tidak boleh diubah atau dihapus; ketentuan itu hanya dapat ditutup (paling awal per 2026-06-14), lalu tambahkan ketentuan baru dengan tanggal berlaku dan dasar hukumnya.',
      ],
    ]);
  });
});
