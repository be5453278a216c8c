import type { ErrorCode } from '../constants';

/** A refusal by a domain rule. `message` is for developers and logs; the UI translates `code`. */
export interface DomainError {
  readonly error: ErrorCode;
  readonly message: string;
}

export function domainError(error: ErrorCode, message: string): DomainError {
  return { error, message };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && 'error' in value && 'message' in value;
}
