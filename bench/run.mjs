// `npm run bench` measures speed and size against plain-DOM and plain-Lit floors. It lands with the
// benchmark issue; until then it says so and exits cleanly.
console.log('npm run bench: not yet. The benchmark arrives with the elements (see BENCHMARKS.md).');
console.log('The bundle size is reported by `npm run build` (lines starting with "size:").');
