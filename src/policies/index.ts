import { createRegistry } from '../createRegistry';
import { guangxi2023 } from './guangxi-2023';
import { guangxi2024 } from './guangxi-2024';
import { guilinCondolence2023 } from './guilin-condolence-2023';
import { xining2024 } from './xining-2024';

/**
 * The bundled policies, by scheme id and protection year: `policies.guangxi[2024]`.
 * Every parameter says whether it was published (with its source) or is illustrative.
 *
 * @category Policies
 */
export const policies = Object.freeze({
  guangxi: Object.freeze({ 2023: guangxi2023, 2024: guangxi2024 }),
  'guilin-condolence': Object.freeze({ 2023: guilinCondolence2023 }),
  xining: Object.freeze({ 2024: xining2024 }),
});

/** Every bundled policy, for {@link selectPolicy} by default. */
export const bundledRegistry = createRegistry([guangxi2023, guangxi2024, guilinCondolence2023, xining2024]);
