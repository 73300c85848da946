// The panel's page in the bench: its rows cycle through every type, location included, so it
// imports <location-picker> up front, as a page whose customers all have a location would; the
// picker on demand (preloaded when the definitions list a location) is measured beside it, bundled,
// by bench/run.mjs (bench/panel-bench.ts alone).
import '../src/elements/location-picker/location-picker.js';
import './panel-bench.js';
