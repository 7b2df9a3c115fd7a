import { get } from 'svelte/store';
import { locale } from 'svelte-i18n';
import { indonesianLabel, reasonText, type Reason, type ReasonLabelOf } from '$domain/index.js';
import { label } from './labels.js';
import type { Translate } from './label-text.js';

/**
 * A reason's text in the portal's language: rendered from its code and params by the domain's
 * catalogue (`reason-text.ts`), with the enum values in it (occupations, school levels) named by
 * the portal's own labels when a translator is given. Older reasons stored with only an Indonesian
 * message show that message.
 */
export function reasonMessage(r: Reason, t?: Translate): string {
  // The translator knows its language (`reason.language` in each messages file); without one, the portal's locale.
  const lang = (t ? t('reason.language') : get(locale)) === 'en' ? 'en' : 'id';
  const labelOf: ReasonLabelOf = t ? (kind, value) => label(t, kind, value) : indonesianLabel;
  return reasonText(r, lang, labelOf);
}
