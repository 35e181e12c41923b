/** The demo contract in a real browser on the embedded database (PGlite): see `demo-accounts.ts`. */
import { describeDemoAccounts } from './demo-accounts.ts';

describeDemoAccounts('pglite');
