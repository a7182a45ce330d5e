import { storeContract } from './store-contract.ts';
import { onEachStore } from '../../test/support/each-store.ts';

await onEachStore('store contract', 'heitu_contract', storeContract);
