import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Besides typescript-eslint's recommended rules, this file enforces the layering the
// architecture depends on (README "Architecture"). Each rule has an id in brackets at
// the start of its message; tests/architecture.test.ts proves every id fires.

const SDKS = {
  slack: ['@slack/*'],
  teams: ['botbuilder', 'botbuilder-*', '@microsoft/*'],
  sms: ['twilio', 'twilio/*'],
};
const ALL_SDKS = Object.values(SDKS).flat();
const DATABASE = ['**/db/**', '**/generated/**', '@prisma/*', 'pg', 'pg-boss'];

const rule = (id, message, patterns) => ({ id, message: `[${id}] ${message}`, patterns });

/** The layers: which folder, and the rules its files must keep. */
const LAYERS = [
  {
    files: ['src/engine/**/*.ts'],
    rules: [
      rule('engine-storage', 'src/engine is pure: storage comes in through a port (src/engine/ports.ts).', { group: DATABASE }),
      rule('engine-edges', 'src/engine must not depend on channels, conversation, HTTP, jobs or ops.', {
        group: ['**/channels/**', '**/conversation/**', '**/api/**', '**/jobs/**', '**/ops/**'],
      }),
      rule('engine-sdks', 'src/engine must not use HTTP, model or channel SDKs.', { group: ['express', 'openai', 'openai/*', ...ALL_SDKS] }),
    ],
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: [
      rule('contract-neutral', 'src/contract is the channel-independent contract: it imports no channel, database, HTTP, job or ops code.', {
        group: [...DATABASE, '**/channels/**', '**/api/**', '**/jobs/**', '**/ops/**', '**/conversation/**', 'express', ...ALL_SDKS],
      }),
    ],
  },
  {
    files: ['src/conversation/**/*.ts'],
    rules: [
      rule('conversation-channels', 'src/conversation knows no channel, HTTP layer or job.', { group: ['**/channels/**', '**/api/**', '**/jobs/**'] }),
      rule('conversation-sdks', 'src/conversation must not use HTTP or channel SDKs.', { group: ['express', ...ALL_SDKS] }),
    ],
  },
  {
    files: ['src/conversation/providers/**/*.ts'],
    rules: [
      rule('providers-tools-only', 'Model providers reach the engine only through the tools (src/conversation/tools).', {
        group: ['**/engine/**', ...DATABASE],
      }),
    ],
  },
  ...Object.keys(SDKS).map((name) => ({
    files: [`src/channels/${name}/**/*.ts`],
    rules: [
      ...Object.keys(SDKS)
        .filter((other) => other !== name)
        .flatMap((other) => [
          // A regex, not a glob: a sibling import like '../slack/app.ts' has no 'channels/' in it.
          rule('channel-siblings', `src/channels/${name} must not import another channel (${other}).`, { regex: `(^|/)${other}(/|$)` }),
          rule('channel-sdks', `src/channels/${name} must not use the ${other} SDK.`, { group: SDKS[other] }),
        ]),
      rule('channel-database', `src/channels/${name} reaches storage only through its ports, never a database client.`, { group: DATABASE }),
      rule('channel-edges', `src/channels/${name} knows the contract, not the admin API, the jobs or the ops core's internals.`, {
        group: ['**/api/**', '**/jobs/**', '**/ops/**'],
      }),
    ],
  })),
  {
    files: ['src/jobs/**/*.ts'],
    rules: [
      rule('jobs-notifier', 'src/jobs reach channels only through the notifier port (src/contract), never a channel.', {
        group: ['**/channels/**', '**/api/**', 'express', ...ALL_SDKS],
      }),
    ],
  },
  {
    files: ['src/ops/**/*.ts'],
    rules: [
      rule('ops-notifier', 'src/ops reaches channels only through the notifier port (src/contract), never a channel.', {
        group: ['**/channels/**', '**/api/**', '**/jobs/**', 'express', ...ALL_SDKS],
      }),
    ],
  },
];

/** One no-restricted-imports entry per layer file glob: ESLint keeps only the last config's options per rule. */
function layerConfigs() {
  const files = [...new Set(LAYERS.flatMap((l) => l.files))];
  return files.map((glob) => {
    // A file in src/conversation/providers is also in src/conversation: it keeps both layers' rules.
    const applying = LAYERS.filter((l) => l.files.some((f) => glob === f || glob.startsWith(f.replace('/**/*.ts', '/'))));
    const patterns = applying.flatMap((l) => l.rules.map(({ message, patterns: p }) => ({ ...p, message })));
    return { files: [glob], rules: { 'no-restricted-imports': ['error', { patterns }] } };
  });
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/generated/**', 'dist/**', '.data/**', 'scratch/**', 'coverage/**'] },
  // Layering must not be waived file by file: inline eslint comments are ignored.
  { linterOptions: { noInlineConfig: true } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerConfigs(),
  {
    files: ['src/**/*.ts'],
    ...importX.flatConfigs.typescript,
    settings: { ...importX.flatConfigs.typescript.settings, 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    // A cycle makes the layers meaningless (either side can reach the other); type-only imports count too.
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
