/**
 * The musyawarah form's state and its checks, kept apart from the page so it can be tested
 * without a browser. Values are what the inputs hold (strings, nullable numbers); `toMeeting` and
 * `toHousehold` turn them into the payloads the shared schemas accept.
 */
export interface MemberForm {
  nik: string;
  noNik: boolean;
  name: string;
  sex: '' | 'L' | 'P';
  birthDate: string;
  relationship: string;
  // Optional, for program criteria (PKH components) and exclusions (ASN/TNI/Polri).
  occupation: string;
  school: string;
  disability: string;
  pregnant: boolean;
}

export interface HouseholdForm {
  kkNumber: string;
  address: string;
  desil: number | null;
  members: MemberForm[];
}

export interface MeetingForm {
  type: 'musdesus' | 'muskelsus';
  date: string;
  place: string;
  chair: string;
  attendees: number | null;
  bpdPresent: boolean;
  poorHouseholdRepresentatives: number | null;
  notes: string;
}

export function newMember(relationship = ''): MemberForm {
  return { nik: '', noNik: false, name: '', sex: '', birthDate: '', relationship, occupation: '', school: '', disability: '', pregnant: false };
}

export function newHousehold(): HouseholdForm {
  return { kkNumber: '', address: '', desil: null, members: [newMember('kepala_keluarga')] };
}

export function toMeeting(m: MeetingForm): unknown {
  return {
    ...m,
    place: m.place.trim(),
    chair: m.chair.trim(),
    notes: m.notes.trim(),
    attendees: m.attendees ?? undefined,
    poorHouseholdRepresentatives: m.poorHouseholdRepresentatives ?? undefined,
  };
}

export function toHousehold(h: HouseholdForm): unknown {
  return {
    kkNumber: h.kkNumber.trim(),
    address: h.address.trim(),
    desil: h.desil ?? undefined,
    members: h.members.map((m) => ({
      nik: m.noNik ? null : m.nik.trim(),
      name: m.name.trim(),
      sex: m.sex === '' ? undefined : m.sex,
      birthDate: m.birthDate,
      relationship: m.relationship === '' ? undefined : m.relationship,
      occupation: m.occupation === '' ? undefined : m.occupation,
      school: m.school === '' ? undefined : m.school,
      disability: m.disability === '' ? undefined : m.disability,
      // Asked of women only; for men it stays unknown rather than a recorded "no".
      pregnant: m.sex === 'P' ? m.pregnant : undefined,
    })),
  };
}
