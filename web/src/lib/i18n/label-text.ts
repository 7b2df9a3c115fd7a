/** svelte-i18n's `$_`, or any function with its shape. */
export type Translate = (id: string, options?: { default?: string; values?: Record<string, string | number | boolean | Date | null | undefined> }) => string;

/**
 * The label of a domain enum value in the current language: `label.<kind>.<value>` from the
 * messages, else the domain's own Bahasa Indonesia label. Takes the label map itself, so a page
 * that needs one map does not load the whole domain (see `labels.ts` for the usual entry point).
 */
export function labelText(t: Translate, kind: string, value: string, labels: Readonly<Record<string, string>>): string {
  return t(`label.${kind}.${value}`, { default: labels[value] ?? value });
}
