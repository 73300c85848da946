// The oldest browsers the elements work in: the first with CSS custom states (`:state()`), which
// their styles use. The CSS minifier (lightningcss) writes nothing these cannot read, and adds the
// prefixes they need. Shared by the bundle's build (rollup.config.mjs) and scripts/minify-templates.mjs.
export const CSS_TARGETS = { chrome: 125 << 16, firefox: 126 << 16, safari: (17 << 16) | (4 << 8) };
