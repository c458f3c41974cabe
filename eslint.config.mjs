import tseslint from 'typescript-eslint';
import suitescript from 'eslint-plugin-suitescript';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'data/**',
      '**/fixtures/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The compiled SuiteScript that would be deployed: checked with eslint-plugin-suitescript.
    files: ['suiteapp/src/FileCabinet/**/*.js'],
    plugins: { suitescript },
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: { define: 'readonly' } },
    rules: {
      'suitescript/script-type': 'error',
      'suitescript/api-version': 'error',
      'suitescript/no-invalid-modules': 'error',
      'suitescript/no-amd-name': 'error',
      'suitescript/entry-points': 'error',
      'suitescript/no-module-extensions': 'error',
      'suitescript/log-args': 'error',
    },
  },
);
