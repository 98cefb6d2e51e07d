// ESLint flat config. Besides style, it enforces the process walls of DESIGN.md:
// electron only in the shell and the preload, nothing Node-side in the renderer,
// and a contract file (preload/api.ts) that imports nothing at runtime.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyInShell = {
  name: 'electron',
  message: "Only main/electron/, main/index.ts and preload/ may import 'electron' (DESIGN.md).",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['main/electron/**', 'main/index.ts', 'preload/index.ts', 'tests/e2e/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, 'fs', 'path', 'child_process', 'os', 'crypto'],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node (sandboxed page).' },
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message: 'The renderer talks to main only through window.tokenVault.',
            },
          ],
        },
      ],
      // security.md 33: labels and provider-supplied names reach the page only as React text,
      // which escapes them. Raw HTML sinks would let a token or account name run script.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'No raw HTML in the renderer: render text and let React escape it.',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No raw HTML in the renderer: set textContent or render with React.',
        },
      ],
    },
  },
  {
    files: ['preload/api.ts'],
    rules: {
      // `void` marks "no payload" / "no value" in the channel table, which is what it means.
      '@typescript-eslint/no-invalid-void-type': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['*'], allowTypeImports: true, message: 'preload/api.ts imports types only.' },
          ],
        },
      ],
    },
  },
);
