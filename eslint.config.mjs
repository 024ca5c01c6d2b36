import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.data/**',
      'node_modules/**',
      'payload-types.ts',
      'app/(payload)/admin/importMap.js',
      'migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    rules: {
      // Payload serves upload sizes itself; we render <img srcset> with width/height (no layout shift).
      '@next/next/no-img-element': 'off',
      // Reader pages are plain links by design (no client router needed).
      '@next/next/no-html-link-for-pages': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]

export default config
