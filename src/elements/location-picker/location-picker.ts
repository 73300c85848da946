import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { mapsContext, type MapsOptions } from '../../context.js';
import { FormControlElement, type Validation } from '../../internal/form-control.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import { formatValue, parseValue, sameValue } from '../../model/values.js';
import type { LocationValue, PropertyDefinition } from '../../model/types.js';
import { formatDecimal } from '../../model/value-types/number.js';
import { formatCoordinates } from '../../model/value-types/location.js';
import { MapController, type MapPicker } from './map-controller.js';
import { googleMapsUrl } from './maps-loader.js';
import { styles } from './location-picker.styles.js';
import '../../i18n/en-editor.js';
import '../../i18n/en-location.js';

function locationFromAttribute(text: string | null): LocationValue | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as LocationValue;
  } catch {
    return null;
  }
}

/**
 * Picks a place: a Google map with a draggable pin, place search and "use my location" when a
 * Maps key is given, and typed latitude, longitude and address always, so the field works with no
 * key, offline, or behind a blocked script. Form-associated: submits the value as JSON.
 *
 * @summary A location field: Google Maps when it can, typed coordinates always.
 *
 * @fires {Event} input - The user changed the value (typing, clicking the map, moving the pin).
 * @fires {Event} change - The user committed a change (left an input, dropped the pin, chose a place).
 *
 * @slot map - Holds the map canvas, filled by the element itself: it lives in light DOM so Google's styles reach it.
 *
 * @csspart base - The fieldset around everything (a plain wrapper when read-only).
 * @csspart label - The legend with the field's label.
 * @csspart notice - Why the map is not shown, or that it is loading.
 * @csspart search - The place search box.
 * @csspart locate-button - The "Use my location" button.
 * @csspart retry-button - The "Try again" button, when the map failed to load or took too long.
 * @csspart input - Each of the latitude, longitude and address inputs.
 * @csspart help-text - The hint under the coordinates.
 * @csspart error - The validation message.
 * @csspart value - The read-only text of the place.
 * @csspart link - The read-only "Open in Google Maps" link.
 *
 * @cssprop --cp-map-height - Height of the map (default 16rem).
 * @cssprop --cp-color-border - Border of inputs and map.
 * @cssprop --cp-input-border-color - Border of inputs, over --cp-color-border.
 * @cssprop --cp-color-accent - Focus ring and links.
 * @cssprop --cp-color-error - Error text and invalid borders.
 * @cssprop --cp-color-text - Text.
 * @cssprop --cp-color-text-muted - Hints and notices.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-spacing - Gap between parts.
 * @cssprop --cp-font-family - Font.
 *
 * @cssstate user-invalid - The user left the field, or tried to submit, and its value is invalid.
 * @cssstate user-valid - The user left the field, or tried to submit, and its value is valid.
 */
@customElement('location-picker')
export class LocationPicker extends FormControlElement {
  static override styles = [tokens, inputStyles, styles];

  /** How long the map may take (ms) before the picker says so and stays with typed coordinates. */
  static mapLoadTimeout = 10_000;

  /**
   * `{ lat, lng, address?, placeId? }` or `null`; as an attribute, JSON. A value equal to the one
   * shown (a new object with the same fields) leaves the text the user typed alone.
   */
  @property({ converter: { fromAttribute: locationFromAttribute } })
  value: LocationValue | null = null;

  /** The value `form.reset()` returns to; by default the value last set from code (the host's). */
  @property({ attribute: false }) defaultValue: LocationValue | null | undefined;

  /** The field's label; default "Location" in the element's locale. */
  @property() label = '';

  /** A Google Maps JavaScript API key; without one (here or in the maps context) no map is loaded. */
  @property({ attribute: 'api-key' }) apiKey = '';

  /** A map id, for vector maps and advanced markers. */
  @property({ attribute: 'map-id' }) mapId = '';

  /** Maps options as a property; wins over the `maps` context. */
  @property({ attribute: false }) maps: MapsOptions | undefined;

  @consume({ context: mapsContext, subscribe: true })
  @state()
  private contextMaps: MapsOptions | undefined;

  @state() private latText = '';
  @state() private lngText = '';
  @state() private addressText = '';
  @state() private locating: 'idle' | 'busy' | 'denied' = 'idle';
  @state() private announcement = '';
  /** The user asked to load the map again; the button stays (inactive) meanwhile so focus is not lost. */
  @state() private retrying = false;

  @query('#lat') private latInput!: HTMLInputElement | null;
  @query('#lng') private lngInput!: HTMLInputElement | null;

  /** The value the texts show: a value set from outside differs from it and rewrites the texts. */
  #shown: LocationValue | null | undefined;
  #shownLocale = '';
  /** The value last set from code: what `form.reset()` returns to. */
  #hostValue: LocationValue | null = null;
  #placeId: string | undefined;
  /** The address shown came with the value, not from the user's typing. */
  #addressFromValue = true;
  #definitionCache: PropertyDefinition | undefined;
  #map = new MapController(this, this.#mapPicker());

  get #options(): MapsOptions {
    const context = this.contextMaps ?? {};
    const own = this.maps ?? {};
    const apiKey = this.apiKey || own.apiKey || context.apiKey;
    const mapId = this.mapId || own.mapId || context.mapId;
    const importLibrary = own.importLibrary ?? context.importLibrary;
    const language = own.language ?? context.language;
    return {
      ...(apiKey ? { apiKey } : {}),
      ...(mapId ? { mapId } : {}),
      ...(importLibrary ? { importLibrary } : {}),
      ...(language ? { language } : {}),
    };
  }

  get #definition(): PropertyDefinition {
    const label = this.label || this.catalog.locationPicker.label;
    const cached = this.#definitionCache;
    if (cached && cached.label === label && cached.required === this.required) return cached;
    this.#definitionCache = {
      name: this.name || 'location',
      label,
      type: 'location',
      required: this.required,
      showToAgent: true,
      showToCustomer: true,
      access: {},
      order: 0,
    };
    return this.#definitionCache;
  }

  protected override willUpdate(): void {
    const locale = this.effectiveLocale;
    if (this.value !== this.#shown && this.#shown !== undefined && sameValue(this.value, this.#shown)) {
      // A new object with the same place: the coordinates and address being typed stay.
      this.#hostValue = this.value;
      this.#shown = this.value;
    } else if (this.value !== this.#shown) {
      this.#hostValue = this.value;
      this.#showValue(this.value, locale);
    } else if (locale !== this.#shownLocale && this.#parsed().ok) {
      this.#showValue(this.value, locale);
    }
  }

  /** Writes a value into the texts, in the locale's form. */
  #showValue(value: LocationValue | null, locale: string): void {
    this.#shown = value;
    this.#shownLocale = locale;
    this.latText = value ? formatDecimal(value.lat, locale) : '';
    this.lngText = value ? formatDecimal(value.lng, locale) : '';
    this.addressText = value?.address ?? '';
    this.#addressFromValue = true;
    this.#placeId = value?.placeId;
  }

  #parsed() {
    return parseValue(
      this.#definition,
      { lat: this.latText, lng: this.lngText, address: this.addressText, placeId: this.#placeId },
      this.effectiveLocale,
    );
  }

  #mapPicker(): MapPicker {
    const picker = this;
    return {
      get options() {
        return picker.#options;
      },
      get messages() {
        return picker.catalog.locationPicker;
      },
      get loadTimeout() {
        return LocationPicker.mapLoadTimeout;
      },
      choose: (value, done) => this.#choose(value, done),
      emit: (type) => this.emit(type),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value')) this.#map.placeMarker();
  }

  /** A point the user chose on the map, by search or from the browser: kept, shown and announced. */
  #choose(value: LocationValue, done: boolean): void {
    this.value = value;
    this.#showValue(value, this.effectiveLocale);
    this.markTouched();
    this.announcement = this.catalog.locationPicker.pinMoved(
      formatValue(this.#definition, value, this.effectiveLocale),
    );
    this.emit('input');
    if (done) this.emit('change');
  }

  #onType(field: 'lat' | 'lng' | 'address', event: Event): void {
    // The inner input's own `input` event is composed; the picker sends one of its own instead.
    event.stopPropagation();
    const text = (event.target as HTMLInputElement).value;
    if (field === 'address') {
      this.addressText = text;
      this.#addressFromValue = false;
    } else {
      if (field === 'lat') this.latText = text;
      else this.lngText = text;
      // New coordinates are another place: the old address no longer describes it.
      if (this.#addressFromValue) this.addressText = '';
    }
    // A typed position is no longer the place Google named.
    this.#placeId = undefined;
    const parsed = this.#parsed();
    if (parsed.ok) {
      this.value = parsed.value as LocationValue | null;
      this.#shown = this.value;
    }
    this.emit('input');
  }

  #onTypedChange(): void {
    this.emit('change');
  }

  async #retryMap(): Promise<void> {
    if (this.retrying) return;
    this.retrying = true;
    const button = this.renderRoot.querySelector<HTMLElement>('[part~="retry-button"]');
    try {
      await this.#map.retry();
      // The button goes once the map is there: focus moves first to the map the user asked for, so
      // it is never dropped with the button (which would count as leaving the field).
      if (this.#map.status === 'ready' && button && this.shadowRoot?.activeElement === button)
        this.querySelector<HTMLElement>('[slot="map"]')?.focus();
    } finally {
      this.retrying = false;
    }
  }

  #useMyLocation(): void {
    this.locating = 'busy';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locating = 'idle';
        void this.#map.setPoint(position.coords.latitude, position.coords.longitude, { reverse: true });
      },
      () => (this.locating = 'denied'),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  protected formValue(): string | null {
    return this.value ? JSON.stringify(this.value) : null;
  }

  protected validation(): Validation | null {
    if (this.readonly) return null;
    const parsed = this.#parsed();
    if (!parsed.ok) {
      const anchor =
        parsed.error.code === 'location.range' && parsed.error.params.axis === 'lng' ? this.lngInput : this.latInput;
      const flags =
        parsed.error.code === 'required'
          ? { valueMissing: true }
          : parsed.error.code === 'location.range'
            ? { rangeOverflow: true }
            : { badInput: true };
      return { flags, message: this.describe(parsed.error, this.#definition.label), anchor: anchor ?? undefined };
    }
    return null;
  }

  protected resetValue(): void {
    this.value = this.defaultValue !== undefined ? this.defaultValue : this.#hostValue;
    this.#showValue(this.value, this.effectiveLocale);
  }

  protected restoreValue(state: string): void {
    this.value = locationFromAttribute(state);
  }

  override render() {
    return this.readonly ? this.#renderReadonly() : this.#renderEditor();
  }

  #renderReadonly() {
    const messages = this.catalog.locationPicker;
    const label = this.label || messages.label;
    const text = this.value
      ? formatValue(this.#definition, this.value, this.effectiveLocale)
      : this.catalog.field.notSet;
    return html`<div part="base" class="readonly" role="group" aria-labelledby="label">
      <span part="label" id="label">${label}</span>
      <span part="value">${text}</span>
      ${
        this.value
          ? html`<a part="link" href=${googleMapsUrl(this.value)} target="_blank" rel="noopener noreferrer"
            aria-label=${messages.openInMapsLabel(text)}>${messages.openInMaps}</a>`
          : nothing
      }
    </div>`;
  }

  #renderEditor() {
    const messages = this.catalog.locationPicker;
    const locale = this.effectiveLocale;
    const problem = this.touched ? this.validation() : null;
    const disabled = this.isDisabled;
    const notice = {
      idle: this.#map.hasKey ? '' : messages.noKey,
      loading: messages.mapLoading,
      ready: '',
      failed: messages.loadFailed,
      timeout: messages.loadTimeout,
    }[this.#map.status];
    const describedBy = problem ? 'hint error' : 'hint';
    const invalid = (axis: 'lat' | 'lng') => {
      if (!problem) return 'false';
      const parsed = this.#parsed();
      const onAxis = !parsed.ok && parsed.error.code === 'location.range' ? parsed.error.params.axis === axis : true;
      return String(onAxis);
    };
    return html`<fieldset part="base" ?disabled=${disabled} aria-describedby=${describedBy}>
      <legend part="label">${this.label || messages.label}${
        this.required
          ? html`<span class="required" aria-hidden="true">*</span><span class="visually-hidden">(${this.catalog.field.required})</span>`
          : nothing
      }</legend>
      ${this.#map.status === 'ready' ? html`<slot name="map"></slot><div part="search"></div>` : nothing}
      ${
        // "No key" is how the field is, not news: only loading and its failures are statuses.
        notice
          ? this.#map.status === 'idle'
            ? html`<p part="notice" id="notice">${notice}</p>`
            : html`<p part="notice" id="notice" role="status">${notice}</p>`
          : nothing
      }
      ${
        this.#map.status === 'failed' || this.#map.status === 'timeout' || this.retrying
          ? html`<button part="retry-button" type="button" aria-describedby="notice"
            aria-disabled=${this.retrying ? 'true' : 'false'} ?disabled=${disabled}
            @click=${() => void this.#retryMap()}>${messages.retryMap}</button>`
          : nothing
      }
      ${
        'geolocation' in navigator
          ? html`<button part="locate-button" type="button" ?disabled=${disabled || this.locating === 'busy'}
            @click=${this.#useMyLocation}>${this.locating === 'busy' ? messages.locating : messages.useMyLocation}</button>`
          : nothing
      }
      ${this.locating === 'denied' ? html`<p part="notice" role="alert">${messages.locationDenied}</p>` : nothing}
      <div class="coordinates">
        <label>${messages.latitude}
          <input part="input" id="lat" inputmode="decimal" autocomplete="off" .value=${this.latText}
            aria-invalid=${invalid('lat')} aria-describedby=${describedBy}
            @input=${(e: Event) => this.#onType('lat', e)} @change=${this.#onTypedChange} />
        </label>
        <label>${messages.longitude}
          <input part="input" id="lng" inputmode="decimal" autocomplete="off" .value=${this.lngText}
            aria-invalid=${invalid('lng')} aria-describedby=${describedBy}
            @input=${(e: Event) => this.#onType('lng', e)} @change=${this.#onTypedChange} />
        </label>
        <label class="address">${messages.address}
          <input part="input" id="address" autocomplete="street-address" .value=${this.addressText}
            @input=${(e: Event) => this.#onType('address', e)} @change=${this.#onTypedChange} />
        </label>
      </div>
      <p part="help-text" id="hint">${messages.coordinatesHint(formatCoordinates({ lat: 48.8584, lng: 2.2945 }, locale))}</p>
      ${problem ? html`<p part="error" id="error">${problem.message}</p>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'location-picker': LocationPicker;
  }
}
