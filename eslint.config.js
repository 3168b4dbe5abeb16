import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserApis = [
  'wxt/browser',
  'webextension-polyfill',
  '@wxt-dev/webextension-polyfill',
  '@wxt-dev/storage',
  'wxt/utils/storage',
];

export default tseslint.config(
  // Fixture pages and their apps are the pages under test (page code, not ours).
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'lib/facts/generated/',
      'demo-output/',
      'tests/fixtures/',
      'bench/.out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Markup from strings is how pages and data become code: never in shipped code.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with textContent.' },
        { property: 'outerHTML', message: 'Build DOM with textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with textContent.' },
        { object: 'document', property: 'write', message: 'Never document.write.' },
        { object: 'document', property: 'writeln', message: 'Never document.write.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Build DOM with textContent.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never build code from strings.' },
        {
          // A timer given a string evaluates it; core no-implied-eval sees only declared globals.
          selector:
            'CallExpression[callee.name=/^(setTimeout|setInterval)$/] > :matches(Literal, TemplateLiteral, BinaryExpression).arguments:first-child',
          message: 'Timers take functions, never strings.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(setTimeout|setInterval)$/] > :matches(Literal, TemplateLiteral, BinaryExpression).arguments:first-child',
          message: 'Timers take functions, never strings.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Page, matching and fact code stays testable without a browser: only lib/browser/
  // may reach extension APIs, and lib/ never reaches into entrypoints. Page reading and
  // the tooltip know nothing of each other, nor of the frame that composes them.
  ...[
    { files: ['lib/**/*.{ts,tsx}'], ignores: ['lib/browser/**', 'lib/page/**', 'lib/tooltip/**'], layers: [] },
    { files: ['lib/page/**/*.{ts,tsx}'], layers: ['**/tooltip/**', '**/frame/**'] },
    { files: ['lib/tooltip/**/*.{ts,tsx}'], layers: ['**/page/**', '**/frame/**'] },
  ].map(({ files, ignores, layers }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApis.map((name) => ({ name, message: 'Only lib/browser/ may import extension APIs.' })),
          patterns: [
            {
              group: ['**/entrypoints/**', 'wxt/browser/*'],
              message: 'lib/ must not import entrypoints or extension APIs.',
            },
            ...(layers.length
              ? [
                  {
                    group: layers,
                    message: 'Page reading and the tooltip know nothing of each other; lib/frame/ composes them.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    // Tests may build fixtures and fake pages with markup strings.
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
