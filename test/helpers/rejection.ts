/** The RuleError a promise rejects with; fails the test when it resolves or rejects otherwise. */
import { expect } from 'vitest';
import { RuleError } from '../../rules/errors.js';

export async function ruleErrorOf(promise: Promise<unknown>): Promise<RuleError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}
