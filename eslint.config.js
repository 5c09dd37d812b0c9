import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'tests/bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Node tooling and tests may print progress.
    files: ['scripts/**', 'tests/**', '*.config.ts', '*.config.js'],
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    rules: { 'no-console': 'off', 'no-empty-pattern': 'off' },
  },
  {
    // Content scripts never hold secrets: the code they run may not even import what holds them.
    files: [
      'lib/content/**',
      'lib/capture/**',
      'lib/autofill/**',
      'entrypoints/*.content.ts',
      'entrypoints/*.content/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(vault|background|transfer)(/|$)',
              message:
                'Content-side code may not import the vault, the background or import/export: they hold secrets.',
            },
          ],
        },
      ],
    },
  },
  {
    // The popup's modules: the '@/lib/otp' index would bring otpauth and the import parsers into the
    // popup (codes are made in the background); its modules are imported one by one.
    files: ['components/*.ts', 'components/*.tsx', 'entrypoints/popup/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/otp',
              message: "Import from the module itself (e.g. '@/lib/otp/names'): the index brings otpauth.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
