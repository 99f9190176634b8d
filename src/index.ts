// The public API: `huzhu/core`, with the bundled policies and a selectPolicy that picks from
// them by default. This file only re-exports: each function lives in its own module.

export * from './core';
export { bundledRegistry, policies } from './policies';
export { selectPolicy } from './selectPolicy';
