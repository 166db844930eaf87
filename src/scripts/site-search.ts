/**
 * `<site-search>`: the header's search box. This is the eager part, kept
 * tiny: it shows the box (it is `hidden` without JavaScript), makes `/` focus
 * it from anywhere but a text field, and on first use loads the panel code,
 * which loads Pagefind's bundle.
 */
import { isSearchShortcut } from '../lib/search/shortcut.ts';

/** Whether typing into `target` should keep its keys (a text field or an editable region). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Buttons, checkboxes and the like do not take text; `/` there may still open search.
    return ![
      'button',
      'checkbox',
      'radio',
      'range',
      'reset',
      'submit',
      'color',
      'file',
      'image',
    ].includes(target.type);
  }
  return false;
}

class SiteSearch extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const input = this.querySelector('input');
    if (!input) return;
    this.hidden = false;
    document.addEventListener('keydown', (event) => {
      if (!isSearchShortcut(event, isEditable(event.target))) return;
      event.preventDefault();
      input.focus();
    });
    const start = () => {
      if (this.#started) return;
      this.#started = true;
      void import('./site-search-panel.ts').then(({ startSearchPanel }) =>
        startSearchPanel(this, input),
      );
    };
    input.addEventListener('focus', start, { once: true });
    input.addEventListener('pointerenter', start, { once: true });
    if (document.activeElement === input) start();
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
