import type { BrowserContextOptions, LaunchOptions } from 'playwright-core';

// The one recipe for Debian Chromium with the unpacked extension, shared by `npm start`,
// the e2e tests and the benchmark. The background-networking flags keep Chromium off
// the machine's closed network.
export function chromiumWithExtension(
  /** The unpacked extension; null for a plain browser to compare against. */
  extensionDir: string | null,
  options: { headless: boolean; viewport?: { width: number; height: number }; extraArgs?: string[] },
): LaunchOptions & BrowserContextOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    args: [
      '--no-sandbox',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.extraArgs ?? []),
    ],
  };
}
