/**
 * Watching a page for what must never happen: script that was not ours
 * running (a `window.__pwned` tripwire the hostile payloads trip, `alert` and
 * friends), Content Security Policy violations, console errors and uncaught
 * exceptions. Used by the CSP and hostile-content browser tests.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What a guarded page saw. */
export interface GuardReport {
  /** `securitypolicyviolation` events: directive, blocked URI and sample. */
  violations: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** alert/confirm/prompt/print dialogs that opened. */
  dialogs: string[];
  /** Responses with an error status (4xx, 5xx), by URL. */
  failed: string[];
}

/** Shape of what the init script keeps on `window`. */
interface Tripwire {
  __pwned?: unknown;
  __cspViolations?: string[];
}

/**
 * Installed before any page script: records CSP violations on `window`, and
 * turns the dialog functions into tripwires, so a payload that runs is seen
 * whether it sets `__pwned` or calls `alert`.
 */
function installTripwire(): void {
  const w = window as unknown as Tripwire & Record<string, unknown>;
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__cspViolations?.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
    );
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = w[name];
    w[name] = (...args: unknown[]) => {
      w.__pwned = `${name}(${args.map(String).join(', ')})`;
      return typeof original === 'function' ? original.apply(window, args) : undefined;
    };
  }
}

/** Watches every page of `context`; read the report after the interactions. */
export async function guardContext(context: BrowserContext): Promise<GuardReport> {
  const report: GuardReport = { violations: [], errors: [], dialogs: [], failed: [] };
  await context.addInitScript(installTripwire);
  context.on('page', (page) => watchPage(page, report));
  context.on('response', (response) => {
    if (response.status() >= 400) report.failed.push(`${response.status()} ${response.url()}`);
  });
  return report;
}

function watchPage(page: Page, report: GuardReport): void {
  page.on('console', (message) => {
    if (message.type() === 'error') report.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => report.errors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Console errors other than the browser's own line for each failed response (those are in `failed`). */
export function consoleErrors(report: GuardReport): string[] {
  return report.errors.filter(
    (e) => !/Failed to load resource: the server responded with a status of \d+/.test(e),
  );
}

/** The tripwire's state and the CSP violations of the page as it is now; call before leaving it. */
export async function collect(page: Page, report: GuardReport): Promise<{ pwned: unknown }> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as Tripwire;
    return { pwned: w.__pwned, violations: w.__cspViolations ?? [] };
  });
  report.violations.push(...seen.violations.map((v) => `${page.url()}: ${v}`));
  return { pwned: seen.pwned };
}
