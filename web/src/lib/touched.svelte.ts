import { tick } from 'svelte';

/**
 * When a form shows its errors: a field's errors appear once the person has left it, and every
 * error appears after a submit attempt (which also moves focus to the first field with an error,
 * so keyboard and screen-reader users land on it).
 */
export class Touched {
  #touched = $state<Record<string, boolean>>({});
  attempted = $state(false);

  show = (key: string): boolean => this.attempted || this.#touched[key] === true;

  touch = (key: string) => (): void => {
    this.#touched[key] = true;
  };

  /** Shows every error and focuses the first invalid field inside `root` (after the DOM has updated). */
  async attempt(root: ParentNode = document): Promise<void> {
    this.attempted = true;
    await tick();
    // Inputs carry aria-invalid; groups of radios/checkboxes (fieldsets) carry data-invalid.
    root.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }

  reset(): void {
    this.attempted = false;
    this.#touched = {};
  }
}
