import tseslint from 'typescript-eslint';

// Besides typescript-eslint's recommended rules, this file enforces the layering
// the architecture depends on (see README "Architecture"):
//   - src/engine is pure: no database client, channel, conversation, HTTP or job code;
//     its storage is a port (src/engine/ports.ts) that src/db implements.
//   - src/conversation knows no channel, no HTTP, no database client beyond its store port;
//     its model providers reach the engine only through the tools.
//   - each src/channels/<name> knows its own SDK and the orchestrator's contract, never another channel.

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const SDKS = {
  slack: ['@slack/*'],
  teams: ['botbuilder', 'botbuilder-*', '@microsoft/*'],
  sms: ['twilio', 'twilio/*'],
};
const otherChannels = (name) =>
  Object.keys(SDKS)
    .filter((n) => n !== name)
    .flatMap((n) => [
      // A regex, not a glob: a sibling import like '../slack/app.ts' has no 'channels/' in it.
      { regex: `(^|/)${n}(/|$)`, message: `src/channels/${name} must not import another channel (${n}).` },
      { group: SDKS[n], message: `src/channels/${name} must not use the ${n} SDK.` },
    ]);

const ALL_SDKS = Object.values(SDKS).flat();

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/generated/**', '.data/**', 'scratch/**', 'coverage/**'] },
  // Layering must not be waived file by file: inline eslint comments are ignored.
  { linterOptions: { noInlineConfig: true } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict([
      { group: ['**/db/**', '**/generated/**', '@prisma/*', 'pg', 'pg-boss'], message: 'src/engine is pure: storage comes in through a port (src/engine/ports.ts).' },
      { group: ['**/channels/**', '**/conversation/**', '**/api/**', '**/jobs/**'], message: 'src/engine must not depend on channels, conversation, HTTP or jobs.' },
      { group: ['express', 'openai', 'openai/*', ...ALL_SDKS], message: 'src/engine must not use HTTP, model or channel SDKs.' },
    ]),
  },
  {
    files: ['src/conversation/**/*.ts'],
    rules: restrict([
      { group: ['**/channels/**', '**/api/**'], message: 'src/conversation knows no channel and no HTTP layer.' },
      { group: ['express', ...ALL_SDKS], message: 'src/conversation must not use HTTP or channel SDKs.' },
    ]),
  },
  {
    files: ['src/conversation/providers/**/*.ts'],
    rules: restrict([
      { group: ['**/engine/**', '**/db/**', '**/generated/**', '@prisma/*', 'pg'], message: 'Model providers reach the engine only through the tools (src/conversation/tools).' },
      { group: ['**/channels/**', '**/api/**', 'express', ...ALL_SDKS], message: 'src/conversation knows no channel and no HTTP layer.' },
    ]),
  },
  ...Object.keys(SDKS).map((name) => ({
    files: [`src/channels/${name}/**/*.ts`],
    rules: restrict(otherChannels(name)),
  })),
);
