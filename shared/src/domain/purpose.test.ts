import { describe, expect, it } from 'vitest';
import { purposeCompletion } from './purpose';

describe('the purpose without a typed lead-in', () => {
  it('drops "Votre participation servira à" typed by the facilitator, so screens do not say it twice', () => {
    expect(purposeCompletion("Votre participation servira à choisir une invention d'ici l'été.")).toBe("choisir une invention d'ici l'été.");
    expect(purposeCompletion('Ta participation servira à… choisir un lieu')).toBe('choisir un lieu');
    expect(purposeCompletion('  votre participation sert a : voter ')).toBe('voter');
    expect(purposeCompletion('Your participation will be used to choose a bench.')).toBe('choose a bench.');
  });

  it('keeps a purpose that has no lead-in, or nothing after it', () => {
    expect(purposeCompletion('choisir une invention.')).toBe('choisir une invention.');
    expect(purposeCompletion('Votre participation servira à…')).toBe('Votre participation servira à…');
    expect(purposeCompletion('Nous verrons à quoi votre participation servira à la fin.')).toBe('Nous verrons à quoi votre participation servira à la fin.');
  });
});
