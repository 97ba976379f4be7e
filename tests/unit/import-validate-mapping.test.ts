import { describe, expect, it } from 'vitest';
import { UnreachableMappingError, validateMapping } from '../../electron/core/imports/validate-mapping';
import { UNREACHABLE_MAPPING_MESSAGE } from '../../shared/import-reach';
import { thrownBy } from '../support/thrown';

const refusal = (run: () => void): UnreachableMappingError => thrownBy(run, UnreachableMappingError);

describe('validateMapping', () => {
  it('refuses, with its own error and a sentence, a mapping where no column can reach a client', () => {
    for (const mapping of [['name', 'notes'], ['firstName', 'lastName'], ['custom:Portable', 'custom:Courriel'], ['ignore', 'ignore']] as const) {
      const error = refusal(() => validateMapping(mapping, 2));
      expect(error).toMatchObject({ code: 'invalid_input', message: UNREACHABLE_MAPPING_MESSAGE });
    }
  });

  it('keeps the other problems beside it, and lets through a mapping with a mobile number or an email', () => {
    const error = refusal(() => validateMapping(['name', 'name'], 2));
    expect(error.issues?.map((issue) => issue.message)).toEqual([UNREACHABLE_MAPPING_MESSAGE, 'Columns 1 and 2 both go to Name: keep one.']);
    expect(() => validateMapping(['name', 'phone'], 2)).not.toThrow();
    expect(() => validateMapping(['email', 'ignore'], 2)).not.toThrow();
  });
});
