/** "Share this view": copy the page's URL (which holds the view) and say so in a live region. */

/** How long the confirmation stays, in ms. */
const STATUS_MS = 4000;

/** Wires the share button: clipboard first, a selected read-only field when that is refused. */
export function setUpShare(
  button: HTMLButtonElement,
  field: HTMLInputElement,
  status: HTMLElement,
) {
  let timer: number | undefined;
  const say = (text: string) => {
    status.textContent = text;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      status.textContent = '';
    }, STATUS_MS);
  };
  button.addEventListener('click', async () => {
    const url = location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      field.hidden = true;
      say('Link to this view copied.');
    } catch {
      field.value = url;
      field.hidden = false;
      field.focus();
      field.select();
      say('Copy the selected link to share this view.');
    }
  });
}
