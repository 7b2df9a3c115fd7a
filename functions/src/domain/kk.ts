import { isRealDate, jakartaDateOf } from './dates.js';
import { reason, type Reason } from './reason.js';
import { isRegencyPartValid } from './wilayah.js';

/**
 * Nomor KK (Kartu Keluarga): 6-digit issuing region + DDMMYY recording date + 4-digit serial.
 * A family's KK number changes over time (moving, pecah KK, death of the head), so households keep
 * a KK history; the person key is the NIK.
 */
export function checkKkNumber(kk: string, referenceDate: Date, field = 'kkNumber'): Reason[] {
  if (!/^\d{16}$/.test(kk)) return [reason('kk.format', 'Nomor KK harus 16 digit angka', field)];
  const reasons: Reason[] = [];
  if (Number(kk.slice(0, 2)) < 11 || !isRegencyPartValid(Number(kk.slice(2, 4))) || Number(kk.slice(4, 6)) < 1) {
    reasons.push(reason('kk.region', 'Kode wilayah pada nomor KK tidak valid', field));
  }
  const day = Number(kk.slice(6, 8));
  const month = Number(kk.slice(8, 10));
  const yy = Number(kk.slice(10, 12));
  const ref = jakartaDateOf(referenceDate);
  let year = Math.floor(ref.year / 100) * 100 + yy;
  if (year > ref.year) year -= 100;
  if (!isRealDate(year, month, day)) {
    reasons.push(reason('kk.date', 'Tanggal pencatatan pada nomor KK tidak valid', field));
  }
  if (kk.slice(12) === '0000') reasons.push(reason('kk.serial', 'Nomor urut pada nomor KK tidak boleh 0000', field));
  return reasons;
}
