/**
 * Node options of `npm run build` (scripts/build.ts), which the benchmarks
 * pass too so that they time the build authors run.
 *
 * `--max-semi-space-size=64` (MB; Node's default is 16): a larger young
 * generation. A big story allocates many short-lived objects (parsed
 * Markdown, page HTML, layouts), and with the default most garbage
 * collections are scavenges that copy survivors again and again. On a
 * 1,000-actor story it cut a cold build by about 7 % in wall time and 6 % in
 * CPU time (four pairs of builds, taking turns), for 7 % more peak memory
 * (1.00 → 1.07 GB). A bare Astro build gained nothing from it.
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
