import { ErrorCode, checkPhases, normalizeText, type MethodTemplate, type PhaseSpec } from '@gommette/shared';
import { HttpError, orThrow } from '../http/errors';
import { newId } from '../security/tokens';

/** A method saved by a facilitator or a centre, from its parsed body: named, its phases checked; refusals thrown as `HttpError`. */
export function newMethodTemplate(body: { name: string; description?: string | undefined; phases: PhaseSpec[] }): MethodTemplate {
  const name = normalizeText(body.name);
  if (name.length === 0) throw new HttpError(ErrorCode.BadRequest, 'a template needs a name');
  return {
    id: newId(),
    name,
    description: normalizeText(body.description ?? '', { multiline: true }),
    phases: orThrow(checkPhases(body.phases)),
    builtIn: false,
  };
}
