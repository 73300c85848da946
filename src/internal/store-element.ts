import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { storeContext } from '../context.js';
import type { PropertyStore } from '../storage/property-store.js';
import { LocalizedElement } from './localized-element.js';

/** The base of every element that talks to a store: the `store` property, else the context's. */
export class StoreElement extends LocalizedElement {
  /** The store; wins over the one provided by context. */
  @property({ attribute: false }) store: PropertyStore | undefined;

  @consume({ context: storeContext, subscribe: true })
  @state()
  protected contextStore: PropertyStore | undefined;

  /** The store this element uses now. */
  protected get activeStore(): PropertyStore | undefined {
    return this.store ?? this.contextStore;
  }
}
