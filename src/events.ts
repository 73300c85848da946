import type { Customer, PropertyDefinition, PropertyValue, SavedAudience } from './model/index.js';
import type { ImportCsvReport } from './storage/csv-import.js';
import type { StoreError } from './storage/index.js';

export interface PropertySaveDetail {
  customerId: string;
  /** The property's technical name (`name` for the customer's name). */
  name: string;
  value: PropertyValue | null;
  error?: StoreError;
}

/** A field of `<customer-details-panel>` was saved. Bubbles and is composed. */
export class PropertySavedEvent extends CustomEvent<PropertySaveDetail> {
  static readonly type = 'property-saved';
  constructor(detail: PropertySaveDetail) {
    super(PropertySavedEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** A save of `<customer-details-panel>` failed or met a conflict; `detail.error` says which. */
export class PropertySaveFailedEvent extends CustomEvent<PropertySaveDetail & { error: StoreError }> {
  static readonly type = 'property-save-failed';
  constructor(detail: PropertySaveDetail & { error: StoreError }) {
    super(PropertySaveFailedEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** An edit that is not in the store yet: typed, being saved, failed, or in conflict. */
export interface PendingEdit {
  customerId: string;
  /** The property's technical name (`name` for the customer's name). */
  name: string;
  value: PropertyValue | null;
  status: 'unsaved' | 'saving' | 'failed' | 'conflict';
}

/**
 * The edits of `<customer-details-panel>` or `<customer-profile-form>` that are not saved yet
 * changed (one was typed, saved, failed, or dropped); `detail.pendingEdits` is the element's
 * `pendingEdits` now. Bubbles and is composed.
 */
export class PendingEditsChangedEvent extends CustomEvent<{ pendingEdits: readonly PendingEdit[] }> {
  static readonly type = 'pending-edits-changed';
  constructor(pendingEdits: readonly PendingEdit[]) {
    super(PendingEditsChangedEvent.type, { detail: { pendingEdits }, bubbles: true, composed: true });
  }
}

export interface ProfileSavedDetail {
  customerId: string;
  customer: Customer;
  /** The names of the properties this save changed. */
  changed: string[];
}

/** `<customer-profile-form>` saved the customer's changes. */
export class ProfileSavedEvent extends CustomEvent<ProfileSavedDetail> {
  static readonly type = 'profile-saved';
  constructor(detail: ProfileSavedDetail) {
    super(ProfileSavedEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** `<property-definition-form>` saved a definition to the store. */
export class DefinitionSavedEvent extends CustomEvent<{ definition: PropertyDefinition }> {
  static readonly type = 'definition-saved';
  constructor(definition: PropertyDefinition) {
    super(DefinitionSavedEvent.type, { detail: { definition }, bubbles: true, composed: true });
  }
}

/** `<audience-list>` saved an audience (new, changed, renamed or duplicated). Bubbles and is composed. */
export class AudienceSavedEvent extends CustomEvent<{ audience: SavedAudience }> {
  static readonly type = 'audience-saved';
  constructor(audience: SavedAudience) {
    super(AudienceSavedEvent.type, { detail: { audience }, bubbles: true, composed: true });
  }
}

/** `<audience-list>` deleted a saved audience. Bubbles and is composed. */
export class AudienceDeletedEvent extends CustomEvent<{ audience: SavedAudience }> {
  static readonly type = 'audience-deleted';
  constructor(audience: SavedAudience) {
    super(AudienceDeletedEvent.type, { detail: { audience }, bubbles: true, composed: true });
  }
}

/** `<audience-builder>` exported its customers as CSV; unless prevented, the file is saved. Bubbles and is composed. */
export class AudienceExportedEvent extends CustomEvent<{ file: Blob; customers: number }> {
  static readonly type = 'audience-exported';
  constructor(file: Blob, customers: number) {
    super(AudienceExportedEvent.type, { detail: { file, customers }, bubbles: true, composed: true, cancelable: true });
  }
}

/** `<customer-import>` finished an import or a dry run. Bubbles and is composed. */
export class CustomersImportedEvent extends CustomEvent<{ report: ImportCsvReport; dryRun: boolean }> {
  static readonly type = 'customers-imported';
  constructor(report: ImportCsvReport, dryRun: boolean) {
    super(CustomersImportedEvent.type, { detail: { report, dryRun }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'customers-imported': CustomersImportedEvent;
    'audience-exported': AudienceExportedEvent;
    'audience-saved': AudienceSavedEvent;
    'audience-deleted': AudienceDeletedEvent;
    'property-saved': PropertySavedEvent;
    'property-save-failed': PropertySaveFailedEvent;
    'profile-saved': ProfileSavedEvent;
    'pending-edits-changed': PendingEditsChangedEvent;
    'definition-saved': DefinitionSavedEvent;
  }
}
