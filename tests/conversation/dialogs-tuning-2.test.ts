import { describe } from 'vitest';
import { dialogTests, tuningShard } from './support/dialog-suite.ts';

// Shard 2 of 4 of the tuning dialogs (./dialogs-tuning; see support/dialog-suite.ts).
describe('offline dialogs, tuning shard 2 of 4', () => dialogTests(tuningShard(2, 4)));
