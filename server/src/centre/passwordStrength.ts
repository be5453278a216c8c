import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ErrorCode, MIN_PASSWORD_SCORE } from '@gommette/shared';
import { HttpError } from '../http/errors';

/**
 * The strength estimator (zxcvbn-ts, with its common-password and keyboard-pattern lists): a new
 * account's password must score at least MIN_PASSWORD_SCORE (0–4), with the login itself (and its
 * parts) counted as a guess an attacker tries first.
 */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export function passwordScore(password: string, login: string): number {
  const inputs = [login, ...login.split(/[._@-]+/).filter((part) => part.length >= 3), 'gommette'];
  return zxcvbn.check(password, inputs).score;
}

/** Throws `400 weak_password` for a common password, the login, or anything as easy to guess. */
export function requireStrongPassword(password: string, login: string): void {
  if (passwordScore(password, login) < MIN_PASSWORD_SCORE) {
    throw new HttpError(ErrorCode.WeakPassword, 'this password is too easy to guess (common, or close to the login): choose a longer phrase');
  }
}
