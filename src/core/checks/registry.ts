import type { Check } from './check';
import { conditionProfilesCheck } from './condition-profiles';
import { countsCheck } from './counts';
import { endpointTimepointsCheck, missingResultsCheck, safetyEndpointCheck } from './endpoints';
import { fieldPathsCheck } from './field-paths';
import { invisibleCharactersCheck } from './invisible';
import { quantitiesCheck } from './quantities';
import { identifiersCheck, referencesCheck } from './references';
import { regimenCheck } from './regimen';
import { registrationsCheck } from './registrations';
import { resultsCheck } from './results';
import { unitsCheck } from './units';

/** The domain checks, wired in one place. Order only affects the order of equal-range problems. */
export const CHECKS: readonly Check[] = [
  identifiersCheck,
  invisibleCharactersCheck,
  referencesCheck,
  fieldPathsCheck,
  countsCheck,
  missingResultsCheck,
  endpointTimepointsCheck,
  safetyEndpointCheck,
  conditionProfilesCheck,
  unitsCheck,
  quantitiesCheck,
  resultsCheck,
  regimenCheck,
  registrationsCheck,
];
