import type { AccountRole } from '../../schemas/constants.js';
import type { PrincipalRole } from '../auth.js';

/** What each account role may do, as the role the API's routes already know. */
export const PRINCIPAL_ROLE: Record<AccountRole, PrincipalRole> = {
  beheerder: 'admin',
  onderzoeker: 'onderzoeker',
  beleid: 'beleid',
  partner: 'viewer',
};
