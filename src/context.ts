import { ContextProvider, ContextRoot, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { PropertyStore } from './storage/index.js';

/** The signed-in user: their roles decide what `access` lets them see and edit. */
export interface CustomerPropertiesUser {
  id: string;
  roles: string[];
  /** Shown as the author of their changes ("changed by Ana"). */
  name?: string;
}

/** How `<location-picker>` reaches Google Maps. */
export interface MapsOptions {
  /** A Maps JavaScript API key from the host; without one the picker shows typed coordinates. */
  apiKey?: string;
  mapId?: string;
  /** The language of the map; defaults to the element's locale. */
  language?: string;
  /** Replaces the loader: tests inject a fake `google.maps` here. */
  importLibrary?: (name: string) => Promise<unknown>;
}

export const storeContext = createContext<PropertyStore | undefined>(Symbol('customer-properties.store'));
export const userContext = createContext<CustomerPropertiesUser | undefined>(Symbol('customer-properties.user'));
export const localeContext = createContext<string | undefined>(Symbol('customer-properties.locale'));
export const mapsContext = createContext<MapsOptions | undefined>(Symbol('customer-properties.maps'));

// Elements that asked for a service before any provider existed (an element upgraded before the
// host called provideCustomerProperties) get their answer as soon as a provider appears.
if (typeof document !== 'undefined') new ContextRoot().attach(document.documentElement);

export interface CustomerPropertiesServices {
  store?: PropertyStore;
  user?: CustomerPropertiesUser;
  locale?: string;
  maps?: MapsOptions;
}

/** Set a service on the returned object to change it for every element below the host. */
export interface CustomerPropertiesProviders {
  set(services: CustomerPropertiesServices): void;
}

/**
 * Provides a store, a user, a locale and Maps options to every customer-properties element inside
 * `host` (an element's own property still wins). `host` is any element: a Lit element or a plain
 * `<div>` of the host page.
 */
export function provideCustomerProperties(
  host: HTMLElement,
  services: CustomerPropertiesServices,
): CustomerPropertiesProviders {
  // ContextProvider calls addController only when the host has it, so a plain element serves.
  const controllerHost = host as HTMLElement & ReactiveControllerHost;
  const providers = {
    store: new ContextProvider(controllerHost, { context: storeContext, initialValue: services.store }),
    user: new ContextProvider(controllerHost, { context: userContext, initialValue: services.user }),
    locale: new ContextProvider(controllerHost, { context: localeContext, initialValue: services.locale }),
    maps: new ContextProvider(controllerHost, { context: mapsContext, initialValue: services.maps }),
  };
  for (const provider of Object.values(providers)) provider.hostConnected();
  return {
    set(next) {
      if ('store' in next) providers.store.setValue(next.store);
      if ('user' in next) providers.user.setValue(next.user);
      if ('locale' in next) providers.locale.setValue(next.locale);
      if ('maps' in next) providers.maps.setValue(next.maps);
    },
  };
}
