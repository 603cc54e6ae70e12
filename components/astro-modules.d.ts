// For the plain TypeScript check (tsc): .astro files imported from .ts modules are
// Astro components. (Astro's own checker knows this; tsc needs to be told.)
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
