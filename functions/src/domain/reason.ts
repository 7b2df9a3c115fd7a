/**
 * A reason explains one part of a decision. `code` is stable and machine-readable (English, used in
 * logs and tests); `params` are the facts the reason is about (a desil, a band, which members);
 * `field` points at the form field the reason is about, when there is one (e.g.
 * `household.members.0.nik`). People read it through `reasonText` (reason-text.ts), in Bahasa
 * Indonesia or English, from the code and the params.
 *
 * `message` is the older form: a reason whose text was written out in Bahasa Indonesia when it was
 * made. Reasons stored before the catalogue existed carry only that, and so do the rules whose
 * reasons are not in the catalogue yet; `reasonText` falls back to it.
 */
export type ReasonParam = string | number | boolean | null | readonly ReasonParam[] | { readonly [key: string]: ReasonParam };
export type ReasonParams = { readonly [key: string]: ReasonParam };

export interface Reason {
  code: string;
  params?: ReasonParams;
  message?: string;
  field?: string;
}

/** A reason with its text written out (Bahasa Indonesia). */
export function reason(code: string, message: string, field?: string): Reason {
  return field === undefined ? { code, message } : { code, message, field };
}

/** A reason from the catalogue: its text is rendered from `code` and `params` in the reader's language. */
export function because(code: string, params?: ReasonParams, field?: string): Reason {
  const r: Reason = { code };
  if (params !== undefined) r.params = params;
  if (field !== undefined) r.field = field;
  return r;
}
