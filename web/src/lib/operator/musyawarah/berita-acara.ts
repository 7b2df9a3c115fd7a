import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  KELUAR_REASON_LABELS,
  MUSYAWARAH_STATUS_LABELS,
  reasonText,
  redactNiks,
  USULAN_STATUS_LABELS,
  USULAN_TYPE_LABELS,
  type Meeting,
  type MusyawarahStatus,
  type Reason,
  type UsulanContent,
  type UsulanStatus,
} from '$domain/index.js';
import { desaLabel } from '$domain/wilayah-data/names.js';

/**
 * The berita acara (BA) of a musyawarah, to print, sign and keep, and the announcement of its
 * result for the village notice board. Built from the stored musyawarah and its usulan; the PDF is
 * drawn by pdfmake (loaded only when asked, see `berita-acara-pdf.ts`). Neither carries a NIK or a
 * KK number: the announcement is public, and the BA does not need them (the BNBA export does).
 * Both are official documents, in Bahasa Indonesia whatever language the portal shows (the i18n
 * guard lists this module as such). Pure and unit-tested.
 */
export interface BaUsulan {
  content: UsulanContent;
  status: UsulanStatus;
  validation: { ok: boolean; errors: Reason[] } | null;
  decisions: readonly { to: UsulanStatus; note: string }[];
  outcome: { reasons: Reason[] } | null;
}

export interface BeritaAcaraInput {
  musyawarahId: string;
  meeting: Meeting;
  status: MusyawarahStatus;
  desaCode: string;
  /** Names of the desa/kelurahan, kecamatan and kabupaten (null when unknown: the code is shown). */
  places: { desa: string | null; kecamatan: string | null; kabupaten: string | null };
  usulan: readonly BaUsulan[];
  /** Head of household of register households, by id (for usulan that name a household). */
  householdNames: ReadonlyMap<string, string>;
  /** Who prints it: the operator's name or email. */
  operator: string;
  printedAt: Date;
}

export interface BaRow {
  no: number;
  type: string;
  /** The family concerned: the head's name, never a NIK or KK. */
  family: string;
  detail: string;
  result: string;
}

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });

export function longDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
}

/** Free text typed by people may hold a NIK or KK number by mistake: mask any 16-digit run. */
const clean = (s: string) => redactNiks(s).trim();

function family(u: UsulanContent, names: ReadonlyMap<string, string>): string {
  if (u.type === 'baru' || u.type === 'perbaikan') {
    const members = u.household.members;
    return (members.find((m) => m.relationship === 'kepala_keluarga') ?? members[0])?.name ?? '—';
  }
  const known = names.get(u.householdId);
  if (known) return known;
  return u.type === 'pindah_masuk' ? `Keluarga pindahan dari ${desaLabel(u.fromDesaCode)} (${u.fromDesaCode})` : 'Keluarga terdaftar (nama tidak terbaca)';
}

function detail(u: UsulanContent): string {
  switch (u.type) {
    case 'baru':
      return `${u.household.members.length} anggota keluarga, desil ${u.household.desil}`;
    case 'perbaikan':
      return clean(u.note);
    case 'keluar':
      return [KELUAR_REASON_LABELS[u.reason], u.memberIds.length > 0 ? `${u.memberIds.length} anggota` : 'seluruh keluarga', clean(u.note)].join('; ');
    case 'reaktivasi':
      return [
        `Surat pernyataan${u.suratPernyataan.number ? ` no. ${clean(u.suratPernyataan.number)}` : ''} tgl. ${longDate(u.suratPernyataan.date)}`,
        `BA klarifikasi${u.baKlarifikasi.number ? ` no. ${clean(u.baKlarifikasi.number)}` : ''} tgl. ${longDate(u.baKlarifikasi.date)}`,
        ...(u.note ? [clean(u.note)] : []),
      ].join('; ');
    case 'pindah_masuk':
      return `Alamat baru: ${clean(u.address)}; ${clean(u.note)}`;
  }
}

/** The result of an usulan so far, with the reason when it did not pass. */
export function resultOf(u: BaUsulan): string {
  const label = USULAN_STATUS_LABELS[u.status];
  switch (u.status) {
    case 'draft':
      return 'Disepakati untuk diusulkan';
    case 'diajukan':
      return u.validation ? (u.validation.ok ? 'Lolos validasi, menunggu keputusan Dinas Sosial' : label) : 'Diajukan, sedang divalidasi';
    case 'tidak_lolos_validasi': {
      const reasons = (u.validation?.errors ?? []).map((r) => clean(reasonText(r)));
      return reasons.length > 0 ? `${label}: ${reasons.join('; ')}` : label;
    }
    case 'ditolak': {
      const note = [...u.decisions].reverse().find((d) => d.to === 'ditolak')?.note ?? '';
      const outcome = (u.outcome?.reasons ?? []).map((r) => clean(reasonText(r)));
      const why = [clean(note), ...outcome].filter((s) => s !== '');
      return why.length > 0 ? `${label}: ${why.join('; ')}` : label;
    }
    default:
      return label;
  }
}

export function baRows(input: BeritaAcaraInput): BaRow[] {
  return input.usulan.map((u, i) => ({
    no: i + 1,
    type: USULAN_TYPE_LABELS[u.content.type],
    family: family(u.content, input.householdNames),
    detail: detail(u.content),
    result: resultOf(u),
  }));
}

export function placeLine(input: BeritaAcaraInput): string {
  const kel = input.meeting.type === 'muskelsus' ? 'Kelurahan' : 'Desa';
  return [`${kel} ${input.places.desa ?? input.desaCode}`, input.places.kecamatan ? `Kecamatan ${input.places.kecamatan}` : null, input.places.kabupaten]
    .filter((s): s is string => s !== null)
    .join(', ');
}

export function meetingTitle(meeting: Meeting): string {
  return meeting.type === 'muskelsus' ? 'Musyawarah Kelurahan Khusus (Muskelsus)' : 'Musyawarah Desa Khusus (Musdesus)';
}

export function beritaAcaraFileName(input: BeritaAcaraInput): string {
  return `berita-acara-${input.meeting.type}-${input.desaCode.replaceAll('.', '')}-${input.meeting.date}.pdf`;
}

/** The signatures the BA asks for: who led, the BPD, the poor households' representative, the operator. */
export function signatories(input: BeritaAcaraInput): { role: string; name: string }[] {
  return [
    { role: 'Pimpinan musyawarah', name: input.meeting.chair },
    { role: 'Perwakilan BPD', name: '' },
    { role: 'Perwakilan warga miskin', name: '' },
    { role: `Operator ${input.meeting.type === 'muskelsus' ? 'kelurahan' : 'desa'}`, name: input.operator },
  ];
}

/** The pdfmake document of the berita acara (standard Helvetica font: nothing to download but the library). */
export function beritaAcaraDocument(input: BeritaAcaraInput): TDocumentDefinitions {
  const m = input.meeting;
  const rows = baRows(input);
  const facts: [string, string][] = [
    ['Hari/tanggal', longDate(m.date)],
    ['Tempat', clean(m.place)],
    ['Pimpinan musyawarah', clean(m.chair)],
    ['Jumlah peserta', `${m.attendees} orang`],
    ['Perwakilan keluarga miskin', `${m.poorHouseholdRepresentatives} orang`],
    ['Badan Permusyawaratan Desa (BPD)', m.bpdPresent ? 'Hadir' : 'Tidak hadir'],
    ['Status di Tepat', MUSYAWARAH_STATUS_LABELS[input.status]],
  ];
  const signatureCells: Content[] = signatories(input).map((s) => ({
    stack: [
      { text: s.role, bold: true },
      { text: ' ', margin: [0, 0, 0, 36] },
      { text: s.name ? `( ${clean(s.name)} )` : '( ................................ )' },
    ],
    alignment: 'center',
  }));
  const content: Content[] = [
    { text: 'BERITA ACARA', style: 'title' },
    { text: meetingTitle(m).toUpperCase(), style: 'subtitle' },
    { text: 'Usulan Pemutakhiran Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)', alignment: 'center', margin: [0, 0, 0, 4] },
    { text: placeLine(input), alignment: 'center', margin: [0, 0, 0, 14] },
    {
      text: `Pada hari ini, ${longDate(m.date)}, bertempat di ${clean(m.place)}, telah dilaksanakan ${meetingTitle(m).toLowerCase()} untuk membahas usulan data keluarga dengan rincian sebagai berikut:`,
      margin: [0, 0, 0, 8],
    },
    {
      table: { widths: [150, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 10],
    },
    { text: `Musyawarah menyepakati ${rows.length} usulan berikut:`, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [18, 70, 95, '*', 120],
        body: [
          ['No', 'Jenis usulan', 'Keluarga (kepala keluarga)', 'Keterangan', 'Keputusan / status'].map((h) => ({ text: h, bold: true, fillColor: '#e8efe9' })),
          ...rows.map((r) => [String(r.no), r.type, r.family, r.detail, r.result]),
        ],
      },
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
    ...(m.notes.trim() ? [{ text: [{ text: 'Catatan musyawarah: ', bold: true }, clean(m.notes)], margin: [0, 0, 0, 10] } as Content] : []),
    {
      text: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya. Hasil musyawarah diumumkan di papan pengumuman desa/kelurahan.',
      margin: [0, 0, 0, 16],
    },
    { text: `${input.places.desa ?? input.desaCode}, ${longDate(m.date)}`, alignment: 'right', margin: [0, 0, 0, 8] },
    { columns: signatureCells, columnGap: 8 },
  ];
  return {
    info: {
      title: `Berita Acara ${meetingTitle(m)} ${placeLine(input)} ${m.date}`,
      author: 'Tepat',
      subject: 'Berita acara musyawarah usulan DTSEN',
      creator: 'Tepat',
    },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.15 },
    styles: { title: { fontSize: 15, bold: true, alignment: 'center' }, subtitle: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 2] } },
    footer: (current: number, total: number) => ({
      text: `Dicetak dari Tepat, ${dateFormat.format(input.printedAt)} - ref. ${input.musyawarahId} - halaman ${current} dari ${total}`,
      fontSize: 7,
      color: '#555555',
      margin: [40, 20, 40, 0],
    }),
    content,
  };
}

/** One line of the public announcement: a name and what was decided, never a NIK, KK or address. */
export interface AnnouncementRow {
  no: number;
  family: string;
  type: string;
  result: string;
}

/** Plain words for the public: the outcome without internal validation details. */
function publicResult(u: BaUsulan): string {
  switch (u.status) {
    case 'draft':
    case 'diajukan':
    case 'diverifikasi':
      return 'Diusulkan, menunggu keputusan Dinas Sosial';
    case 'tidak_lolos_validasi':
      return 'Belum memenuhi syarat, diperbaiki oleh desa';
    case 'disetujui':
      return 'Disetujui Dinas Sosial';
    case 'diterapkan':
      return 'Disetujui dan tercatat di DTSEN kabupaten';
    case 'ditolak':
      return 'Tidak disetujui Dinas Sosial';
  }
}

export function announcementRows(input: BeritaAcaraInput): AnnouncementRow[] {
  return input.usulan.map((u, i) => ({
    no: i + 1,
    family: redactNiks(family(u.content, input.householdNames)),
    type:
      u.content.type === 'keluar'
        ? `${USULAN_TYPE_LABELS.keluar} (${KELUAR_REASON_LABELS[u.content.reason].toLowerCase()})`
        : USULAN_TYPE_LABELS[u.content.type],
    result: publicResult(u),
  }));
}
