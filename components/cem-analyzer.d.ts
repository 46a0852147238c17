/** The analyzer's Lit plugin (no types shipped for this deep path); see components/manifest.ts. */
declare module "@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js" {
  export function litPlugin(): unknown[];
}
