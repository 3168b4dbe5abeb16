import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserName, type TestBrowser } from './browsers';
import { serveFixtures, type FixtureServer } from './server';

/** A browser with the built extension and the fixture server, for one describe block. */
export interface E2ESession {
  browser: TestBrowser;
  server: FixtureServer;
  /** The same browser without the extension, when asked for. */
  plain: TestBrowser;
}

export function useExtensionBrowser(
  name: BrowserName,
  options: { plain?: boolean; colorScheme?: 'light' | 'dark' } = {},
): E2ESession {
  const session = {} as E2ESession;
  beforeAll(async () => {
    session.server = await serveFixtures('tests/fixtures');
    session.browser = await launch(name, { colorScheme: options.colorScheme });
    if (options.plain) session.plain = await launch(name, { extension: false });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.plain?.close();
    await session.server?.close();
  });
  return session;
}
