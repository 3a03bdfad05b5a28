import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEEDS_NATIVE_REVIEW } from '../schemas/bank.js';
import { LANGUAGE_INFO } from '../schemas/constants.js';

describe('the README', () => {
  it('names the translations of the default questionnaires that still need review, as the code lists them', () => {
    const readme = readFileSync('README.md', 'utf8');
    const listed = /still need review by a native speaker: ([^.]*)\./.exec(readme)?.[1];
    expect(listed, 'the README sentence naming them').toBeDefined();
    expect(listed).toBe(NEEDS_NATIVE_REVIEW.map((l) => `${LANGUAGE_INFO[l].name} (\`${l}\`)`).join(', '));
  });
});
