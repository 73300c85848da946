// The agent panel page with German: what `customer-properties/i18n/de` adds to it.
import './agent-panel.js';
import '../dist/i18n/de.js';
