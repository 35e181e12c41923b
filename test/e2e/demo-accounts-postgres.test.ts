/** The demo contract in a real browser on PostgreSQL: see `demo-accounts.ts`. */
import { describeDemoAccounts } from './demo-accounts.ts';

describeDemoAccounts('postgres');
