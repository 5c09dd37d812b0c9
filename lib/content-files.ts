/**
 * The two scripts Twofold puts in pages, as the build names them. The loader runs at every load of
 * a page Twofold serves (the manifest's and the registered content script); the features (capture
 * and autofill) are injected by the background into a frame whose loader found work.
 */
export const LOADER_FILE = 'content-loader.js';
export const FEATURES_FILE = 'content-scripts/m2mmanager.js';
