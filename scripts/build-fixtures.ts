// Bundles the fixture pages' own apps (tests/fixtures/src) into tests/fixtures/generated,
// so fixtures can run real frameworks from 127.0.0.1 with no network.
import { build } from 'esbuild';

await build({
  entryPoints: ['tests/fixtures/src/react-app.js'],
  outdir: 'tests/fixtures/generated',
  bundle: true,
  format: 'esm',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
