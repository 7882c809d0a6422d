import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

/**
 * Besides style, this enforces the process boundaries of DESIGN.md: `src/shared` is pure,
 * `src/renderer` reaches main only through window.inboxDesk, `src/preload` uses only shared.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads']

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/block-order': ['error', { order: ['script', 'template', 'style'] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      ['electron', 'vue', 'pinia', 'dexie', 'vue-router', ...NODE_BUILTINS, '**/main/**', '**/renderer/**', '**/preload/**', '**/sandbox/**'],
      'src/shared is pure TypeScript: no electron, Node, DOM, vue or dexie, and nothing of the other processes.',
    ),
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: restrict(
      ['electron', ...NODE_BUILTINS, '**/main/**', '**/preload/**', '**/sandbox/**'],
      'src/renderer reaches main only through window.inboxDesk: no electron, Node modules or main/preload code.',
    ),
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/).*',
              message: 'src/preload may import only electron and src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    rules: restrict(['vue', 'pinia', 'dexie', 'vue-router', '**/renderer/**', '**/preload/**'], 'src/main never imports renderer or preload code.'),
  },
)
