// ESLint (flat config): the recommended JavaScript and typescript-eslint rules over every TypeScript
// file; formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'client/dist/', 'neo4j/target/', '.data/', '**/*.tmp.ts', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are errors, except those written `_x` on purpose (rest siblings, placeholders).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A variable a closure reads before its one assignment (the server a shutdown handler closes) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // chai's property assertions (`.to.be.empty`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Hostile-input tests build shapes the types forbid on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['client/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
