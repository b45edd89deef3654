declare const __VERSION__: string;

/** The widget's version (from package.json at build time). */
export const VERSION: string = __VERSION__;
