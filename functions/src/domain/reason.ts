/**
 * A reason explains one part of a decision. `code` is stable and machine-readable (English, used in
 * logs and tests); `message` is for people, in Bahasa Indonesia; `field` points at the form field
 * the reason is about, when there is one (e.g. `household.members.0.nik`).
 */
export interface Reason {
  code: string;
  message: string;
  field?: string;
}

export function reason(code: string, message: string, field?: string): Reason {
  return field === undefined ? { code, message } : { code, message, field };
}
